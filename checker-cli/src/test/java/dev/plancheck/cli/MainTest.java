package dev.plancheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What an assessor sees: the report text, the messages and the exit code. */
class MainTest {
    private static final String SAMPLES = "../sample-data/dianchang-2023/";

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    private static void noStackTrace(Run r) {
        assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), r.err());
    }

    @Test
    void the_compliant_sample_exits_0_with_a_report_saying_nothing_is_missing() {
        Run r = run("check", SAMPLES + "compliant.json");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("结论：没有缺项　已落实 79　缺项 0　未到期 0　不适用 0"), r.out());
        assertTrue(r.out().contains("电厂街道（DC，街道）"), r.out());
        assertTrue(r.out().contains("  ✓ [R10.2-1] 做好临时性灾害（疫情、雪灾、洪灾等）救助工作　证据："), r.out());
        assertEquals("", r.err());
    }

    @Test
    void a_sample_with_gaps_exits_1_and_explains_each_gap_with_its_clause_and_original_sentence() {
        Run r = run("check", SAMPLES + "gaps-meetings.json");
        assertEquals(1, r.code(), r.err());
        assertTrue(r.out().contains("""
                  ✗ [R1.2-4] 全年专题会议研究统战工作至少2次　§1.2　严重程度：高
                      原文：保证全年专题会议研究统战工作至少2次
                      应有：研究统战工作的专题会议：全年（2023-01-01 至 2023-12-31）内至少 2 条
                      实有：1 条：DC-024（2023-04-13 党工委专题会议研究2023年统战工作）
                """), r.out());
        assertTrue(r.out().contains("  ! DC-095【重复记录】与 DC-029 是同一活动"), r.out());
        assertTrue(r.out().contains("  ! DC-067【不在考核年度内】日期 2022-08-29 不在考核年度 2023 年内，未计入"), r.out());
    }

    @Test
    void a_folder_is_checked_file_by_file_skipping_expected_results_and_saying_so() {
        Run r = run("check", SAMPLES);
        assertEquals(1, r.code(), r.err());
        assertEquals(8, r.out().split("落实情况检查报告", -1).length - 1, "eight submissions in the folder");
        assertTrue(r.err().contains("跳过 " + SAMPLES + "gaps-meetings.expected.json（预期结果文件，不是提交）"), r.err());
        assertTrue(r.err().contains("共 8 个提交文件：8 个已检查，其中 7 个有缺项；0 个有误未检查"), r.err());
    }

    @Test
    void bad_input_exits_2_with_located_messages_and_no_stack_trace_while_other_files_are_still_checked(@TempDir Path dir)
            throws Exception {
        Path bad = dir.resolve("broken.json");
        Files.writeString(bad, "{\"year\": 2023,\n \"units\": [\n  {\"id\": \"DC\", \"name\": \"电厂街道\", \"level\": \"subdistrict\"}\n ],\n"
                + " \"activities\": [{\"id\": \"a1\", \"unit\": \"DC\", \"kind\": \"meeting\", \"date\": \"2023-13-01\", \"title\": \"会\"}]}\n",
                StandardCharsets.UTF_8);
        Run r = run("check", bad.toString(), SAMPLES + "compliant.json");
        assertEquals(2, r.code());
        assertTrue(r.err().contains(bad + " 有 2 处问题，未检查："), r.err());
        assertTrue(r.err().contains(bad + ":5:52: $.activities[0].kind: 未知的记录类别 \"meeting\""), r.err());
        assertTrue(r.err().contains(bad + ":5:71: $.activities[0].date: 日期 \"2023-13-01\" 不存在"), r.err());
        assertTrue(r.out().contains("提交文件：" + SAMPLES + "compliant.json"), "the good file is still reported");
        noStackTrace(r);
    }

    @Test
    void malformed_json_and_a_missing_file_exit_2(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("truncated.json");
        Files.writeString(bad, "{\"year\": 2023, \"units\": [");
        Run r = run("check", bad.toString(), dir.resolve("nowhere.json").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains(bad + ":1:"), r.err());
        assertTrue(r.err().contains("JSON 语法错误"), r.err());
        assertTrue(r.err().contains(dir.resolve("nowhere.json") + "：文件或文件夹不存在"), r.err());
        noStackTrace(r);
    }

    @Test
    void json_for_a_folder_or_several_files_is_always_an_array_and_a_missing_path_is_counted(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{}");
        Run r = run("check", "--format", "json", bad.toString(), SAMPLES + "compliant.json", dir.resolve("gone.json").toString());
        assertEquals(2, r.code());
        JsonNode out = new ObjectMapper().readTree(r.out());
        assertTrue(out.isArray() && out.size() == 1, "one array with the one checkable report: " + r.out());
        assertTrue(r.err().contains("共 2 个提交文件：1 个已检查，其中 0 个有缺项；1 个有误未检查；另有 1 个路径无法使用"), r.err());
        Run none = run("check", "--format", "json", bad.toString(), dir.resolve("gone.json").toString());
        assertEquals("[]", none.out().strip(), "a batch with nothing checkable is an empty array");
        Run single = run("check", "--format", "json", bad.toString());
        assertEquals("", single.out(), "one file that could not be checked writes no report");
    }

    @Test
    void a_ledger_for_another_year_is_pointed_to_the_packs_by_year_and_title() throws Exception {
        Run r = run("check", "../sample-data/demo-2024/compliant.json");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("dianchang-2024-demo（2024 年：电厂街道2024年度统战群团工作要点（演示））"), r.err());
    }

    @Test
    void usage_errors_exit_2_and_name_what_is_accepted() {
        Run format = run("check", "--format", "xml", SAMPLES + "compliant.json");
        assertEquals(2, format.code());
        assertTrue(format.err().contains("未知的报告格式 \"xml\"；可用：text、json"), format.err());
        Run asOf = run("check", "--as-of", "2023-02-30", SAMPLES + "compliant.json");
        assertEquals(2, asOf.code());
        assertTrue(asOf.err().contains("--as-of：应为 YYYY-MM-DD 格式的真实日期"), asOf.err());
        Run pack = run("check", "--pack", "dianchang-2025", SAMPLES + "compliant.json");
        assertEquals(2, pack.code());
        assertTrue(pack.err().contains("没有名为 \"dianchang-2025\" 的内置规则包"), pack.err());
        Run none = run("check");
        assertEquals(2, none.code());
        noStackTrace(none);
    }

    @Test
    void a_broken_rule_pack_exits_3(@TempDir Path dir) throws Exception {
        Path pack = dir.resolve("pack.json");
        Files.writeString(pack, "{\"id\": \"x\", \"title\": \"x\", \"ruleSet\": \"./rules\", \"year\": 2023}");
        Run r = run("check", "--pack", pack.toString(), SAMPLES + "compliant.json");
        assertEquals(3, r.code());
        assertTrue(r.err().contains("规则包 " + pack + " 有误，无法使用"), r.err());
        assertTrue(r.err().contains("$: 缺少必填字段 \"comingDueDays\""), r.err());
        noStackTrace(r);
    }

    @Test
    void json_format_has_the_documented_fields_and_is_byte_identical_run_to_run() throws Exception {
        Run first = run("check", "--format", "json", SAMPLES + "gaps-red-cross.json");
        Run second = run("check", "--format", "json", SAMPLES + "gaps-red-cross.json");
        assertEquals(1, first.code());
        assertEquals(first.out(), second.out());
        JsonNode report = new ObjectMapper().readTree(first.out());
        assertEquals(2023, report.get("year").asInt());
        assertEquals(77, report.at("/summary/MET").asInt());
        assertEquals(2, report.at("/summary/GAP").asInt());
        JsonNode result = report.get("results").get(0);
        for (String field : new String[] {"ruleId", "clause", "unit", "status", "evidence"}) {
            assertTrue(result.has(field), field);
        }
        JsonNode gap = report.get("gaps").get(1);
        assertEquals("R10.3-2", gap.get("ruleId").asText());
        assertEquals("§10.3", gap.get("clause").asText());
        assertEquals("开展“博爱一日捐”并做好经费使用管理", gap.get("clauseText").asText());
        assertEquals("使用 43,000.00 元（DC-071、DC-091、DC-095），募集 38,650.00 元（DC-035），超出 4,350.00 元", gap.get("found").asText());
        for (String field : new String[] {"title", "unit", "expected", "evidence"}) {
            assertTrue(gap.has(field), field);
        }
    }

    @Test
    void checking_mid_year_reports_only_what_is_overdue_and_lists_what_is_coming() {
        Run r = run("check", "--as-of", "2023-06-15", "--coming-days", "20", SAMPLES + "compliant.json");
        assertEquals(0, r.code(), r.out());
        assertTrue(r.out().contains("检查截至：2023-06-15（当日结束时）"), r.out());
        assertTrue(r.out().contains("即将到期（2023-06-15 之后 20 天内开始或截止、尚未落实的事项，按截止日排列）："), r.out());
        assertTrue(r.out().contains("  → 2023-06-21 至 2023-07-08　电厂街道　[R8-5] 建党日主题活动（建党日前后，节点日 2023-07-01）"), r.out());
        assertTrue(r.out().contains("  ! 【晚于检查日期】83 条记录的日期晚于检查日期 2023-06-15，未计入：DC-047、DC-048、"), r.out());
        assertFalse(r.out().contains("  ! DC-047"), "future-dated records are listed on one line, not one line each");
    }

    @Test
    void the_rules_command_prints_the_committed_catalogue() throws Exception {
        Run r = run("rules");
        assertEquals(0, r.code(), r.err());
        assertEquals(Files.readString(Path.of("..", "docs", "rules.md"), StandardCharsets.UTF_8), r.out());
    }

    @Test
    void the_test_command_runs_scenarios_and_exits_1_when_one_fails(@TempDir Path dir) throws Exception {
        Path scenario = dir.resolve("R1.2-4.json");
        Files.writeString(scenario, """
                {"rule": "R1.2-4", "cases": [
                  {"name": "met_with_two_meetings", "activities": [
                     {"id": "m1", "unit": "DC", "kind": "special-meeting", "date": "2023-03-09", "title": "统战专题会议一", "topics": ["united-front"]},
                     {"id": "m2", "unit": "DC", "kind": "special-meeting", "date": "2023-09-09", "title": "统战专题会议二", "topics": ["united-front"]}],
                   "expect": [{"unit": "DC", "status": "MET", "evidence": ["m1", "m2"]}]},
                  {"name": "wrongly_expects_met_with_one_meeting", "activities": [
                     {"id": "m1", "unit": "DC", "kind": "special-meeting", "date": "2023-03-09", "title": "统战专题会议一", "topics": ["united-front"]}],
                   "expect": [{"unit": "DC", "status": "MET"}]}
                ]}
                """, StandardCharsets.UTF_8);
        Run r = run("test", scenario.toString());
        assertEquals(1, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("通过  R1.2-4  met_with_two_meetings"), r.out());
        assertTrue(r.out().contains("失败  R1.2-4  wrongly_expects_met_with_one_meeting"), r.out());
        assertTrue(r.out().contains("单位 DC：状态应为 MET，实际为 GAP"), r.out());
        assertTrue(r.out().contains("场景：通过 1，失败 1"), r.out());
    }
}
