/**
 * Report files for people: a self-contained HTML report, the xlsx follow-up list (整改清单) and its csv rows. Each is a
 * {@link dev.plancheck.report.ReportWriter} registered as a service, so that {@link dev.plancheck.report.ReportFormats}
 * offers them beside the library's own formats whenever this module is on the class path.
 */
package dev.plancheck.io.report;
