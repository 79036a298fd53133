package dev.plancheck.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plancheck.InputLimits;
import dev.plancheck.Report;
import dev.plancheck.Submission;
import dev.plancheck.model.OrgUnit;
import dev.plancheck.model.UnitLevel;
import dev.plancheck.testing.Checkers;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Submitted text cannot act on a terminal or forge a report line; the JSON report keeps it exact. */
class TerminalTextTest {
    @Test
    void control_characters_are_shown_as_visible_escapes_and_ordinary_text_is_untouched() {
        assertEquals("会议\\n  ✓ 已落实\\r\\t\\u001B[2J\\u0007\\u0000\\u007F\\u009B\\u202E",
                TerminalText.line("会议\n  ✓ 已落实\r\t\u001b[2J\u0007\u0000\u007f\u009b\u202e"));
        String ordinary = "电厂街道 2023年“博爱一日捐” 😀";
        assertSame(ordinary, TerminalText.line(ordinary));
        assertEquals("a\\uD800b", TerminalText.line("a\ud800b"), "a lone surrogate is shown, not turned into ?");
    }

    @Test
    void echoed_values_are_cut_with_their_real_length() {
        assertEquals("x".repeat(60) + "…（共 9000 个字符）", InputLimits.echo("x".repeat(9000)));
        assertEquals("short", InputLimits.echo("short"));
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
        assertTrue(text.toString().contains("电厂街道\\n结论：没有缺项\\u001B[2J（DC，街道）"), text.toString());
        assertTrue(text.toString().lines().noneMatch(l -> l.startsWith("结论：没有缺项")), "no forged line");
        StringBuilder json = new StringBuilder();
        new JsonReportWriter().write(List.of(r), false, json);
        assertTrue(new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.toString()).toString().contains(
                new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(forged)), json.toString());
    }
}
