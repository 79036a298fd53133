package dev.plancheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code checker mutate}: what a rule author sees when a rule's scenarios do or do not prove its conditions. */
class MutateCommandTest {
    private static final String SCENARIOS = "../rules-lib/src/test/resources/dev/plancheck/packs/dianchang/scenarios/";

    @Test
    void exits_0_when_the_rules_scenarios_notice_every_weakened_condition() {
        MainTest.Run r = MainTest.run("mutate", "--rule", "R1.2-1", "--threads", "1", SCENARIOS + "s01/R1.2-1.json");
        assertEquals(0, r.code(), r.out() + r.err());
        // R1.2-1 binds the unit, the kind and the topic, and a period other than the year: four mutants.
        assertEquals("规则变异测试（规则包 dianchang-2023）：变异体 4 个，被场景发现 4，存活 0，无法编译 0\n", r.out());
    }

    @Test
    void exits_1_and_names_rule_file_and_line_of_each_condition_no_scenario_notices(@TempDir Path dir) throws Exception {
        Path weak = dir.resolve("R1.2-1.json");
        Files.writeString(weak, """
                {"rule": "R1.2-1", "cases": [
                  {"name": "met_when_the_leading_group_is_adjusted_in_april", "activities": [
                     {"id": "a1", "unit": "DC", "kind": "leading-group-adjustment", "date": "2023-04-10", "title": "调整统战工作领导小组", "topics": ["united-front"]}],
                   "expect": [{"unit": "DC", "status": "MET", "evidence": ["a1"]}]},
                  {"name": "reports_gap_when_nothing_is_recorded", "activities": [],
                   "expect": [{"unit": "DC", "status": "GAP", "evidence": [],
                               "expected": "调整统战工作领导小组：年初至 4 月底（2023-01-01 至 2023-04-30）内至少 1 条",
                               "found": "没有符合条件的记录"}]}
                ]}
                """, StandardCharsets.UTF_8);
        // The gap case names the period, so widening it to the year is noticed; nothing else is.
        MainTest.Run r = MainTest.run("mutate", "--rule", "R1.2-1", "--threads", "1", weak.toString());
        assertEquals(1, r.code(), r.out() + r.err());
        assertEquals("""
                存活  R1.2-1  s01_united_front.drl:58  去掉所属单位条件 unitId == $u.id：没有任何场景察觉这一改动
                存活  R1.2-1  s01_united_front.drl:58  去掉类别条件 kind == "leading-group-adjustment"：没有任何场景察觉这一改动
                存活  R1.2-1  s01_united_front.drl:58  去掉议题条件 topics contains "united-front"：没有任何场景察觉这一改动
                规则变异测试（规则包 dianchang-2023）：变异体 4 个，被场景发现 1，存活 3，无法编译 0
                """, r.out());
    }

    @Test
    void a_rule_the_pack_does_not_have_is_a_usage_error() {
        MainTest.Run r = MainTest.run("mutate", "--rule", "R99-1", SCENARIOS + "s01");
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("--rule：规则包 dianchang-2023 中没有规则 R99-1"), r.err());
    }

    @Test
    void a_broken_scenario_file_is_exit_2_and_nothing_is_mutated(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"rule\": \"R1.2-1\"}", StandardCharsets.UTF_8);
        MainTest.Run r = MainTest.run("mutate", bad.toString());
        assertEquals(2, r.code(), r.out() + r.err());
        assertEquals("", r.out());
    }
}
