package dev.plancheck.io.report;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plancheck.report.Report;
import dev.plancheck.report.ReportFormats;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The HTML report as a person sees it: opened in a real headless browser (Debian's chromium, with fonts-noto-cjk so
 * that Chinese renders; {@code .ci/run} installs both). Pages and screenshots are left in
 * {@code assessor-io/target/browser/} to look at.
 *
 * <p>The screenshot in {@code docs/} is regenerated with
 * {@code mvn -B -ntp -q -pl assessor-io -am verify -Dtest=HtmlReportInBrowserTest -Dsurefire.failIfNoSpecifiedTests=false -Dplancheck.docs=write}.
 */
class HtmlReportInBrowserTest {
    private static final Path OUT = Path.of("target", "browser");
    private static final String SAMPLE = "gaps-communities";
    private static Chromium chromium;

    @BeforeAll
    static void browser() throws IOException {
        chromium = Chromium.require();
        LibreOffice.require(); // pdftotext and pdfinfo read the printed pages back
        Files.createDirectories(OUT);
    }

    private static Path page(String name, List<Report> reports) throws IOException {
        Path file = OUT.resolve(name + ".html");
        Files.writeString(file, HtmlReportWriterTest.html(reports, reports.size() > 1), StandardCharsets.UTF_8);
        return file;
    }

    /** The text of the rendered body, as the browser holds it: tags dropped, character references resolved. */
    static String bodyText(String dom) {
        int start = dom.indexOf("<body");
        String body = dom.substring(start, dom.lastIndexOf("</body>"));
        return body.replaceAll("<[^>]*>", "").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&nbsp;", "\u00a0").replace("&amp;", "&");
    }

    @Test
    void shows_every_gap_of_a_gap_sample() throws Exception {
        Report r = Samples.report(SAMPLE);
        String dom = chromium.dumpDom(page(SAMPLE, List.of(r)));
        JsonNode expected = new ObjectMapper().readTree(Samples.expectedJson(SAMPLE)).get("gaps");
        String text = bodyText(dom);
        assertAll(
                () -> assertTrue(dom.contains("<html lang=\"zh-CN\">"), "a Chinese page"),
                () -> assertEquals(expected.size(), count(dom, "<div class=\"gap\" "), "one gap card per expected gap"),
                () -> assertTrue(text.contains("结论：有 " + expected.size() + " 项缺项，须整改"), "the conclusion"),
                () -> assertTrue(text.contains("《电厂街道2023年度统战群团工作要点》落实情况检查报告")),
                () -> assertTrue(text.contains("检查截至2023-12-31（当日结束时）")),
                () -> assertTrue(text.contains("各部分完成情况（已落实/应落实）")),
                () -> assertEquals(r.manualChecks().size(), count(dom, "<tr class=\"manual-item\">"), "one row per 人工核验 item"),
                () -> assertTrue(text.contains("人工核验（2）") && text.contains("§9做好新时代妇联工作"), "the 人工核验 list"));
        for (JsonNode g : expected) {
            String unit = r.units().stream().filter(u -> u.getId().equals(g.get("unit").asText())).findFirst()
                    .orElseThrow().getName();
            assertAll(g.get("ruleId").asText(),
                    () -> assertTrue(text.contains("✗ 缺项 " + g.get("ruleId").asText() + " "), "the gap's heading"),
                    () -> assertTrue(text.contains("单位" + unit + "（" + g.get("unit").asText()), "its unit"),
                    () -> assertTrue(text.contains("应有" + g.get("expected").asText()), "what was expected"),
                    () -> assertTrue(text.contains("实有" + g.get("found").asText()), "what was found"));
        }
    }

    @Test
    void a_script_in_a_submitted_title_does_not_run() throws Exception {
        Report r = Samples.hostile();
        String dom = chromium.dumpDom(page("hostile", List.of(r)));
        Matcher title = Pattern.compile("<title>(.*?)</title>").matcher(dom);
        assertTrue(title.find());
        String lower = dom.toLowerCase(Locale.ROOT);
        assertAll(
                () -> assertEquals("《电厂街道2023年度统战群团工作要点》落实情况检查报告", title.group(1),
                        "document.title unchanged"),
                () -> assertFalse(dom.contains("pwned</title>")),
                () -> assertFalse(lower.contains("<script"), "no script element in the DOM"),
                () -> assertFalse(lower.contains("<img"), "no injected image"),
                () -> assertFalse(lower.contains("<i>") || lower.contains("<b>"), "no injected markup"),
                () -> assertTrue(bodyText(dom).contains(Samples.HOSTILE_TITLE), "the title shown as the text it is"),
                () -> assertTrue(bodyText(dom).contains("提交文件" + Samples.HOSTILE_SOURCE)));
    }

    @Test
    void renders_a_screenshot_with_chinese_fonts() throws Exception {
        cjkFonts();
        Path png = OUT.resolve(SAMPLE + ".png");
        chromium.screenshot(page(SAMPLE, List.of(Samples.report(SAMPLE))), png, 1280, 2000);
        byte[] bytes = Files.readAllBytes(png);
        assertEquals("\u0089PNG", new String(bytes, 0, 4, StandardCharsets.ISO_8859_1), "a PNG");
        ByteBuffer header = ByteBuffer.wrap(bytes, 16, 8);
        assertEquals(1280, header.getInt(), "width");
        assertEquals(2000, header.getInt(), "height");
        assertTrue(bytes.length > 50_000, "a page with content, not a blank one: " + bytes.length + " bytes");
    }

