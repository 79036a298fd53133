package dev.plancheck.packs.dianchang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plancheck.report.RuleInfo;
import dev.plancheck.scenario.CaseOutcome;
import dev.plancheck.scenario.InvalidScenarioException;
import dev.plancheck.scenario.ScenarioRunner;
import dev.plancheck.testing.Checkers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every scenario file under {@code scenarios/} (one file per rule, one folder per section of the document)
 * and checks that every rule of the pack has a case where it is met and one where it reports a gap.
 */
class ScenarioTest {
    static Path scenarioRoot() {
        return dev.plancheck.testing.TestPacks.bundledScenarios();
    }

    static List<Path> scenarioFiles() throws IOException {
        try (Stream<Path> files = Files.walk(scenarioRoot())) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
    }

    @TestFactory
    Stream<DynamicNode> every_scenario_case_gives_its_expected_result() throws IOException {
        ScenarioRunner runner = new ScenarioRunner(Checkers.dianchang2023());
        List<DynamicNode> nodes = new ArrayList<>();
        for (Path file : scenarioFiles()) {
            String name = scenarioRoot().relativize(file).toString();
            List<CaseOutcome> outcomes;
            try {
                outcomes = runner.run(file);
            } catch (InvalidScenarioException e) {
                nodes.add(DynamicTest.dynamicTest(name, () -> fail("场景文件无法运行：\n" + e.getMessage())));
                continue;
            }
            nodes.add(DynamicContainer.dynamicContainer(name, outcomes.stream().map(o -> DynamicTest.dynamicTest(
                    o.name(), file.toUri(), () -> assertTrue(o.passed(),
                            () -> o.file() + ":" + o.line() + " " + o.name() + "\n  " + String.join("\n  ", o.mismatches()))))));
        }
        return nodes.stream();
    }

    @Test
    void every_rule_has_a_case_where_it_is_met_and_one_where_it_reports_a_gap() throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        Map<String, Set<String>> statusesByRule = new TreeMap<>();
        for (Path file : scenarioFiles()) {
            JsonNode root = mapper.readTree(file.toFile());
            String rule = root.path("rule").asText();
            assertEquals(rule + ".json", file.getFileName().toString(), "a scenario file is named after its rule");
            for (JsonNode c : root.path("cases")) {
                for (JsonNode e : c.path("expect")) {
                    statusesByRule.computeIfAbsent(rule, k -> new TreeSet<>()).add(e.path("status").asText());
                }
            }
        }
        List<String> missing = new ArrayList<>();
        for (RuleInfo rule : Checkers.dianchang2023().rules()) {
            Set<String> seen = statusesByRule.getOrDefault(rule.id(), Set.of());
            String met = rule.conditional() ? "NOT_APPLICABLE" : null;
            if (!seen.contains("MET")) {
                missing.add(rule.id() + " 没有“已落实”(MET) 的场景");
            }
            if (!seen.contains("GAP")) {
                missing.add(rule.id() + " 没有“缺项”(GAP) 的场景");
            }
            if (met != null && !seen.contains(met)) {
                missing.add(rule.id() + " 是条件性规则，没有“不适用”(NOT_APPLICABLE) 的场景");
            }
        }
        assertTrue(missing.isEmpty(), () -> String.join("\n", missing));
    }
}
