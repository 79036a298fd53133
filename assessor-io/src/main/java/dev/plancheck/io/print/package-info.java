/**
 * What goes on paper: sheets that print on A4 (column widths, wrapped text in rows tall enough to hold it, page set-up
 * that never shrinks text below 9 pt, safe text cells), and the rule pack's fingerprint as printed pages show it.
 */
package dev.plancheck.io.print;
