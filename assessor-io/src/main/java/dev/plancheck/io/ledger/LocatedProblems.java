package dev.plancheck.io.ledger;

import dev.plancheck.input.InvalidSubmissionException;
import dev.plancheck.io.ledger.Table.Located;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The problems of one spreadsheet, bounded as the JSON reader bounds its own: the first {@code max} in the order of
 * the file (table, row, column) are kept, the rest only counted, so that a million bad cells neither fill the memory
 * nor print without end ({@link dev.plancheck.input.InputLimits#maxProblems()}).
 */
final class LocatedProblems {
    static final Comparator<Located> IN_FILE_ORDER = Comparator.comparingInt(Located::order)
            .thenComparingInt(Located::row).thenComparingInt(Located::column)
            .thenComparing(l -> l.problem().message());

    private final int max;
    // The kept problems with the last in file order on top, so that an earlier one can replace it.
    private final PriorityQueue<Located> kept = new PriorityQueue<>(IN_FILE_ORDER.reversed());
    private int total;

    LocatedProblems(int max) {
        this.max = max;
    }

    void add(Located p) {
        total++;
        if (kept.size() < max) {
            kept.add(p);
        } else if (IN_FILE_ORDER.compare(p, kept.peek()) < 0) {
            kept.poll();
            kept.add(p);
        }
    }

    /** Counts problems found but not kept anywhere (e.g. cells past a bound already reached). */
    void uncounted(int n) {
        total += n;
    }

    /** How many problems were found, kept or not. */
    int total() {
        return total;
    }

    boolean isEmpty() {
        return total == 0;
    }

    /** The kept problems, in file order. */
    List<Located> sorted() {
        List<Located> out = new ArrayList<>(kept);
        out.sort(IN_FILE_ORDER);
        return out;
    }

    InvalidSubmissionException exception() {
        return new InvalidSubmissionException(sorted().stream().map(Located::problem).toList(), total - kept.size());
    }
}
