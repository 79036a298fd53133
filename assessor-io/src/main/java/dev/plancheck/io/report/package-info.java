/**
 * Report files for people: a self-contained HTML report, the xlsx follow-up list (整改清单) and its csv rows, and
 * {@link dev.plancheck.io.report.ReportFileFormats}, which names every format, the library's text and json included.
 */
package dev.plancheck.io.report;
