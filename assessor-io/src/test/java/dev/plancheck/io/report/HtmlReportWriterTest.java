package dev.plancheck.io.report;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plancheck.text.Markup;
import dev.plancheck.report.ReportFormats;
import dev.plancheck.report.ReportWriter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plancheck.CheckOptions;
import dev.plancheck.report.Gap;
import dev.plancheck.report.Report;
import dev.plancheck.report.RuleResult;
import dev.plancheck.report.Status;
import dev.plancheck.input.Waiver;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HtmlReportWriterTest {
    private static final ReportWriter HTML = ReportFormats.forName("html");

    static String html(List<Report> reports, boolean batch) {
        return Samples.text(HTML, reports, batch);
    }

    static int count(String haystack, String needle) {
        int n = 0;
        for (int i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + needle.length())) {
            n++;
        }
        return n;
    }

    @Test
    void is_one_chinese_utf8_page_with_balanced_blocks() {
        String page = html(List.of(Samples.report("gaps-meetings")), false);
        assertTrue(page.startsWith("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
                + "base-uri 'none'; form-action 'none'\">\n"), page);
        assertTrue(page.endsWith("</body>\n</html>\n"));
        assertTrue(page.contains("<title>《电厂街道2023年度统战群团工作要点》落实情况检查报告</title>"));
        for (String tag : List.of("html", "head", "body", "main", "article", "section", "div", "table", "thead", "tbody",
                "tr", "details", "summary", "svg", "g", "text", "p", "h1", "h2", "h3", "style", "title")) {
            assertEquals(count(page, "<" + tag + ">") + count(page, "<" + tag + " "), count(page, "</" + tag + ">"),
                    "<" + tag + "> opened and closed as often");
        }
        assertTrue(page.contains("@page { size: A4;"));
        assertTrue(page.contains("\"Noto Sans CJK SC\""));
    }

    @Test
    void loads_nothing_and_runs_nothing() {
        for (String page : List.of(html(List.of(Samples.hostile()), false),
                html(List.of(Samples.report("gaps-communities"), Samples.report("compliant")), true))) {
            String lower = page.toLowerCase(Locale.ROOT);
            assertAll(
                    () -> assertFalse(lower.contains("<script"), "no script element"),
                    () -> assertFalse(lower.contains("http://"), "no http resource"),
                    () -> assertFalse(lower.contains("https://"), "no https resource"),
                    () -> assertFalse(lower.contains("url("), "no CSS url()"),
                    () -> assertFalse(lower.contains("@import"), "no CSS import"),
                    () -> assertFalse(lower.contains("@font-face"), "no web font"),
                    // Submitted '<' is escaped, so every '<' left starts real markup.
                    () -> assertFalse(Pattern.compile("<[a-z][^>]*\\son\\w+=").matcher(lower).find(),
                            "no event handler attribute"),
                    () -> assertFalse(Pattern.compile("<(img|iframe|object|embed|link|video|audio|source|base)\\b")
                            .matcher(lower).find(), "no element that loads anything"),
                    // The only links are to anchors in the page itself.
                    () -> assertFalse(Pattern.compile("\\shref=\"(?!#)").matcher(lower).find(), "only in-page links"));
        }
    }

    @Test
    void submitted_text_is_shown_as_text_never_as_markup() {
        Report r = Samples.hostile();
        String page = html(List.of(r), false);
        Gap meeting = r.gapOf("R1.2-4", "DC");
        assertTrue(meeting.found().contains(Samples.HOSTILE_TITLE), "the hostile title is in a gap's found text");
        assertAll(
                () -> assertTrue(page.contains("&lt;script&gt;document.title=&#39;pwned&#39;&lt;/script&gt;&quot;&gt;"
                        + "&lt;img src=x onerror=alert(1)&gt;会议 &amp; 研究"), "the title, escaped"),
                () -> assertTrue(page.contains("<th>提交文件</th><td>恶意&quot;&lt;b&gt;文件&lt;/b&gt;&#39;.json</td>"),
                        "the file name, escaped"),
                () -> assertTrue(page.contains("松林&lt;i&gt;社区&lt;/i&gt;（SL，社区）"), "the unit name, escaped"),
                () -> assertFalse(page.contains("<i>") || page.contains("<b>"), "no submitted tag"),
                () -> assertTrue(page.contains("民族工作（上半年）[U+0007]响铃"), "a control character shown, not passed"),
                () -> assertFalse(page.contains("\u0007")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"gaps-communities", "gaps-meetings", "gaps-node-windows", "gaps-nonparty-economy",
            "gaps-red-cross", "gaps-union-seasons", "gaps-womens-federation"})
    void lists_every_expected_gap_of_a_sample_with_its_explanation(String sample) throws Exception {
        Report r = Samples.report(sample);
        String page = html(List.of(r), false);
        JsonNode expected = new ObjectMapper().readTree(Samples.expectedJson(sample)).get("gaps");
        assertEquals(expected.size(), count(page, "<div class=\"gap\" "), "one gap card per expected gap");
        for (JsonNode g : expected) {
            String rule = g.get("ruleId").asText();
            String unit = g.get("unit").asText();
            Gap gap = r.gapOf(rule, unit);
            String card = card(page, rule, unit);
            assertAll(rule + " " + unit,
                    () -> assertTrue(card.contains("<span class=\"rule-id\">" + rule + "</span>")),
                    () -> assertTrue(card.contains("<strong class=\"rule-title\">" + Markup.text(gap.title()))),
                    () -> assertTrue(card.contains("<span class=\"clause\">" + gap.clause() + "</span>")),
                    () -> assertTrue(card.contains("<tr><th>单位</th><td>" + gap.unit().getName() + "（" + unit)),
                    () -> assertTrue(card.contains("<tr><th>原文</th><td>" + Markup.text(gap.clauseText())
                            + "</td></tr>")),
                    () -> assertTrue(card.contains("<tr><th>应有</th><td>"
                            + Markup.text(g.get("expected").asText()) + "</td></tr>")),
                    () -> assertTrue(card.contains("<tr><th>实有</th><td>"
                            + Markup.text(g.get("found").asText()) + "</td></tr>")));
        }
    }

    /** The markup of one gap card. */
    static String card(String page, String rule, String unit) {
        Matcher m = Pattern.compile("<div class=\"gap[^\"]*\" data-rule=\"" + Pattern.quote(rule) + "\" data-unit=\""
                + Pattern.quote(unit) + "\">.*?</div>", Pattern.DOTALL).matcher(page);
        assertTrue(m.find(), "a card for " + rule + " " + unit);
        return m.group();
    }

    @Test
    void lists_the_manual_checks_once_with_a_box_to_tick_and_escapes_what_the_pack_wrote() {
        Report r = Samples.report("gaps-meetings");
        String page = html(List.of(r), false);
        assertEquals(1, page.split("<section class=\"manual\">", -1).length - 1, "one list per report, not one per unit");
        assertTrue(page.contains("<tr class=\"manual-item\"><td class=\"nw\">§9</td><td>做好新时代妇联工作</td><td>"
                + r.manualChecks().get(1).check() + "</td><td class=\"tick\">□</td></tr>"), page);
        Report edited = new Report(r.source(), r.packId(), r.packTitle(), r.year(), r.asOf(), r.comingDueDays(), r.units(),
                r.results(), r.gaps(), r.notices(), r.comingDue(), r.retiredRules(), r.fingerprint(),
                List.of(new dev.plancheck.report.ManualCheck("§1.1", "一、<b>", Samples.HOSTILE_TITLE, "看<i>照片</i> & 记录")));
        String hostile = html(List.of(edited), false);
        assertTrue(hostile.contains("<td>看&lt;i&gt;照片&lt;/i&gt; &amp; 记录</td>"), hostile);
        assertFalse(hostile.contains("<script>document.title"), "the pack's text is escaped too");
        String none = html(List.of(new Report(r.source(), r.packId(), r.packTitle(), r.year(), r.asOf(), r.comingDueDays(),
                r.units(), r.results(), r.gaps(), r.notices(), r.comingDue(), r.retiredRules(), r.fingerprint())), false);
        assertFalse(none.contains("人工核验"), "a pack that declares none shows no empty list");
    }

    @Test
    void shows_a_waived_gap_as_explained_with_reason_accepter_and_expiry() {
        String page = html(List.of(Samples.waived()), false);
        assertEquals(1, count(page, "<div class=\"gap\" "));
        assertEquals(1, count(page, "<div class=\"gap waived\" "));
        String card = card(page, "R2.4-1", "DC");
        assertAll(
                () -> assertTrue(card.contains("<span class=\"mark\">◇ 已说明</span>")),
                () -> assertTrue(card.contains("<tr><th>情况说明</th><td>上级通知取消下半年民族工作专题会议，改为书面部署</td></tr>")),
                () -> assertTrue(card.contains("<tr><th>认可人</th><td>王审核</td></tr>")),
                () -> assertTrue(card.contains("<tr><th>有效期至</th><td>2024-03-31</td></tr>")),
                () -> assertTrue(page.contains("结论：有 1 项缺项，须整改（另有 1 项缺项已说明）")),
                () -> assertTrue(page.contains("<h2>已说明的缺项（1）：评估人员已认可情况说明，不计为未落实</h2>")));
    }

    @Test
    void a_waiver_is_submitted_text_too() throws Exception {
        Waiver w = new Waiver("R2.4-1", "DC", "<b>上级</b>通知 & 取消", "'王'\"审核\"", null, "<情况说明>!A2");
        Report r = Samples.report("gaps-meetings", CheckOptions.defaults().withWaivers(List.of(w)));
        String card = card(html(List.of(r), false), "R2.4-1", "DC");
        assertTrue(card.contains("<tr><th>情况说明</th><td>&lt;b&gt;上级&lt;/b&gt;通知 &amp; 取消</td></tr>"), card);
        assertTrue(card.contains("<tr><th>认可人</th><td>&#39;王&#39;&quot;审核&quot;</td></tr>"), card);
        assertTrue(card.contains("<tr><th>有效期至</th><td>未限定</td></tr>"), card);
        assertTrue(card.contains("<tr><th>说明来源</th><td>&lt;情况说明&gt;!A2</td></tr>"), card);
    }

    @Test
    void counts_units_and_sections_and_folds_away_what_needs_no_action() {
        Report r = Samples.report("gaps-meetings");
        String page = html(List.of(r), false);
        assertTrue(page.contains("<tr class=\"has-gaps\"><th scope=\"row\">电厂街道（DC，街道）</th><td class=\"num\">45</td>"
                + "<td class=\"num gap-count\">2</td><td class=\"num\">0</td><td class=\"num\">0</td>"
                + "<td class=\"num\">0</td><td class=\"num\">47</td></tr>"), "the scorecard row of DC");
        // Section one has one gap (R1.2-4 for DC); every other applicable duty of the section is met.
        long sectionOne = r.results().stream().filter(x -> x.rule().section().equals("一、统战工作")).count();
        assertTrue(page.contains("<text x=\"0\" y=\"22\">一、统战工作</text>"));
        assertTrue(page.contains(">" + (sectionOne - 1) + "/" + sectionOne + "（"), "section one's bar label");
        assertEquals(10, count(page, "<g class=\"bar"), "one bar per section of the plan");
        long met = r.results().stream().filter(x -> x.status() == Status.MET).count();
        assertTrue(page.contains("<details class=\"fold met\"><summary>已落实（" + met + " 项）</summary>"));
        assertEquals(met, count(page, "<tr class=\"result\">"));
        RuleResult first = r.results().get(0);
        assertTrue(page.contains("<tr class=\"result\"><td class=\"nw\">电厂街道</td><td class=\"nw\">" + first.rule().id() + "</td>"));
        assertTrue(page.contains("<tr class=\"notice\"><td class=\"nw\">DC-095</td><td class=\"nw\">重复记录</td>"));
        assertTrue(page.contains("details.fold::details-content { content-visibility: visible; display: block; }"),
                "folds open when printed");
    }

    @Test
    void a_batch_starts_with_the_comparison_of_units_then_each_report() {
        List<Report> reports = List.of(Samples.report("compliant"), Samples.report("gaps-communities"));
        String page = html(reports, true);
        int comparison = page.indexOf("<h2>各单位对比（按缺项由多到少排列）</h2>");
        assertTrue(comparison > 0 && comparison < page.indexOf("<article class=\"report\" id=\"r1\">"));
        assertTrue(page.indexOf("id=\"r1\"") < page.indexOf("id=\"r2\""));
        // Most gaps first: 河畔社区 of gaps-communities (2), then 锦华社区 (1), then the others.
        Matcher rows = Pattern.compile("<tr(?: class=\"has-gaps\")?><td>(\\d+)</td><td class=\"who\">([^<]+)<br><a class=\"file\" href=\"#r(\\d)\">")
                .matcher(page);
        StringBuilder order = new StringBuilder();
        while (rows.find()) {
            order.append(rows.group(2), 0, 4).append(rows.group(3)).append(' ');
        }
        assertEquals("河畔社区2 锦华社区2 电厂街道1 松林社区1 河畔社区1 锦华社区1 欣城社区1 电厂街道2 松林社区2 欣城社区2 ",
                order.toString());
        assertTrue(page.contains("有缺项的文件（1）：" + reports.get(1).source()));
    }

    @Test
    void mid_year_lists_what_falls_due_and_folds_the_later_records_into_one_counted_line() {
        Report r = Samples.report("gaps-meetings", CheckOptions.asOf(java.time.LocalDate.of(2023, 6, 15)));
        String page = html(List.of(r), false);
        assertEquals(r.comingDue().size(), count(page, "<tr class=\"coming-item\">"));
        assertTrue(page.contains("<tr class=\"coming-item\"><td class=\"nw\">2023-06-21</td><td class=\"nw\">2023-07-08</td>"
                + "<td class=\"nw\">电厂街道</td><td class=\"nw\">R8-5</td><td>建党日主题活动</td><td>建党日前后（节点日 2023-07-01）</td></tr>"));
        long later = r.notices().stream().filter(n -> n.type() == dev.plancheck.report.Notice.Type.FUTURE_DATED).count();
        assertTrue(page.contains("<details class=\"future\"><summary>【晚于检查日期】" + later
                + " 条记录的日期晚于检查日期 2023-06-15，未计入（展开查看）</summary>"));
        long notDue = r.summary().notDue();
        assertTrue(page.contains("<details class=\"fold not_due\"><summary>未到期（" + notDue + " 项）</summary>"));
        assertTrue(page.contains("<td class=\"nw\">R1.2-4</td><td>全年专题会议研究统战工作至少2次</td><td class=\"nw\">§1.2</td>"
                + "<td>研究统战工作的专题会议：全年 2023-01-01 至 2023-12-31</td>"), "a not-due duty and until when");
    }

    @Test
    void a_batch_of_two_plans_names_neither_in_its_title() {
        Report a = Samples.report("compliant");
        Report b = new Report("other.json", "other-pack", "另一份工作要点", a.year(), a.asOf(), a.comingDueDays(),
                a.units(), a.results(), a.gaps(), a.notices(), a.comingDue(), a.retiredRules(), a.fingerprint());
        String page = html(List.of(a, b), true);
        assertTrue(page.contains("<title>落实情况检查报告（2 个台账文件）</title>"));
        assertTrue(page.contains("《另一份工作要点》落实情况检查报告</h1>"), "each report keeps its own plan");
    }

    @Test
    void the_same_reports_give_the_same_page() {
        List<Report> reports = List.of(Samples.report("gaps-meetings"), Samples.waived());
        assertEquals(html(reports, true), html(reports, true));
    }

    @Test
    void no_report_gives_a_page_that_says_so() {
        String page = html(List.of(), true);
        assertTrue(page.contains("没有可以检查的台账文件"));
    }

    @Test
    void names_the_pack_s_version_and_sha256_on_the_page_and_in_every_printed_footer() {
        Report r = Samples.report("gaps-meetings");
        String page = html(List.of(r), false);
        assertTrue(page.contains("<tr><th>规则包</th><td>dianchang-2023 版本 " + r.fingerprint().version() + "</td></tr>"), page);
        assertTrue(page.contains("SHA-256 " + r.fingerprint().sha256()), "the whole hash in the facts table");
        assertTrue(page.contains("@bottom-left { content: " + HtmlReportWriter.cssString("规则包 dianchang-2023 版本 "
                + r.fingerprint().version() + "　SHA-256 " + r.fingerprint().shortHash())), "the short hash in the footer");
    }

    @Test
    void met_items_are_folded_unless_detail_is_asked_for() {
        List<Report> reports = List.of(Samples.report("gaps-meetings"));
        String folded = html(reports, false);
        String open = Samples.text(HTML.detailed(), reports, false);
        assertEquals(0, count(folded, "<details class=\"fold met\" open>"));
        assertEquals(1, count(open, "<details class=\"fold met\" open>"));
        assertTrue(folded.contains("<input type=\"checkbox\" id=\"print-all\">"), "the on-page print option");
        assertTrue(open.contains("<input type=\"checkbox\" id=\"print-all\" checked>"));
    }
}
