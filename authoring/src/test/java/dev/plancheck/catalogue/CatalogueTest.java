package dev.plancheck.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plancheck.report.RuleInfo;
import dev.plancheck.PlanChecker;
import dev.plancheck.RulePack;
import dev.plancheck.testing.Checkers;
import dev.plancheck.pack.WorkingDayDeadlineTest;
import dev.plancheck.testing.TestPacks;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogueTest {
    private static final Path COMMITTED = Path.of("..", "docs", "rules.md");

    @Test
    void committed_catalogue_is_what_the_rules_generate() throws IOException {
        String generated = CatalogueWriter.markdown(Catalogue.of(Checkers.dianchang2023()));
        String committed = Files.readString(COMMITTED, StandardCharsets.UTF_8);
        assertEquals(generated, committed,
                "docs/rules.md is out of date: regenerate it with ./checker rules > docs/rules.md");
    }

    @Test
    void catalogue_lists_every_rule_with_its_clause_sentence_and_requirements() {
        String md = CatalogueWriter.markdown(Catalogue.of(Checkers.dianchang2023()));
        for (RuleInfo r : Checkers.dianchang2023().rules()) {
            assertTrue(md.contains("\n### " + r.id() + "\n"), r.id() + " has an entry");
            assertTrue(md.contains("- 原文：" + r.sentence() + "\n"), r.id() + " shows its sentence");
        }
        assertTrue(md.contains("研究统战工作的专题会议：全年（2023-01-01 至 2023-12-31；时段参数 `year`）至少 2 条（数量参数 `special-meetings.united-front`）"));
        assertTrue(md.contains("冬送温暖：冬季（2023-01-01 至 2023-02-28、2023-12-01 至 2023-12-31；时段参数 `season.winter`）至少 1 条"));
        assertTrue(md.contains("对“灾害”的救助：每条“灾害”记录开始之日起，至其结束之日起 15 日内（含当日；只有一天的即当日起 15 日；期限参数 `disaster-relief`）至少 1 条"));
    }

    @Test
    void catalogue_lists_the_manual_checks_clause_by_clause_in_words() throws Exception {
        String md = CatalogueWriter.markdown(Catalogue.of(Checkers.dianchang2023()));
        assertTrue(md.contains("\n## 人工核验\n\n以下 2 句台账无法证明，没有规则检查，由评估人员人工核验"), md);
        assertTrue(md.contains("\n### §9（九、妇联工作）\n\n- 原文：做好新时代妇联工作\n  - 人工核验：查看街道妇联的年度工作计划和工作总结"), md);
        assertTrue(md.indexOf("### §8（八、团委工作）") < md.indexOf("### §9（九、妇联工作）"), "clause order");
        assertTrue(md.indexOf("## 人工核验") < md.indexOf("## 规则包参数"));
        String second = CatalogueWriter.markdown(Catalogue.of(PlanChecker.create(RulePack.load(
                Path.of("..", "sample-data", "qingsong-2023", "pack", "pack.json")))));
        assertTrue(second.contains("### §2.1（二、居民议事协商）\n\n- 原文：议题和结果在社区公开栏公示\n"), second);
    }

    @Test
    void catalogue_shows_the_kinds_each_duty_accepts_and_the_topics_a_topic_implies() {
        String md = CatalogueWriter.markdown(Catalogue.of(Checkers.dianchang2023()));
        for (RuleInfo r : Checkers.dianchang2023().rules()) {
            String entry = md.substring(md.indexOf("\n### " + r.id() + "\n"));
            entry = entry.substring(0, entry.indexOf("- 规则文件："));
            assertTrue(entry.contains("- 计入的记录类别：\n  - "), r.id() + " lists the kinds it accepts");
            assertFalse(entry.contains("任何类别"), r.id() + " accepts some kind of record, never any kind");
        }
        assertTrue(md.contains("  - 统战工作计划：工作计划（`work-plan`）\n"));
        assertTrue(md.contains("  - 烈士公祭主题活动：活动类记录（党工委理论学习中心组学习、集中学习、"));
        assertTrue(md.contains("）；方案、通知、统计等其他类别只提示、不计入\n"));
        assertTrue(md.contains("  - 冬送温暖：帮扶活动（`assistance`），组织方为街道联合工会（`union`）\n"));
        assertTrue(md.contains("  - 大病救助：大病救助（`major-illness-relief`），组织方为街道红十字会（`red-cross`；该类别未填组织方即按其计）\n"));
        assertTrue(md.contains("| `ethnic-unity-awareness` | 铸牢中华民族共同体意识 | 民族工作（`ethnic`） |\n"));
        assertTrue(md.contains("| `united-front-risk` | 统战领域风险隐患 | 统战工作（`united-front`） |\n"));
        assertTrue(md.contains("| `union-building` | 工会规范化建设 | — | — | 街道联合工会（`union`） |\n"));
        assertTrue(md.contains("| `longestSpan` | 15 | "));
    }

    @Test
    void an_exists_gate_is_checked_once_and_a_gate_the_sample_record_misses_is_said_not_left_bare(@TempDir Path dir)
            throws Exception {
        String md = catalogue(dir.resolve("a"), "    exists Activity(unitId == $u.id, kind == \"disaster\", topics contains \"flood\")");
        assertTrue(md.contains("- 适用条件：有“灾害”记录（kind 为 disaster）且满足规则所列条件时适用，不论这样的记录有几条，只检查一次；"
                + "没有则为“不适用”\n"
                + "- 要求：目录用一条只有类别的示例“灾害”记录（kind 为 disaster）运行规则时，规则没有给出要求"
                + "（其适用条件还要求示例记录没有的内容，如议题或单位）；适用时的要求见规则文件\n"), md);
        assertFalse(md.contains("每条记录分别检查"), md);
        assertFalse(md.contains("- 要求：\n- "), md);
    }

    @Test
    void a_gate_bound_to_a_variable_is_checked_per_record(@TempDir Path dir) throws Exception {
        String md = catalogue(dir, "    $d : Activity(kind == \"disaster\")");
        assertTrue(md.contains("- 适用条件：有“灾害”记录（kind 为 disaster）时适用，每条记录分别检查；没有则为“不适用”\n"), md);
    }

    @Test
    void a_lunar_node_shows_its_festival_its_lunar_day_and_the_date_it_resolved_to(@TempDir Path dir) throws Exception {
        Path file = TestPacks.write(dir, "s10_test.drl", TestPacks.GATED_RELIEF.formatted(
                "    $d : Activity(kind == \"disaster\")").replace("\"year\"", "\"double-ninth\""));
        Files.writeString(file, Files.readString(file, StandardCharsets.UTF_8)
                .replace("\"nodes\": {", "\"nodes\": {\n    \"double-ninth\": { \"name\": \"重阳节\", \"lunar\": \"DOUBLE_NINTH\", "
                        + "\"description\": \"农历九月初九，敬老。\" },\n    \"eve\": { \"name\": \"除夕\", \"lunar\": \"NEW_YEARS_EVE\", "
                        + "\"lunarYear\": \"previous\", \"description\": \"上一农历年的最后一天。\" },")
                .replace("\"periods\": {", "\"periods\": {\n    \"double-ninth\": { \"name\": \"重阳节前后\", "
                        + "\"description\": \"重阳前后各 7 日。\", \"node\": \"double-ninth\", \"daysBefore\": 7, \"daysAfter\": 7 },"),
                StandardCharsets.UTF_8);
        String md = CatalogueWriter.markdown(Catalogue.of(PlanChecker.create(RulePack.load(file))));
        assertTrue(md.contains("| `double-ninth` | 重阳节 | 重阳，农历九月初九（按朔日和中气逐年计算，北京时间） | 2023-10-23 | 农历九月初九，敬老。 |\n"), md);
        assertTrue(md.contains("| `eve` | 除夕 | 除夕，农历腊月最后一日（廿九或三十）（按朔日和中气逐年计算，北京时间；"
                + "取在本年结束的农历年（上一农历年）的一次） | 2023-01-21（农历 2022 年的除夕） | "), md);
        assertTrue(md.contains("| `double-ninth` | 重阳节前后 | 重阳节（重阳，农历九月初九（按朔日和中气逐年计算，北京时间））前 7 日至后 7 日 | "
                + "2023-10-16 至 2023-10-30 | "), md);
        assertTrue(md.contains("重阳节前后（2023-10-16 至 2023-10-30；时段参数 `double-ninth`）"), md);
    }

    private static String catalogue(Path dir, String gate) throws Exception {
        return CatalogueWriter.markdown(Catalogue.of(PlanChecker.create(RulePack.load(
                TestPacks.write(dir, "s10_test.drl", TestPacks.GATED_RELIEF.formatted(gate))))));
    }

    @Test
    void a_deadline_in_working_days_is_said_in_words_with_the_calendar_it_counts_with(@TempDir Path dir) throws Exception {
        String md = CatalogueWriter.markdown(Catalogue.of(PlanChecker.create(RulePack.load(
                WorkingDayDeadlineTest.pack(dir, 2024, WorkingDayDeadlineTest.DEADLINE, "")))));
        assertTrue(md.contains("每条“灾害”记录开始之日起，至其结束之日后第 10 个工作日（不含结束当日；按国务院办公厅的节假日安排，"
                + "放假日不计、调休上班日计入；期限参数 `relief-working`）至少 1 条"), md);
        assertTrue(md.contains("| `relief-working` | 10 个工作日 | 灾害发生后 10 个工作日内开展救助 |"), md);
        assertTrue(md.contains("| 2024 | 国务院办公厅关于2024年部分节假日安排的通知 | https://www.gov.cn/zhengce/zhengceku/202310/content_6911528.htm | 251 |"), md);
    }
}
