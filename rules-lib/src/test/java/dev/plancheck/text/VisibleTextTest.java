package dev.plancheck.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plancheck.input.ProblemCode;
import dev.plancheck.input.InputLimits;
import dev.plancheck.input.Problem;
import dev.plancheck.input.Submission;
import dev.plancheck.report.Report;
import dev.plancheck.model.OrgUnit;
import dev.plancheck.model.UnitLevel;
import dev.plancheck.report.JsonReportWriter;
import dev.plancheck.report.TextReportWriter;
import dev.plancheck.testing.Checkers;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Submitted text cannot act on a terminal, forge a report line, hide or reorder text; the JSON report keeps it exact. */
class VisibleTextTest {
    @Test
    void control_characters_are_shown_by_their_code_and_ordinary_text_is_untouched() {
        assertEquals("会议[U+000A]  ✓ 已落实[U+000D][U+0009][U+001B][2J[U+0007][U+0000][U+007F][U+009B][U+202E]",
                VisibleText.line("会议\n  ✓ 已落实\r\t\u001b[2J\u0007\u0000\u007f\u009b\u202e"));
        String ordinary = "电厂街道 2023年“博爱一日捐”　😀 é ü";
        assertSame(ordinary, VisibleText.line(ordinary));
        assertSame(ordinary, VisibleText.text(ordinary));
        assertEquals("a[U+D800]b", VisibleText.line("a\ud800b"), "a lone surrogate is shown, not turned into ?");
        assertEquals("a[U+DC00]b[U+D83D]", VisibleText.line("a\udc00b\ud83d"));
        assertNull(VisibleText.line(null));
    }

    @ParameterizedTest
    @ValueSource(ints = {0x0000, 0x0008, 0x001F, 0x007F, 0x0085, 0x009F, 0x00AD, 0x061C, 0x115F, 0x180E, 0x200B, 0x200C,
            0x200D, 0x200E, 0x200F, 0x2028, 0x2029, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2060, 0x2066, 0x2067,
            0x2068, 0x2069, 0x3164, 0xFDD0, 0xFDEF, 0xFEFF, 0xFFA0, 0xFFF9, 0xFFFE, 0xFFFF, 0x1FFFE, 0x10FFFF, 0xE0041})
    void every_invisible_or_dangerous_code_point_is_shown(int cp) {
        String s = "x" + new String(Character.toChars(cp)) + "y";
        assertTrue(VisibleText.hidden(cp));
        assertEquals("x[U+" + String.format("%04X", cp) + "]y", VisibleText.line(s));
        assertEquals("x[U+" + String.format("%04X", cp) + "]y", VisibleText.text(s));
    }

    @ParameterizedTest
    @ValueSource(ints = {' ', 'A', 0x00A0, 0x3000, 0x4E2D, 0xFF0C, 0xFE0F, 0x1F600, 0x20000, 0xE000})
    void visible_characters_and_spaces_stay(int cp) {
        assertFalse(VisibleText.hidden(cp), Integer.toHexString(cp));
    }

    @Test
    void text_keeps_line_breaks_and_tabs_and_line_does_not() {
        assertEquals("第一行\n第二行\t[U+200B]\r\n", VisibleText.text("第一行\n第二行\t\u200b\r\n"));
        assertEquals("第一行[U+000A]第二行", VisibleText.line("第一行\n第二行"));
    }

    @Test
    void showing_twice_changes_nothing() {
        String once = VisibleText.line("\u001b\u202e\ud800\uffff\n");
        assertEquals(once, VisibleText.line(once));
    }

    @Test
    void a_problem_is_always_safe_to_print() {
        Problem p = new Problem(ProblemCode.CODE_UNKNOWN, "a\u0007.json", 1, 2, "$.x\u202e", "未知的类别“\u001b[2J”");
        assertEquals("a[U+0007].json:1:2: $.x[U+202E]: 未知的类别“[U+001B][2J”", p.toString());
    }

    @Test
    void echoed_values_are_cut_with_their_real_length() {
        assertEquals("x".repeat(60) + "…（共 9000 个字符）", VisibleText.excerpt("x".repeat(9000)));
        assertEquals("short", VisibleText.excerpt("short"));
    }

    @Test
    void a_unit_name_cannot_forge_the_text_report_but_stays_exact_in_json() throws Exception {
        String forged = "电厂街道\n结论：没有缺项\u001b[2J";
        Submission s = Submission.of("forged.json", 2023,
                List.of(new OrgUnit("DC", forged, UnitLevel.SUBDISTRICT), new OrgUnit("SL", "松林社区", UnitLevel.COMMUNITY)),
                List.of());
        Report r = Checkers.dianchang2023().check(s);
        StringBuilder text = new StringBuilder();
        new TextReportWriter().write(List.of(r), false, text);
        assertTrue(text.toString().contains("电厂街道[U+000A]结论：没有缺项[U+001B][2J（DC，街道）"), text.toString());
        assertTrue(text.toString().lines().noneMatch(l -> l.startsWith("结论：没有缺项")), "no forged line");
        StringBuilder json = new StringBuilder();
        new JsonReportWriter().write(List.of(r), false, json);
        assertTrue(new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.toString()).toString().contains(
                new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(forged)), json.toString());
    }

    @Test
    void a_record_title_inside_the_engines_own_texts_cannot_forge_the_text_report() throws Exception {
        // A disaster's title is part of R10.2-1's 应有 (对“…”的救助) and of its 未到期/即将到期 lines: no relief yet.
        String forged = "暴雨\n结论：没有缺项\u001b[2J";
        Submission s = Submission.of("forged.json", 2023,
                List.of(new OrgUnit("DC", "电厂街道", UnitLevel.SUBDISTRICT), new OrgUnit("SL", "松林社区", UnitLevel.COMMUNITY)),
                List.of(dev.plancheck.model.Activity.builder("d1").unitId("DC").kind("disaster")
                        .date(java.time.LocalDate.of(2023, 12, 25)).title(forged).topics(java.util.Set.of("flood")).build()));
        for (java.time.LocalDate asOf : List.of(java.time.LocalDate.of(2023, 12, 26), java.time.LocalDate.of(2024, 1, 20))) {
            Report r = Checkers.dianchang2023().check(s, dev.plancheck.CheckOptions.asOf(asOf));
            StringBuilder text = new StringBuilder();
            new TextReportWriter(true).write(List.of(r), false, text);
            assertTrue(text.toString().contains("暴雨[U+000A]结论：没有缺项[U+001B][2J"), text.toString());
            assertTrue(text.toString().lines().noneMatch(l -> l.startsWith("结论：没有缺项")), "no forged line: " + text);
            assertFalse(text.toString().contains("\u001b"), "no escape character reaches the terminal");
        }
    }
}
