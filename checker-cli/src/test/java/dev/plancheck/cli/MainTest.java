package dev.plancheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plancheck.PlanChecker;
import dev.plancheck.report.RuleInfo;
import dev.plancheck.report.Scope;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** One result per subdistrict rule, and one per community rule and community of the ledger, counted from the files. */
    static int resultsPerLedger(String ledger) {
        try {
            int communities = 0;
            for (JsonNode u : MAPPER.readTree(Path.of(ledger).toFile()).get("units")) {
                communities += u.get("level").asText().equals("community") ? 1 : 0;
            }
            int total = 0;
            for (RuleInfo rule : PlanChecker.create().rules()) {
                total += rule.scope() == Scope.SUBDISTRICT ? 1 : communities;
            }
            return total;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void noStackTrace(Run r) {
        assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), r.err());
    }

    @Test
    void the_compliant_sample_exits_0_with_a_report_saying_nothing_is_missing() {
        Run r = run("check", SAMPLES + "compliant.json");
        assertEquals(0, r.code(), r.err());
        int results = resultsPerLedger(SAMPLES + "compliant.json");
        assertTrue(r.out().contains("结论：没有缺项　已落实 " + results + "　缺项 0　未到期 0　不适用 0"), r.out());
        assertTrue(r.out().contains("电厂街道（DC，街道）"), r.out());
        assertFalse(r.out().contains("✓"), "met items are counted, not listed, by default: " + r.out());
        assertTrue(r.out().contains("（已落实、未到期、不适用的事项只计数；加 --detail 逐条列出）"), r.out());
        assertEquals("", r.err());
        Run detail = run("check", "--detail", SAMPLES + "compliant.json");
        assertTrue(detail.out().contains("  ✓ [R10.2-1] 做好临时性灾害（疫情、雪灾、洪灾等）救助工作　证据："), detail.out());
    }

    @Test
    void gaps_and_notices_come_before_the_units_counts() {
        Run r = run("check", SAMPLES + "gaps-meetings.json");
        int gaps = r.out().indexOf("缺项（2）：须整改");
        int notices = r.out().indexOf("记录提示（2）");
        int units = r.out().indexOf("各单位情况：");
        assertTrue(gaps > 0 && gaps < notices && notices < units, r.out());
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
    void a_folder_is_checked_file_by_file_skipping_expected_results_and_saying_so() throws Exception {
        Run r = run("check", SAMPLES);
        assertEquals(1, r.code(), r.err());
        long ledgers;
        long withGaps;
        try (var files = Files.list(Path.of(SAMPLES))) {
            List<String> names = files.map(f -> f.getFileName().toString()).toList();
            ledgers = names.stream().filter(n -> (n.endsWith(".json") && !n.endsWith(".expected.json")) || n.endsWith(".xlsx")).count();
            withGaps = names.stream().filter(n -> n.endsWith(".expected.json")).count();
        }
        assertEquals(ledgers, r.out().split("落实情况检查报告", -1).length - 1, "every ledger in the folder, json and xlsx");
        assertTrue(r.err().contains("跳过 " + SAMPLES + "gaps-meetings.expected.json（预期结果文件，不是台账）"), r.err());
        assertTrue(r.err().contains("共 " + ledgers + " 个台账文件：" + ledgers + " 个已检查，其中 " + withGaps
                + " 个有缺项；0 个有误未检查"), r.err());
        int lastReport = r.out().lastIndexOf("落实情况检查报告");
        int summary = r.out().indexOf("汇总：" + ledgers + " 个台账文件已检查");
        assertTrue(summary > lastReport, "the comparison follows the last report: " + r.out());
        List<Integer> gapsPerRow = r.out().substring(summary).lines().filter(l -> l.matches(" *\\d+\\. 缺项 .*"))
                .map(l -> Integer.parseInt(l.replaceAll(" *\\d+\\. 缺项 (\\d+).*", "$1"))).toList();
        assertTrue(!gapsPerRow.isEmpty() && gapsPerRow.get(0) > 0, "the first row is a unit with gaps: " + gapsPerRow);
        List<Integer> sorted = new java.util.ArrayList<>(gapsPerRow);
        sorted.sort(java.util.Comparator.reverseOrder());
        assertEquals(sorted, gapsPerRow, "units with the most gaps first");
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
    void json_for_a_folder_or_several_files_is_always_a_batch_object_and_a_missing_path_is_counted(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{}");
        Run r = run("check", "--format", "json", bad.toString(), SAMPLES + "compliant.json", dir.resolve("gone.json").toString());
        assertEquals(2, r.code());
        JsonNode out = new ObjectMapper().readTree(r.out());
        assertTrue(out.get("reports").isArray() && out.get("reports").size() == 1, "one checkable report: " + r.out());
        assertEquals(5, out.at("/comparison/units").size(), "one comparison row per unit of the checked report");
        assertTrue(r.err().contains("共 2 个台账文件：1 个已检查，其中 0 个有缺项；1 个有误未检查；另有 1 个路径无法使用"), r.err());
        Run none = run("check", "--format", "json", bad.toString(), dir.resolve("gone.json").toString());
        JsonNode empty = new ObjectMapper().readTree(none.out());
        assertEquals(0, empty.get("reports").size(), "a batch with nothing checkable has no report: " + none.out());
        assertEquals(0, empty.at("/comparison/units").size(), none.out());
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
        assertTrue(format.err().contains("未知的报告格式 \"xml\"；可用：text、json、csv、html、junit、xlsx"), format.err());
        Run asOf = run("check", "--as-of", "2023-02-30", SAMPLES + "compliant.json");
        assertEquals(2, asOf.code());
        assertTrue(asOf.err().contains("--as-of：应为 YYYY-MM-DD 格式的真实日期"), asOf.err());
        Run pack = run("check", "--pack", "dianchang-2025", SAMPLES + "compliant.json");
        assertEquals(2, pack.code());
        assertTrue(pack.err().contains("没有名为 \"dianchang-2025\" 的内置规则包"), pack.err());
        Run none = run("check");
        assertEquals(2, none.code());
        assertEquals("用法有误：缺少必需的参数 PATH\n用 ./checker help check 查看用法\n", none.err());
        Run unknown = run("check", "--bogus", SAMPLES + "compliant.json");
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().startsWith("用法有误：未知的选项 \"--bogus\""), unknown.err());
        Run notNumber = run("check", "--coming-days", "abc", SAMPLES + "compliant.json");
        assertEquals(2, notNumber.code());
        assertTrue(notNumber.err().startsWith("用法有误：--coming-days 的值 \"abc\" 无效，应为整数"), notNumber.err());
        Run noValue = run("check", "--format");
        assertEquals(2, noValue.code());
        assertTrue(noValue.err().startsWith("用法有误：选项 --format 后面缺少取值 FORMAT"), noValue.err());
        // Several waiver files are merged; each that cannot be read is reported.
        Run twice = run("check", "--waivers", "a.json", "--waivers", "b.json", SAMPLES + "compliant.json");
        assertEquals(2, twice.code());
        assertTrue(twice.err().startsWith("a.json（情况说明） 有 1 处问题，未检查：\n  a.json: 文件不存在\n"
                + "b.json（情况说明） 有 1 处问题，未检查：\n  b.json: 文件不存在\n"), twice.err());
        Run command = run("frob");
        assertEquals(2, command.code());
        assertTrue(command.err().startsWith("用法有误：未知的命令 \"frob\"；可用的命令：check、"), command.err());
        noStackTrace(none);
    }

    @Test
    void help_is_in_chinese_down_to_the_headings_and_standard_options() {
        for (String[] args : new String[][] {{"--help"}, {"check", "--help"}, {"help", "check"}, {"help"}}) {
            Run r = run(args);
            assertEquals(0, r.code(), String.join(" ", args));
            assertTrue(r.out().startsWith("用法："), r.out());
            assertTrue(r.out().contains("显示本命令的用法说明并退出"), r.out());
            for (String english : new String[] {"Usage", "Show this help", "Print version", "Display help", "Commands:",
                    "Options:", "Parameters:", "Default:"}) {
                assertFalse(r.out().contains(english), english + " in " + String.join(" ", args) + ":\n" + r.out());
            }
        }
    }

    @Test
    void every_commands_help_lists_its_exit_codes_under_a_heading_that_is_never_empty() {
        List<String> commands = List.of("check", "validate", "template", "convert", "rules", "serve", "test", "mutate", "lint");
        Run top = run("--help");
        for (String command : commands) {
            assertTrue(top.out().contains("  " + command + " "), command + " missing from:\n" + top.out());
            Run r = run("help", command);
            assertEquals(0, r.code(), command);
            String out = r.out();
            int heading = out.indexOf("\n退出码：\n");
            assertTrue(heading >= 0, command + " lists no exit codes:\n" + out);
            String after = out.substring(heading + "\n退出码：\n".length());
            assertTrue(after.matches("(?s)\\s+0\\s+\\S.*"), command + " has an empty exit-code list:\n" + out);
        }
    }

    @Test
    void a_report_file_that_cannot_be_written_has_its_own_exit_code_and_says_why(@TempDir Path dir) {
        Run r = run("check", "--output", dir.resolve("no-such-folder").resolve("r.txt").toString(), SAMPLES + "compliant.json");
        assertEquals(74, r.code(), r.err());
        assertTrue(r.err().contains("无法写出报告文件 " + dir.resolve("no-such-folder").resolve("r.txt") + "："), r.err());
        noStackTrace(r);
    }

    @Test
    void waived_gaps_are_still_reported_marked_and_do_not_make_the_exit_code_1(@TempDir Path dir) throws Exception {
        Path waivers = dir.resolve("说明.json");
        Files.writeString(waivers, """
                [{"rule": "R1.2-4", "unit": "DC", "reason": "第二次会议因上级通知取消", "acceptedBy": "王审核"},
                 {"rule": "R2.4-1", "unit": "DC", "reason": "改为书面研究", "expires": "2024-01-31"}]
                """, StandardCharsets.UTF_8);
        Run r = run("check", "--waivers", waivers.toString(), SAMPLES + "gaps-meetings.json");
        assertEquals(0, r.code(), "every gap is accepted: " + r.out() + r.err());
        assertTrue(r.out().contains("结论：没有缺项（另有 2 项缺项已说明）"), r.out());
        // The counts say the gaps are accepted, in the conclusion and on the unit's line, so no 缺项 reads as open.
        assertEquals(2, r.out().split("缺项 2（其中已说明 2）", -1).length - 1, r.out());
        assertTrue(r.out().contains("  ◇ [R1.2-4] 全年专题会议研究统战工作至少2次"), r.out());
        assertTrue(r.out().contains("      已说明：第二次会议因上级通知取消（认可人：王审核）　来源：" + waivers + ":1:2"), r.out());
        Run json = run("check", "--format", "json", "--waivers", waivers.toString(), SAMPLES + "gaps-meetings.json");
        JsonNode report = new ObjectMapper().readTree(json.out());
        assertEquals(0, report.get("openGaps").asInt());
        assertEquals("改为书面研究", report.at("/gaps/1/waiver/reason").asText());
        assertEquals("2024-01-31", report.at("/gaps/1/waiver/expires").asText());
    }

    @Test
    void an_expired_waiver_does_not_apply_and_is_reported(@TempDir Path dir) throws Exception {
        Path waivers = dir.resolve("w.json");
        Files.writeString(waivers, "[{\"rule\": \"R1.2-4\", \"unit\": \"DC\", \"reason\": \"会议取消\", \"expires\": \"2023-06-30\"}]");
        Run r = run("check", "--waivers", waivers.toString(), SAMPLES + "gaps-meetings.json");
        assertEquals(1, r.code(), r.err());
        assertTrue(r.out().contains("结论：有 2 项缺项　"), r.out());
        assertTrue(r.out().contains("  ! R1.2-4/DC【情况说明已过期】情况说明（" + waivers + ":1:2）有效期至 2023-06-30，早于检查日期 2023-12-31，未采用；该缺项仍计为缺项"), r.out());
    }

    @Test
    void a_waiver_naming_an_unknown_rule_or_unit_or_without_a_reason_is_bad_input(@TempDir Path dir) throws Exception {
        Path rule = dir.resolve("rule.json");
        Files.writeString(rule, "[{\"rule\": \"R99-1\", \"unit\": \"DC\", \"reason\": \"x\"}]");
        Run r1 = run("check", "--waivers", rule.toString(), SAMPLES + "gaps-meetings.json");
        assertEquals(2, r1.code());
        assertTrue(r1.err().contains("R99-1"), r1.err());
        assertEquals("", r1.out(), "nothing is checked with a broken waiver file");
        Path reason = dir.resolve("reason.json");
        Files.writeString(reason, "[{\"rule\": \"R1.2-4\", \"unit\": \"DC\"}]");
        Run r2 = run("check", "--waivers", reason.toString(), SAMPLES + "gaps-meetings.json");
        assertEquals(2, r2.code());
        assertTrue(r2.err().contains("reason"), r2.err());
        Path unit = dir.resolve("unit.json");
        Files.writeString(unit, "[{\"rule\": \"R1.2-4\", \"unit\": \"ZZ\", \"reason\": \"x\"}]");
        Run r3 = run("check", "--waivers", unit.toString(), SAMPLES + "gaps-meetings.json");
        assertEquals(2, r3.code());
        assertTrue(r3.err().contains(unit + ":1:2: 情况说明所指的单位 \"ZZ\" 不在任何所检查的台账中"), r3.err());
        noStackTrace(r1);
        noStackTrace(r2);
        noStackTrace(r3);
    }

    @Test
    void a_folder_skips_an_office_lock_file_and_says_that_a_workbooks_own_waivers_were_not_applied(@TempDir Path dir)
            throws Exception {
        Path ledger = dir.resolve("台账.xlsx");
        Path waivers = dir.resolve("w.json");
        Files.writeString(waivers, "[{\"rule\": \"R1.2-4\", \"unit\": \"DC\", \"reason\": \"会议取消\"}]");
        Run convert = run("convert", SAMPLES + "gaps-meetings.json", "--to", "xlsx", "--out", ledger.toString(),
                "--waivers", waivers.toString());
        assertEquals(0, convert.code(), convert.err());
        Files.write(dir.resolve("~$台账.xlsx"), new byte[165]);
        Files.delete(waivers);
        Run r = run("check", dir.toString());
        assertEquals(1, r.code(), r.err());
        assertTrue(r.err().contains("跳过 " + dir.resolve("~$台账.xlsx") + "（Excel/WPS 打开工作簿时留下的临时锁文件，不是台账）"), r.err());
        assertTrue(r.err().contains("提示：" + ledger + " 的“情况说明”表有 1 条说明，未采用；评估人员认可后，用 --waivers "
                + ledger + " 采用"), r.err());
        Run accepted = run("check", "--waivers", ledger.toString(), ledger.toString());
        assertTrue(accepted.out().contains("（另有 1 项缺项已说明）"), accepted.out());
        assertFalse(accepted.err().contains("未采用"), accepted.err());
    }

    @Test
    void the_xlsx_sample_checks_exactly_like_its_json_twin() throws Exception {
        Run json = run("check", "--format", "json", SAMPLES + "compliant.json");
        Run xlsx = run("check", "--format", "json", SAMPLES + "compliant.xlsx");
        assertEquals(0, xlsx.code(), xlsx.err());
        assertEquals(json.out().replace("compliant.json", "compliant.xlsx"), xlsx.out());
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
        int gaps = MAPPER.readTree(Path.of(SAMPLES + "gaps-red-cross.expected.json").toFile()).get("gaps").size();
        assertEquals(2, gaps);
        assertEquals(resultsPerLedger(SAMPLES + "gaps-red-cross.json") - gaps, report.at("/summary/MET").asInt());
        assertEquals(gaps, report.at("/summary/GAP").asInt());
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
    void checking_mid_year_reports_only_what_is_overdue_and_lists_what_is_coming() throws Exception {
        Run r = run("check", "--as-of", "2023-06-15", "--coming-days", "20", SAMPLES + "compliant.json");
        assertEquals(0, r.code(), r.out());
        assertTrue(r.out().contains("检查截至：2023-06-15（当日结束时）"), r.out());
        assertTrue(r.out().contains("即将到期（2023-06-15 之后 20 天内开始或截止、尚未落实的事项，按截止日排列）："), r.out());
        assertTrue(r.out().contains("  → 2023-06-21 至 2023-07-08　电厂街道　[R8-5] 建党日主题活动（建党日前后，节点日 2023-07-01）"), r.out());
        long later = 0;
        for (JsonNode a : MAPPER.readTree(Path.of(SAMPLES + "compliant.json").toFile()).get("activities")) {
            later += a.get("date").asText().compareTo("2023-06-15") > 0 ? 1 : 0;
        }
        assertTrue(r.out().contains("  ! 【晚于检查日期】" + later + " 条记录的日期晚于检查日期 2023-06-15，未计入：DC-047、DC-048、"), r.out());
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

    @Test
    void problems_go_out_as_json_with_their_codes_when_asked(@TempDir Path temp) throws Exception {
        Path bad = Files.writeString(temp.resolve("bad.json"), "{\"year\": 2024, \"units\": [], \"activities\": []}");
        Run r = run("check", "--problems", "json", bad.toString());
        assertEquals(2, r.code());
        com.fasterxml.jackson.databind.JsonNode json = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(r.err().substring(r.err().indexOf('{'), r.err().lastIndexOf('}') + 1));
        List<String> codes = new java.util.ArrayList<>();
        json.get("problems").forEach(p -> codes.add(p.get("code").asText()));
        assertEquals(List.of("PACK_YEAR_MISMATCH", "UNITS_INVALID", "UNITS_INVALID"), codes.stream().sorted().toList());
        assertEquals(bad.toString(), json.get("problems").get(0).get("file").asText());
        assertTrue(r.err().contains("提示：用 --pack 选择与提交年度相符的规则包"), r.err());
        Run validate = run("validate", "--problems", "json", bad.toString());
        assertEquals(2, validate.code());
        assertTrue(validate.err().contains("\"code\": \"PACK_YEAR_MISMATCH\""), validate.err());
        assertEquals(2, run("check", "--problems", "yaml", bad.toString()).code());
    }
}
