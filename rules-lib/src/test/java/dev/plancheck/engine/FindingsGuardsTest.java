package dev.plancheck.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plancheck.report.PartResult;
import dev.plancheck.PlanChecker;
import dev.plancheck.input.Problem;
import dev.plancheck.report.Report;
import dev.plancheck.RulePack;
import dev.plancheck.input.RulePackException;
import dev.plancheck.input.Submission;
import dev.plancheck.model.Activity;
import dev.plancheck.model.OrgUnit;
import dev.plancheck.model.UnitLevel;
import dev.plancheck.testing.TestPacks;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the engine does with a rule's findings, whatever the rule: parts listed by period, and a rule that records
 * for a unit outside its scope, or the same requirement twice, stopped with a message for its author instead of a
 * report that silently counts wrong.
 */
class FindingsGuardsTest {
    private static final String META = """
                @id("R1.2-4") @title("专题会议") @clause("§1.2") @sentence("保证全年专题会议研究统战工作至少2次")
                @severity("high") @evidence("special-meeting")
            """;
    private static final List<OrgUnit> UNITS = List.of(new OrgUnit("DC", "电厂街道", UnitLevel.SUBDISTRICT),
            new OrgUnit("HP", "河畔社区", UnitLevel.COMMUNITY));

    @TempDir
    Path dir;

    private Report check(String scope, String when, String then) throws Exception {
        String drl = "rule \"R1.2-4 专题会议\"\n" + META + "    @scope(\"" + scope + "\")\nwhen\n" + when + "then\n" + then + "end\n";
        PlanChecker checker = PlanChecker.create(RulePack.load(TestPacks.write(dir, "s01_test.drl", drl)));
        return checker.check(Submission.of("empty.json", 2023, UNITS, List.of()));
    }

    private static final String SUBDISTRICT = """
                $u : OrgUnit(level == UnitLevel.SUBDISTRICT)
                $y : Period(id == "year")
                $h1 : Period(id == "half-year.H1")
                $h2 : Period(id == "half-year.H2")
                $ev : List() from collect( Activity(unitId == $u.id, kind == "special-meeting") )
            """;

    @Test
    void parts_are_listed_by_period_whatever_order_the_rule_recorded_them_in() throws Exception {
        Report r = check("subdistrict", SUBDISTRICT, """
                    findings.present(kcontext, $u, "下半年会议", $h2, $ev);
                    findings.present(kcontext, $u, "全年会议", $y, $ev);
                    findings.present(kcontext, $u, "上半年会议", $h1, $ev);
                """);
        // By first day, then by last day: the first half and the year both open on 01-01, the first half closes first.
        assertEquals(List.of("上半年会议", "全年会议", "下半年会议"),
                r.results().get(0).parts().stream().map(PartResult::what).toList());
    }

    @Test
    void an_attendance_threshold_names_the_records_too_small_and_those_outside_the_period_as_not_counted() throws Exception {
        String drl = "rule \"R1.2-4 专题会议\"\n" + META + """
                    @scope("subdistrict")
                when
                    $u : OrgUnit(level == UnitLevel.SUBDISTRICT)
                    $h1 : Period(id == "half-year.H1")
                    $q : dev.plancheck.model.Quota(id == "special-meetings.united-front")
                    $ev : List() from collect( Activity(unitId == $u.id, kind == "special-meeting") )
                then
                    findings.attendedAtLeast(kcontext, $u, "会议", $h1, $q, $q, $ev);
                end
                """;
        PlanChecker checker = PlanChecker.create(RulePack.load(TestPacks.write(dir, "s01_test.drl", drl)));
        List<Activity> records = List.of(meeting("m1", "2023-03-01", 5), meeting("m2", "2023-04-01", 1),
                meeting("m3", "2023-05-01", 2), meeting("m4", "2023-09-01", 9));
        PartResult part = checker.check(Submission.of("m.json", 2023, UNITS, records)).results().get(0).parts().get(0);
        assertEquals(List.of("m1", "m3"), part.evidence(), "2 people is the threshold itself");
        assertEquals(List.of("m2", "m4"), part.outside(), "too few first, then outside the half-year");
    }

    private static Activity meeting(String id, String date, int people) {
        return Activity.builder(id).unitId("DC").kind("special-meeting").title(id).date(LocalDate.parse(date))
                .topics(Set.of("united-front")).participants(people).build();
    }

    @Test
    void a_rule_recording_for_a_unit_outside_its_scope_is_stopped() {
        RulePackException e = assertThrows(RulePackException.class, () -> check("community", """
                    $u : OrgUnit(level == UnitLevel.SUBDISTRICT)
                    $y : Period(id == "year")
                    $ev : List() from collect( Activity(kind == "special-meeting") )
                """, """
                    findings.present(kcontext, $u, "会议", $y, $ev);
                """));
        List<String> messages = e.problems().stream().map(Problem::message).toList();
        assertTrue(messages.contains("规则 R1.2-4 的范围是“各社区”，却为街道 DC 记录了结果；请在条件中限定 OrgUnit(level == …)"),
                messages.toString());
    }

    @Test
    void a_rule_recording_one_requirement_twice_is_stopped() {
        RulePackException e = assertThrows(RulePackException.class, () -> check("subdistrict", SUBDISTRICT, """
                    findings.present(kcontext, $u, "会议", $h1, $ev);
                    findings.present(kcontext, $u, "会议", $h1, $ev);
                """));
        assertEquals(List.of("规则 R1.2-4 为单位 DC 两次记录了同一要求“会议”（上半年）：它的结论部分（then）两次报告了同名同时段的要求；"
                        + "请给每一部分不同的名称"), e.problems().stream().map(Problem::message).toList());
        assertEquals("s01_test.drl:8", e.problems().get(0).file().replaceAll(".*/", "") + ":" + e.problems().get(0).line(),
                "the rule's file and line, not the parameter file");
    }
}
