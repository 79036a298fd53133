package dev.plancheck.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import dev.plancheck.pack.LoadedPack;
import dev.plancheck.pack.PackLoader;
import dev.plancheck.testing.TestPacks;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rule that fails while it runs is a broken pack (exit 3) named by its file and line, never a crash: a consequence
 * that throws, and a constraint that only fails when the first record reaches it. This module's tests run without the
 * authoring kit, so nothing compiles the constraints ahead (as for a bundled pack's build-time model, which meets such
 * a constraint only when it runs); with the kit, the same pack is refused when it loads (PackLintTest).
 */
class RuleErrorsTest {
    private static final String RULE = """
            rule "R1.2-4 专题会议"
                @id("R1.2-4") @title("专题会议") @clause("§1.2") @sentence("保证全年专题会议研究统战工作至少2次")
                @scope("subdistrict") @severity("high") @evidence("special-meeting")
            when
                $u : OrgUnit(level == UnitLevel.SUBDISTRICT)
                $y : Period(id == "year")
                $ev : List() from collect( Activity(unitId == $u.id, kind == "special-meeting"%s) )
            then
                findings.present(kcontext, $u, %s, $y, $ev);
            end
            """;
    private static final List<OrgUnit> UNITS = List.of(new OrgUnit("DC", "电厂街道", UnitLevel.SUBDISTRICT));
    private static final Activity MEETING = Activity.builder("m1").unitId("DC").kind("special-meeting").title("会议")
            .date(LocalDate.parse("2023-03-09")).topics(Set.of("united-front")).build();

    @TempDir
    Path dir;

    private Problem failure(String constraint, String what) throws Exception {
        PlanChecker checker = PlanChecker.create(RulePack.load(TestPacks.write(dir, "s01_test.drl", RULE.formatted(constraint, what))));
        RulePackException e = assertThrows(RulePackException.class,
                () -> checker.check(Submission.of("t.json", 2023, UNITS, List.of(MEETING))));
        assertEquals(1, e.problems().size(), e.problems().toString());
        assertEquals(ProblemCode.RULE_FAILED, e.problems().get(0).code());
        return e.problems().get(0);
    }

    @Test
    void a_date_compared_with_a_string_fails_on_the_first_record_as_a_broken_pack_naming_the_rule_and_line() throws Exception {
        Problem p = failure(", date <= \"2024-05-31\"", "\"会议\"");
        assertEquals("s01_test.drl:14", Path.of(p.file()).getFileName() + ":" + p.line());
        assertTrue(p.message().startsWith("规则 R1.2-4 的条件 date <= \"2024-05-31\" 运行时无法求值：incompatible types in statement: "
                + "class java.lang.String (compared from: class java.time.LocalDate)（日期不能与字符串或数字比较"), p.message());
    }

    @Test
    void a_consequence_that_throws_is_named_by_its_rule_and_line() throws Exception {
        Problem p = failure("", "((String) null).strip()");
        assertEquals("s01_test.drl:8", Path.of(p.file()).getFileName() + ":" + p.line());
        assertTrue(p.message().startsWith("规则 \"R1.2-4 专题会议\" 的结论部分（then）运行出错："), p.message());
    }

    @Test
    void a_session_whose_rules_failed_is_not_kept_for_the_next_check_which_fails_the_same_way() throws Exception {
        LoadedPack pack = PackLoader.load(TestPacks.write(dir, "s01_test.drl", RULE.formatted("", "((String) null).strip()")));
        CompiledRules rules = CompiledRules.load(pack.ruleSet());
        Submission submission = Submission.of("t.json", 2023, UNITS, List.of(MEETING));
        for (int i = 0; i < 2; i++) {
            RulePackException e = assertThrows(RulePackException.class,
                    () -> Evaluation.run(rules, pack, submission, LocalDate.parse("2023-12-31"), 30));
            assertEquals(ProblemCode.RULE_FAILED, e.problems().get(0).code());
            assertEquals(0, rules.sessions().idle(), "the failed run's session is disposed of, not kept");
        }
    }
}
