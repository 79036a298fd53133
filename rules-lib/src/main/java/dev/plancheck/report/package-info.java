/**
 * What a check finds, as values: the {@link dev.plancheck.report.Report} with its results, gaps, notices and coming
 * duties; and how it is written: one {@link dev.plancheck.report.ReportWriter} per format, found by name in
 * {@link dev.plancheck.report.ReportFormats} (text and JSON here; other modules register theirs as services). Public
 * API; depends on nothing internal.
 */
package dev.plancheck.report;
