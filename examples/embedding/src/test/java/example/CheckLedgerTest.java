package example;

import static dev.plancheck.testkit.PlanAssertions.assertThat;

import dev.plancheck.PlanChecker;
import dev.plancheck.RulePack;
import dev.plancheck.report.Report;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class CheckLedgerTest {
    static final Path SAMPLES = Path.of("..", "..", "sample-data", "dianchang-2023");

    @Test
    void the_meetings_sample_misses_two_special_meetings() throws Exception {
        Report report = PlanChecker.create().check(SAMPLES.resolve("gaps-meetings.json"));
        assertThat(report).wasJudgedBy("dianchang-2023")
                .hasNoGapsExcept("R1.2-4@DC", "R2.4-1@DC")
                .hasGap("R1.2-4", "DC").findingContaining("1 条：DC-024");
    }

    @Test
    void a_pack_from_disk_compiles_with_the_authoring_kit_on_the_class_path() throws Exception {
        Path plan = SAMPLES.resolveSibling("qingsong-2023");
        Report report = PlanChecker.create(RulePack.load(plan.resolve("pack"))).check(plan.resolve("gaps.json"));
        assertThat(report).wasJudgedBy("qingsong-2023").hasGap("R2.1-1", "FL");
    }
}
