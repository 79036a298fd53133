package dev.plancheck.mutation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plancheck.PlanChecker;
import dev.plancheck.report.RuleInfo;
import dev.plancheck.scenario.ScenarioFile;
import dev.plancheck.scenario.ScenarioRunner;
import dev.plancheck.testing.Checkers;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The bundled pack's scenarios notice every weakened rule: drop any condition of any rule, widen its period to the
 * year, lower its quota or lengthen its deadline, and a case of that rule's own scenario file fails. This is what
 * makes {@code ./checker test} fail for a loosened rule.
 */
class RuleMutationTest {
    static Path scenarioRoot() throws URISyntaxException {
        return dev.plancheck.testing.TestPacks.bundledScenarios();
    }

    static List<ScenarioFile> scenarios(PlanChecker checker) throws Exception {
        ScenarioRunner runner = new ScenarioRunner(checker);
        List<ScenarioFile> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(scenarioRoot())) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                out.add(runner.prepare(f));
            }
        }
        return out;
    }

    @Test
    void no_mutant_of_a_bundled_rule_survives_its_scenarios() throws Exception {
        PlanChecker checker = Checkers.dianchang2023();
        MutationTester tester = new MutationTester(checker.pack(), scenarios(checker));
        MutationReport report = tester.run(Math.min(2, Runtime.getRuntime().availableProcessors()));
        StringWriter text = new StringWriter();
        report.write(new PrintWriter(text, true), false);
        assertTrue(report.results().size() > 4 * checker.rules().size() - 20, "every rule yields mutants:\n" + text);
        List<String> mutatedRules = report.results().stream().map(r -> r.mutant().ruleId()).distinct().sorted().toList();
        assertEquals(checker.rules().stream().map(RuleInfo::id).sorted().toList(), mutatedRules, "every rule is mutated");
        assertEquals(List.of(), report.baselineFailures(), text::toString);
        assertEquals(List.of(), report.notCompiled(), text::toString);
        assertEquals(List.of(), report.surviving(), text::toString);
        assertTrue(report.clean());
    }

    @Test
    void a_rule_proved_only_by_a_met_case_keeps_its_mutants_alive() throws Exception {
        PlanChecker checker = Checkers.dianchang2023();
        String weak = """
                {"rule": "R1.2-4", "cases": [
                  {"name": "met_with_two_meetings", "activities": [
                     {"id": "m1", "unit": "DC", "kind": "special-meeting", "date": "2023-03-09", "title": "统战专题会议一", "topics": ["united-front"]},
                     {"id": "m2", "unit": "DC", "kind": "special-meeting", "date": "2023-09-09", "title": "统战专题会议二", "topics": ["united-front"]}],
                   "expect": [{"unit": "DC", "status": "MET", "evidence": ["m1", "m2"]}]}
                ]}""";
        ScenarioFile file = new ScenarioRunner(checker).prepare("weak.json", weak.getBytes(StandardCharsets.UTF_8));
        MutationReport report = new MutationTester(checker.pack(), List.of(file), id -> id.equals("R1.2-4")).run(1);
        // unitId, kind and topic can each be dropped unnoticed; lowering the quota to 1 is noticed by no case either.
        assertEquals(List.of("unitId == $u.id", "kind == \"special-meeting\"", "topics contains \"united-front\"",
                        "$q : Quota(id == \"special-meetings.united-front\")"),
                report.surviving().stream().map(r -> r.mutant().original()).toList());
        StringWriter text = new StringWriter();
        report.write(new PrintWriter(text, true), false);
        assertTrue(text.toString().contains("存活  R1.2-4  s01_united_front.drl:114  去掉类别条件 kind == \"special-meeting\"：没有任何场景察觉这一改动\n"), text.toString());
        assertTrue(text.toString().endsWith("规则变异测试（规则包 dianchang-2023）：变异体 4 个，被场景发现 0，存活 4，无法编译 0\n"), text.toString());
    }
}
