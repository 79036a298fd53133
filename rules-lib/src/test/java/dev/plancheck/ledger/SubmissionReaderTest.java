package dev.plancheck.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plancheck.input.InvalidSubmissionException;
import dev.plancheck.PlanChecker;
import dev.plancheck.input.Problem;
import dev.plancheck.input.Submission;
import dev.plancheck.testing.Checkers;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every bad input gets a message naming the file, the place and what was expected, and all of them come at once. */
class SubmissionReaderTest {
    private final PlanChecker checker = Checkers.dianchang2023();

    private static final String UNITS = """
              "units": [
                {"id": "DC", "name": "电厂街道", "level": "subdistrict"},
                {"id": "C1", "name": "胜利社区", "level": "community"}
              ],
            """;

    private List<Problem> problems(String json) {
        InvalidSubmissionException e = assertThrows(InvalidSubmissionException.class,
                () -> checker.read("ledger.json", json.getBytes(StandardCharsets.UTF_8)));
        return e.problems();
    }

    private static String all(List<Problem> problems) {
        return problems.stream().map(Problem::toString).collect(Collectors.joining("\n"));
    }

    @Test
    void malformed_json_is_reported_with_line_and_column() {
        List<Problem> p = problems("{\n  \"year\": 2023,\n  \"units\": [\n    {\"id\": \"DC\" \"name\": \"电厂街道\"}\n  ]\n}\n");
        assertEquals(1, p.size(), all(p));
        assertEquals("ledger.json", p.get(0).file());
        assertEquals(4, p.get(0).line());
        assertTrue(p.get(0).column() > 0);
        assertTrue(p.get(0).message().startsWith("JSON 语法错误："), all(p));
    }

    @Test
    void every_problem_in_a_file_is_reported_at_once_with_its_place() {
        String json = "{\n  \"year\": 2023,\n" + UNITS + """
                  "activities": [
                    {"id": "a1", "unit": "DC", "kind": "special-meeting", "date": "2023-02-30", "title": "统战专题会议", "topics": ["united-front"]},
                    {"id": "a2", "unit": "XX", "kind": "special-meeting", "date": "2023-03-01", "title": "统战专题会议", "topics": ["united-front"]},
                    {"id": "a3", "unit": "DC", "kind": "special-meting", "date": "2023-03-02", "title": "统战专题会议", "topics": ["united-front"]},
                    {"id": "a1", "unit": "DC", "kind": "visit", "date": "2023-03-03", "title": "走访", "groups": ["new-social-strata"]},
                    {"id": "a5", "unit": "DC", "kind": "visit", "date": "2023-03-04", "groups": ["new-social-strata"]},
                    {"id": "a6", "unit": "DC", "kind": "visit", "date": "2023/03/05", "title": "走访", "groups": ["new-social-strata"]}
                  ]
                }
                """;
        List<Problem> p = problems(json);
        String text = all(p);
        assertEquals(List.of(
                "ledger.json:8:67: $.activities[0].date: 日期 \"2023-02-30\" 不存在；应为 YYYY-MM-DD 格式的真实日期",
                "ledger.json:9:26: $.activities[1].unit: 单位 \"XX\" 不在 units 中；已有单位：C1、DC",
                "ledger.json:10:40: $.activities[2].kind: 未知的记录类别 \"special-meting\"；是否应为 \"special-meeting\"？（类别表见 docs/rules.md 的“提交用语”）",
                "ledger.json:11:12: $.activities[3].id: 记录 id \"a1\" 与 $.activities[0] 重复；每条记录的 id 必须唯一",
                "ledger.json:12:5: $.activities[4]: 缺少必填字段 \"title\"（应为一个字符串）",
                "ledger.json:13:57: $.activities[5].date: 应为 YYYY-MM-DD 格式的日期（如 2023-05-04），实际是 \"2023/03/05\""),
                p.stream().map(Problem::toString).toList(), text);
    }

