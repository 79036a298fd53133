package dev.plancheck;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A submission that cannot be checked, with every problem found in it, each naming the file, the place and what
 * was expected. The command line exits with 2 on it.
 */
public final class InvalidSubmissionException extends Exception {
    private final List<Problem> problems;

    public InvalidSubmissionException(List<Problem> problems) {
        super(problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an invalid submission has at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
