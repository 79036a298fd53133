package dev.plancheck.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plancheck.report.RuleInfo;
import dev.plancheck.RulePack;
import dev.plancheck.testing.Checkers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The bundled rule set against the source document: every clause verbatim, every duty enforced, one file per section. */
class RuleSetIntegrityTest {
    private final LoadedPack pack = PackLoader.bundled("dianchang-2023");
    private final List<RuleInfo> rules = Checkers.dianchang2023().rules();

    @Test
    void every_clause_text_is_verbatim_in_the_source_document() throws IOException {
        ClauseBook book = pack.ruleSet().clauses();
        String document = Files.readString(Path.of("..", book.source()), StandardCharsets.UTF_8);
        List<String> notFound = new ArrayList<>();
        for (ClauseBook.Clause c : book.clauses().values()) {
            if (!document.contains(c.text())) {
                notFound.add(c.id());
            }
        }
        assertTrue(notFound.isEmpty(), "clauses not found verbatim in " + book.source() + ": " + notFound);
    }

    @Test
    void every_clause_and_every_duty_sentence_is_enforced_by_a_rule() {
        List<String> uncovered = new ArrayList<>();
        for (ClauseBook.Clause c : pack.ruleSet().clauses().clauses().values()) {
            for (String duty : c.duties()) {
                boolean cited = rules.stream().anyMatch(r -> r.clause().equals(c.id()) && r.sentence().equals(duty));
                if (!cited) {
                    uncovered.add(c.id() + " " + duty);
                }
            }
            if (c.duties().isEmpty()) {
                uncovered.add(c.id() + " lists no duty");
            }
        }
        assertTrue(uncovered.isEmpty(), "duties without a rule:\n" + String.join("\n", uncovered));
    }

    @Test
    void the_clause_list_is_the_inventorys_twenty_seven_clauses() {
        assertEquals(List.of("§1.1", "§1.2", "§1.3", "§1.4", "§1.5", "§2.1", "§2.2", "§2.3", "§2.4", "§2.5",
                        "§3.1", "§3.2", "§3.3", "§3.4", "§4.1", "§4.2", "§5", "§6", "§7.1", "§7.2", "§7.3", "§7.4",
                        "§8", "§9", "§10.1", "§10.2", "§10.3"),
                List.copyOf(pack.ruleSet().clauses().clauses().keySet()));
    }

    @Test
    void each_section_has_its_own_rule_file_holding_only_its_rules() {
        Map<String, List<String>> bySection = new TreeMap<>();
        for (RuleInfo r : rules) {
            bySection.computeIfAbsent(r.file(), k -> new ArrayList<>()).add(r.clause());
        }
        assertEquals(10, bySection.size(), "ten sections, ten files: " + bySection.keySet());
        bySection.forEach((file, clauses) -> {
            int section = Integer.parseInt(file.substring(1, 3));
            assertTrue(clauses.stream().allMatch(c -> c.matches("§" + section + "(\\..*)?")), file + " holds " + clauses);
        });
    }

    @Test
    void rules_hold_no_dates_or_numbers_of_their_own_only_names_of_parameters() {
        List<String> literals = new ArrayList<>();
        for (Map.Entry<String, String> drl : pack.ruleSet().drl().entrySet()) {
            String[] lines = drl.getValue().split("\n");
            for (int i = 0; i < lines.length; i++) {
                String code = lines[i].replaceAll("//.*$", "").strip();
                if (code.startsWith("@") || code.startsWith("rule \"")) {
                    continue; // metadata and rule names quote the document, e.g. "至少2次"
                }
                if (code.matches(".*\\d.*")) {
                    literals.add(drl.getKey() + ":" + (i + 1) + ": " + code);
                }
            }
        }
        assertTrue(literals.isEmpty(), "rules must take dates, windows and quotas from the parameter file:\n"
                + String.join("\n", literals));
    }

    @Test
    void rule_ids_are_unique_and_follow_the_document_numbering() {
        assertEquals(55, rules.size());
        assertEquals(rules.size(), rules.stream().map(RuleInfo::id).distinct().count());
        for (RuleInfo r : rules) {
            assertTrue(r.name().startsWith(r.id() + " "), r.name());
            assertTrue(r.id().startsWith("R" + r.clause().substring(1) + "-"), r.id() + " belongs to " + r.clause());
        }
    }
}
