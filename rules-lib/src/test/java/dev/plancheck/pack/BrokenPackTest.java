package dev.plancheck.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plancheck.PlanChecker;
import dev.plancheck.input.Problem;
import dev.plancheck.RulePack;
import dev.plancheck.input.RulePackException;
import dev.plancheck.testing.TestPacks;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A rule author's mistakes are reported, all at once, with the file and line, before any submission is checked. */
class BrokenPackTest {
    private static final String GOOD_RULE = """
            rule "R1.2-4 全年专题会议研究统战工作至少2次"
                @id("R1.2-4") @title("专题会议") @clause("§1.2") @sentence("保证全年专题会议研究统战工作至少2次")
                @scope("subdistrict") @severity("high") @evidence("special-meeting")
            when
                $u : OrgUnit(level == UnitLevel.SUBDISTRICT)
                $y : Period(id == "year")
                $ev : List() from collect( Activity(kind == "special-meeting") )
            then
                findings.present(kcontext, $u, "专题会议", $y, $ev);
            end
            """;

    @TempDir
    Path dir;

    private Path pack(String drlName, String drl) throws IOException {
        return TestPacks.write(dir, drlName, drl);
    }

    private static String messages(RulePackException e) {
        return e.problems().stream().map(Problem::toString).collect(Collectors.joining("\n"));
    }

    @Test
    void a_pack_from_disk_with_a_correct_rule_compiles_and_checks() throws Exception {
        PlanChecker checker = PlanChecker.create(RulePack.load(pack("s01_test.drl", GOOD_RULE)));
        assertEquals(List.of("R1.2-4"), checker.rules().stream().map(r -> r.id()).toList());
    }

    @Test
    void reports_every_metadata_mistake_at_once_with_file_and_line() throws Exception {
        String drl = GOOD_RULE
                + GOOD_RULE.replace("R1.2-4", "R1.2-5").replace("@title(\"专题会议\") ", "")   // missing title
                + GOOD_RULE.replace("R1.2-4", "R11.1-1").replace("§1.2", "§11.1")   // clause not in the document
                + GOOD_RULE.replace("R1.2-4", "R1.2-9").replace("保证全年专题会议研究统战工作至少2次", "每月开会");
        RulePackException e = assertThrows(RulePackException.class, () -> PlanChecker.create(RulePack.load(pack("s01_test.drl", drl))));
        String all = messages(e);
        assertTrue(all.contains("缺少元数据 @title"), all);
        assertTrue(all.contains("规则包有误") || e.getMessage().contains("规则包有误"));
        assertTrue(all.contains("引用的条款 §11.1 不在 clauses.json 中"), all);
        assertTrue(all.contains("R1.2-9 的 @sentence 不是条款 §1.2 在 clauses.json 中列出的职责原句之一"), all);
        assertTrue(e.problems().stream().allMatch(p -> p.file().endsWith("s01_test.drl") && p.line() > 0), all);
        List<Integer> lines = e.problems().stream().map(Problem::line).toList();
        assertEquals(lines.stream().sorted().toList(), lines, "listed in file order: " + all);
        assertTrue(lines.get(0) < lines.get(lines.size() - 1), all);
    }

    @Test
    void the_rules_are_listed_by_id_whatever_their_order_in_the_file() throws Exception {
        String drl = GOOD_RULE.replace("R1.2-4 全年专题会议研究统战工作至少2次", "R1.2-10 之十").replace("\"R1.2-4\"", "\"R1.2-10\"")
                + GOOD_RULE
                + GOOD_RULE.replace("R1.2-4 全年专题会议研究统战工作至少2次", "R1.2-9 之九").replace("\"R1.2-4\"", "\"R1.2-9\"");
        PlanChecker checker = PlanChecker.create(RulePack.load(pack("s01_test.drl", drl)));
        assertEquals(List.of("R1.2-4", "R1.2-9", "R1.2-10"), checker.rules().stream().map(r -> r.id()).toList());
    }

    @Test
    void a_rule_file_without_rules_is_an_error_not_an_empty_pack() throws Exception {
        RulePackException e = assertThrows(RulePackException.class,
                () -> PlanChecker.create(RulePack.load(pack("s01_test.drl", "// 还没有写规则\n"))));
        assertEquals(List.of("规则集中没有任何规则"), e.problems().stream().map(Problem::message).toList());
    }

