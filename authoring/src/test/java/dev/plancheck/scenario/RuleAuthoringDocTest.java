package dev.plancheck.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plancheck.testing.TestPacks;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The 应有/实有 grammar in docs/rule-authoring.md is the engine's, not a description of it: every example line is the
 * {@code expected} or {@code found} of a scenario case, and the scenario suite proves those against the engine.
 */
class RuleAuthoringDocTest {
    private static final Path DOC = Path.of("..", "docs", "rule-authoring.md");
    private static final Pattern EXAMPLE = Pattern.compile("(?m)^(应有|实有)：(.+)$");

    @Test
    void every_expected_and_found_example_of_the_grammar_is_a_passing_scenarios_text() throws Exception {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        StringBuilder scenarios = new StringBuilder();
        for (Path dir : List.of(TestPacks.bundledScenarios(), Path.of("..", "sample-data", "qingsong-2023", "pack", "scenarios"),
                Path.of("src", "test", "resources", "workdays-pack", "pack", "scenarios"),
                Path.of("src", "test", "resources", "sums-pack", "pack", "scenarios"),
                Path.of("src", "test", "resources", "series-pack", "pack", "scenarios"),
                Path.of("src", "test", "resources", "attributes-pack", "pack", "scenarios"),
                Path.of("..", "sample-data", "baishu-2024", "pack", "scenarios"))) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path f : files.filter(x -> x.toString().endsWith(".json")).sorted().toList()) {
                    scenarios.append(Files.readString(f, StandardCharsets.UTF_8));
                }
            }
        }
        List<String> missing = new ArrayList<>();
        int examples = 0;
        Matcher m = EXAMPLE.matcher(doc);
        while (m.find()) {
            examples++;
            String member = m.group(1).equals("应有") ? "expected" : "found";
            if (!scenarios.toString().contains("\"" + member + "\": \"" + m.group(2) + "\"")) {
                missing.add(m.group());
            }
        }
        assertTrue(examples >= 10, "the grammar section shows its examples as 应有：/实有： lines (" + examples + ")");
        assertEquals(List.of(), missing, "examples in " + DOC + " that no scenario file states");
    }

    @Test
    void every_member_of_vocabulary_json_is_documented() throws Exception {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        for (String member : List.of("`kinds`", "`topics`", "`groups`", "`honourLevels`", "`organisers`", "`$comment`",
                "`kinds.<code>.name`", "`kinds.<code>.requires`", "`kinds.<code>.relatesToKind`", "`kinds.<code>.activity`",
                "`kinds.<code>.organiser`", "`kinds.<code>.routine`")) {
            assertTrue(doc.contains("\n| " + member + " |"), member + " has a row in the vocabulary table of " + DOC);
        }
    }
}
