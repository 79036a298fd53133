package dev.plancheck.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plancheck.CheckOptions;
import dev.plancheck.input.InvalidSubmissionException;
import dev.plancheck.PlanChecker;
import dev.plancheck.catalogue.Catalogue;
import dev.plancheck.report.JsonReportWriter;
import dev.plancheck.testing.Checkers;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The bundled rules run from the executable model compiled at build time; the same rules as an external pack are
 * compiled from DRL at run time. Every scenario case of the bundled pack must give byte-identical JSON reports and the
 * same outcome both ways, and the catalogue must list the same requirements (the samples are compared in the runtime's
 * own PrebuiltModelTest).
 */
class PrebuiltAndCompiledScenariosTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static PlanChecker prebuilt2023;
    private static PlanChecker runtime2023;

    @BeforeAll
    static void checkers() {
        prebuilt2023 = Checkers.dianchang2023();
        runtime2023 = Checkers.fromDisk("dianchang-2023");
    }

    @Test
    void both_paths_give_the_same_catalogue() {
        assertEquals(Catalogue.of(runtime2023).entries(), Catalogue.of(prebuilt2023).entries());
    }

    @TestFactory
    Stream<DynamicTest> every_scenario_case_gives_the_same_json_report_both_ways() throws IOException, URISyntaxException {
        Path root = dev.plancheck.testing.TestPacks.bundledScenarios();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertFalse(files.isEmpty());
        List<DynamicTest> tests = new ArrayList<>();
        for (Path file : files) {
            JsonNode scenario = MAPPER.readTree(file.toFile());
            JsonNode units = scenario.has("units") ? scenario.get("units") : MAPPER.readTree(ScenarioRunner.STANDARD_UNITS);
            for (JsonNode c : scenario.get("cases")) {
                ObjectNode submission = MAPPER.createObjectNode().put("year", 2023);
                submission.set("units", units);
                submission.set("activities", c.get("activities"));
                byte[] bytes = MAPPER.writeValueAsBytes(submission);
                LocalDate asOf = c.has("asOf") ? LocalDate.parse(c.get("asOf").asText()) : LocalDate.of(2023, 12, 31);
                String name = root.relativize(file) + " " + c.path("name").asText();
                tests.add(DynamicTest.dynamicTest(name, () ->
                        assertEquals(report(runtime2023, name, bytes, asOf), report(prebuilt2023, name, bytes, asOf))));
            }
        }
        return tests.stream();
    }

    @Test
    void scenario_outcomes_are_the_same_both_ways() throws Exception {
        Path root = dev.plancheck.testing.TestPacks.bundledScenarios();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                assertEquals(new ScenarioRunner(runtime2023).run(file), new ScenarioRunner(prebuilt2023).run(file), file.toString());
            }
        }
    }

    private static String report(PlanChecker checker, String source, byte[] bytes, LocalDate asOf) throws IOException {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(
                    JsonReportWriter.toJson(checker.check(checker.read(source, bytes), CheckOptions.asOf(asOf))));
        } catch (InvalidSubmissionException e) {
            return "invalid: " + e.getMessage();
        }
    }
}
