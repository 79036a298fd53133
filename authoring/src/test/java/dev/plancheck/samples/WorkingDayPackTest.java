package dev.plancheck.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plancheck.PlanChecker;
import dev.plancheck.RulePack;
import dev.plancheck.lint.LintResult;
import dev.plancheck.lint.PackLint;
import dev.plancheck.mutation.Mutant;
import dev.plancheck.mutation.MutationReport;
import dev.plancheck.mutation.MutationTester;
import dev.plancheck.scenario.ScenarioFile;
import dev.plancheck.scenario.ScenarioRunner;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A small pack from disk (an imagined plan of one duty, "接到来信后10个工作日内答复") whose deadline counts working days:
 * lint is clean, its scenarios (met on the 10th working day after 国庆, a gap one working day later, met on a Saturday
 * made a working day) pass, and lengthening the deadline by one working day is caught by them.
 */
class WorkingDayPackTest {
    static final Path PACK = Path.of("src", "test", "resources", "workdays-pack", "pack");

    @Test
    void the_working_day_pack_is_lint_clean_with_its_scenarios() {
        LintResult r = PackLint.lint(PACK.resolve("pack.json").toString(), null, true);
        assertEquals(List.of(), r.findings().stream().map(Object::toString).toList());
        assertEquals(4, r.scenarioCases());
    }

    @Test
    void a_deadline_one_working_day_longer_is_caught_by_the_scenarios() throws Exception {
        PlanChecker checker = PlanChecker.create(RulePack.load(PACK.resolve("pack.json")));
        ScenarioFile file = new ScenarioRunner(checker).prepare(PACK.resolve("scenarios/R1.1-1.json"));
        MutationReport report = new MutationTester(checker.pack(), List.of(file)).run(1);
        StringWriter text = new StringWriter();
        report.write(new PrintWriter(text, true), false);
        assertTrue(report.results().stream().anyMatch(x -> x.mutant().kind() == Mutant.Kind.LENGTHEN_DEADLINE), text.toString());
        assertEquals(List.of(), report.notCompiled(), text::toString);
        assertEquals(List.of(), report.surviving(), text::toString);
    }
}
