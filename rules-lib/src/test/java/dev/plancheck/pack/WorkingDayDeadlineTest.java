package dev.plancheck.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plancheck.PlanChecker;
import dev.plancheck.RulePack;
import dev.plancheck.input.Problem;
import dev.plancheck.input.ProblemCode;
import dev.plancheck.input.RulePackException;
import dev.plancheck.input.Submission;
import dev.plancheck.model.Activity;
import dev.plancheck.model.OrgUnit;
import dev.plancheck.model.UnitLevel;
import dev.plancheck.report.PartResult;
import dev.plancheck.report.Report;
import dev.plancheck.report.RuleResult;
import dev.plancheck.report.Status;
import dev.plancheck.testing.TestPacks;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rule author's pack with a deadline in working days, loaded from disk and checked through the public API. The pack
 * is also linted by the authoring kit's tests ({@link #pack}).
 */
public class WorkingDayDeadlineTest {
    /** Relief for each disaster within the deadline "relief-working"; the Deadline type is named in full (not in TestPacks' header). */
    public static final String RULE = """
            rule "R10.2-1 灾后开展救助"
                @id("R10.2-1") @title("灾后救助") @clause("§10.2") @sentence("做好临时性灾害（疫情、雪灾、洪灾等）救助工作")
                @scope("subdistrict") @severity("high") @evidence("disaster-relief") @trigger("disaster")
            when
                $u : OrgUnit(level == UnitLevel.SUBDISTRICT)
                $deadline : dev.plancheck.model.Deadline(id == "relief-working")
                $disaster : Activity(kind == "disaster")
                $ev : List() from collect( Activity(kind == "disaster-relief", relatesTo == $disaster.id) )
            then
                findings.present(kcontext, $u, "对“" + $disaster.getTitle() + "”的救助", $deadline.after($disaster), $ev);
            end
            """;
    public static final String DEADLINE = "\"relief-working\": {\"workingDays\": 10, \"description\": \"灾害发生后 10 个工作日内开展救助\"},";
    private static final List<OrgUnit> UNITS = List.of(new OrgUnit("DC", "电厂街道", UnitLevel.SUBDISTRICT));

    @TempDir
    Path dir;

    /** The bundled 2023 parameters for {@code year}, with the working-day deadline and {@code extra} members added. */
    public static Path pack(Path dir, int year, String deadline, String extra) throws IOException {
        Path file = TestPacks.write(dir, "s10_test.drl", RULE);
        String params = Files.readString(file, StandardCharsets.UTF_8)
                .replace("\"year\": 2023,", "\"year\": " + year + "," + extra)
                .replace("\"deadlines\": {", "\"deadlines\": {" + deadline);
        Files.writeString(file, params, StandardCharsets.UTF_8);
        return file;
    }

    private static Activity disaster(String date) {
        return Activity.builder("d1").unitId("DC").kind("disaster").title("暴雨").topics(Set.of("flood")).date(LocalDate.parse(date)).build();
    }

    private static Activity relief(String date) {
        return Activity.builder("r1").unitId("DC").kind("disaster-relief").title("救助").relatesTo("d1")
                .date(LocalDate.parse(date)).build();
    }

    private static RuleResult only(Report r) {
        List<RuleResult> results = r.results().stream().filter(x -> x.rule().id().equals("R10.2-1")).toList();
        assertEquals(1, results.size(), results.toString());
        return results.get(0);
    }

    @Test
    void relief_on_the_tenth_working_day_after_a_disaster_before_national_day_is_met_and_the_next_day_is_a_gap() throws Exception {
        PlanChecker checker = PlanChecker.create(RulePack.load(pack(dir, 2023, DEADLINE, "")));
        RuleResult met = only(checker.check(Submission.of("wd.json", 2023, UNITS, List.of(disaster("2023-09-27"), relief("2023-10-17")))));
        assertEquals(Status.MET, met.status());
        PartResult part = met.parts().get(0);
        assertEquals("对“暴雨”的救助：自 2023-09-27 起 10 个工作日（至 2023-10-17，中秋节、国庆节假期顺延）"
                + "（2023-09-27 至 2023-10-17）内至少 1 条", part.expected());
        RuleResult late = only(checker.check(Submission.of("wd.json", 2023, UNITS, List.of(disaster("2023-09-27"), relief("2023-10-18")))));
        assertEquals(Status.GAP, late.status());
        assertEquals(part.expected(), late.parts().get(0).expected());
    }

