package dev.plancheck.service;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import dev.plancheck.io.report.Chromium;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The page as the subdistrict office uses it, in Debian's headless chromium: open it, pick a gap sample in the file
 * input, press the button, and read the gaps in the rendered report. The screenshots are left in
 * {@code service/target/browser/}; {@code -Dplancheck.docs=write} also writes {@code docs/service-page.png}:
 * {@code mvn -B -ntp -q -pl service -am verify -Dtest=ServicePageInBrowserTest -Dsurefire.failIfNoSpecifiedTests=false -Dplancheck.docs=write}.
 */
class ServicePageInBrowserTest {
    private static final String SAMPLE = "gaps-communities";
    private static final Path OUT = Path.of("target", "browser");

    @Test
    void uploads_a_gap_sample_and_shows_every_gap_in_the_report() throws Exception {
        Files.createDirectories(OUT);
        JsonNode expected = new ObjectMapper().readTree(Served.sample(SAMPLE + ".expected.json")).get("gaps");
        try (Chromium.Session browser = Chromium.require().session()) {
            browser.call("Page.navigate", Map.of("url", Served.SERVICE.uri().toString()));
            browser.await("location.pathname === '/' && document.readyState === 'complete' && !!document.getElementById('ledgers')",
                    "检查页面打开");
            Files.write(OUT.resolve("service-form-phone.png"), browser.screenshot(390, 2000));
            int root = browser.call("DOM.getDocument", Map.of()).get("root").get("nodeId").asInt();
            int input = browser.call("DOM.querySelector", Map.of("nodeId", root, "selector", "#ledgers")).get("nodeId").asInt();
            Path ledger = Served.SAMPLES.resolve(SAMPLE + ".json").toAbsolutePath().normalize();
            browser.call("DOM.setFileInputFiles", Map.of("nodeId", input, "files", new String[] {ledger.toString()}));
            assertEquals(SAMPLE + ".json", browser.eval("document.getElementById('ledgers').files[0].name").asText());
            browser.eval("document.getElementById('token').value = '" + Served.TOKEN + "'");
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

            byte[] png = browser.screenshot(1100, 2400);
            assertEquals("\u0089PNG", new String(png, 0, 4, StandardCharsets.ISO_8859_1));
            assertEquals(1100, ByteBuffer.wrap(png, 16, 4).getInt(), "width");
            assertTrue(png.length > 50_000, "a page with content: " + png.length + " bytes");
            Files.write(OUT.resolve("service-report.png"), png);
            if ("write".equals(System.getProperty("plancheck.docs"))) {
                Files.write(Path.of("..", "docs", "service-page.png"), png);
            }
        }
    }
}
