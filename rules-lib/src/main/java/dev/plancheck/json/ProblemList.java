package dev.plancheck.json;

import dev.plancheck.input.InvalidSubmissionException;
import dev.plancheck.input.Problem;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The problems of one input, bounded: keeps the first {@code max} in file order and counts the rest, so that a
 * ledger of 200,000 broken records neither fills the memory nor prints without end. Only {@link #add} is
 * meaningful to callers that take a {@code List<Problem>}.
 */
public final class ProblemList extends AbstractList<Problem> {
    private final int max;
    // The kept problems with the last in file order on top, so that an earlier one can replace it.
    private final PriorityQueue<Problem> kept;
    private int total;

    /** A list that keeps the first {@code max} problems in file order. */
    public ProblemList(int max) {
        this.max = max;
        this.kept = new PriorityQueue<>(Problem.IN_FILE_ORDER.reversed());
    }

    @Override
    public boolean add(Problem p) {
        total++;
        if (kept.size() < max) {
            kept.add(p);
        } else if (Problem.IN_FILE_ORDER.compare(p, kept.peek()) < 0) {
            kept.poll();
            kept.add(p);
        }
        return true;
    }

    @Override
    public Problem get(int index) {
        return sorted().get(index);
    }

    @Override
    public int size() {
        return kept.size();
    }

    /** All problems added, kept or not. */
    public int total() {
        return total;
    }

    /** The kept problems in file order. */
    public List<Problem> sorted() {
        List<Problem> out = new ArrayList<>(kept);
        out.sort(Problem.IN_FILE_ORDER);
        return out;
    }

    /** The exception carrying the kept problems and the count of the rest. */
    public InvalidSubmissionException exception() {
        return new InvalidSubmissionException(sorted(), total - kept.size());
    }
}