    @Test
    void a_pack_calendar_replaces_a_shipped_year() throws Exception {
        // An imagined correction: 2023-10-09 given off as well. The deadline moves one working day on.
        String calendar = """
                 "calendar": {"2023": {"notice": "国务院办公厅关于2023年部分节假日安排的通知（更正，测试用）",
                   "offDays": {"中秋节、国庆节": ["2023-09-29..2023-10-06", "2023-10-09"]},
                   "workDays": {"中秋节、国庆节": ["2023-10-07..2023-10-08"]}}},""";
        RulePack pack = RulePack.load(pack(dir, 2023, DEADLINE, calendar));
        var deadline = pack.deadlines().get("relief-working");
        assertFalse(deadline.calendar().isWorkingDay(LocalDate.parse("2023-10-09")));
        assertEquals(LocalDate.parse("2023-10-18"), deadline.calendar().afterWorkingDays(LocalDate.parse("2023-09-27"), 10));
        // The year replaced is the pack's whole 2023: its Spring Festival is gone, the other years stay as shipped.
        assertTrue(deadline.calendar().isWorkingDay(LocalDate.parse("2023-01-23")));
        assertFalse(deadline.calendar().isWorkingDay(LocalDate.parse("2024-10-01")));
        RuleResult r = only(PlanChecker.create(pack).check(Submission.of("wd.json", 2023, UNITS, List.of(disaster("2023-09-27"), relief("2023-10-18")))));
        assertEquals(Status.MET, r.status());
    }

    @Test
    void a_pack_calendar_adds_a_year_the_library_does_not_ship() throws Exception {
        String calendar = """
                 "calendar": {"2027": {"notice": "国务院办公厅关于2027年部分节假日安排的通知（测试用，非真实数据）",
                   "offDays": {"元旦": ["2027-01-01"]}, "workDays": {}}},""";
        RulePack pack = RulePack.load(pack(dir, 2026, DEADLINE, calendar));
        var cal = pack.deadlines().get("relief-working").calendar();
        assertEquals(List.of(2023, 2024, 2025, 2026, 2027), List.copyOf(cal.years().keySet()));
        // 2026-12-28 (Mon): 12-29 1, 12-30 2, 12-31 3, [01-01 off], 01-04 4 … 01-08 8, 01-11 9, 01-12 10
        assertEquals(LocalDate.parse("2027-01-12"), cal.afterWorkingDays(LocalDate.parse("2026-12-28"), 10));
    }

    @Test
    void a_working_day_deadline_for_a_year_without_calendar_data_is_a_located_pack_error() throws Exception {
        RulePackException e = assertThrows(RulePackException.class, () -> RulePack.load(pack(dir, 2027, DEADLINE, "")));
        String all = e.problems().stream().map(Problem::toString).collect(Collectors.joining("\n"));
        assertTrue(all.contains("工作日历没有 2027 年的数据"), all);
        assertTrue(e.problems().stream().anyMatch(p -> p.file().endsWith("pack.json") && p.line() > 0
                && p.message().contains("2027")), all);
    }

    @Test
    void bad_calendar_data_and_a_deadline_with_both_days_and_working_days_are_reported_at_once_with_their_lines() throws Exception {
        String calendar = """
                 "calendar": {"2027": {"notice": "测试",
                   "offDays": {"元旦": ["2027-01-01", "2026-12-31", "2027-13-01"]},
                   "workDays": {"春节": ["2027-02-08"]}}},""";
        String both = "\"both\": {\"days\": 3, \"workingDays\": 3, \"description\": \"…\"},";
        RulePackException e = assertThrows(RulePackException.class, () -> RulePack.load(pack(dir, 2023, both + DEADLINE, calendar)));
        String all = e.problems().stream().map(Problem::toString).collect(Collectors.joining("\n"));
        assertTrue(all.contains("日期应在 2027 年内"), all);
        assertTrue(all.contains("应为 \"YYYY-MM-DD\" 或 \"YYYY-MM-DD..YYYY-MM-DD\""), all);
        assertTrue(all.contains("调休上班日应为星期六或星期日，2027-02-08 是工作日本来就上班"), all);
        assertTrue(all.contains("期限应给出 days（日）或 workingDays（工作日）二者之一"), all);
        assertTrue(e.problems().stream().allMatch(p -> p.file().endsWith("pack.json") && p.line() > 0), all);
    }

    @Test
    void a_check_whose_count_runs_into_a_year_without_data_is_a_broken_pack_naming_the_year() throws Exception {
        PlanChecker checker = PlanChecker.create(RulePack.load(pack(dir, 2026, DEADLINE, "")));
        RulePackException e = assertThrows(RulePackException.class,
                () -> checker.check(Submission.of("wd.json", 2026, UNITS, List.of(disaster("2026-12-28")))));
        Problem p = e.problems().get(0);
        assertEquals(ProblemCode.RULE_FAILED, p.code());
        assertTrue(p.message().contains("工作日历没有 2027 年的数据"), p.message());
        // Earlier in the year the same pack checks normally.
        assertEquals(Status.MET, only(checker.check(Submission.of("wd.json", 2026, UNITS,
                List.of(disaster("2026-09-29"), relief("2026-10-14"))))).status());
    }
}