    @Test
    void unknown_fields_topics_and_levels_are_errors_not_silently_ignored() {
        String json = """
                {"year": 2023, "subdistrict": "电厂",
                 "units": [{"id": "DC", "name": "电厂街道", "level": "street"}],
                 "activities": [{"id": "a1", "unit": "DC", "kind": "special-meeting", "date": "2023-03-01",
                                 "title": "会议", "topics": ["united_front"], "place": "会议室"}]}
                """;
        String text = all(problems(json));
        assertTrue(text.contains("$.subdistrict: 未知字段 \"subdistrict\"；这里可用的字段是：$comment、$schema、activities、units、year"), text);
        assertTrue(text.contains("$.units[0].level: 应为 \"subdistrict\"（街道）或 \"community\"（社区），实际是 \"street\""), text);
        assertTrue(text.contains("$.activities[0].topics: 未知的议题代码 \"united_front\"；是否应为 \"united-front\"？"), text);
        assertTrue(text.contains("$.activities[0].place: 未知字段 \"place\""), text);
    }

    @Test
    void the_year_must_match_the_pack_and_exactly_one_subdistrict_is_required() {
        String json = """
                {"year": 2024, "units": [{"id": "C1", "name": "胜利社区", "level": "community"}], "activities": []}
                """;
        String text = all(problems(json));
        assertTrue(text.contains("$.year: 考核年度 2024 与规则包 dianchang-2023 的年度 2023 不符；请选用 2024 年度的规则包"), text);
        assertTrue(text.contains("$.units: 应有且只有一个 level 为 \"subdistrict\" 的单位（街道），实际有 0 个"), text);
    }

    @Test
    void a_kind_that_needs_a_field_says_which() {
        String json = "{\"year\": 2023, " + UNITS + """
                 "activities": [
                   {"id": "d1", "unit": "DC", "kind": "donation-drive", "date": "2023-05-08", "title": "博爱一日捐"},
                   {"id": "r1", "unit": "DC", "kind": "disaster-relief", "date": "2023-07-12", "title": "救助", "relatesTo": "d1"},
                   {"id": "u1", "unit": "DC", "kind": "donation-usage", "date": "2023-07-12", "title": "使用", "amount": 12.345}
                 ]}
                """;
        String text = all(problems(json));
        assertTrue(text.contains("$.activities[0]: 类别 \"donation-drive\"（募捐（“博爱一日捐”））的记录必须有字段 \"amount\""), text);
        assertTrue(text.contains("$.activities[1].relatesTo: relatesTo 应指向类别为 \"disaster\" 的记录，\"d1\" 的类别是 \"donation-drive\""), text);
        assertTrue(text.contains("$.activities[2].amount: 金额应为不小于 0、最多两位小数的数字（单位：元），实际是 12.345"), text);
    }

    @Test
    void a_field_of_the_wrong_type_is_reported_once_not_again_as_missing() {
        String json = "{\"year\": 2023, " + UNITS + """
                 "activities": [
                   {"id": "d1", "unit": "DC", "kind": "donation-drive", "date": "2023-05-08", "title": "博爱一日捐", "amount": "38650元"}
                 ]}
                """;
        List<Problem> p = problems(json);
        assertEquals(1, p.size(), all(p));
        assertTrue(all(p).contains("$.activities[0].amount: 金额应为数字（单位：元，如 12500.50），实际是字符串 \"38650元\""), all(p));
    }

    @Test
    void a_json_syntax_error_is_explained_in_chinese() {
        String text = all(problems("{\"year\": 2023 \"units\": []}"));
        assertTrue(text.contains("JSON 语法错误：对象的成员之间缺少逗号；解析器原话："), text);
        assertTrue(all(problems("{\"year\": 2023, \"units\": [")).contains("文件意外结束，括号或引号没有闭合"));
    }

