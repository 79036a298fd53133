package dev.plancheck.service;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plancheck.io.report.Chromium;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The page as the subdistrict office uses it, in Debian's headless chromium: open it, pick a gap sample in the file
 * input, press the button, and read the gaps in the rendered report, at 1280 px and on a 390 px phone. The
 * screenshots are left in {@code service/target/browser/}; {@code -Dplancheck.docs=write} also writes them to
 * {@code docs/}:
 * {@code mvn -B -ntp -q -pl service -am verify -Dtest=ServicePageInBrowserTest -Dsurefire.failIfNoSpecifiedTests=false -Dplancheck.docs=write}.
 */
class ServicePageInBrowserTest {
    private static final String SAMPLE = "gaps-communities";
    private static final Path OUT = Path.of("target", "browser");
    private static final boolean DOCS = "write".equals(System.getProperty("plancheck.docs"));

    private static void keep(String name, byte[] png) throws Exception {
        assertEquals("\u0089PNG", new String(png, 0, 4, StandardCharsets.ISO_8859_1));
        Files.write(OUT.resolve(name), png);
        if (DOCS) {
            Files.write(Path.of("..", "docs", name), png);
        }
    }

    private static void open(Chromium.Session browser) throws Exception {
        browser.call("Page.navigate", Map.of("url", Served.SERVICE.uri().toString()));
        browser.await("location.pathname === '/' && document.readyState === 'complete' && !!document.getElementById('ledgers')",
                "检查页面打开");
    }

    /** Puts the gap sample in the file input and the token in its field. */
    private static void fill(Chromium.Session browser) throws Exception {
        int root = browser.call("DOM.getDocument", Map.of()).get("root").get("nodeId").asInt();
        int input = browser.call("DOM.querySelector", Map.of("nodeId", root, "selector", "#ledgers")).get("nodeId").asInt();
        Path ledger = Served.SAMPLES.resolve(SAMPLE + ".json").toAbsolutePath().normalize();
        browser.call("DOM.setFileInputFiles", Map.of("nodeId", input, "files", new String[] {ledger.toString()}));
        assertEquals(SAMPLE + ".json", browser.eval("document.getElementById('ledgers').files[0].name").asText());
        browser.eval("document.getElementById('token').value = '" + Served.TOKEN + "'");
    }

    @Test
    void the_report_opens_in_a_new_tab_and_the_form_keeps_its_files() throws Exception {
        try (Chromium.Session browser = Chromium.require().session()) {
            open(browser);
            fill(browser);
            int history = browser.eval("history.length").asInt();
            // As a person's click: a script's click without a user gesture may not open a tab (pop-up blocking).
            browser.call("Runtime.evaluate", Map.of("expression", "document.querySelector('button[value=view]').click()",
                    "userGesture", true));
            // The report is another page target, at /check, titled as a report; this tab has not moved.
            long deadline = System.nanoTime() + 90_000_000_000L;
            JsonNode report = null;
            JsonNode targets = null;
            while (report == null && System.nanoTime() < deadline) {
                targets = browser.call("Target.getTargets", Map.of()).get("targetInfos");
                for (JsonNode t : targets) {
                    if (t.path("type").asText().equals("page") && t.path("url").asText().endsWith("/check")
                            && t.path("title").asText().contains("检查报告")) {
                        report = t;
                    }
                }
                Thread.sleep(100);
            }
            JsonNode opened = report;
            String seen = String.valueOf(targets);
            assertAll(
                    () -> assertTrue(opened != null, "a new tab with the report: " + seen),
                    () -> assertEquals("/", browser.eval("location.pathname").asText(), "the form's tab stays on the form"),
                    () -> assertEquals(history, browser.eval("history.length").asInt(), "no entry to go Back or Forward to"),
                    () -> assertEquals(SAMPLE + ".json", browser.eval("document.getElementById('ledgers').files[0].name").asText(),
                            "the chosen file is still chosen"));
        }
    }

    @Test
    void uploads_a_gap_sample_and_shows_every_gap_in_the_report_at_1280_and_390_px() throws Exception {
        Files.createDirectories(OUT);
        JsonNode expected = new ObjectMapper().readTree(Served.sample(SAMPLE + ".expected.json")).get("gaps");
        try (Chromium.Session browser = Chromium.require().session()) {
            open(browser);
            keep("service-page-phone.png", browser.screenshot(390, 2400));
            assertTrue(browser.eval("document.documentElement.scrollWidth <= 390").asBoolean(), "the form fits a phone");
            assertTrue(browser.eval("document.querySelector('#pack').getBoundingClientRect().width >= "
                    + "document.querySelector('#pack option').text.length * 10").asBoolean(), "the drop-down shows the pack's title");
            fill(browser);
            // This tab follows the form here (the new tab is the other test's business): its report is read below.
            browser.eval("document.querySelector('form').removeAttribute('target')");
            browser.eval("document.querySelector('button[value=view]').click()");
            browser.await("location.pathname === '/check' && document.readyState === 'complete' && !!document.querySelector('.service-bar')",
                    "报告页面打开");

            String text = browser.eval("document.body.innerText").asText();
            int cards = browser.eval("document.querySelectorAll('div.gap').length").asInt();
            assertAll(
                    () -> assertEquals(expected.size(), cards, "one gap card per expected gap"),
                    () -> assertTrue(text.contains("结论：有 " + expected.size() + " 项缺项，须整改"), text),
                    () -> assertTrue(text.contains(SAMPLE + ".json"), "the uploaded file's name"),
                    () -> assertTrue(text.contains("下载整改清单（xlsx）")),
                    () -> assertEquals("整改清单.xlsx", browser.eval("document.querySelector('a[download$=\".xlsx\"]').download").asText()));
            for (JsonNode g : expected) {
                assertTrue(text.contains("缺项 " + g.get("ruleId").asText() + " "), g.get("ruleId").asText() + " in\n" + text);
                assertTrue(text.contains(g.get("expected").asText()), g.get("expected").asText());
            }

            byte[] png = browser.screenshot(1280, 2400);
            assertEquals(1280, ByteBuffer.wrap(png, 16, 4).getInt(), "width");
            assertTrue(png.length > 50_000, "a page with content: " + png.length + " bytes");
            keep("service-page.png", png);

            // On a phone: the page itself does not scroll sideways, wide tables and the chart scroll in their box, and
            // the chart's labels keep their size (they shrank to ~5 px when the chart was scaled to the width).
            byte[] phone = browser.screenshot(390, 3000);
            keep("service-report-phone.png", phone);
            assertAll(
                    () -> assertTrue(browser.eval("document.documentElement.scrollWidth <= 390").asBoolean(),
                            "no sideways scroll of the page: " + browser.eval("document.documentElement.scrollWidth")),
                    () -> assertTrue(browser.eval("[...document.querySelectorAll('table')].every(t => t.getBoundingClientRect().right <= 390)")
                            .asBoolean(), "every table within the screen"),
                    () -> assertTrue(browser.eval("[...document.querySelectorAll('svg.bars text')].every(t => t.getBoundingClientRect().height >= 11)")
                            .asBoolean(), "chart labels legible: " + browser.eval(
                                    "[...document.querySelectorAll('svg.bars text')].map(t => t.getBoundingClientRect().height).join(',')")));
        }
    }
}
