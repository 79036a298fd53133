package dev.plancheck.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.plancheck.PlanChecker;
import dev.plancheck.RulePack;
import dev.plancheck.input.Submission;
import dev.plancheck.model.Activity;
import dev.plancheck.model.OrgUnit;
import dev.plancheck.model.UnitLevel;
import dev.plancheck.report.Notice;
import dev.plancheck.report.PartResult;
import dev.plancheck.report.Report;
import dev.plancheck.report.Status;
import dev.plancheck.testing.TestPacks;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code findings.participantsAtLeast} and {@code findings.amountAtLeast}, the sums a rule author may use
 * (docs/rule-authoring.md): "累计不少于 N 人次/元" over a period, the quota's {@code min} read as 人次 or 元. Proved
 * with a pack of two rules in two files: training of religious liaison officers in the first half year, at least 200 人次; money raised
 * in the year, at least 1000 元.
 */
class SumsTest {
    private static final String TRAINING = """
            rule "R3.2-1 宗教联络员培训累计人次"
                @id("R3.2-1") @title("宗教联络员培训") @clause("§3.2") @sentence("加强对宗教联络员的学习教育培训")
                @scope("subdistrict") @severity("medium") @evidence("training")
            when
                $u : OrgUnit(level == UnitLevel.SUBDISTRICT)
                $p : Period(id == "half-year.H1")
                $q : Quota(id == "training.people")
                $ev : List() from collect( Activity(unitId == $u.id, kind == "training") )
            then
                findings.participantsAtLeast(kcontext, $u, "宗教联络员培训", $p, $q, $ev);
            end
            """;

    private static final String MONEY = """
            rule "R10.3-1 募捐累计金额"
                @id("R10.3-1") @title("募捐") @clause("§10.3") @sentence("开展“博爱一日捐”并做好经费使用管理")
                @scope("subdistrict") @severity("high") @evidence("donation-drive")
            when
                $u : OrgUnit(level == UnitLevel.SUBDISTRICT)
                $y : Period(id == "year")
                $q : Quota(id == "donations.money")
                $ev : List() from collect( Activity(unitId == $u.id, kind == "donation-drive") )
            then
                findings.amountAtLeast(kcontext, $u, "募捐", $y, $q, $ev);
            end
            """;

    @TempDir
    static Path dir;
    private static PlanChecker checker;

    @BeforeAll
    static void pack() throws Exception {
        Path file = TestPacks.write(dir, "s03_test.drl", "import dev.plancheck.model.Quota;\n" + TRAINING);
        Files.writeString(dir.resolve("rules/s10_test.drl"), TestPacks.HEADER + "import dev.plancheck.model.Quota;\n" + MONEY,
                StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("rules/ruleset.json"), "{\"files\": [\"s03_test.drl\", \"s10_test.drl\"]}");
        String params = Files.readString(file, StandardCharsets.UTF_8).replace("\"quotas\": {", "\"quotas\": {\n"
                + "\"training.people\": { \"min\": 200, \"description\": \"上半年培训累计不少于200人次\" },\n"
                + "\"donations.money\": { \"min\": 1000, \"description\": \"全年募捐累计不少于1000元\" },");
        Files.writeString(file, params, StandardCharsets.UTF_8);
        checker = PlanChecker.create(RulePack.load(file));
    }

    private static Report check(List<Activity> activities) throws Exception {
        return checker.check(Submission.of("sums.json", 2023,
                List.of(new OrgUnit("DC", "电厂街道", UnitLevel.SUBDISTRICT)), activities));
    }

    private static PartResult part(Report report, String rule) {
        List<PartResult> parts = report.results().stream().filter(r -> r.rule().id().equals(rule)).findFirst().orElseThrow().parts();
        assertEquals(1, parts.size());
        return parts.get(0);
    }

    private static Activity training(String id, String date, String title, Integer people) {
        return Activity.builder(id).unitId("DC").kind("training").date(LocalDate.parse(date)).title(title)
                .groups(Set.of("religious-liaison-officers")).participants(people).build();
    }

