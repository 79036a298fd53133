package dev.plancheck.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plancheck.PlanChecker;
import dev.plancheck.RulePack;
import dev.plancheck.input.Problem;
import dev.plancheck.input.RulePackException;
import dev.plancheck.report.ManualCheck;
import dev.plancheck.report.Report;
import dev.plancheck.testing.Checkers;
import dev.plancheck.testing.TestPacks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The 人工核验 sentences of clauses.json: validated with located messages, and listed once in every report. */
class ClauseManualTest {
    private static final String RULE = """
            rule "R1.2-4 全年专题会议研究统战工作至少2次"
                @id("R1.2-4") @title("专题会议") @clause("§1.2") @sentence("保证全年专题会议研究统战工作至少2次")
                @scope("subdistrict") @severity("high") @evidence("special-meeting")
            when
                $u : dev.plancheck.model.OrgUnit(level == UnitLevel.SUBDISTRICT)
                $y : Period(id == "year")
                $ev : List() from collect( Activity(kind == "special-meeting") )
            then
                findings.present(kcontext, $u, "专题会议", $y, $ev);
            end
            """;
    private static final String DUTIES_OF_1_2 = "\"保证全年专题会议研究统战工作至少2次\"\n      ]";

    private static final Path COMPLIANT = Path.of("..", "sample-data", "dianchang-2023", "compliant.json");

    @TempDir
    Path dir;

    /** The test pack with {@code manual} written after the duties of §1.2. */
    private Path packWithManual(String manual) throws Exception {
        Path params = TestPacks.write(dir, "s01_test.drl", RULE);
        Path clauses = dir.resolve("rules/clauses.json");
        String text = Files.readString(clauses);
        assertTrue(text.contains(DUTIES_OF_1_2), "the bundled §1.2 still ends its duties with the meetings");
        Files.writeString(clauses, text.replace(DUTIES_OF_1_2, DUTIES_OF_1_2 + ",\n      \"manual\": " + manual));
        return params;
    }

    @Test
    void a_declared_sentence_is_listed_once_per_report_with_its_clause_section_and_check() throws Exception {
        Path pack = packWithManual("[{\"sentence\": \"同时\", \"check\": \"查看领导小组成员分工文件\"}]");
        RulePack rp = RulePack.load(pack);
        assertEquals(List.of(new ClauseBook.Manual("同时", "查看领导小组成员分工文件")),
                PackLoader.reload(rp.origin()).ruleSet().clauses().get("§1.2").manual());
        Report report = PlanChecker.create(rp).check(COMPLIANT);
        // §1.2's own item first, then those the bundled clauses declare (§8, §9): clause order, once per report
        assertEquals(new ManualCheck("§1.2", "一、统战工作", "同时", "查看领导小组成员分工文件"), report.manualChecks().get(0));
        assertEquals(List.of("§1.2", "§8", "§9"), report.manualChecks().stream().map(ManualCheck::clause).toList());
    }

    @Test
    void every_mistake_in_a_manual_list_is_reported_at_once_with_file_line_and_path() throws Exception {
        Path pack = packWithManual("""
                [
                        {"sentence": "营造良好氛围", "check": "查看照片"},
                        {"sentence": "同时", "check": "  "},
                        {"sentence": "至少2次", "check": "查看会议纪要"},
                        {"sentence": "制定统战工作计划", "check": "查看计划", "by": "me"},
                        "同时",
                        {"sentence": "召开统战工作领导小组会研究部署统战领域重点工作。同时", "check": "查看纪要"},
                        {"sentence": "有研判", "check": "查看研判记录"},
                        {"sentence": "有研判", "check": "再看一遍"}
                      ]""");
        RulePackException e = assertThrows(RulePackException.class, () -> PlanChecker.create(RulePack.load(pack)));
        String all = e.problems().stream().map(Problem::toString).collect(Collectors.joining("\n"));
        String at = "$.clauses[1].manual";
        assertTrue(has(e, at + "[0].sentence", "人工核验原句必须是本条原文 text 中一字不差的一段"), all);
        assertTrue(has(e, at + "[1].check", "不能为空字符串"), all);
        assertTrue(has(e, at + "[2].sentence", "与职责原句“保证全年专题会议研究统战工作至少2次”重叠"), all);
        assertTrue(has(e, at + "[3].by", "未知字段 \"by\""), all);
        assertTrue(has(e, at + "[3].sentence", "与职责原句“制定统战工作计划，做到有部署、有研判、有考核”重叠"), all);
        assertTrue(has(e, at + "[4]", "应为一个对象"), all);
        assertTrue(has(e, at + "[5].sentence", "与职责原句“召开统战工作领导小组会研究部署统战领域重点工作”重叠"), all);
        assertTrue(e.problems().stream().filter(p -> p.path().startsWith(at))
                .allMatch(p -> p.file().endsWith("clauses.json") && p.line() > 0), all);
    }

    @Test
    void the_same_sentence_declared_twice_is_refused() throws Exception {
        Path pack = packWithManual("[{\"sentence\": \"同时\", \"check\": \"一\"}, {\"sentence\": \"同时\", \"check\": \"二\"}]");
        RulePackException e = assertThrows(RulePackException.class, () -> RulePack.load(pack));
        assertTrue(has(e, "$.clauses[1].manual[1].sentence", "人工核验原句“同时”在本条中重复出现"),
                e.problems().toString());
    }

    @Test
    void the_2023_pack_declares_the_two_sentences_no_rule_enforces_and_its_reports_list_them() throws Exception {
        Report report = Checkers.dianchang2023().check(COMPLIANT);
        assertEquals(List.of("§8", "§9"), report.manualChecks().stream().map(ManualCheck::clause).toList());
        assertTrue(report.manualChecks().get(0).sentence().startsWith("认清新形势下团建工作"), report.manualChecks().toString());
        assertEquals("做好新时代妇联工作", report.manualChecks().get(1).sentence());
        assertEquals("九、妇联工作", report.manualChecks().get(1).section());
    }

    private static boolean has(RulePackException e, String path, String words) {
        return e.problems().stream().anyMatch(p -> p.path().equals(path) && p.message().contains(words));
    }
}
