package dev.plancheck.testkit;

import static dev.plancheck.testkit.PlanAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plancheck.PlanChecker;
import dev.plancheck.report.Report;
import dev.plancheck.RulePack;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/** Each assertion passes on the report it describes and fails on another with a message that shows the difference. */
class ReportAssertTest {
    static final Path PLAN = Path.of("..", "sample-data", "qingsong-2023");
    private static Report compliant;
    private static Report gaps;

    @BeforeAll
    static void check() throws Exception {
        PlanChecker checker = PlanChecker.create(RulePack.load(PLAN.resolve("pack")));
        compliant = checker.check(PLAN.resolve("compliant.json"));
        gaps = checker.check(PLAN.resolve("gaps.json"));
    }

    @Test
    void a_chain_of_assertions_passes_on_the_report_it_describes() {
        assertThat(compliant).wasJudgedBy("qingsong-2023").hasNoGaps().isMet("R1.1-1", "QS")
                .isMetForEveryCommunity("R2.1-1").hasSummary("已落实 8　缺项 0　未到期 0　不适用 0");
        assertThat(gaps).hasNoGapsExcept("R1.1-1", "R1.2-1@YL", "R2.1-1@FL", "R3.1-1")
                .hasGap("R1.2-1", "YL").isOpen().expecting("独居老人入户走访：第三季度（2023-07-01 至 2023-09-30）内至少 1 条")
                .withEvidence("YL-V1", "YL-V2", "YL-V4")
                .and().hasGap("R2.1-1", "FL").findingContaining("参加人数不足 15 人的另有 1 条");
    }

    @Test
    void is_met_fails_showing_the_gap_with_what_was_expected_and_found() {
        AssertionFailedError e = assertThrows(AssertionFailedError.class, () -> assertThat(gaps).isMet("R1.1-1", "QS"));
        assertTrue(e.getMessage().startsWith("规则 R1.1-1 对单位 QS 的结果应为 已落实，实际为 缺项\n"
                + "  [R1.1-1] 青松街道（QS）：缺项 — 应有：网格员例会：8 月（2023-08-01 至 2023-08-31）内至少 1 条；实有：没有符合条件的记录"),
                e.getMessage());
        assertEquals("已落实", e.getExpected().getValue());
        assertEquals("缺项", e.getActual().getValue());
    }

    @Test
    void has_gap_fails_on_a_met_rule_naming_its_evidence() {
        AssertionFailedError e = assertThrows(AssertionFailedError.class, () -> assertThat(compliant).hasGap("R2.1-1", "FL"));
        assertTrue(e.getMessage().contains("[R2.1-1] 枫林社区（FL）：已落实 — 证据：FL-H1、FL-H2、FL-H3、FL-H4"), e.getMessage());
    }

    @Test
    void a_wrong_expectation_shows_both_texts_as_a_diff() {
        AssertionFailedError e = assertThrows(AssertionFailedError.class,
                () -> assertThat(gaps).hasGap("R1.1-1", "QS").expecting("网格员例会：9 月（2023-09-01 至 2023-09-30）内至少 1 条"));
        assertEquals("网格员例会：9 月（2023-09-01 至 2023-09-30）内至少 1 条", e.getExpected().getValue());
        assertEquals("网格员例会：8 月（2023-08-01 至 2023-08-31）内至少 1 条", e.getActual().getValue());
    }

    @Test
    void no_gaps_except_lists_the_gaps_not_named_and_the_named_ones_not_found() {
        AssertionFailedError e = assertThrows(AssertionFailedError.class,
                () -> assertThat(gaps).hasNoGapsExcept("R1.1-1", "R2.1-1@BH"));
        assertTrue(e.getMessage().contains("多出的缺项：\n    [R1.2-1] 杨柳社区（YL） — 应有："), e.getMessage());
        assertTrue(e.getMessage().contains("应有却没有的缺项：R2.1-1@BH"), e.getMessage());
        assertEquals(List.of("R1.1-1@QS", "R1.2-1@YL", "R2.1-1@FL", "R3.1-1@QS"), e.getActual().getValue());
    }

    @Test
    void met_for_every_community_lists_the_communities_that_are_not() {
        AssertionFailedError e = assertThrows(AssertionFailedError.class, () -> assertThat(gaps).isMetForEveryCommunity("R1.2-1"));
        assertTrue(e.getMessage().startsWith("规则 R1.2-1 应对每个社区都已落实，但有 1 个社区没有：\n    [R1.2-1] 杨柳社区（YL）：缺项"), e.getMessage());
        AssertionFailedError scope = assertThrows(AssertionFailedError.class, () -> assertThat(gaps).isMetForEveryCommunity("R1.1-1"));
        assertTrue(scope.getMessage().contains("不是对每个社区的规则"), scope.getMessage());
    }

    @Test
    void an_unknown_rule_or_unit_is_named_with_what_there_is() {
        AssertionFailedError rule = assertThrows(AssertionFailedError.class, () -> assertThat(gaps).isMet("R9-9", "QS"));
        assertTrue(rule.getMessage().contains("报告中没有规则 R9-9 的结果；规则包 qingsong-2023 的规则有：R1.1-1、R1.2-1、R2.1-1、R3.1-1"), rule.getMessage());
        AssertionFailedError unit = assertThrows(AssertionFailedError.class, () -> assertThat(gaps).isMet("R1.2-1", "QS"));
        assertTrue(unit.getMessage().contains("它适用的单位是：BH、YL、FL"), unit.getMessage());
    }
}
