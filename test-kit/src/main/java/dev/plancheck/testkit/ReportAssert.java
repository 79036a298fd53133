package dev.plancheck.testkit;

import dev.plancheck.report.Gap;
import dev.plancheck.report.Report;
import dev.plancheck.report.RuleResult;
import dev.plancheck.report.Scope;
import dev.plancheck.report.Status;
import java.util.Arrays;
import java.util.List;

/**
 * Assertions on one {@link Report}; each returns this (or a {@link GapAssert}) so that they chain.
 *
 * <pre>{@code
 * assertThat(report).isMet("R1.1-1", "QS").hasNoGaps();                 // passes on a compliant ledger
 * assertThat(report).isMet("R1.1-1", "QS");
 * // fails on the gap ledger with:
 * //   规则 R1.1-1 对单位 QS 的结果应为 已落实，实际为 缺项
 * //     [R1.1-1] 青松街道（QS）：缺项 — 应有：网格员例会：8 月（2023-08-01 至 2023-08-31）内至少 1 条；实有：…
 * }</pre>
 */
public final class ReportAssert {
    private final Report report;

    ReportAssert(Report report) {
        this.report = report;
    }

    /** The report under test, for assertions the kit does not offer. */
    public Report actual() {
        return report;
    }

    /**
     * The rule's result for the unit is a gap (waived or not); continue with assertions on that gap.
     *
     * <pre>{@code
     * assertThat(report).hasGap("R2.1-1", "FL").expecting("…").finding("…");   // passes when FL misses R2.1-1
     * assertThat(report).hasGap("R2.1-1", "BH");   // fails: "… 应为 缺项，实际为 已落实" with BH's evidence
     * }</pre>
     */
    public GapAssert hasGap(String ruleId, String unitId) {
        RuleResult r = result(ruleId, unitId);
        if (r.status() != Status.GAP) {
            throw Failures.differ("规则 " + ruleId + " 对单位 " + unitId + " 的结果应为缺项\n  " + Failures.describe(report, r),
                    Status.GAP.chineseName(), r.status().chineseName());
        }
        return new GapAssert(this, report.gapOf(ruleId, unitId));
    }

    /** The rule is met for the unit. Fails showing the gap (what was expected and found) or the other status. */
    public ReportAssert isMet(String ruleId, String unitId) {
        return hasStatus(ruleId, unitId, Status.MET);
    }

    /** The rule is not yet due for the unit (its window is still open on the as-of day). */
    public ReportAssert isNotDue(String ruleId, String unitId) {
        return hasStatus(ruleId, unitId, Status.NOT_DUE);
    }

    /** The rule's result for the unit has the given status. */
    public ReportAssert hasStatus(String ruleId, String unitId, Status status) {
        RuleResult r = result(ruleId, unitId);
        if (r.status() != status) {
            throw Failures.differ("规则 " + ruleId + " 对单位 " + unitId + " 的结果应为 " + status.chineseName() + "，实际为 "
                    + r.status().chineseName() + "\n  " + Failures.describe(report, r), status.chineseName(), r.status().chineseName());
        }
        return this;
    }

    /**
     * A rule that binds each community is met for every community of the report.
     *
     * <pre>{@code
     * assertThat(compliant).isMetForEveryCommunity("R1.2-1");   // passes
     * assertThat(gaps).isMetForEveryCommunity("R1.2-1");        // fails, listing YL's gap
     * }</pre>
     */
    public ReportAssert isMetForEveryCommunity(String ruleId) {
        List<RuleResult> mine = results(ruleId);
        if (mine.isEmpty() || mine.get(0).rule().scope() != Scope.EACH_COMMUNITY) {
            throw Failures.fail("规则 " + ruleId + " 不是对每个社区的规则（或报告中没有它的结果）："
                    + (mine.isEmpty() ? "没有结果" : "范围是" + mine.get(0).rule().scope().chineseName()));
        }
        List<String> notMet = mine.stream().filter(r -> r.status() != Status.MET).map(r -> Failures.describe(report, r)).toList();
        if (!notMet.isEmpty()) {
            throw Failures.fail("规则 " + ruleId + " 应对每个社区都已落实，但有 " + notMet.size() + " 个社区没有：\n" + Failures.lines(notMet));
        }
        return this;
    }

