/** The assessors' command line: {@code checker check}, {@code checker rules}, {@code checker test}. */
package dev.plancheck.cli;
