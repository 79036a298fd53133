package dev.plancheck.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plancheck.CheckOptions;
import dev.plancheck.PlanChecker;
import dev.plancheck.RulePack;
import dev.plancheck.report.Report;
import dev.plancheck.report.RuleResult;
import dev.plancheck.report.Status;
import java.time.LocalDate;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The third plan (sample-data/baishu-2024, an imagined 民政 plan written without changing Java): unit attributes and
 * the duties they decide, a rate, sums, a deadline in working days, a lunar node, a solar term, series with due days
 * and duties due in the next year. Its compliant ledger has no gap once the year's last duties are due, and its gap
 * ledger reports exactly what its .expected.json names.
 */
class ThirdPlanTest {
    static final Path DIR = Path.of("..", "sample-data", "baishu-2024");
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final LocalDate WHOLE_YEAR = LocalDate.of(2025, 3, 1);
    private static PlanChecker checker;

    static synchronized PlanChecker checker() {
        if (checker == null) {
            checker = PlanChecker.create(RulePack.load(DIR.resolve("pack")));
        }
        return checker;
    }

    private static Report check(String file, LocalDate asOf) throws Exception {
        return checker().check(checker().read(DIR.resolve(file)), CheckOptions.asOf(asOf));
    }

    private static RuleResult result(Report report, String rule, String unit) {
        return report.results().stream().filter(r -> r.rule().id().equals(rule) && r.unit().getId().equals(unit))
                .findFirst().orElseThrow(() -> new AssertionError("no result for " + rule + " " + unit));
    }

    @Test
    void the_pack_loads_from_disk_with_seventeen_rules() {
        assertEquals("baishu-2024", checker().pack().id());
        assertEquals(17, checker().rules().size());
    }

    @Test
    void judged_after_the_winter_the_compliant_ledger_has_no_gap_and_no_notice() throws Exception {
        Report report = check("compliant.json", WHOLE_YEAR);
        assertEquals(List.of(), report.gaps().stream().map(g -> g.ruleId() + " " + g.unit().getId()).toList());
        assertEquals(List.of(), report.notices());
        Map<String, Status> notMet = new TreeMap<>();
        for (RuleResult r : report.results()) {
            if (r.status() != Status.MET) {
                notMet.put(r.rule().id() + " " + r.unit().getId(), r.status());
            }
        }
        // 南苑 (2,100 residents, no day-care centre) is bound neither by the representatives' meetings nor by the
        // day-care centre's checks; the subdistrict has no community duty. Nothing else is left undecided.
        assertEquals(Map.of("R2.3-1 NY", Status.NOT_APPLICABLE, "R2.3-2 NY", Status.NOT_APPLICABLE,
                "R3.1-1 NY", Status.NOT_APPLICABLE), notMet);
    }

    @Test
    void at_the_end_of_the_year_the_duties_due_in_the_next_year_are_not_due_yet() throws Exception {
        Report report = checker().check(checker().read(DIR.resolve("compliant.json")));
        assertEquals(LocalDate.of(2024, 12, 31), report.asOf());
        assertEquals(List.of(), report.gaps().stream().map(g -> g.ruleId() + " " + g.unit().getId()).toList());
        assertEquals(Status.NOT_DUE, result(report, "R1.1-2", "BS").status(), "December's report is due 2025-01-05");
        assertEquals(Status.NOT_DUE, result(report, "R2.3-2", "DH").status(), "the fourth quarter's record is due 2025-01-10");
        assertEquals(Status.NOT_DUE, result(report, "R1.3-1", "NY").status(), "南苑 visits in January; winter runs to 2025-02-28");
        assertEquals(Status.MET, result(report, "R1.3-1", "DH").status(), "东湖 visited in December: met before the year ends");
        assertEquals(Status.MET, result(report, "R1.1-1", "BS").status());
        // Coming due: December's report and the fourth quarter's record, each saying it is a duty of 2024.
        assertEquals(List.of("R1.1-2 BS 12 月，次月 5 日前报送；2024 年度职责 2025-01-05",
                        "R2.3-2 DH 第四季度，结束后 10 日内报送；2024 年度职责 2025-01-10",
                        "R2.3-2 XL 第四季度，结束后 10 日内报送；2024 年度职责 2025-01-10"),
                report.comingDue().stream().map(c -> c.rule().id() + " " + c.unit().getId() + " " + c.periodName() + " " + c.closes()).toList());
    }

    @Test
    void the_gap_ledger_reports_exactly_its_expected_gaps_and_notices() throws Exception {
        JsonNode expected = MAPPER.readTree(DIR.resolve("gaps.expected.json").toFile());
        Report report = check("gaps.json", LocalDate.parse(expected.get("asOf").asText()));
        assertEquals(SampleDataTest.pretty(expected.get("gaps")), SampleDataTest.pretty(SampleDataTest.gaps(report)));
        assertEquals(SampleDataTest.pretty(expected.get("notices")), SampleDataTest.pretty(SampleDataTest.notices(report)));
        assertEquals(SampleDataTest.pretty(expected.get("manualChecks")), SampleDataTest.pretty(SampleDataTest.manualChecks(report)));
        assertEquals(10, report.gaps().size());
        assertEquals(4, report.manualChecks().size(), "the plan's four sentences no ledger can prove");
    }

    @Test
    void a_community_below_the_threshold_is_not_bound_and_the_report_says_why() throws Exception {
        Report report = check("gaps.json", WHOLE_YEAR);
        RuleResult ny = result(report, "R3.1-1", "NY");
        assertEquals(Status.NOT_APPLICABLE, ny.status());
        assertEquals("常住人口 2,100 人，未达 3,000 人，本条不适用", ny.note());
        assertEquals(Status.GAP, result(report, "R3.1-1", "XL").status(), "西岭 (3,600) is bound and held no second-half meeting");
    }
}
