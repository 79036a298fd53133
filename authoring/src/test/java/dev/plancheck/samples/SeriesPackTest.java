package dev.plancheck.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plancheck.PlanChecker;
import dev.plancheck.RulePack;
import dev.plancheck.catalogue.Catalogue;
import dev.plancheck.catalogue.CatalogueWriter;
import dev.plancheck.lint.LintResult;
import dev.plancheck.lint.PackLint;
import dev.plancheck.mutation.MutationReport;
import dev.plancheck.mutation.MutationTester;
import dev.plancheck.scenario.ScenarioFile;
import dev.plancheck.scenario.ScenarioRunner;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A small pack from disk (an imagined 松岭街道 plan of five duties) whose periods are series declared once with
 * {@code every} (month with a report due the 5th of the next month, quarter with a summary due 10 days after it, two
 * months, half a year) and a winter from 12-01 to 02-29 of the next year: lint is clean, its scenarios (met, gap,
 * near-miss, 未到期 on 12-31 and checked with an as-of date in 2024) pass, every mutant is caught, and the catalogue
 * states the series, the due days and the dates in the next year in words.
 */
class SeriesPackTest {
    static final Path PACK = Path.of("src", "test", "resources", "series-pack", "pack");

    @Test
    void the_series_pack_is_lint_clean_with_its_scenarios() {
        LintResult r = PackLint.lint(PACK.resolve("pack.json").toString(), null, true);
        assertEquals(List.of(), r.findings().stream().map(Object::toString).toList());
        assertEquals(24, r.scenarioCases());
    }

    @Test
    void every_mutant_is_caught_by_the_scenarios() throws Exception {
        PlanChecker checker = PlanChecker.create(RulePack.load(PACK.resolve("pack.json")));
        ScenarioRunner runner = new ScenarioRunner(checker);
        List<ScenarioFile> files = new ArrayList<>();
        try (Stream<Path> s = Files.list(PACK.resolve("scenarios"))) {
            for (Path p : s.sorted().toList()) {
                files.add(runner.prepare(p));
            }
        }
        MutationReport report = new MutationTester(checker.pack(), files).run(1);
        StringWriter text = new StringWriter();
        report.write(new PrintWriter(text, true), false);
        assertTrue(report.results().size() >= 10, text::toString);
        assertEquals(List.of(), report.notCompiled(), text::toString);
        assertEquals(List.of(), report.surviving(), text::toString);
    }

    @Test
    void the_catalogue_states_each_series_its_due_day_and_the_dates_in_the_next_year() throws Exception {
        String md = CatalogueWriter.markdown(Catalogue.of(PlanChecker.create(RulePack.load(PACK.resolve("pack.json")))));
        assertTrue(md.contains("  - 月度工作台账：12 月，次月 5 日前报送（2023-12-31 至 2024-01-05，次年 01-05 前，2023 年度职责；"
                + "系列参数 `monthly-ledger`）至少 1 条\n"), md);
        assertTrue(md.contains("  - 季度工作小结：第一季度，结束后 10 日内报送（2023-03-31 至 2023-04-10；系列参数 `quarter-summary`）至少 1 条\n"), md);
        assertTrue(md.contains("  - 冬季送温暖走访：冬季（2023-12-01 至 2024-02-29，次年 02-29 前，2023 年度职责；时段参数 `winter`）至少 1 条\n"), md);
        assertTrue(md.contains("| `monthly-ledger` | 月度工作台账报送 | 每月一期，各期次月 5 日前报送，报送时段自该期最后一日起至期限当日（系列 `monthly-ledger`） | "
                + "`monthly-ledger.01` 1 月，次月 5 日前报送：2023-01-31 至 2023-02-05；"), md);
        assertTrue(md.contains("`monthly-ledger.12` 12 月，次月 5 日前报送：2023-12-31 至 2024-01-05，次年 01-05 前，2023 年度职责 |"), md);
        assertTrue(md.contains("| `two-months` | 每两个月 | 每两个月一期，记录计入其所在的一期（系列 `two-months`） | `two-months.01-02` 1—2 月：2023-01-01 至 2023-02-28；"), md);
        assertTrue(md.contains("`half-year.H2` 下半年：2023-07-01 至 2023-12-31 |"), md);
        assertTrue(md.contains("| `winter` | 冬季 | 12-01 至次年 02-29（跨年，一段，为本年度职责） | 2023-12-01 至 2024-02-29，次年 02-29 前，2023 年度职责 |"), md);
    }
}
