package dev.plancheck.service;

import dev.plancheck.input.Problem;
import dev.plancheck.input.ProblemCode;
import java.util.List;

/** A request answered with an error status and the problems that say why, in Chinese. */
final class Rejection extends Exception {
    private static final long serialVersionUID = 1L;

    final int status;
    final List<Problem> problems;
    final int omitted;

    Rejection(int status, List<Problem> problems) {
        this(status, problems, 0);
    }

    /** A rejection listing {@code problems}, with {@code omitted} more found and not listed. */
    Rejection(int status, List<Problem> problems, int omitted) {
        super(problems.isEmpty() ? String.valueOf(status) : problems.get(0).message(), null, false, false);
        this.status = status;
        this.problems = List.copyOf(problems);
        this.omitted = omitted;
    }

    /** A rejection with one problem about the request itself ({@code path} names the parameter, if any). */
    static Rejection of(int status, ProblemCode code, String parameter, String message) {
        return new Rejection(status, List.of(new Problem(code, "", 0, 0, parameter, message)));
    }
}
