package dev.plancheck.service;

import static dev.plancheck.service.Served.sample;
import static dev.plancheck.service.Served.send;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The page as a browser without script uses it: a real form posted as multipart/form-data. */
class ServicePageTest {
    /** The 50-file page's bound: it was 11.9 MB when the page listed every met duty of every file. */
    private static final int PAGE_LIMIT = 5_000_000;

    private static String text(HttpResponse<byte[]> r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    private static HttpResponse<byte[]> submit(List<String[]> fields, List<Object[]> files) {
        return send(Served.Form.of(fields, files).post(HttpRequest.newBuilder(Served.uri("/check"))).build());
    }

    private static String[] token() {
        return new String[] {"token", Served.TOKEN};
    }

    @Test
    void the_form_works_without_script_and_offers_every_pack_by_its_title() {
        var r = send(HttpRequest.newBuilder(Served.uri("/")).build());
        String page = text(r);
        assertAll(
                () -> assertEquals(200, r.statusCode()),
                () -> assertTrue(page.startsWith("<!DOCTYPE html>\n<html lang=\"zh-CN\">")),
                () -> assertTrue(page.contains("<form method=\"post\" action=\"/check\" enctype=\"multipart/form-data\" target=\"_blank\">"),
                        "the report opens in a new tab: this page keeps the chosen files"),
                () -> assertTrue(page.contains("<input type=\"file\" id=\"ledgers\" name=\"ledgers\" multiple accept=\".xlsx,.csv,.json\"")),
                () -> assertTrue(page.contains("<label for=\"ledgers\">台账文件</label>"), "labelled for keyboard and screen readers"),
                () -> assertTrue(page.contains("<option value=\"dianchang-2023\" selected>电厂街道2023年度统战群团工作要点</option>"), page),
                () -> assertTrue(page.contains("<option value=\"dianchang-2024-demo\">电厂街道2024年度统战群团工作要点（演示）</option>")),
                () -> assertTrue(page.contains("<input type=\"password\" id=\"token\" name=\"token\""), "a token field: this server has one"),
                () -> assertTrue(page.indexOf("name=\"token\"") < page.indexOf("name=\"ledgers\""),
                        "the token comes first, so that it is checked before any file is read"),
                () -> assertTrue(page.contains("name=\"viewport\""), "readable on a phone"),
                () -> assertFalse(page.contains("<script"), "no script"),
                () -> assertFalse(page.contains("http://") || page.contains("https://"), "no external resource"),
                () -> assertEquals("same-origin", r.headers().firstValue("Referrer-Policy").orElse(""),
                        "the page's own posts carry its Origin"));
    }

    @Test
    void viewing_shows_the_report_with_the_met_duties_counted_and_the_downloads_carried_in_the_page() {
        var r = submit(List.of(token(), new String[] {"pack", "dianchang-2023"}, new String[] {"action", "view"}),
                List.of(new Object[] {"a.json", sample("gaps-communities.json")}, new Object[] {"b.json", sample("compliant.json")}));
        String page = text(r);
        assertEquals(200, r.statusCode(), page);
        assertTrue(page.contains("<a href=\"/\" target=\"_blank\">新的检查</a>"), "a new check opens beside this tab: no Back to a post");
        assertTrue(page.contains("各单位对比"), "two ledgers: the comparison of units");
        Matcher xlsx = Pattern.compile("<a download=\"整改清单.xlsx\" href=\"data:[^;]+;base64,([^\"]+)\">").matcher(page);
        assertTrue(xlsx.find(), "the follow-up list to download");
        assertEquals("PK", new String(Base64.getDecoder().decode(xlsx.group(1)), 0, 2, StandardCharsets.ISO_8859_1));
        Matcher html = Pattern.compile("<a download=\"检查报告.html\" href=\"data:[^;]+;base64,([^\"]+)\">").matcher(page);
        assertTrue(html.find(), "the full report to download");
        String full = new String(Base64.getDecoder().decode(html.group(1)), StandardCharsets.UTF_8);
        assertTrue(full.contains("<details class=\"fold met\">"), "the downloaded report lists the met duties");
        assertFalse(page.contains("<details class=\"fold met\">"), "the page only counts them");
        Matcher counted = Pattern.compile("已落实（(\\d+) 项）：此处只计数，逐项清单见完整的 HTML 报告。").matcher(page);
        assertTrue(counted.find(), page);
        assertTrue(Integer.parseInt(counted.group(1)) > 0);
    }

    @Test
    void opening_the_check_address_itself_gets_plain_chinese() {
        var r = send(HttpRequest.newBuilder(Served.uri("/check")).build());
        assertEquals(405, r.statusCode());
        assertEquals("POST", r.headers().firstValue("Allow").orElse(""));
        assertTrue(text(r).contains("请从检查页面提交台账"), text(r));
        assertTrue(text(r).contains("检查结果不保存在服务器上"), text(r));
        assertFalse(text(r).contains("GET"), "no developer wording: " + text(r));
    }

    @Test
    void the_download_buttons_answer_files_and_the_template_needs_no_ledger() {
        var xlsx = submit(List.of(token(), new String[] {"action", "xlsx"}),
                List.<Object[]>of(new Object[] {"a.json", sample("gaps-communities.json")}));
        assertEquals(200, xlsx.statusCode());
        assertTrue(xlsx.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment; filename=\"plancheck-followup.xlsx\""));
        var template = submit(List.of(token(), new String[] {"pack", "dianchang-2024-demo"}, new String[] {"action", "template"}),
                List.<Object[]>of(new Object[] {"", new byte[0]}));
        assertEquals(200, template.statusCode());
        assertTrue(template.headers().firstValue("Content-Disposition").orElse("").contains("dianchang-2024-demo.xlsx"));
    }

