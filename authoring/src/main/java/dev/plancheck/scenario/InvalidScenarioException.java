package dev.plancheck.scenario;

import dev.plancheck.input.Problem;
import java.util.List;
import java.util.stream.Collectors;

/** A scenario file that cannot be run, with every problem found in it, each located. */
public final class InvalidScenarioException extends Exception {
    private static final long serialVersionUID = 1L;

    private final List<Problem> problems;

    public InvalidScenarioException(List<Problem> problems) {
        super(problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
