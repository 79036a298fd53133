package dev.plancheck.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plancheck.PlanChecker;
import dev.plancheck.RulePack;
import dev.plancheck.input.Submission;
import dev.plancheck.model.Activity;
import dev.plancheck.model.OrgUnit;
import dev.plancheck.model.UnitLevel;
import dev.plancheck.pack.PackLoader;
import dev.plancheck.report.Notice;
import dev.plancheck.testing.TestPacks;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The missing-organiser probe adds only the copies that a probed rule's pattern reading the organiser could take
 * ({@link ProbeCopies}); a rule it cannot read that way keeps every copy, so no notice is lost.
 */
class ProbeCopiesTest {
    /** §7.1's duty with the organiser asked in a second collection, over the first one's records ({@code from}). */
    private static final String FROM_RULE = """
            rule "R7.1-1 工会帮扶"
                @id("R7.1-1") @title("工会帮扶") @clause("§7.1")
                @sentence("坚持党建带工建，做实工建促党建，加大工会规范化建设力度，做好双创优提档升级")
                @scope("subdistrict") @severity("medium") @evidence("…")
            when
                $u : OrgUnit(level == UnitLevel.SUBDISTRICT)
                $y : Period(id == "year")
                $all : List() from collect( Activity(unitId == $u.id, kind == "assistance") )
                $ev : List() from collect( Activity(%s) from $all )
            then
                findings.present(kcontext, $u, "工会帮扶", $y, $ev);
            end
            """;
    /** The same duty with the organiser asked in the one collection: {@code %s} is the constraint under test. */
    private static final String DIRECT_RULE = FROM_RULE
            .replace("    $all : List() from collect( Activity(unitId == $u.id, kind == \"assistance\") )\n", "")
            .replace("Activity(%s) from $all", "Activity(unitId == $u.id, kind == \"assistance\", %s)");
    private static final List<OrgUnit> UNITS = List.of(new OrgUnit("DC", "电厂街道", UnitLevel.SUBDISTRICT));
    private static final Activity AID = record("a1", "assistance");
    private static final Activity VISIT = record("v1", "visit");

    @TempDir
    Path dir;

    private static Activity record(String id, String kind) {
        return Activity.builder(id).unitId("DC").kind(kind).title("帮扶困难职工").date(LocalDate.parse("2023-03-09"))
                .participants(12).build();
    }

    private CompiledRules onDisk(String drl) throws Exception {
        return CompiledRules.load(PackLoader.load(TestPacks.write(dir, "s07_test.drl", drl)).ruleSet());
    }

    @Test
    void for_the_bundled_rules_only_the_organiser_and_kind_a_pattern_names_get_a_copy() {
        CompiledRules rules = CompiledRules.load(PackLoader.bundled("dianchang-2023").ruleSet());
        ProbeCopies spring = rules.probeCopies(List.of("R7.2-1")); // Activity(organiser == "union", kind == "assistance", …)
        assertTrue(spring.needs(AID, "union"));
        assertFalse(spring.needs(AID, "red-cross"), "no probed pattern asks for the Red Cross");
        assertFalse(spring.needs(VISIT, "union"), "no probed pattern asks the union for a visit");
        ProbeCopies league = rules.probeCopies(List.of("R8-2")); // the Youth League's nodes, of any kind
        assertTrue(league.needs(VISIT, "youth-league"));
        assertFalse(league.needs(VISIT, "union"));
        ProbeCopies none = rules.probeCopies(List.of("R1.2-4")); // reads no organiser: no copy can tell it anything
        assertFalse(none.needs(AID, "union"));
    }

    @Test
    void a_rule_that_takes_records_from_an_expression_keeps_every_copy_and_its_notice() throws Exception {
        CompiledRules rules = onDisk(FROM_RULE.formatted("organiser == \"union\""));
        ProbeCopies copies = rules.probeCopies(List.of("R7.1-1"));
        assertTrue(copies.needs(VISIT, "red-cross"), "what a from expression reads is not known");

        PlanChecker checker = PlanChecker.create(RulePack.load(dir.resolve("pack.json")));
        List<Notice> notices = checker.check(Submission.of("t.json", 2023, UNITS, List.of(AID))).notices();
        assertEquals(List.of(Notice.Type.MISSING_ORGANISER), notices.stream().map(Notice::type).toList(), notices.toString());
        assertTrue(notices.get(0).message().contains("若由"), notices.get(0).message());
    }

    @Test
    void an_organiser_asked_by_equality_in_a_rule_written_on_disk_gets_only_its_copies() throws Exception {
        ProbeCopies copies = onDisk(DIRECT_RULE.formatted("organiser == \"union\"")).probeCopies(List.of("R7.1-1"));
        assertTrue(copies.needs(AID, "union"));
        assertFalse(copies.needs(AID, "red-cross"));
        assertFalse(copies.needs(VISIT, "union"));
    }

    @Test
    void a_bound_field_of_a_record_keeps_every_copy() throws Exception {
        // $o carries the organiser into another pattern, whose own text does not name it.
        String drl = DIRECT_RULE.formatted("organiser == \"union\"").replace("    $y : Period(id == \"year\")",
                "    $y : Period(id == \"year\")\n    $a : Activity(unitId == $u.id, kind == \"assistance\", $o : organiser)\n"
                        + "    Period(id != $o)");
        assertTrue(onDisk(drl).probeCopies(List.of("R7.1-1")).needs(VISIT, "red-cross"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "organiser != \"red-cross\"",
            "organiser == \"union\" || organiser == \"red-cross\"",
            "organiser in (\"union\", \"red-cross\")",
            "this.getOrganiser() == \"union\"",
            "kind == \"assistance\", eval(organiser.length() > 3)"})
    void a_pattern_that_reads_the_organiser_any_other_way_keeps_every_copy(String constraint) throws Exception {
        ProbeCopies copies = onDisk(DIRECT_RULE.formatted(constraint)).probeCopies(List.of("R7.1-1"));
        for (String organiser : List.of("union", "red-cross", "youth-league", "womens-federation")) {
            assertTrue(copies.needs(AID, organiser), constraint + ": " + organiser);
        }
    }

    @Test
    void an_eval_in_a_probed_rule_keeps_every_copy() throws Exception {
        String drl = DIRECT_RULE.formatted("organiser == \"union\"").replace("    $y : Period(id == \"year\")",
                "    $y : Period(id == \"year\")\n    eval( $u != null )");
        assertTrue(onDisk(drl).probeCopies(List.of("R7.1-1")).needs(VISIT, "red-cross"));
    }
}
