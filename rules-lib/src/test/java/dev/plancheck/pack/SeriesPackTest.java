package dev.plancheck.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plancheck.CheckOptions;
import dev.plancheck.PlanChecker;
import dev.plancheck.RulePack;
import dev.plancheck.input.Problem;
import dev.plancheck.input.RulePackException;
import dev.plancheck.model.DateRange;
import dev.plancheck.model.Period;
import dev.plancheck.report.Notice;
import dev.plancheck.report.Report;
import dev.plancheck.report.ReportFormats;
import dev.plancheck.report.RuleResult;
import dev.plancheck.report.Status;
import dev.plancheck.testing.TestPacks;
import java.io.IOException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pack declares a series once ({@code "every": "month"}) with a due day, and a winter that ends in the next year
 * ({@code "endsNextYear": true}), without Java: December's report is due on 2024-01-05 and is 未到期 until then;
 * records dated in 2024 inside such a window are kept and counted.
 */
class SeriesPackTest {
    /** "每月工作台账于次月5日前报送" and "12月至次年2月开展冬季走访", on the bundled clause §1.2 (any clause will do). */
    private static final String RULES = """
            rule "R1.2-4 每月台账于次月5日前报送"
                @id("R1.2-4") @title("月度台账") @clause("§1.2") @sentence("保证全年专题会议研究统战工作至少2次")
                @scope("subdistrict") @severity("high") @evidence("special-meeting")
            when
                $u : OrgUnit(level == UnitLevel.SUBDISTRICT)
                $p : Period(series == "monthly-ledger")
                $ev : List() from collect( Activity(kind == "special-meeting") )
            then
                findings.present(kcontext, $u, "月度台账", $p, $ev);
            end

            rule "R1.2-5 冬季走访"
                @id("R1.2-5") @title("冬季走访") @clause("§1.2") @sentence("保证全年专题会议研究统战工作至少2次")
                @scope("subdistrict") @severity("high") @evidence("cultural-sports-event")
            when
                $u : OrgUnit(level == UnitLevel.SUBDISTRICT)
                $p : Period(id == "winter2")
                $ev : List() from collect( Activity(kind == "cultural-sports-event") )
            then
                findings.present(kcontext, $u, "冬季走访", $p, $ev);
            end
            """;

    private static final String PERIODS = """
            "monthly-ledger": { "name": "月度台账", "every": "month", "due": { "nextMonthDay": 5 }, "description": "次月5日前报送。" },
            "winter2": { "name": "冬季", "from": "12-01", "to": "02-29", "endsNextYear": true, "description": "12月至次年2月。" },
            """;

    @TempDir
    Path dir;

    private Path pack(String periods) throws IOException {
        Path file = TestPacks.write(dir, "s01_test.drl", RULES);
        String params = Files.readString(file, StandardCharsets.UTF_8).replace("\"periods\": {", "\"periods\": {\n    " + periods);
        Files.writeString(file, params, StandardCharsets.UTF_8);
        return file;
    }

    private static String problems(Path file) {
        RulePackException e = assertThrows(RulePackException.class, () -> RulePack.load(file));
        return e.problems().stream().map(Problem::toString).collect(Collectors.joining("\n"));
    }

    /** Eleven monthly ledgers, each on the 3rd of the next month, and the records given. */
    private static Report check(PlanChecker checker, String asOf, String... more) throws Exception {
        StringBuilder acts = new StringBuilder();
        for (int m = 1; m <= 11; m++) {
            acts.append(String.format("{\"id\": \"L%02d\", \"unit\": \"DC\", \"kind\": \"special-meeting\", \"date\": \"2023-%02d-03\", "
                    + "\"title\": \"%d月台账\", \"topics\": [\"united-front\"]},", m, m + 1, m));
        }
        acts.append(String.join(",", more));
        String json = "{\"year\": 2023, \"units\": [{\"id\": \"DC\", \"name\": \"电厂街道\", \"level\": \"subdistrict\"}], \"activities\": ["
                + (acts.charAt(acts.length() - 1) == ',' ? acts.substring(0, acts.length() - 1) : acts) + "]}";
        var submission = checker.read("t.json", json.getBytes(StandardCharsets.UTF_8));
        return checker.check(submission, new CheckOptions(asOf == null ? null : LocalDate.parse(asOf), null));
    }

