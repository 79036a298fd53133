package dev.plancheck;

import dev.plancheck.input.InvalidSubmissionException;
import dev.plancheck.input.Problem;
import dev.plancheck.input.RulePackException;
import dev.plancheck.input.Submission;
import dev.plancheck.report.Report;
import java.nio.file.Path;
import java.util.List;

/**
 * What the check pipeline tells as it goes, in order, so that a caller can show progress and write each report as soon
 * as it is made (a run over a large NDJSON file then holds one submission at a time). Every method does nothing by
 * default. The command line prints these events; {@link PlanChecker#run(CheckRequest)} collects them into its
 * {@link CheckOutcome}.
 */
public interface CheckListener {
    /**
     * A folder entry that is not read, with the sentence that says so and why (a lock file, an expected-result file,
     * a subfolder), e.g. {@code 跳过 a/b.expected.json（预期结果文件，不是台账）}.
     */
    default void skipped(Path file, String message) {
    }

    /** A path or folder entry that cannot be used at all (missing, a FIFO, too large, not a ledger). */
    default void refused(Problem problem) {
    }

    /**
     * The files about to be read, once every path is expanded and before any ledger is read; a problem returned stops
     * the run with {@link CheckOutcome.Status#BAD_INPUT} (the command line refuses an output file among the inputs).
     */
    default Problem beforeReading(List<InputFile> files) {
        return null;
    }

    /** A waiver file that could not be read, with every problem in it. */
    default void invalidWaivers(InputFile file, InvalidSubmissionException problems) {
    }

    /** An input is being read. */
    default void reading(InputFile file) {
    }

    /** A submission that could not be checked, with every problem found in it. */
    default void invalid(String source, InvalidSubmissionException problems) {
    }

    /** An input, or the rest of it, that could not be read at all. */
    default void unreadable(Problem problem) {
    }

    /** Something the assessor should know that is not a problem (a workbook's own 情况说明 sheet was not applied). */
    default void note(String text) {
    }

    /** A submission read and found valid, when only validating ({@link PlanChecker#validate}). */
    default void valid(Submission submission) {
    }

    /** One report, as soon as it is final. */
    default void report(Report report) {
    }

    /** The pack failed while it checked a submission; the run stops. */
    default void brokenPack(String source, RulePackException e) {
    }
}
