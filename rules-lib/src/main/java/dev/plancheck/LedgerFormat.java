package dev.plancheck;

import dev.plancheck.input.InputLimits;
import dev.plancheck.input.InvalidSubmissionException;
import dev.plancheck.input.Problem;
import dev.plancheck.input.Submission;
import dev.plancheck.input.Waiver;
import java.io.IOException;
import java.util.List;

/**
 * Reads ledgers of one file format into submissions, and, for some formats, waiver files. The runtime reads JSON and
 * NDJSON; other modules register more formats (xlsx and CSV from plancheck-io) by listing their implementation in
 * {@code META-INF/services/dev.plancheck.LedgerFormat}, exactly as report formats are registered. A format yields
 * the same {@link Submission} as every other, validated against the pack with the same located, coded problems,
 * within the same {@link InputLimits}; it never touches the engine.
 *
 * <pre>{@code
 * LedgerFormat xlsx = LedgerFormats.forFile("台账.xlsx");
 * xlsx.read(InputFile.of(Path.of("台账.xlsx")), checker, InputLimits.defaults(), sink);
 * }</pre>
 */
public interface LedgerFormat {
    /** What became of each submission in a file, as a format reads it. */
    interface Sink {
        /** A submission read and validated. */
        void read(Submission submission);

        /** A submission that could not be read, with every problem found in it. */
        void invalid(String source, InvalidSubmissionException problems);

        /** An input, or the rest of it, that could not be read at all (too large, empty, an I/O error). */
        void unreadable(Problem problem);
    }

    /** The format's name, e.g. {@code xlsx}. */
    String name();

    /** The file name extensions of the format, lower case, with the dot, e.g. {@code [.xlsx]}. */
    List<String> extensions();

    /**
     * Reads the submissions of one input: most formats hold one; NDJSON holds one per line, each reported as it is
     * read, so that memory is bounded by the largest submission, not by the file.
     *
     * @throws IOException when the input cannot be read at all
     */
    void read(InputFile input, PlanChecker checker, InputLimits limits, Sink sink) throws IOException;

    /** True when this format also holds waivers (情况说明). */
    default boolean readsWaivers() {
        return false;
    }

    /**
     * True when a ledger of this format may carry its own waivers beside its records (an xlsx ledger's 情况说明
     * sheet): they are the assessor's to accept, so a check without waiver files says they were not applied.
     */
    default boolean ledgersCarryWaivers() {
        return false;
    }

    /**
     * Reads the waivers of one input. A waiver naming a rule the pack does not have, or the same rule and unit twice,
     * is a problem; whether its unit is in a checked ledger is for the check to say.
     *
     * @throws InvalidSubmissionException with every problem found, each located
     */
    default List<Waiver> readWaivers(InputFile input, PlanChecker checker, InputLimits limits)
            throws IOException, InvalidSubmissionException {
        throw new UnsupportedOperationException(name() + " holds no waivers");
    }
}
