package dev.plancheck.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.plancheck.report.PartResult;
import dev.plancheck.PlanChecker;
import dev.plancheck.report.Report;
import dev.plancheck.RulePack;
import dev.plancheck.report.Status;
import dev.plancheck.input.Submission;
import dev.plancheck.model.Activity;
import dev.plancheck.model.OrgUnit;
import dev.plancheck.model.UnitLevel;
import dev.plancheck.testing.TestPacks;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code findings.notExceeding}, the whole-year money check a rule author may use (docs/rule-authoring.md): all the
 * money used, against all the money raised, whatever the dates. No bundled rule uses it (they check drive by drive),
 * so it is proved here with a one-rule pack.
 */
class NotExceedingTest {
    private static final String RULE = """
            rule "R10.3-2 经费使用不超过募集"
                @id("R10.3-2") @title("经费使用不超过募集") @clause("§10.3") @sentence("开展“博爱一日捐”并做好经费使用管理")
                @scope("subdistrict") @severity("high") @evidence("donation-drive, donation-usage")
            when
                $u : OrgUnit(level == UnitLevel.SUBDISTRICT)
                $raised : List() from collect( Activity(unitId == $u.id, kind == "donation-drive") )
                $used : List() from collect( Activity(unitId == $u.id, kind == "donation-usage") )
            then
                findings.notExceeding(kcontext, $u, "经费使用", $used, $raised);
            end
            """;

    @TempDir
    static Path dir;
    private static PlanChecker checker;

    @BeforeAll
    static void pack() throws Exception {
        checker = PlanChecker.create(RulePack.load(TestPacks.write(dir, "s10_test.drl", RULE)));
    }

    private static PartResult part(String... records) throws Exception {
        List<Activity> activities = new ArrayList<>();
        for (String r : records) {
            String[] f = r.split(" ");
            Activity.Builder b = Activity.builder(f[0]).unitId("DC").kind(f[1]).date(LocalDate.parse(f[2])).title(f[0])
                    .amount(new BigDecimal(f[3]));
            if (f.length > 4) {
                b.relatesTo(f[4]);
            }
            activities.add(b.build());
        }
        Report report = checker.check(Submission.of("money.json", 2023,
                List.of(new OrgUnit("DC", "电厂街道", UnitLevel.SUBDISTRICT)), activities));
        List<PartResult> parts = report.results().get(0).parts();
        assertEquals(1, parts.size());
        // Every record the rule looked at is evidence: none is reported as matching no rule.
        assertEquals(List.of(), report.notices());
        return parts.get(0);
    }

    @Test
    void spending_up_to_the_sum_raised_in_the_year_is_met_and_names_every_record() throws Exception {
        PartResult p = part("d1 donation-drive 2023-05-08 1000", "d2 donation-drive 2023-09-01 500.50",
                "u1 donation-usage 2023-06-01 1500.50 d1");
        assertEquals(Status.MET, p.status());
        assertEquals("经费使用：使用金额合计不超过募集金额合计（募集 1,500.50 元）", p.expected());
        assertEquals("使用 1,500.50 元（u1），募集 1,500.50 元（d1、d2）", p.found());
        assertEquals(List.of("d1", "d2", "u1"), p.evidence());
    }

    @Test
    void one_cent_over_is_a_gap_whatever_the_day_of_the_check() throws Exception {
        PartResult p = part("d1 donation-drive 2023-05-08 1000", "u1 donation-usage 2023-06-01 600 d1",
                "u2 donation-usage 2023-07-01 400.01 d1");
        assertEquals(Status.GAP, p.status());
        assertEquals("使用 1,000.01 元（u1、u2），募集 1,000.00 元（d1），超出 0.01 元", p.found());
    }

    @Test
    void no_money_at_all_is_met_with_nothing_to_name() throws Exception {
        PartResult p = part();
        assertEquals(Status.MET, p.status());
        assertEquals("使用 0.00 元，募集 0.00 元", p.found());
        assertEquals(List.of(), p.evidence());
    }
}
