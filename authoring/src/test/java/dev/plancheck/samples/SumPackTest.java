package dev.plancheck.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plancheck.PlanChecker;
import dev.plancheck.RulePack;
import dev.plancheck.catalogue.Catalogue;
import dev.plancheck.catalogue.CatalogueWriter;
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
 * A small pack from disk (an imagined plan of two duties, "参训职工累计不少于200人次" and "帮扶资金累计不少于20000元")
 * whose duties are sums over a period: lint is clean, its scenarios (met at exactly 200, a gap at 199 with a record
 * after the period, a copy counted once, money one cent short) pass, lowering either quota by one is caught by them,
 * and the catalogue states the sums in words.
 */
class SumPackTest {
    static final Path PACK = Path.of("src", "test", "resources", "sums-pack", "pack");

    @Test
    void the_sum_pack_is_lint_clean_with_its_scenarios() {
        LintResult r = PackLint.lint(PACK.resolve("pack.json").toString(), null, true);
        assertEquals(List.of(), r.findings().stream().map(Object::toString).toList());
        assertEquals(7, r.scenarioCases());
    }

    @Test
    void a_quota_one_lower_is_caught_by_the_scenarios() throws Exception {
        PlanChecker checker = PlanChecker.create(RulePack.load(PACK.resolve("pack.json")));
        ScenarioRunner runner = new ScenarioRunner(checker);
        List<ScenarioFile> files = List.of(runner.prepare(PACK.resolve("scenarios/R1.1-1.json")),
                runner.prepare(PACK.resolve("scenarios/R1.2-1.json")));
        MutationReport report = new MutationTester(checker.pack(), files).run(1);
        StringWriter text = new StringWriter();
        report.write(new PrintWriter(text, true), false);
        assertEquals(2, report.results().stream().filter(x -> x.mutant().kind() == Mutant.Kind.LOWER_QUOTA).count(), text.toString());
        assertEquals(List.of(), report.notCompiled(), text::toString);
        assertEquals(List.of(), report.surviving(), text::toString);
    }

    @Test
    void the_catalogue_states_each_sum_with_its_unit() throws Exception {
        String md = CatalogueWriter.markdown(Catalogue.of(PlanChecker.create(RulePack.load(PACK.resolve("pack.json")))));
        assertTrue(md.contains("  - 职工技能培训：年初至 11 月底（2024-01-01 至 2024-11-30；时段参数 `by-november`）"
                + "累计至少 200 人次（数量参数 `training.people`）\n"), md);
        assertTrue(md.contains("  - 困难职工帮扶资金：全年（2024-01-01 至 2024-12-31；时段参数 `year`）"
                + "累计至少 20,000.00 元（数量参数 `hardship-fund.money`）\n"), md);
    }
}