    @Test
    void without_the_token_the_page_answers_401_in_chinese() {
        var r = submit(List.<String[]>of(new String[] {"action", "view"}), List.<Object[]>of(new Object[] {"a.json", sample("compliant.json")}));
        assertEquals(401, r.statusCode());
        assertTrue(text(r).contains("需要访问令牌"), text(r));
    }

    @Test
    void a_hostile_file_name_and_content_are_shown_as_text() {
        String name = "<b onclick=alert(1)>社区.json";
        var r = submit(List.<String[]>of(token()), List.<Object[]>of(new Object[] {name, "{\"year\": \"<img src=x onerror=alert(1)>\"}".getBytes(StandardCharsets.UTF_8)}));
        String page = text(r);
        assertEquals(400, r.statusCode());
        assertTrue(page.contains("&lt;b onclick=alert(1)&gt;社区.json:1:10 $.year"), page);
        assertFalse(page.contains("<b "), page);
        assertFalse(page.contains("<img"), page);
        assertTrue(page.contains("台账有误，未检查"));
        assertTrue(page.contains("检查页面仍在原来的标签页中，已选的文件都还在"), "the problem page does not send the user away from the files");
    }

    @Test
    void no_file_picked_is_a_clear_problem() {
        var r = submit(List.<String[]>of(token()), List.<Object[]>of(new Object[] {"", new byte[0]}));
        assertEquals(400, r.statusCode());
        assertTrue(text(r).contains("请选择至少一个台账文件（.xlsx、.csv 或 .json）"), text(r));
    }

    @Test
    void a_folder_of_fifty_ledgers_gives_a_report_page_of_a_few_megabytes() throws Exception {
        // Fifty files: ten samples five times each, under fifty names (the default limit of --max-files).
        String[] samples = {"compliant", "gaps-communities", "gaps-copies", "gaps-gamed", "gaps-honest", "gaps-meetings",
                "gaps-money", "gaps-no-organiser", "gaps-node-windows", "compliant"};
        List<Object[]> files = new java.util.ArrayList<>();
        for (int i = 0; i < 50; i++) {
            files.add(new Object[] {String.format("社区%02d.json", i + 1), sample(samples[i % samples.length] + ".json")});
        }
        try (CheckService big = CheckService.start(ServiceConfig.defaults().withPort(0))) {
            var r = Served.CLIENT.send(Served.Form.of(List.<String[]>of(new String[] {"action", "view"}), files)
                    .post(HttpRequest.newBuilder(big.uri().resolve("/check")).timeout(java.time.Duration.ofMinutes(3))).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            String page = text(r);
            assertEquals(200, r.statusCode(), page.length() > 2000 ? page.substring(0, 2000) : page);
            Matcher full = Pattern.compile("<a download=\"检查报告.html\" href=\"data:[^;]+;base64,([^\"]+)\">").matcher(page);
            assertTrue(full.find(), "the full report to download");
            int fullReport = Base64.getDecoder().decode(full.group(1)).length;
            System.out.printf("50 个台账：报告页面 %.2f MB（其中完整 HTML 报告的下载 %.2f MB，base64 前）%n", r.body().length / 1e6, fullReport / 1e6);
            assertTrue(r.body().length < PAGE_LIMIT, "a page of a few MB: " + r.body().length + " bytes");
            assertTrue(page.contains("各单位对比"));
        }
    }
}