    @Test
    void a_trigger_that_is_not_a_kind_of_the_vocabulary_is_reported() throws Exception {
        String drl = GOOD_RULE.replace("@evidence(\"special-meeting\")", "@evidence(\"special-meeting\") @trigger(\"disastr\")");
        RulePackException e = assertThrows(RulePackException.class, () -> PlanChecker.create(RulePack.load(pack("s01_test.drl", drl))));
        assertTrue(messages(e).contains("规则 R1.2-4 的 @trigger 应为 vocabulary.json 中的记录类别，实际是 \"disastr\""), messages(e));
        // The line of the rule's first line, counted in the file as written.
        List<String> lines = (TestPacks.HEADER + drl).lines().toList();
        int expected = 1 + lines.indexOf(lines.stream().filter(l -> l.startsWith("rule \"R1.2-4")).findFirst().orElseThrow());
        assertEquals(expected, e.problems().get(0).line(), messages(e));
        assertTrue(expected > 5, "after the header: " + expected);
    }

    @Test
    void reports_a_duplicate_id() throws Exception {
        String drl = GOOD_RULE + GOOD_RULE.replace("R1.2-4 全年专题会议研究统战工作至少2次", "R1.2-4 另一条规则");
        RulePackException e = assertThrows(RulePackException.class, () -> PlanChecker.create(RulePack.load(pack("s01_test.drl", drl))));
        assertTrue(messages(e).contains("规则 id R1.2-4 重复"), messages(e));
    }

    @Test
    void reports_a_rule_filed_under_another_section() throws Exception {
        RulePackException e = assertThrows(RulePackException.class,
                () -> PlanChecker.create(RulePack.load(pack("s02_test.drl", GOOD_RULE))));
        assertTrue(messages(e).contains("写在了第 2 部分的文件里"), messages(e));
    }

    @Test
    void reports_a_drl_syntax_error_with_its_file_and_line() throws Exception {
        RulePackException e = assertThrows(RulePackException.class,
                () -> PlanChecker.create(RulePack.load(pack("s01_test.drl", GOOD_RULE.replace("then", "then (")))));
        assertTrue(messages(e).contains("DRL 编译错误"), messages(e));
        assertTrue(e.problems().get(0).file().endsWith("s01_test.drl") && e.problems().get(0).line() > 0, messages(e));
    }

    @Test
    void reports_a_drl_file_in_the_folder_that_is_not_listed() throws Exception {
        Path file = pack("s01_test.drl", GOOD_RULE);
        Files.writeString(dir.resolve("rules").resolve("s02_forgotten.drl"), TestPacks.HEADER);
        RulePackException e = assertThrows(RulePackException.class, () -> RulePack.load(file));
        assertTrue(messages(e).contains("s02_forgotten.drl 没有列在 files 中"), messages(e));
    }

    @Test
    void reports_every_mistake_in_a_parameter_file_with_its_json_path() throws Exception {
        Path file = pack("s01_test.drl", GOOD_RULE);
        String params = Files.readString(file)
                .replace("\"from\": \"01-01\", \"to\": \"04-30\"", "\"from\": \"01-01\", \"to\": \"04-31\"")
                .replace("\"node\": \"qingming\"", "\"node\": \"qingming-day\"")
                .replace("\"min\": 2, \"description\": \"“保证全年专题会议研究民族工作至少2次”。\"", "\"min\": 0, \"description\": \"x\"");
        Files.writeString(file, params);
        RulePackException e = assertThrows(RulePackException.class, () -> RulePack.load(file));
        String all = messages(e);
        assertTrue(all.contains("$.periods.leading-group-deadline.to: 应为 \"MM-DD\" 格式的月日"), all);
        assertTrue(all.contains("$.periods['node.qingming'].node: 节点 \"qingming-day\" 不在 nodes 中"), all);
        assertTrue(all.contains("$.quotas['special-meetings.ethnic'].min: 应为 1 到 1000000000 之间的整数"), all);
    }

    @Test
    void a_rule_bound_to_a_period_the_parameters_lack_is_a_broken_pack_at_check_time() throws Exception {
        PlanChecker checker = PlanChecker.create(RulePack.load(pack("s01_test.drl", GOOD_RULE.replace("id == \"year\"", "id == \"years\""))));
        var submission = checker.read("t.json", """
                {"year": 2023, "units": [{"id": "DC", "name": "电厂街道", "level": "subdistrict"}], "activities": []}
                """.getBytes(StandardCharsets.UTF_8));
        RulePackException e = assertThrows(RulePackException.class, () -> checker.check(submission));
        assertTrue(messages(e).contains("规则 R1.2-4 没有为单位 DC 给出任何结果"), messages(e));
    }

    @Test
    void a_retired_rule_that_is_not_in_the_rule_set_is_a_broken_pack() throws Exception {
        Path file = pack("s01_test.drl", GOOD_RULE);
        Files.writeString(file, Files.readString(file).replace("\"deadlines\": {",
                "\"retiredRules\": { \"R9.9-9\": { \"reason\": \"不存在的规则\" } },\n  \"deadlines\": {"));
        RulePackException e = assertThrows(RulePackException.class, () -> PlanChecker.create(RulePack.load(file)));
        assertTrue(messages(e).contains("retiredRules 中的规则 R9.9-9 不在规则集中"), messages(e));
    }
}
