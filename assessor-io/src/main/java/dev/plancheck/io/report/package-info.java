/** Report writers for people: a self-contained HTML report, the xlsx follow-up list (整改清单) and its csv rows. */
package dev.plancheck.io.report;
