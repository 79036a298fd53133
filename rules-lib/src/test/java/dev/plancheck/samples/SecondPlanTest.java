package dev.plancheck.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plancheck.PlanChecker;
import dev.plancheck.report.Report;
import dev.plancheck.RulePack;
import dev.plancheck.report.Status;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The second plan (sample-data/qingsong-2023, an imagined subdistrict's plan with its own sections, vocabulary and
 * parameters, loaded from disk): its compliant ledger has no gap and its gap ledger reports
 * exactly the gaps its .expected.json names — so the engine is not tied to the 电厂 document.
 */
class SecondPlanTest {
    static final Path DIR = Path.of("..", "sample-data", "qingsong-2023");
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static PlanChecker checker;

    static synchronized PlanChecker checker() {
        if (checker == null) {
            checker = PlanChecker.create(RulePack.load(DIR.resolve("pack")));
        }
        return checker;
    }

    @Test
    void the_pack_loads_from_disk_with_its_own_identity_and_four_rules() {
        RulePack pack = checker().pack();
        assertEquals("qingsong-2023", pack.id());
        assertEquals("2023.1", pack.fingerprint().version());
        assertEquals(List.of("R1.1-1", "R1.2-1", "R2.1-1", "R3.1-1"), checker().rules().stream().map(r -> r.id()).toList());
        assertEquals("二、居民议事协商", checker().rules().get(2).section());
    }

    @Test
    void the_compliant_ledger_meets_every_rule_for_every_unit() throws Exception {
        Report report = checker().check(DIR.resolve("compliant.json"));
        assertEquals(List.of(), report.gaps().stream().map(g -> g.ruleId() + " " + g.unit().getId()).toList());
        assertEquals(List.of(), report.notices());
        assertEquals(1 + 1 + 3 + 3, report.results().size());
        assertTrue(report.results().stream().allMatch(r -> r.status() == Status.MET));
        assertEquals(12, report.results().get(0).parts().size(), "one part per month");
    }

    @Test
    void the_gap_ledger_reports_exactly_its_expected_gaps_and_notices() throws Exception {
        JsonNode expected = MAPPER.readTree(DIR.resolve("gaps.expected.json").toFile());
        Report report = checker().check(DIR.resolve("gaps.json"));
        assertEquals(SampleDataTest.pretty(expected.get("gaps")), SampleDataTest.pretty(SampleDataTest.gaps(report)));
        assertEquals(SampleDataTest.pretty(expected.get("notices")), SampleDataTest.pretty(SampleDataTest.notices(report)));
        assertEquals(SampleDataTest.pretty(expected.get("manualChecks")), SampleDataTest.pretty(SampleDataTest.manualChecks(report)));
    }

    @Test
    void a_council_meeting_below_the_attendance_threshold_is_named_as_not_counted_in_the_part() throws Exception {
        Report report = checker().check(DIR.resolve("gaps.json"));
        dev.plancheck.report.RuleResult fl = report.results().stream()
                .filter(r -> r.rule().id().equals("R2.1-1") && r.unit().getId().equals("FL")).findFirst().orElseThrow();
        assertEquals(1, fl.parts().size());
        // FL-H3 had 12 residents, fewer than the 15 of the threshold: found, named, not counted.
        assertEquals(List.of("FL-H3"), fl.parts().get(0).outside());
        assertTrue(!fl.parts().get(0).evidence().contains("FL-H3"), fl.parts().get(0).evidence().toString());
        assertTrue(fl.parts().get(0).found().contains("参加人数不足 15 人的另有 1 条：FL-H3（2023-09-15 枫林社区第三次居民议事会，12 人）"),
                fl.parts().get(0).found());
        assertTrue(report.notices().stream().noneMatch(n -> n.recordId().equals("FL-H3")), "it was looked at by a rule");
    }

    @Test
    void mid_year_the_months_still_to_come_are_not_due_and_the_missed_ones_are_gaps() throws Exception {
        Report june = checker().check(checker().read(DIR.resolve("gaps.json")),
                dev.plancheck.CheckOptions.asOf(java.time.LocalDate.of(2023, 6, 30)));
        assertEquals(Status.NOT_DUE, june.results().get(0).status());
        assertEquals(List.of(), june.gaps().stream().map(g -> g.ruleId() + " " + g.unit().getId()).toList());
    }
}
