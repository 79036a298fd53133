package dev.plancheck.testkit.example;

import static dev.plancheck.testkit.PlanAssertions.assertThat;

import dev.plancheck.PlanChecker;
import dev.plancheck.RulePack;
import dev.plancheck.report.Report;
import dev.plancheck.testkit.ScenarioTests;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** A rule author's tests for the 青松街道 pack: every scenario file, and two ledgers checked end to end. */
class QingsongRulesTest {
    // In your own project: the folder that holds your pack.json, rules/ and scenarios/.
    static final Path PACK = Path.of("..", "sample-data", "qingsong-2023", "pack");
    static final PlanChecker CHECKER = PlanChecker.create(RulePack.load(PACK));   // compiles the rules once

    @TestFactory
    Stream<DynamicNode> every_scenario_gives_its_expected_result() {
        return ScenarioTests.in(PACK.resolve("scenarios"), CHECKER);
    }

    @Test
    void the_compliant_ledger_has_no_gap() throws Exception {
        Report report = CHECKER.check(PACK.resolveSibling("compliant.json"));
        assertThat(report).wasJudgedBy("qingsong-2023").hasNoGaps().isMetForEveryCommunity("R2.1-1");
    }

    @Test
    void a_council_meeting_with_too_few_residents_does_not_count() throws Exception {
        Report report = CHECKER.check(PACK.resolveSibling("gaps.json"));
        assertThat(report)
                .hasNoGapsExcept("R1.1-1@QS", "R1.2-1@YL", "R2.1-1@FL", "R3.1-1@QS")
                .hasGap("R2.1-1", "FL")
                    .expecting("居民议事会：全年（2023-01-01 至 2023-12-31）内至少 4 条，每条参加人数不少于 15 人")
                    .findingContaining("参加人数不足 15 人的另有 1 条：FL-H3（2023-09-15 枫林社区第三次居民议事会，12 人）")
                    .withEvidence("FL-H1", "FL-H2", "FL-H4");
    }
}