    private static RuleResult result(Report r, String id) {
        return r.results().stream().filter(x -> x.rule().id().equals(id)).findFirst().orElseThrow();
    }

    private static String ledger(String id, String date) {
        return "{\"id\": \"" + id + "\", \"unit\": \"DC\", \"kind\": \"special-meeting\", \"date\": \"" + date
                + "\", \"title\": \"12月台账\", \"topics\": [\"united-front\"]}";
    }

    private static String visit(String id, String date) {
        return "{\"id\": \"" + id + "\", \"unit\": \"DC\", \"kind\": \"cultural-sports-event\", \"date\": \"" + date + "\", \"title\": \"冬季走访\"}";
    }

    @Test
    void every_month_gives_twelve_periods_of_the_series_and_decembers_window_ends_on_5_january() throws Exception {
        RulePack pack = RulePack.load(pack(PERIODS));
        List<Period> ledger = pack.periods().stream().filter(p -> "monthly-ledger".equals(p.getSeries())).toList();
        assertEquals(12, ledger.size());
        assertEquals("monthly-ledger.01", ledger.get(0).getId());
        assertEquals("1 月，次月 5 日前报送", ledger.get(0).getName());
        assertEquals(List.of(new DateRange(LocalDate.of(2023, 12, 31), LocalDate.of(2024, 1, 5))), ledger.get(11).getRanges());
        assertEquals(2023, ledger.get(11).getDutyYear());
        assertEquals(0, ledger.get(10).getDutyYear());
        assertEquals("2023-12-31 至 2024-01-05；2023 年度职责", ledger.get(11).describeDays());
    }

    @Test
    void not_due_on_31_december_then_met_on_6_january_with_a_ledger_dated_3_january_that_is_kept_and_counted() throws Exception {
        PlanChecker checker = PlanChecker.create(RulePack.load(pack(PERIODS)));
        Report yearEnd = check(checker, null, ledger("L12", "2024-01-03"));
        assertEquals(Status.NOT_DUE, result(yearEnd, "R1.2-4").status());
        assertEquals(List.of("FUTURE_DATED L12"), yearEnd.notices().stream().map(n -> n.type() + " " + n.recordId()).toList());

        Report january = check(checker, "2024-01-06", ledger("L12", "2024-01-03"));
        RuleResult r = january.results().stream().filter(x -> x.rule().id().equals("R1.2-4")).findFirst().orElseThrow();
        assertEquals(Status.MET, r.status());
        assertTrue(r.evidence().contains("L12"), r.evidence().toString());
        assertEquals(List.of(), january.notices().stream().map(n -> n.type() + " " + n.recordId()).toList());
    }

    @Test
    void a_gap_on_6_january_says_whose_year_the_duty_is_and_when_it_was_due() throws Exception {
        PlanChecker checker = PlanChecker.create(RulePack.load(pack(PERIODS)));
        Report january = check(checker, "2024-01-06");
        RuleResult r = result(january, "R1.2-4");
        assertEquals(Status.GAP, r.status());
        assertEquals("月度台账：12 月，次月 5 日前报送（2023-12-31 至 2024-01-05；2023 年度职责）内至少 1 条",
                january.gaps().stream().filter(g -> g.rule().id().equals("R1.2-4")).findFirst().orElseThrow().expected());
        // Still NOT_DUE on the due day itself.
        assertEquals(Status.NOT_DUE, result(check(checker, "2024-01-04"), "R1.2-4").status());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ReportFormats.forName("text").write(List.of(january), false, out);
        String text = out.toString(StandardCharsets.UTF_8);
        // The winter (to 2024-02-29) is still open on 6 January.
        assertTrue(text.contains("说明：检查日期在考核年度 2023 年结束之后，部分 2023 年度职责的期限在次年，尚未到期；"
                + "考核年度以外的记录只在这些职责的次年期限内计入\n"), text);
    }

    @Test
    void a_ledger_on_the_months_last_day_counts_for_that_month_only_never_for_two_periods() throws Exception {
        PlanChecker checker = PlanChecker.create(RulePack.load(pack(PERIODS)));
        Report r = check(checker, "2024-01-06", ledger("L12", "2023-12-31"));
        RuleResult ledger = result(r, "R1.2-4");
        assertEquals(Status.MET, ledger.status());
        // L01 (02-03) is January's, not February's: February's part counts only L02.
        assertEquals(List.of("L02"), ledger.parts().get(1).evidence());
        assertEquals(List.of("L12"), ledger.parts().get(11).evidence());
    }

