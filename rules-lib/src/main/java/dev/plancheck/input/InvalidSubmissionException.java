package dev.plancheck.input;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A submission that cannot be checked, with every problem found in it, each naming the file, the place and what
 * was expected. The command line exits with 2 on it.
 */
public final class InvalidSubmissionException extends Exception {
    private static final long serialVersionUID = 1L;

    private final List<Problem> problems;
    private final int omitted;

    public InvalidSubmissionException(List<Problem> problems) {
        this(problems, 0);
    }

    /**
     * A submission with more problems than are listed.
     *
     * @param problems the problems listed, the first in file order
     * @param omitted  how many more were found and not listed ({@link InputLimits#maxProblems()})
     */
    public InvalidSubmissionException(List<Problem> problems, int omitted) {
        super(problems.stream().map(Problem::toString).collect(Collectors.joining("\n"))
                + (omitted > 0 ? "\n另有 " + omitted + " 个问题" : ""));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an invalid submission has at least one problem");
        }
        this.problems = List.copyOf(problems);
        this.omitted = omitted;
    }

    /** The problems listed, in file order; at most {@link InputLimits#maxProblems()} of them. */
    public List<Problem> problems() {
        return problems;
    }

    /** How many further problems were found and not listed. */
    public int omitted() {
        return omitted;
    }

    /** All problems found, listed or not. */
    public int total() {
        return problems.size() + omitted;
    }
}
