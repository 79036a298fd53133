package dev.plancheck.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.plancheck.PlanChecker;
import dev.plancheck.RulePack;
import dev.plancheck.input.Problem;
import dev.plancheck.input.ProblemCode;
import dev.plancheck.input.RulePackException;
import dev.plancheck.input.Submission;
import dev.plancheck.model.Activity;
import dev.plancheck.model.OrgUnit;
import dev.plancheck.model.UnitLevel;
import dev.plancheck.report.Notice;
import dev.plancheck.report.Report;
import dev.plancheck.report.Status;
import dev.plancheck.testing.TestPacks;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A conditional duty gated by the records that make it apply: an {@code exists} gate is checked once, and its records
 * are used; a gate written as a bound pattern that matches two records is a broken pack named by its rule and line.
 */
class GatesTest {
    private static final List<OrgUnit> UNITS = List.of(new OrgUnit("DC", "电厂街道", UnitLevel.SUBDISTRICT),
            new OrgUnit("HP", "河畔社区", UnitLevel.COMMUNITY), new OrgUnit("XY", "新园社区", UnitLevel.COMMUNITY));

    @TempDir
    Path dir;

    private PlanChecker checker(String gate) throws Exception {
        return PlanChecker.create(RulePack.load(TestPacks.write(dir, "s10_test.drl", TestPacks.GATED_RELIEF.formatted(gate))));
    }

    /** Each on its own day (d1 on 1 July, d2 on 2 July…): two records, not one activity filed twice. */
    private static Activity disaster(String id, String unit, String topic) {
        return Activity.builder(id).unitId(unit).kind("disaster").title(id).date(LocalDate.of(2023, 7, Integer.parseInt(id.substring(1))))
                .topics(Set.of(topic)).build();
    }

    @Test
    void a_record_that_makes_a_gated_duty_apply_is_used_and_one_that_does_not_is_reported() throws Exception {
        PlanChecker checker = checker("    exists Activity(unitId == $u.id, kind == \"disaster\", topics contains \"flood\")");
        Report r = checker.check(Submission.of("gate.json", 2023, UNITS, List.of(
                disaster("d1", "HP", "flood"), disaster("d2", "HP", "flood"), disaster("d3", "XY", "epidemic"))));
        assertEquals(List.of(Status.GAP, Status.NOT_APPLICABLE), r.results().stream().map(x -> x.status()).toList(),
                "two floods make HP's duty apply once; XY's epidemic does not pass the gate");
        assertEquals(List.of("UNMATCHED d3"), r.notices().stream().map(n -> n.type() + " " + n.recordId()).toList(),
                "d1 and d2 made the duty apply: used; d3 gated nothing");
    }

    @Test
    void a_gate_written_as_a_pattern_that_matches_two_records_is_named_by_its_rule_and_line() throws Exception {
        PlanChecker checker = checker("    $g : Activity(unitId == $u.id, kind == \"disaster\")");
        RulePackException e = assertThrows(RulePackException.class, () -> checker.check(Submission.of("gate.json", 2023,
                UNITS, List.of(disaster("d1", "HP", "flood"), disaster("d2", "HP", "flood")))));
        Problem p = e.problems().get(0);
        assertEquals(ProblemCode.RULE_FAILED, p.code());
        assertEquals("s10_test.drl:14", Path.of(p.file()).getFileName() + ":" + p.line(), "the line of $g, not the pack file");
        assertEquals("规则 R10.2-1 为单位 HP 两次记录了同一要求“灾后救助”（全年）：条件 $g 先后匹配了 d1、d2 两条记录，规则因此触发两次。"
                + "只要求“有这类记录时才适用”的，请改写为 exists Activity(…)（不绑定变量）；每条记录各有一项要求的，"
                + "请把 $g 传给时段（如 $deadline.after($g)）或写进要求的名称", p.message());
    }

    @Test
    void notices_of_a_used_gate_record_are_none() throws Exception {
        PlanChecker checker = checker("    exists Activity(unitId == $u.id, kind == \"disaster\")");
        Report r = checker.check(Submission.of("gate.json", 2023, UNITS, List.of(disaster("d1", "XY", "flood"))));
        assertEquals(List.<Notice>of(), r.notices());
    }
}