    /** No open gap: every duty is met, not yet due or not applicable, or its gap was accepted with a waiver. */
    public ReportAssert hasNoGaps() {
        return hasNoGapsExcept();
    }

    /**
     * The open gaps are exactly the named ones, no more and no fewer. Name a gap as {@code "R2.1-1@FL"} (rule at
     * unit) or {@code "R2.1-1"} (the rule's gaps for any units).
     *
     * <pre>{@code
     * assertThat(gaps).hasNoGapsExcept("R1.1-1", "R1.2-1@YL", "R2.1-1@FL", "R3.1-1");   // passes
     * assertThat(gaps).hasNoGapsExcept("R1.1-1");   // fails: lists the three gaps not named, each explained
     * }</pre>
     */
    public ReportAssert hasNoGapsExcept(String... allowed) {
        List<String> names = Arrays.asList(allowed);
        List<Gap> open = report.openGaps();
        List<String> unexpected = open.stream().filter(g -> !names.contains(g.ruleId()) && !names.contains(key(g)))
                .map(g -> "[" + g.ruleId() + "] " + g.unit().getName() + "（" + g.unit().getId() + "） — 应有：" + g.expected()
                        + "；实有：" + g.found()).toList();
        List<String> missing = names.stream().filter(n -> open.stream().noneMatch(g -> n.equals(g.ruleId()) || n.equals(key(g))))
                .toList();
        if (!unexpected.isEmpty() || !missing.isEmpty()) {
            List<String> actual = open.stream().map(ReportAssert::key).toList();
            throw Failures.differ("缺项应恰为 " + names + "\n  多出的缺项：\n" + Failures.lines(unexpected)
                    + "\n  应有却没有的缺项：" + (missing.isEmpty() ? "（无）" : String.join("、", missing)), names, actual);
        }
        return this;
    }

    /** The report was judged by the pack with this id. */
    public ReportAssert wasJudgedBy(String packId) {
        if (!report.fingerprint().id().equals(packId)) {
            throw Failures.differ("报告应由规则包 " + packId + " 判定", packId, report.fingerprint().id());
        }
        return this;
    }

    /**
     * The report's counts, as its summary prints them.
     *
     * <pre>{@code
     * assertThat(report).hasSummary("已落实 8　缺项 0　未到期 0　不适用 0");
     * }</pre>
     */
    public ReportAssert hasSummary(String summary) {
        if (!report.summary().toString().equals(summary)) {
            throw Failures.differ("报告的汇总不符", summary, report.summary().toString());
        }
        return this;
    }

    private static String key(Gap g) {
        return g.ruleId() + "@" + g.unit().getId();
    }

    private List<RuleResult> results(String ruleId) {
        return report.results().stream().filter(r -> r.rule().id().equals(ruleId)).toList();
    }

    private RuleResult result(String ruleId, String unitId) {
        List<RuleResult> mine = results(ruleId);
        if (mine.isEmpty()) {
            throw Failures.fail("报告中没有规则 " + ruleId + " 的结果；规则包 " + report.packId() + " 的规则有："
                    + String.join("、", report.results().stream().map(r -> r.rule().id()).distinct().toList()));
        }
        return mine.stream().filter(r -> r.unit().getId().equals(unitId)).findFirst().orElseThrow(() -> Failures.fail(
                "规则 " + ruleId + " 对单位 " + unitId + " 没有结果；它适用的单位是："
                        + String.join("、", mine.stream().map(r -> r.unit().getId()).toList())));
    }
}
