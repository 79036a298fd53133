/** The assessors' file formats, kept out of the library jar: spreadsheet ledgers in, printable reports out. */
package dev.plancheck.io;