    @Test
    void a_folder_prints_on_a4_leading_with_the_comparison_with_the_fingerprint_on_every_page() throws Exception {
        List<Report> reports = List.of("gaps-communities", "gaps-meetings", "gaps-money", "compliant").stream()
                .map(Samples::report).toList();
        Path pdf = OUT.resolve("folder.pdf");
        chromium.printToPdf(page("folder", reports), pdf);
        Path detailedPdf = OUT.resolve("folder-detail.pdf");
        Path detailed = OUT.resolve("folder-detail.html");
        Files.writeString(detailed, Samples.text(ReportFormats.forName("html").detailed(), reports, true),
                StandardCharsets.UTF_8);
        chromium.printToPdf(detailed, detailedPdf);
        LibreOffice.Pdf folded = LibreOffice.Pdf.read(pdf);
        LibreOffice.Pdf open = LibreOffice.Pdf.read(detailedPdf);
        String text = LibreOffice.text(pdf);
        String first = text.substring(0, text.indexOf('\f'));
        String met = "电厂街道 R1.1-1 "; // a row of the met items: R1.1-1 is met in every one of these ledgers
        assertAll(
                () -> assertTrue(folded.allA4(), "A4"),
                () -> assertTrue(folded.pageSizes().get(0)[0] > folded.pageSizes().get(0)[1],
                        "the comparison on a landscape page, so that its table is not cut at the edge"),
                () -> assertTrue(first.contains("各单位对比") && first.contains("十"), "the whole comparison table: " + first),
                () -> assertEquals(folded.pageSizes().size(), footers(text, reports.get(0)), "the fingerprint on every page"),
                () -> assertFalse(text.contains(met), "met items are not printed unless asked for"),
                () -> assertEquals(reports.size(), text.split("做好新时代妇联工作", -1).length - 1,
                        "each report prints its 人工核验 list once"),
                () -> assertTrue(LibreOffice.text(detailedPdf).contains(met), "--detail prints them"),
                () -> assertTrue(open.pageSizes().size() > folded.pageSizes().size(),
                        "folded " + folded.pageSizes().size() + " pages, detailed " + open.pageSizes().size()));
    }

    /** Regenerates docs/report-sample.png (the source shown as a user would type it). */
    @Test
    @EnabledIfSystemProperty(named = "plancheck.docs", matches = "write")
    void writes_the_docs_screenshot() throws Exception {
        cjkFonts();
        String source = "sample-data/dianchang-2023/" + SAMPLE + ".json";
        Report r = Samples.checker().check(Samples.checker().read(source,
                Files.readAllBytes(Samples.DIR.resolve(SAMPLE + ".json"))));
        Path page = OUT.resolve("report-sample.html");
        Files.writeString(page, HtmlReportWriterTest.html(List.of(r), false), StandardCharsets.UTF_8);
        chromium.screenshot(page, Path.of("..", "docs", "report-sample.png"), 1040, 2240);
    }

    /** Regenerates docs/printed-html-folder.png: page 1 of a folder's report as Chromium prints it (pdftoppm). */
    @Test
    @EnabledIfSystemProperty(named = "plancheck.docs", matches = "write")
    void writes_the_docs_picture_of_the_printed_folder() throws Exception {
        cjkFonts();
        List<Report> reports = List.of("gaps-communities", "gaps-meetings", "gaps-money", "compliant").stream()
                .map(Samples::report).toList();
        Path pdf = OUT.resolve("folder-docs.pdf");
        chromium.printToPdf(page("folder-docs", reports), pdf);
        Process p = new ProcessBuilder("pdftoppm", "-png", "-r", "70", "-singlefile", "-f", "1", "-l", "1",
                pdf.toString(), Path.of("..", "docs", "printed-html-folder").toString()).inheritIO().start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue());
    }

    /** Without CJK fonts Chinese renders as boxes: in CI that is a failure, elsewhere the check is skipped. */
    private static void cjkFonts() throws Exception {
        String families;
        try {
            Process p = new ProcessBuilder("fc-list", ":lang=zh", "family").redirectErrorStream(true).start();
            families = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        } catch (IOException e) {
            families = "";
        }
        if (!families.contains("Noto Sans CJK SC")) {
            String message = "没有找到 Noto Sans CJK SC 字体（fonts-noto-cjk），截图中的中文会显示为方框";
            if (System.getenv("CI") != null) {
                fail(message);
            }
            Assumptions.abort(message + "；不在 CI 中，跳过");
        }
    }

    /** The page footers naming the pack: id, version and the short hash (the facts table has the whole hash). */
    static int footers(String text, Report r) {
        Matcher m = Pattern.compile("规则包 " + Pattern.quote(r.packId()) + " 版本 " + Pattern.quote(r.fingerprint().version())
                + "\\s+SHA-256 " + r.fingerprint().shortHash() + "(?![0-9a-f])").matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private static int count(String haystack, String needle) {
        return HtmlReportWriterTest.count(haystack, needle);
    }
}
