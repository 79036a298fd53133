package dev.plancheck.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.plancheck.CheckOptions;
import dev.plancheck.report.Gap;
import dev.plancheck.report.Notice;
import dev.plancheck.PlanChecker;
import dev.plancheck.report.Report;
import dev.plancheck.input.Submission;
import dev.plancheck.input.Waiver;
import dev.plancheck.testing.Checkers;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Waivers through the library API: a gap accepted with a reason is still reported, marked; a waiver that does not
 * apply says why in a notice. The sample has two gaps, R1.2-4/DC and R2.4-1/DC.
 */
class WaivingTest {
    private static final PlanChecker CHECKER = Checkers.dianchang2023();
    private static final LocalDate YEAR_END = LocalDate.of(2023, 12, 31);

    private static Report check(Waiver... waivers) throws Exception {
        Submission s = CHECKER.read(Path.of("..", "sample-data", "dianchang-2023", "gaps-meetings.json"));
        return CHECKER.check(s, CheckOptions.asOf(YEAR_END).withWaivers(List.of(waivers)));
    }

    private static Waiver waiver(String rule, String unit, LocalDate expires, String source) {
        return new Waiver(rule, unit, "第二次会议因上级通知取消", "王审核", expires, source);
    }

    private static List<String> notices(Report r) {
        return r.notices().stream().filter(n -> n.type() == Notice.Type.WAIVER_EXPIRED || n.type() == Notice.Type.WAIVER_UNUSED)
                .map(n -> n.type() + " " + n.recordId() + " " + n.message()).toList();
    }

    @Test
    void without_waivers_the_report_is_the_unwaived_one() throws Exception {
        Report r = check();
        assertEquals(2, r.openGaps().size());
        assertEquals(List.of(), r.waivedGaps());
    }

    @Test
    void a_waiver_marks_its_gap_and_only_that_gap() throws Exception {
        Waiver w = waiver("R1.2-4", "DC", YEAR_END, "w.json:1:2");
        Report r = check(w);
        assertEquals(List.of("R2.4-1"), r.openGaps().stream().map(Gap::ruleId).toList());
        assertEquals(1, r.waivedGaps().size());
        assertSame(w, r.waivedGaps().get(0).waiver());
        assertEquals(List.of(), notices(r));
    }

    @Test
    void a_waiver_of_the_second_gap_marks_that_gap_not_the_first() throws Exception {
        Report r = check(waiver("R2.4-1", "DC", null, "w.json:1:2"));
        assertEquals(List.of("R1.2-4"), r.openGaps().stream().map(Gap::ruleId).toList());
        assertEquals(List.of("R2.4-1"), r.waivedGaps().stream().map(Gap::ruleId).toList());
    }

    @Test
    void an_expired_waiver_is_not_applied_and_says_so() throws Exception {
        Report r = check(waiver("R1.2-4", "DC", LocalDate.of(2023, 12, 30), "w.json:1:2"));
        assertEquals(2, r.openGaps().size());
        assertEquals(List.of("WAIVER_EXPIRED R1.2-4/DC 情况说明（w.json:1:2）有效期至 2023-12-30，早于检查日期 2023-12-31，未采用；该缺项仍计为缺项"),
                notices(r));
    }

    @Test
    void an_expired_waiver_for_a_duty_that_was_met_does_not_claim_a_gap() throws Exception {
        Report r = check(waiver("R8-3", "DC", LocalDate.of(2023, 1, 31), "w.json:2:2"));
        assertEquals(List.of("WAIVER_EXPIRED R8-3/DC 情况说明（w.json:2:2）有效期至 2023-01-31，早于检查日期 2023-12-31，未采用"),
                notices(r));
    }

    @Test
    void a_waiver_for_a_duty_that_was_met_is_reported_unused() throws Exception {
        Report r = check(waiver("R8-3", "DC", null, "w.json:2:2"));
        assertEquals(List.of("WAIVER_UNUSED R8-3/DC 情况说明（w.json:2:2）所说明的 R8-3 对该单位没有缺项，未使用"), notices(r));
    }

    @Test
    void of_two_waivers_for_one_gap_the_first_in_source_order_applies_and_the_other_is_reported() throws Exception {
        Report r = check(waiver("R1.2-4", "DC", null, "b.json:1:2"), waiver("R1.2-4", "DC", null, "a.json:1:2"));
        assertEquals("a.json:1:2", r.waivedGaps().get(0).waiver().source());
        assertEquals(List.of("WAIVER_UNUSED R1.2-4/DC 情况说明（b.json:1:2）与 a.json:1:2 说明的是同一缺项，只采用前者"), notices(r));
    }

    @Test
    void a_waiver_for_a_unit_this_ledger_does_not_have_is_left_for_the_other_ledgers_of_a_batch() throws Exception {
        Report r = check(waiver("R3.3-1", "ZZ", null, "w.json:3:2"));
        assertEquals(2, r.openGaps().size());
        assertEquals(List.of(), notices(r));
        assertNull(r.gaps().get(0).waiver());
    }
}
