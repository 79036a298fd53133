package dev.plancheck.report;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * How many results of a report have each status. Its {@code toString()} is the line an assessor reads.
 *
 * <pre>{@code
 * Summary s = report.summary();
 * s.gap();                  // 2
 * s.of(Status.MET);         // 77
 * s.toString();             // "已落实 77　缺项 2　未到期 0　不适用 0"
 * s.counts();               // {MET=77, GAP=2, NOT_DUE=0, NOT_APPLICABLE=0}
 * }</pre>
 *
 * @param met           results {@link Status#MET}
 * @param gap           results {@link Status#GAP}, waived or not
 * @param notDue        results {@link Status#NOT_DUE}
 * @param notApplicable results {@link Status#NOT_APPLICABLE}
 */
public record Summary(int met, int gap, int notDue, int notApplicable) {
    /** Counts the statuses of the given results. */
    public static Summary of(List<RuleResult> results) {
        int[] n = new int[Status.values().length];
        for (RuleResult r : results) {
            n[r.status().ordinal()]++;
        }
        return new Summary(n[Status.MET.ordinal()], n[Status.GAP.ordinal()], n[Status.NOT_DUE.ordinal()],
                n[Status.NOT_APPLICABLE.ordinal()]);
    }

    /** The count of one status. */
    public int of(Status status) {
        return switch (status) {
            case MET -> met;
            case GAP -> gap;
            case NOT_DUE -> notDue;
            case NOT_APPLICABLE -> notApplicable;
        };
    }

    /** All results counted. */
    public int total() {
        return met + gap + notDue + notApplicable;
    }

    /** The counts by status, in {@link Status} order, zeros included; unmodifiable. */
    public Map<Status, Integer> counts() {
        Map<Status, Integer> map = new EnumMap<>(Status.class);
        for (Status s : Status.values()) {
            map.put(s, of(s));
        }
        return Collections.unmodifiableMap(map);
    }

    /** {@code 已落实 77　缺项 2　未到期 0　不适用 0}: each status's Chinese name and count. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (Status s : Status.values()) {
            if (sb.length() > 0) {
                sb.append('　');
            }
            sb.append(s.chineseName()).append(' ').append(of(s));
        }
        return sb.toString();
    }
}
