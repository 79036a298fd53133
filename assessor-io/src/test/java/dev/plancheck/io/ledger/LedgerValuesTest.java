package dev.plancheck.io.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How single cell values are understood: names and codes, separators, date texts and number formats. */
class LedgerValuesTest {
    private final LedgerParser parser = new LedgerParser(LedgerRoundTripTest.CHECKER.pack());

    @Test
    void a_name_is_found_without_its_quotation_marks_or_its_bracketed_part_but_never_between_two_candidates() {
        Names kinds = parser.kinds();
        assertEquals("donation-drive", kinds.resolve("募捐（“博爱一日捐”）"));
        assertEquals("donation-drive", kinds.resolve("募捐(\"博爱一日捐\")"));
        assertEquals("donation-drive", kinds.resolve("募捐"));
        assertEquals("youth-study", kinds.resolve("青年大学习"));
        assertEquals("special-meeting", kinds.resolve("Special-Meeting"));
        assertEquals("jinguo-warm-hearts", parser.topics().resolve("巾帼暖人心"));
        assertEquals("district", parser.honourLevels().resolve("区级"));
        assertNull(kinds.resolve("会议"));
        Names ambiguous = new Names("主题", Map.of("a", "活动（春）", "b", "活动（秋）"));
        assertNull(ambiguous.resolve("活动"), "two names share the short form: no guess");
        assertEquals("a", ambiguous.resolve("活动(春)"));
    }

    @Test
    void a_cell_is_split_at_every_separator_but_names_containing_one_stay_whole() {
        Names topics = parser.topics();
        assertEquals(List.of("united-front", "ethnic", "religion", "lei-feng", "flood", "epidemic"),
                topics.split("统战工作、民族工作，宗教工作,lei-feng;洪灾；疫情").stream().map(Names.Token::code).toList());
        assertEquals(List.of("ethnic-religious-law", "illegal-religious-activity"),
                topics.split("党的民族、宗教法律法规　整治非法宗教活动、遏制宗教渗透蔓延\n").stream().map(Names.Token::code).toList());
        List<Names.Token> mixed = topics.split("统战工作、党的民族");
        assertEquals("united-front", mixed.get(0).code());
        assertEquals(new Names.Token("党的民族", null), mixed.get(1));
    }

    @Test
    void only_year_first_date_texts_are_read_in_the_forms_offices_type() {
        for (String s : List.of("2023-04-13", "2023-4-13", "2023/04/13", "2023/4/13", "2023年4月13日", "2023年04月13日",
                " 2023年4月13号 ", "2023.4.13", "2023.04.13", "２０２３年４月１３日", "2023／4／13", "２０２３－０４－１３",
                "20230413", "2023-04-13 09:30", "2023/4/13 9:30:00", "2023-04-13T09:30:00", "2023年4月13日　09:30")) {
            assertEquals(LocalDate.of(2023, 4, 13), LedgerDates.parse(s).date(), s);
        }
        for (String s : List.of("4/13/2023", "13/4/2023", "5/4/2023", "23-4-13", "4月13日", "2023-04", "四月十三日",
                "2023.4/13", "2023041", "2023-04-13 25:00")) {
            assertNull(LedgerDates.parse(s).date(), s);
            assertTrue(LedgerDates.parse(s).problem().startsWith("无法识别的日期“") || s.contains("25:00"), s);
        }
        assertEquals("日期“2023-02-29”不存在；应为真实的日期，如 " + LedgerDates.ACCEPTED,
                LedgerDates.parse("2023-02-29").problem());
        assertEquals("日期 20230229（按 8 位的年月日读）不存在；应为真实的日期，如 " + LedgerDates.ACCEPTED,
                LedgerDates.parse("20230229").problem());
    }

    @Test
    void a_refused_date_says_why_it_is_refused() {
        assertTrue(LedgerDates.parse("5/4/2023").problem().contains("可能是 5 月 4 日，也可能是 4 月 5 日"));
        assertTrue(LedgerDates.parse("4/13/2023").problem().contains("年份写在后面"));
        assertTrue(LedgerDates.parse("5月4日").problem().contains("没有写年份"));
        assertTrue(LedgerDates.parse("23-5-4").problem().contains("年份只有两位"));
        // An invisible character is named by its code point, never silently dropped or shown raw.
        String zwsp = LedgerDates.parse("2023-05-04\u200B").problem();
        assertEquals("日期“2023-05-04[U+200B]”中有看不见的字符 [U+200B]（多半是从网页或聊天软件复制时带进来的）；"
                + "请删除这个单元格的内容，重新输入日期，如 " + LedgerDates.ACCEPTED, zwsp);
    }

    @Test
    void date_number_formats_are_told_from_other_number_formats() {
        assertTrue(LedgerDates.isDateFormat(14, null));
        assertTrue(LedgerDates.isDateFormat(31, null), "built-in yyyy年m月d日 of Chinese Excel");
        assertTrue(LedgerDates.isDateFormat(57, null));
        assertTrue(LedgerDates.isDateFormat(176, "yyyy\"年\"m\"月\"d\"日\";@"));
        assertTrue(LedgerDates.isDateFormat(177, "[$-F800]dddd, mmmm dd, yyyy"));
        assertTrue(LedgerDates.isDateFormat(178, "m/d/yy"));
        assertFalse(LedgerDates.isDateFormat(0, "General"));
        assertFalse(LedgerDates.isDateFormat(2, "0.00"));
        assertFalse(LedgerDates.isDateFormat(11, "0.00E+00"));
        assertFalse(LedgerDates.isDateFormat(179, "h:mm:ss"));
        assertFalse(LedgerDates.isDateFormat(180, "\"第\"0\"天\""));
        assertFalse(LedgerDates.isDateFormat(49, "@"));
        assertFalse(LedgerDates.isDateFormat(20, null), "built-in h:mm");
        assertFalse(LedgerDates.isDateFormat(20, "h:mm"));
        assertFalse(LedgerDates.isDateFormat(32, null), "built-in h时mm分");
        assertFalse(LedgerDates.isDateFormat(181, "[h]:mm"));
        assertTrue(LedgerDates.isDateFormat(14, "m/d/yy"));
    }
}