    private static Activity drive(String id, String date, String amount) {
        return Activity.builder(id).unitId("DC").kind("donation-drive").date(LocalDate.parse(date)).title("博爱一日捐")
                .organiser("red-cross").amount(new BigDecimal(amount)).build();
    }

    @Test
    void two_hundred_people_over_two_trainings_in_the_period_are_met_and_name_each_record() throws Exception {
        PartResult p = part(check(List.of(training("t1", "2023-03-01", "政策培训", 120), training("t2", "2023-06-30", "法规培训", 80))),
                "R3.2-1");
        assertEquals(Status.MET, p.status());
        assertEquals("宗教联络员培训：上半年（2023-01-01 至 2023-06-30）内累计至少 200 人次", p.expected());
        assertEquals("累计 200 人次，2 条：t1（2023-03-01 政策培训，120 人）、t2（2023-06-30 法规培训，80 人）", p.found());
        assertEquals(List.of("t1", "t2"), p.evidence());
        assertEquals(200, p.min());
        assertEquals("training.people", p.quotaId());
    }

    @Test
    void one_short_a_record_after_the_period_and_one_without_a_count_are_a_gap_that_says_what_is_missing() throws Exception {
        PartResult p = part(check(List.of(training("t1", "2023-03-01", "政策培训", 120), training("t2", "2023-06-30", "法规培训", 79),
                training("t3", "2023-05-01", "座谈培训", null), training("t4", "2023-07-01", "下半年培训", 50))), "R3.2-1");
        assertEquals(Status.GAP, p.status());
        assertEquals("累计 199 人次，尚差 1 人次，2 条：t1（2023-03-01 政策培训，120 人）、t2（2023-06-30 法规培训，79 人）"
                + "；未填人数、不计入的另有 1 条：t3（2023-05-01 座谈培训）；本时段外另有 1 条：t4（2023-07-01 下半年培训）", p.found());
        assertEquals(List.of("t1", "t2"), p.evidence());
        assertEquals(List.of("t3", "t4"), p.outside());
    }

    @Test
    void nothing_at_all_is_a_gap_of_the_whole_quota() throws Exception {
        PartResult p = part(check(List.of()), "R3.2-1");
        assertEquals(Status.GAP, p.status());
        assertEquals("累计 0 人次，尚差 200 人次，没有符合条件的记录", p.found());
    }

    @Test
    void a_copy_of_one_training_is_counted_once() throws Exception {
        Report report = check(List.of(training("t1", "2023-03-01", "政策培训", 120), training("t1b", "2023-03-01", "政策培训", 120),
                training("t2", "2023-04-01", "法规培训", 79)));
        PartResult p = part(report, "R3.2-1");
        assertEquals(Status.GAP, p.status());
        assertEquals("累计 199 人次，尚差 1 人次，2 条：t1（2023-03-01 政策培训，120 人）、t2（2023-04-01 法规培训，79 人）", p.found());
        assertEquals(List.of(Notice.Type.DUPLICATE), report.notices().stream().map(Notice::type).toList());
    }

    @Test
    void money_is_summed_and_two_payments_of_one_sum_on_one_day_both_count() throws Exception {
        PartResult p = part(check(List.of(drive("d1", "2023-05-08", "500"), drive("d2", "2023-05-08", "500"))), "R10.3-1");
        assertEquals(Status.MET, p.status());
        assertEquals("募捐：全年（2023-01-01 至 2023-12-31）内累计至少 1,000.00 元", p.expected());
        assertEquals("累计 1,000.00 元，2 条：d1（2023-05-08 博爱一日捐，500.00 元）、d2（2023-05-08 博爱一日捐，500.00 元）", p.found());
    }

    @Test
    void money_one_cent_short_is_a_gap() throws Exception {
        PartResult p = part(check(List.of(drive("d1", "2023-05-08", "999.99"))), "R10.3-1");
        assertEquals(Status.GAP, p.status());
        assertEquals("累计 999.99 元，尚差 0.01 元，1 条：d1（2023-05-08 博爱一日捐，999.99 元）", p.found());
    }
}