    @Test
    void the_parsers_words_are_quoted_without_its_own_line_and_column_which_only_our_location_gives() {
        List<Problem> p = problems("{\"year\": 2023,\n \"units\": [{\"id\": \"DC\", \"name\": \"电厂街道\", \"level\": \"subdistrict\"}");
        assertEquals(1, p.size(), all(p));
        assertEquals(2, p.get(0).line(), all(p));
        assertTrue(p.get(0).message().contains("解析器原话：Unexpected end-of-input: expected close marker for Array（"), all(p));
        assertFalse(p.get(0).message().contains("line:"), all(p));
    }

    @Test
    void a_key_written_twice_in_one_object_is_reported() {
        String json = "{\"year\": 2023, \"year\": 2023, " + UNITS + " \"activities\": []}";
        String text = all(problems(json));
        assertTrue(text.contains("ledger.json:1:16: $.year: 键 \"year\" 在同一对象中出现了两次"), text);
    }

    @Test
    void a_file_saved_as_gbk_is_reported_as_such() {
        byte[] gbk = "{\"year\": 2023, \"units\": [{\"id\": \"DC\", \"name\": \"电厂街道\", \"level\": \"subdistrict\"}], \"activities\": []}"
                .getBytes(Charset.forName("GBK"));
        List<Problem> p = assertThrows(InvalidSubmissionException.class, () -> checker.read("gbk.json", gbk)).problems();
        assertEquals(1, p.size());
        assertTrue(p.get(0).message().contains("文件不是 UTF-8 编码"), all(p));
        assertTrue(p.get(0).message().contains("GBK"), all(p));
    }

    @Test
    void a_replacement_character_in_the_file_is_text_and_bytes_that_only_look_like_utf8_are_not() throws Exception {
        String head = "{\"year\": 2023, \"units\": [{\"id\": \"DC\", \"name\": \"电厂街道";
        String tail = "\", \"level\": \"subdistrict\"}], \"activities\": []}";
        byte[] written = (head + "\uFFFD" + tail).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertEquals("电厂街道\uFFFD", checker.read("ok.json", written).units().get(0).getName());
        // U+D800 written as if it were a character (CESU-8), and "/" written in two bytes: neither is UTF-8.
        for (byte[] bad : List.of(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, new byte[] {(byte) 0xC0, (byte) 0xAF})) {
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            bytes.writeBytes(head.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            bytes.writeBytes(bad);
            bytes.writeBytes(tail.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            List<Problem> p = assertThrows(InvalidSubmissionException.class, () -> checker.read("bad.json", bytes.toByteArray()))
                    .problems();
            assertEquals(1, p.size(), all(p));
            assertTrue(p.get(0).message().contains("文件不是 UTF-8 编码"), all(p));
        }
    }

    @Test
    void an_empty_file_and_a_non_object_are_explained() {
        assertTrue(all(problems("")).contains("文件是空的，应为一个 JSON 对象"));
        assertTrue(all(problems("[]")).contains("提交文件应为一个 JSON 对象"));
    }

    @Test
    void a_valid_file_reads_into_units_and_activities_in_order() throws Exception {
        String json = "{\"year\": 2023, " + UNITS + """
                 "activities": [
                   {"id": "m1", "unit": "DC", "kind": "special-meeting", "date": "2023-03-09", "title": "统战工作专题会议", "topics": ["united-front"]},
                   {"id": "d1", "unit": "DC", "kind": "donation-drive", "date": "2023-05-08", "title": "博爱一日捐", "amount": 12500.50}
                 ]}
                """;
        Submission s = checker.read("ledger.json", json.getBytes(StandardCharsets.UTF_8));
        assertEquals(2023, s.year());
        assertEquals(List.of("DC", "C1"), s.units().stream().map(u -> u.getId()).toList());
        assertEquals(List.of("m1", "d1"), s.activities().stream().map(a -> a.getId()).toList());
        assertEquals("12500.50", s.activities().get(1).getAmount().toPlainString());
    }
}
