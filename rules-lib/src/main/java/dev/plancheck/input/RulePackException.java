package dev.plancheck.input;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The rule pack itself is broken: a parameter file that does not parse, a DRL file that does not compile, a rule
 * without its metadata, a clause that is not in the document. Carries every problem found, each located.
 * The command line exits with 3 on it.
 */
public final class RulePackException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final List<Problem> problems;

    public RulePackException(List<Problem> problems) {
        super(problems.stream().map(Problem::toString).collect(Collectors.joining("\n", "规则包有误：\n", "")));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
