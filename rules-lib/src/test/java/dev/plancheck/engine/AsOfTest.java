package dev.plancheck.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plancheck.CheckOptions;
import dev.plancheck.report.ComingDuty;
import dev.plancheck.report.Notice;
import dev.plancheck.PlanChecker;
import dev.plancheck.report.Report;
import dev.plancheck.report.RuleResult;
import dev.plancheck.report.Status;
import dev.plancheck.input.Submission;
import dev.plancheck.model.Activity;
import dev.plancheck.testing.Checkers;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** Checking on any day of the year: what is overdue is a gap, what is still open is not yet due, and what comes next is listed. */
class AsOfTest {
    private final PlanChecker checker = Checkers.dianchang2023();

    /** The compliant sample without its 3-05, 10-13 and winter-warmth records. */
    private Submission withoutLeiFengYoungPioneersAndWinter() throws Exception {
        Submission full = checker.read(Path.of("..", "sample-data", "dianchang-2023", "compliant.json"));
        Predicate<Activity> dropped = a -> a.getTopics().contains("lei-feng") || a.getTopics().contains("young-pioneers-day")
                || a.getTopics().contains("winter-warmth");
        List<Activity> kept = full.activities().stream().filter(dropped.negate()).toList();
        assertTrue(kept.size() < full.activities().size());
        return Submission.of("partial.json", full.year(), full.units(), kept);
    }

    private static Status status(Report r, String ruleId) {
        return r.results().stream().filter(x -> x.rule().id().equals(ruleId)).map(RuleResult::status).findFirst().orElseThrow();
    }

    @Test
    void on_15_june_a_missed_march_node_is_a_gap_but_october_and_winter_duties_are_not_yet_due() throws Exception {
        Report june = checker.check(withoutLeiFengYoungPioneersAndWinter(), CheckOptions.asOf(LocalDate.of(2023, 6, 15)));
        assertEquals(Status.GAP, status(june, "R8-2"));
        assertEquals(Status.NOT_DUE, status(june, "R8-6"));
        assertEquals(Status.NOT_DUE, status(june, "R7.2-4"));
        assertEquals(List.of("R8-2"), june.gaps().stream().map(g -> g.ruleId()).distinct().toList(),
                "by mid-June only the March node is overdue");
    }

    @Test
    void on_31_december_the_same_submission_has_all_three_gaps() throws Exception {
        Report december = checker.check(withoutLeiFengYoungPioneersAndWinter(), CheckOptions.asOf(LocalDate.of(2023, 12, 31)));
        assertEquals(List.of("R7.2-4", "R8-2", "R8-6"), december.gaps().stream().map(g -> g.ruleId()).toList());
        assertEquals("没有符合条件的记录", december.gaps().get(0).found());
    }

    @Test
    void the_default_as_of_date_is_the_last_day_of_the_assessment_year() throws Exception {
        Report report = checker.check(withoutLeiFengYoungPioneersAndWinter());
        assertEquals(LocalDate.of(2023, 12, 31), report.asOf());
        assertEquals(3, report.gaps().size());
    }

    @Test
    void a_window_is_open_until_the_end_of_its_last_day() throws Exception {
        Submission s = withoutLeiFengYoungPioneersAndWinter();
        assertEquals(Status.NOT_DUE, status(checker.check(s, CheckOptions.asOf(LocalDate.of(2023, 12, 30))), "R7.2-4"));
        assertEquals(Status.GAP, status(checker.check(s, CheckOptions.asOf(LocalDate.of(2023, 12, 31))), "R7.2-4"));
        assertEquals(Status.NOT_DUE, status(checker.check(s, CheckOptions.asOf(LocalDate.of(2023, 10, 19))), "R8-6"));
        assertEquals(Status.GAP, status(checker.check(s, CheckOptions.asOf(LocalDate.of(2023, 10, 20))), "R8-6"));
    }

    @Test
    void a_duty_met_before_its_window_closes_is_met_and_later_records_are_reported_as_future_dated() throws Exception {
        Submission full = checker.read(Path.of("..", "sample-data", "dianchang-2023", "compliant.json"));
        Report july = checker.check(full, CheckOptions.asOf(LocalDate.of(2023, 7, 20)));
        assertEquals(Status.MET, status(july, "R7.2-2"), "夏送清凉 in July meets the summer duty before September ends");
        long later = full.activities().stream().filter(a -> a.getDate().isAfter(LocalDate.of(2023, 7, 20))).count();
        List<Notice> future = july.notices().stream().filter(n -> n.type() == Notice.Type.FUTURE_DATED).toList();
        assertEquals(later, future.size());
        assertTrue(future.get(0).message().contains("晚于检查日期 2023-07-20，未计入"), future.get(0).message());
        assertTrue(july.gaps().isEmpty(), "nothing is overdue for a ledger that is complete so far: " + july.gaps());
    }