    @Test
    void a_winter_visit_in_february_of_the_next_year_counts_and_one_in_march_is_outside_the_year() throws Exception {
        PlanChecker checker = PlanChecker.create(RulePack.load(pack(PERIODS)));
        assertEquals(Status.NOT_DUE, result(check(checker, null), "R1.2-5").status());
        Report met = check(checker, "2024-03-01", visit("W1", "2024-02-29"));
        assertEquals(Status.MET, result(met, "R1.2-5").status());
        assertEquals(List.of("W1"), result(met, "R1.2-5").evidence());
        Report late = check(checker, "2024-03-10", visit("W1", "2024-03-01"));
        assertEquals(Status.GAP, result(late, "R1.2-5").status());
        Notice outside = late.notices().stream().filter(n -> n.recordId().equals("W1")).findFirst().orElseThrow();
        assertEquals(Notice.Type.OUTSIDE_YEAR, outside.type());
    }

    @Test
    void a_record_of_the_next_year_that_no_rule_looks_at_is_outside_the_year_not_unmatched() throws Exception {
        PlanChecker checker = PlanChecker.create(RulePack.load(pack(PERIODS)));
        Report r = check(checker, "2024-03-01", "{\"id\": \"X\", \"unit\": \"DC\", \"kind\": \"league-building\", \"date\": \"2024-01-10\", \"title\": \"培训\"}");
        Notice n = r.notices().stream().filter(x -> x.recordId().equals("X")).findFirst().orElseThrow();
        assertEquals(Notice.Type.OUTSIDE_YEAR, n.type());
        assertEquals("日期 2024-01-10 不在考核年度 2023 年内，也没有哪项期限延至次年的职责把它当作证据，未计入", n.message());
    }

    @Test
    void bad_series_and_due_values_are_each_reported_at_their_place_all_at_once() throws Exception {
        String all = problems(pack("""
                "a": { "name": "a", "every": "week", "description": "x" },
                "b": { "name": "b", "every": "month", "due": { "nextMonthDay": 31 }, "description": "x" },
                "c": { "name": "c", "every": "month", "due": { "nextMonthDay": 5, "daysAfterEnd": 3 }, "description": "x" },
                "d": { "name": "d", "months": [1], "due": { "nextMonthDay": 5 }, "description": "x" },
                "e": { "name": "e", "every": "quarter", "months": [1, 2, 3], "description": "x" },
                "f": { "name": "f", "from": "03-01", "to": "05-31", "endsNextYear": true, "description": "x" },
                "g": { "name": "g", "from": "12-01", "to": "02-28", "endsNextYear": "yes", "description": "x" },
                "h": { "name": "h", "every": "month", "due": { "daysAfterEnd": 31 }, "description": "x" },
                "i": { "name": "i", "months": [1], "endsNextYear": true, "description": "x" },
                "j": { "name": "j", "every": "half-year", "due": 5, "description": "x" },
                "k": { "name": "k", "every": "half-year", "description": "x" },
                "k.H1": { "name": "k1", "months": [1], "description": "x" },
                """));
        for (String expected : List.of(
                "$.periods.a.every: 未知的系列 \"week\"；可用：month（每月）、two-months（每两个月）、quarter（每季度）、half-year（每半年）",
                "$.periods.b.due.nextMonthDay: ",
                "$.periods.c.due: 报送期限应给出 nextMonthDay（次月几日前）或 daysAfterEnd（每期结束后几日内）二者之一",
                "$.periods.d.due: due（报送期限）只用于 every 声明的系列",
                "$.periods.e.months: every 声明的系列由 every 给出各期的日期，不能再给 months",
                "$.periods.f.endsNextYear: endsNextYear 表示自本年 from 起至次年 to 止，to 应早于 from",
                "$.periods.g.endsNextYear: 应为 true 或 false",
                "$.periods.h.due: 报送时段 2023-01-31 至 2023-03-03 与下一期的 2023-02-28 至 2023-03-31 重叠",
                "$.periods.i.endsNextYear: endsNextYear 只用于 from 和 to 给出的时段",
                "$.periods.j.due: 应为一个对象",
                "$.periods['k.H1']: 时段 id \"k.H1\" 已由系列 \"k\"（every）生成，不能再写出")) {
            assertTrue(all.contains(expected), expected + "\n---\n" + all);
        }
    }
}
