package dev.plancheck;

import dev.plancheck.input.Problem;
import dev.plancheck.report.Report;
import java.util.List;

/**
 * What one run of the check pipeline gave: the reports, every problem with the inputs (each located and coded), and
 * the status the command line turns into its exit code and the service into its HTTP status.
 *
 * <pre>{@code
 * CheckOutcome o = checker.run(request);
 * switch (o.status()) {
 *     case NO_GAPS, GAPS -> write(o.reports());
 *     case BAD_INPUT -> o.problems().forEach(p -> System.err.println(p.code() + " " + p));
 *     case BROKEN_PACK -> …
 * }
 * }</pre>
 *
 * @param status      the outcome as a whole
 * @param reports     the reports, one per submission checked, in input order; empty when the reports were delivered
 *                    to a {@link CheckListener} as they were made
 * @param problems    every problem found with the inputs: unusable paths, invalid submissions (the problems listed;
 *                    {@link #omitted()} more were counted), waivers, options
 * @param omitted     problems found and not listed (over {@code InputLimits.maxProblems()} in a file)
 * @param batch       true when a folder, several files or an NDJSON file was given: the units are compared
 * @param submissions submissions met, checked or not
 * @param checked     submissions checked
 * @param withGaps    reports with an open gap
 * @param unusable    paths or folder entries that could not be used at all
 */
public record CheckOutcome(Status status, List<Report> reports, List<Problem> problems, int omitted, boolean batch,
                           int submissions, int checked, int withGaps, int unusable) {
    /** The lists are copied. */
    public CheckOutcome {
        reports = List.copyOf(reports);
        problems = List.copyOf(problems);
    }

    /** The outcome of a check as a whole; the first that holds, in this order, from the bottom up. */
    public enum Status {
        /** Every input was read and checked, and no report has an open gap. */
        NO_GAPS,
        /** Every input was read and checked, and at least one report has an open gap. */
        GAPS,
        /** An input could not be used (a ledger, a waiver, an option): what could be checked was, and is reported. */
        BAD_INPUT,
        /** The rule pack itself failed while it checked: nothing can be concluded. */
        BROKEN_PACK
    }
}