    @Test
    void lists_what_falls_due_in_the_next_thirty_days_per_unit() throws Exception {
        Report june = checker.check(withoutLeiFengYoungPioneersAndWinter(), CheckOptions.asOf(LocalDate.of(2023, 6, 15)));
        assertEquals(30, june.comingDueDays());
        ComingDuty partyDay = june.comingDue().stream().filter(c -> c.rule().id().equals("R8-5")).findFirst().orElseThrow();
        assertEquals("DC", partyDay.unit().getId());
        assertEquals(LocalDate.of(2023, 6, 21), partyDay.opens());
        assertEquals(LocalDate.of(2023, 7, 8), partyDay.closes());
        assertEquals(LocalDate.of(2023, 7, 1), partyDay.anchor());
        assertTrue(june.comingDue().stream().anyMatch(c -> c.rule().id().equals("R3.3-1") && c.unit().getId().equals("HP")
                        && c.opens().equals(LocalDate.of(2023, 7, 1)) && c.closes().equals(LocalDate.of(2023, 12, 31))),
                "each community's second-half special action opens on 07-01, within the 30 days");
        assertTrue(june.comingDue().stream().noneMatch(c -> c.rule().id().equals("R3.3-1") && c.closes().equals(LocalDate.of(2023, 6, 30))),
                "the first-half special actions are already done in this ledger, so they are not listed");
        assertTrue(june.comingDue().stream().noneMatch(c -> c.rule().id().equals("R8-6")), "10-13 is more than 30 days away");
        for (ComingDuty c : june.comingDue()) {
            assertTrue(c.opens().isAfter(june.asOf()) || c.closes().isAfter(june.asOf()), c.toString());
        }
    }

    @Test
    void the_coming_duties_are_listed_by_closing_day_then_rule_not_in_rule_order() throws Exception {
        Report june = checker.check(withoutLeiFengYoungPioneersAndWinter(), CheckOptions.asOf(LocalDate.of(2023, 6, 15)));
        List<ComingDuty> coming = june.comingDue();
        // R8-5 (七一, closing 07-08) comes after R3.3-1 (the second half-year, closing 12-31) in rule order.
        int partyDay = indexOf(coming, "R8-5");
        int secondHalf = indexOf(coming, "R3.3-1");
        assertTrue(partyDay >= 0 && secondHalf >= 0 && partyDay < secondHalf, coming.toString());
        for (int i = 1; i < coming.size(); i++) {
            ComingDuty a = coming.get(i - 1);
            ComingDuty b = coming.get(i);
            assertTrue(!a.closes().isAfter(b.closes()), a + " before " + b);
            if (a.closes().equals(b.closes())) {
                assertTrue(RuleOrder.BY_ID.compare(a.rule().id(), b.rule().id()) <= 0, a + " before " + b);
            }
        }
    }

    private static int indexOf(List<ComingDuty> coming, String ruleId) {
        for (int i = 0; i < coming.size(); i++) {
            if (coming.get(i).rule().id().equals(ruleId)) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void the_december_stretch_of_winter_is_announced_in_november() throws Exception {
        Report november = checker.check(withoutLeiFengYoungPioneersAndWinter(), CheckOptions.asOf(LocalDate.of(2023, 11, 25)));
        ComingDuty winter = november.comingDue().stream().filter(c -> c.rule().id().equals("R7.2-4")).findFirst().orElseThrow();
        assertEquals(LocalDate.of(2023, 12, 1), winter.opens());
        assertEquals(LocalDate.of(2023, 12, 31), winter.closes());
    }

    @Test
    void the_look_ahead_can_be_widened() throws Exception {
        Report june = checker.check(withoutLeiFengYoungPioneersAndWinter(),
                CheckOptions.asOf(LocalDate.of(2023, 6, 15)).withComingDueDays(130));
        assertTrue(june.comingDue().stream().anyMatch(c -> c.rule().id().equals("R8-6")));
    }

    @Test
    void an_as_of_date_before_the_assessment_year_is_refused() throws Exception {
        Submission s = withoutLeiFengYoungPioneersAndWinter();
        assertThrows(IllegalArgumentException.class, () -> checker.check(s, CheckOptions.asOf(LocalDate.of(2022, 12, 31))));
    }
}
