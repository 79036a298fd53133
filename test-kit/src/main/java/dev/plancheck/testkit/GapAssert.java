package dev.plancheck.testkit;

import dev.plancheck.report.Gap;
import java.util.Arrays;
import java.util.List;

/**
 * Assertions on one gap, reached through {@link ReportAssert#hasGap}; {@link #and()} goes back to the report.
 *
 * <pre>{@code
 * assertThat(report).hasGap("R1.1-1", "QS")
 *         .expecting("网格员例会：8 月（2023-08-01 至 2023-08-31）内至少 1 条")   // passes
 *         .findingContaining("没有符合条件的记录")
 *         .and().hasGap("R3.1-1", "QS");
 * assertThat(report).hasGap("R1.1-1", "QS").expecting("网格员例会：9 月…");  // fails, showing both texts
 * }</pre>
 */
public final class GapAssert {
    private final ReportAssert report;
    private final Gap gap;

    GapAssert(ReportAssert report, Gap gap) {
        this.report = report;
        this.gap = gap;
    }

    /** The gap under test. */
    public Gap actual() {
        return gap;
    }

    /** What the plan requires, as the report says it (应有), word for word. */
    public GapAssert expecting(String expected) {
        if (!gap.expected().equals(expected)) {
            throw Failures.differ(where() + "的“应有”不符", expected, gap.expected());
        }
        return this;
    }

    /** What the ledger holds, as the report says it (实有), word for word. */
    public GapAssert finding(String found) {
        if (!gap.found().equals(found)) {
            throw Failures.differ(where() + "的“实有”不符", found, gap.found());
        }
        return this;
    }

    /** What the ledger holds (实有) contains this text. */
    public GapAssert findingContaining(String part) {
        if (!gap.found().contains(part)) {
            throw Failures.differ(where() + "的“实有”应包含“" + part + "”", part, gap.found());
        }
        return this;
    }

    /** The records the rule counted, in the report's order. */
    public GapAssert withEvidence(String... recordIds) {
        List<String> want = Arrays.asList(recordIds);
        if (!gap.evidence().equals(want)) {
            throw Failures.differ(where() + "的证据不符", want, gap.evidence());
        }
        return this;
    }

    /** An assessor accepted the gap with a waiver. */
    public GapAssert isWaived() {
        if (!gap.waived()) {
            throw Failures.fail(where() + "应已说明（有情况说明），实际是未说明的缺项");
        }
        return this;
    }

    /** An open gap: no waiver accepts it. */
    public GapAssert isOpen() {
        if (gap.waived()) {
            throw Failures.fail(where() + "应是未说明的缺项，实际已说明：" + gap.waiver().reason());
        }
        return this;
    }

    /** Back to the report, to chain more assertions. */
    public ReportAssert and() {
        return report;
    }

    private String where() {
        return "规则 " + gap.ruleId() + " 对单位 " + gap.unit().getId() + " 的缺项";
    }
}
