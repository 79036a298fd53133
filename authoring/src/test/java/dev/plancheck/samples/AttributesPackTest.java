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
 * A small pack from disk (an imagined 青禾街道 plan of four duties) whose duties bind only some communities
 * ("常住人口3000人以上的社区", "设有日间照料中心的社区") or are rates ("工会入会率达到80%以上", "80%以上的社区开展敬老活动"):
 * lint is clean, its scenarios (met, gap, near miss: 3,000 and 2,999 residents, 80.0% and 79.9%, an event a day after
 * the period) pass, every mutant is caught, and the catalogue states the conditions and the rates in words.
 */
class AttributesPackTest {
    static final Path PACK = Path.of("src", "test", "resources", "attributes-pack", "pack");

    @Test
    void the_attributes_pack_is_lint_clean_with_its_scenarios() {
        LintResult r = PackLint.lint(PACK.resolve("pack.json").toString(), null, true);
        assertEquals(List.of(), r.findings().stream().map(Object::toString).toList());
        assertEquals(9, r.scenarioCases());
    }

    @Test
    void lint_names_an_unknown_attribute_rate_or_condition_with_its_file_and_line(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        try (var files = java.nio.file.Files.walk(PACK.getParent())) {
            for (Path p : files.toList()) {
                java.nio.file.Files.copy(p, dir.resolve(PACK.getParent().relativize(p).toString()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Path copy = dir.resolve("pack");
        Path union = copy.resolve("rules/s02_union.drl");
        java.nio.file.Files.writeString(union, java.nio.file.Files.readString(union)
                .replace("\"union-members\", \"employees\"", "\"union-member\", \"employees\"")
                .replace("Rate(id == \"elderly-care-share\")", "Rate(id == \"elderly-share\")"));
        Path community = copy.resolve("rules/s01_community.drl");
        java.nio.file.Files.writeString(community, java.nio.file.Files.readString(community)
                .replace("@appliesTo(\"with-day-care\")", "@appliesTo(\"with-daycare\")"));
        List<String> found = PackLint.lint(copy.resolve("pack.json").toString(), null, false).findings().stream()
                .map(f -> f.problem().toString().replace(copy + "/", "")).toList();
        assertEquals(5, found.size(), found.toString());
        assertTrue(found.contains("rules/s02_union.drl:26: findings.ratioAtLeast 引用的单位属性 \"union-member\" 在参数文件 "
                + "pack.json 的 unitAttributes 中没有定义"), found.toString());
        assertTrue(found.contains("rules/s02_union.drl:40: 规则引用的比率（rates） \"elderly-share\" 在参数文件 pack.json 中没有定义"),
                found.toString());
        assertTrue(found.contains("pack.json:30: 比率 \"elderly-care-share\" 已定义，但没有规则使用它；删除它，或检查规则中的名字是否写错"),
                found.toString());
        assertTrue(found.stream().anyMatch(f -> f.matches("rules/s01_community.drl:38: 规则 R1.2-1 的 @appliesTo\\(\"with-daycare\"\\) 不是参数文件 "
                + "unitConditions 中的条件.*")), found.toString());
        assertTrue(found.stream().anyMatch(f -> f.contains("适用条件 \"with-day-care\" 已定义，但没有规则使用它")), found.toString());
    }

    @Test
    void every_mutant_is_caught_and_lowering_the_ratio_by_a_tenth_of_a_point_is_one() throws Exception {
        PlanChecker checker = PlanChecker.create(RulePack.load(PACK.resolve("pack.json")));
        ScenarioRunner runner = new ScenarioRunner(checker);
        List<ScenarioFile> files = new java.util.ArrayList<>();
        for (String rule : List.of("R1.1-1", "R1.2-1", "R2.1-1", "R2.2-1")) {
            files.add(runner.prepare(PACK.resolve("scenarios/" + rule + ".json")));
        }
        MutationReport report = new MutationTester(checker.pack(), files).run(1);
        StringWriter text = new StringWriter();
        report.write(new PrintWriter(text, true), false);
        assertEquals(1, report.results().stream().filter(x -> x.mutant().kind() == Mutant.Kind.LOWER_RATE).count(), text.toString());
        assertEquals(List.of(), report.notCompiled(), text::toString);
        assertEquals(List.of(), report.surviving(), text::toString);
    }

    @Test
    void the_catalogue_states_the_conditions_and_the_rates_in_words() throws Exception {
        String md = CatalogueWriter.markdown(Catalogue.of(PlanChecker.create(RulePack.load(PACK.resolve("pack.json")))));
        assertTrue(md.contains("- 适用于：常住人口 3,000 人以上的社区（条件参数 `large-community`）；其他社区为“不适用”，并写明其填报数；"
                + "未填写该属性的社区照常检查\n"), md);
        assertTrue(md.contains("- 适用于：有无日间照料中心为“有”的社区（条件参数 `with-day-care`）"), md);
        assertTrue(md.contains("  - 工会入会率：工会会员数 / 在册职工数不低于 80%（比率参数 `union-membership`）\n"), md);
        assertTrue(md.contains("  - 开展敬老活动的社区：重阳节前后（2024-10-04 至 2024-10-18；时段参数 `double-ninth-week`）"
                + "有记录的社区不少于 80%（比率参数 `elderly-care-share`）\n"), md);
        assertTrue(md.contains("| `residents` | 常住人口 | 数值 | 人 | 社区必填 | 社区的常住人口数。 |\n"), md);
        assertTrue(md.contains("| `large-community` | 常住人口 3,000 人以上 | 常住人口3000人以上的社区 |\n"), md);
        assertTrue(md.contains("| `union-membership` | 80% | "), md);
    }
}
