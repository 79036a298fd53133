/** Report writers, one per output format, behind {@link dev.plancheck.report.ReportWriter}; {@link dev.plancheck.report.ReportFormats} maps names to writers. */
package dev.plancheck.report;
