package dev.plancheck.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plancheck.PlanChecker;
import dev.plancheck.RulePack;
import dev.plancheck.input.RulePackException;
import dev.plancheck.input.Submission;
import dev.plancheck.model.Activity;
import dev.plancheck.model.OrgUnit;
import dev.plancheck.model.UnitLevel;
import dev.plancheck.report.Notice;
import dev.plancheck.testing.TestPacks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pack tunes 疑似一事多报 for its kinds: a kind marked {@code "routine": true} in vocabulary.json is a return every
 * unit files under one title (a monthly report), so the same title under several units on one day is not flagged.
 */
class RoutineReturnsTest {
    private static final String RULE = """
            rule "R10.2-1 各社区按月报送摸底统计"
                @id("R10.2-1") @title("月报") @clause("§10.2") @sentence("做好临时性灾害（疫情、雪灾、洪灾等）救助工作")
                @scope("community") @severity("low") @evidence("…")
            when
                $u : OrgUnit(level == UnitLevel.COMMUNITY)
                $y : Period(id == "year")
                $ev : List() from collect( Activity(unitId == $u.id, kind == "census") )
            then
                findings.present(kcontext, $u, "月报", $y, $ev);
            end
            """;
    private static final String CENSUS = "\"census\":                   { \"name\": \"摸底统计\", \"requires\": [\"groups\"] }";
    private static final List<OrgUnit> UNITS = List.of(new OrgUnit("DC", "电厂街道", UnitLevel.SUBDISTRICT),
            new OrgUnit("HP", "河畔社区", UnitLevel.COMMUNITY), new OrgUnit("XY", "新园社区", UnitLevel.COMMUNITY),
            new OrgUnit("SL", "松林社区", UnitLevel.COMMUNITY));

    @TempDir
    Path dir;

    /** Each community's return for each month, filed on the 25th under the template's title. */
    private static Submission monthlyReturns() {
        List<Activity> records = new ArrayList<>();
        for (int month = 1; month <= 4; month++) {
            for (String unit : List.of("HP", "XY", "SL")) {
                records.add(Activity.builder(unit + "-" + month).unitId(unit).kind("census").date(LocalDate.of(2023, month, 25))
                        .title(month + "月党外人士摸底统计月报").groups(Set.of("non-party-intellectuals")).build());
            }
        }
        return Submission.of("returns.json", 2023, UNITS, records);
    }

    private PlanChecker checker(String census) throws Exception {
        Path own = Files.createTempDirectory(dir, "pack");
        Path pack = TestPacks.write(own, "s10_test.drl", RULE);
        Path vocabulary = own.resolve("rules/vocabulary.json");
        String text = Files.readString(vocabulary);
        assertTrue(text.contains(CENSUS));
        Files.writeString(vocabulary, text.replace(CENSUS, census));
        return PlanChecker.create(RulePack.load(pack));
    }

    private static List<String> multiReports(PlanChecker checker) throws Exception {
        return checker.check(monthlyReturns()).notices().stream()
                .filter(n -> n.type() == Notice.Type.SUSPECTED_MULTI_REPORT).map(Notice::recordId).toList();
    }

    @Test
    void monthly_returns_of_one_title_are_suspected_multi_reports_unless_the_kind_is_routine() throws Exception {
        assertEquals(8, multiReports(checker(CENSUS)).size(), "by default each month's second and third return is flagged");
        assertEquals(List.of(), multiReports(checker(CENSUS.replace("\"requires\"", "\"routine\": true, \"requires\""))));
    }

    @Test
    void a_routine_return_filed_twice_by_one_unit_is_still_a_duplicate() throws Exception {
        PlanChecker checker = checker(CENSUS.replace("\"requires\"", "\"routine\": true, \"requires\""));
        Submission twice = Submission.of("returns.json", 2023, UNITS, List.of(
                Activity.builder("a").unitId("HP").kind("census").date(LocalDate.of(2023, 1, 25)).title("1月月报")
                        .groups(Set.of("non-party-intellectuals")).build(),
                Activity.builder("b").unitId("HP").kind("census").date(LocalDate.of(2023, 1, 25)).title("1月月报")
                        .groups(Set.of("non-party-intellectuals")).build()));
        assertEquals(List.of("DUPLICATE b"), checker.check(twice).notices().stream()
                .map(n -> n.type() + " " + n.recordId()).toList());
    }

    @Test
    void routine_must_be_true_or_false() {
        RulePackException e = assertThrows(RulePackException.class,
                () -> checker(CENSUS.replace("\"requires\"", "\"routine\": \"yes\", \"requires\"")));
        String all = e.problems().stream().map(p -> p.file() + ":" + p.line() + " " + p.message()).toList().toString();
        assertTrue(all.contains("vocabulary.json:"), all);
        assertTrue(all.contains("应为 true（各单位按同一标题例行报送，如月报：不同单位同日同题不算疑似一事多报）或 false"), all);
    }
}
