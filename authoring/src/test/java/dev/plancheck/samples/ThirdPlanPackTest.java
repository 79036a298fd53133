package dev.plancheck.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.plancheck.PlanChecker;
import dev.plancheck.RulePack;
import dev.plancheck.catalogue.Catalogue;
import dev.plancheck.catalogue.CatalogueWriter;
import dev.plancheck.lint.LintResult;
import dev.plancheck.lint.PackLint;
import dev.plancheck.mutation.MutationReport;
import dev.plancheck.mutation.MutationTester;
import dev.plancheck.scenario.CaseOutcome;
import dev.plancheck.scenario.ScenarioFile;
import dev.plancheck.scenario.ScenarioRunner;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The third plan (sample-data/baishu-2024, 《柏树街道2024年度民政工作要点》, written without changing Java): lint is
 * clean, every rule's scenarios pass (met, gap and near misses), every mutant of its rules is caught, and the catalogue
 * states each capability the plan needed in words an assessor reads.
 */
class ThirdPlanPackTest {
    static final Path DIR = Path.of("..", "sample-data", "baishu-2024");
    static final Path PACK = DIR.resolve("pack");
    private static PlanChecker checker;

    static synchronized PlanChecker checker() {
        if (checker == null) {
            checker = PlanChecker.create(RulePack.load(PACK));
        }
        return checker;
    }

    private static List<Path> scenarioFiles() throws IOException {
        try (Stream<Path> s = Files.walk(PACK.resolve("scenarios"))) {
            return s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
    }

    @Test
    void the_third_plan_is_lint_clean_with_its_scenarios() {
        LintResult r = PackLint.lint(PACK.resolve("pack.json").toString(), null, true);
        assertEquals(List.of(), r.findings().stream().map(Object::toString).toList());
        assertTrue(r.scenarioCases() >= 40, "cases: " + r.scenarioCases());
    }

    @TestFactory
    Stream<DynamicTest> every_scenario_of_the_third_plan_passes() throws IOException {
        List<Path> files = scenarioFiles();
        assertEquals(17, files.size(), "one scenario file per rule");
        ScenarioRunner runner = new ScenarioRunner(checker());
        List<DynamicTest> tests = new ArrayList<>();
        for (Path file : files) {
            tests.add(DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
                for (CaseOutcome o : runner.run(file)) {
                    if (!o.passed()) {
                        fail(o.name() + "：" + String.join("\n", o.mismatches()));
                    }
                }
            }));
        }
        return tests.stream();
    }

    @Test
    void every_mutant_of_the_third_plan_is_caught_by_its_scenarios() throws Exception {
        ScenarioRunner runner = new ScenarioRunner(checker());
        List<ScenarioFile> files = new ArrayList<>();
        for (Path p : scenarioFiles()) {
            files.add(runner.prepare(p));
        }
        MutationReport report = new MutationTester(checker().pack(), files).run(1);
        StringWriter text = new StringWriter();
        report.write(new PrintWriter(text, true), false);
        assertTrue(report.results().size() >= 17, text.toString());
        assertEquals(List.of(), report.notCompiled(), text::toString);
        assertEquals(List.of(), report.surviving(), text::toString);
    }

    @Test
    void the_catalogue_states_every_new_capability_in_words() {
        String md = CatalogueWriter.markdown(Catalogue.of(checker()));
        for (String words : List.of("工作日", "重阳", "冬至", "累计至少 300 人次", "累计至少 20,000.00 元", "80%",
                "常住人口", "3,000", "日间照料中心", "2025-01-05", "2025-01-10", "2025-02-28", "人工核验",
                "做好困难群众冬季取暖保障工作")) {
            assertTrue(md.contains(words), "the catalogue lacks “" + words + "”:\n" + md);
        }
    }
}
