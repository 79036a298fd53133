package dev.plancheck.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plancheck.report.Gap;
import dev.plancheck.report.Notice;
import dev.plancheck.report.Report;
import dev.plancheck.report.RuleResult;
import dev.plancheck.report.Status;
import dev.plancheck.testing.Checkers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The bundled samples: the compliant ledger has no gap; each gap sample reports exactly the gaps, notices and 人工核验
 * items its .expected.json names.
 */
class SampleDataTest {
    static final Path SAMPLES = Path.of("..", "sample-data", "dianchang-2023");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void the_compliant_sample_meets_every_rule_for_every_unit_including_one_disaster_with_its_relief() throws Exception {
        Report report = Checkers.dianchang2023().check(SAMPLES.resolve("compliant.json"));
        assertEquals(List.of(), report.gaps().stream().map(g -> g.ruleId() + " " + g.unit().getId()).toList());
        assertEquals(List.of(), report.notices());
        assertTrue(report.results().stream().allMatch(r -> r.status() == Status.MET),
                () -> report.results().stream().filter(r -> r.status() != Status.MET)
                        .map(r -> r.rule().id() + " " + r.unit().getId() + " " + r.status()).toList().toString());
        assertEquals(new com.fasterxml.jackson.databind.ObjectMapper().readTree(SAMPLES.resolve("compliant.json").toFile()).get("units").size(),
                report.units().size(), "every unit of the ledger is reported");
        RuleResult relief = report.results().stream().filter(r -> r.rule().id().equals("R10.2-1")).findFirst().orElseThrow();
        assertFalse(relief.parts().isEmpty(), "the compliant sample records a disaster");
        assertEquals(report.results().size(), Checkers.dianchang2023().rules().stream()
                .mapToLong(r -> r.scope() == dev.plancheck.report.Scope.SUBDISTRICT ? 1 : report.units().size() - 1).sum());
    }

    @TestFactory
    Stream<DynamicTest> each_gap_sample_reports_exactly_its_expected_gaps_and_notices() throws IOException {
        List<Path> samples;
        try (Stream<Path> files = Files.list(SAMPLES)) {
            samples = files.filter(p -> p.getFileName().toString().matches("gaps-.*(?<!\\.expected)\\.json")).sorted().toList();
        }
        assertTrue(samples.size() >= 5, "gap samples: " + samples);
        return samples.stream().map(sample -> DynamicTest.dynamicTest(sample.getFileName().toString(), () -> {
            Path expectedFile = sample.resolveSibling(sample.getFileName().toString().replace(".json", ".expected.json"));
            JsonNode expected = MAPPER.readTree(expectedFile.toFile());
            Report report = Checkers.dianchang2023().check(sample);
            assertEquals(pretty(expected.get("gaps")), pretty(gaps(report)), sample + " gaps");
            assertEquals(pretty(expected.get("notices")), pretty(notices(report)), sample + " notices");
            assertEquals(pretty(expected.get("manualChecks")), pretty(manualChecks(report)), sample + " 人工核验");
            assertTrue(report.hasGaps());
        }));
    }

    @Test
    void the_gap_samples_together_cover_every_section_of_the_plan() throws Exception {
        java.util.Set<String> sections = new java.util.TreeSet<>();
        try (Stream<Path> files = Files.list(SAMPLES)) {
            for (Path expected : files.filter(p -> p.toString().endsWith(".expected.json")).toList()) {
                for (JsonNode gap : MAPPER.readTree(expected.toFile()).get("gaps")) {
                    sections.add(gap.get("ruleId").asText().replaceAll("R(\\d+).*", "$1"));
                }
            }
        }
        assertEquals(new java.util.TreeSet<>(List.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "10")), sections);
    }

    static ArrayNode gaps(Report report) {
        ArrayNode out = MAPPER.createArrayNode();
        for (Gap g : report.gaps()) {
            ObjectNode o = out.addObject();
            o.put("ruleId", g.ruleId()).put("unit", g.unit().getId()).put("expected", g.expected()).put("found", g.found());
            g.evidence().forEach(o.putArray("evidence")::add);
        }
        return out;
    }

    /** The report's 人工核验 items as the .expected.json files list them: clause, sentence, check. */
    static ArrayNode manualChecks(Report report) {
        ArrayNode out = MAPPER.createArrayNode();
        report.manualChecks().forEach(m -> out.addObject().put("clause", m.clause()).put("sentence", m.sentence())
                .put("check", m.check()));
        return out;
    }

    static ArrayNode notices(Report report) {
        ArrayNode out = MAPPER.createArrayNode();
        for (Notice n : report.notices()) {
            out.addObject().put("type", n.type().name()).put("record", n.recordId());
        }
        return out;
    }

    static String pretty(JsonNode node) throws IOException {
        return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node);
    }
}
