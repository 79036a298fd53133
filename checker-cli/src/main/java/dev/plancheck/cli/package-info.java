/** The assessors' command line: {@code checker check}, {@code rules}, {@code test}, {@code template}, {@code convert}. */
package dev.plancheck.cli;
