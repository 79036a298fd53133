package dev.plancheck.service;

import static dev.plancheck.service.Served.request;
import static dev.plancheck.service.Served.sample;
import static dev.plancheck.service.Served.send;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plancheck.PlanChecker;
import dev.plancheck.report.JsonReportWriter;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The API over real HTTP on loopback, as a program written in any language would call it. */
class ServiceApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final PlanChecker CHECKER = PlanChecker.create();

    private static JsonNode json(HttpResponse<byte[]> r) throws Exception {
        assertEquals("application/json; charset=utf-8", r.headers().firstValue("Content-Type").orElse(""));
        return JSON.readTree(r.body());
    }

    private static String text(HttpResponse<byte[]> r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    private static HttpResponse<byte[]> postJson(String query, byte[] body) {
        return send(request("/api/v1/check" + query).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    @Test
    void health_answers_without_a_token() throws Exception {
        var r = send(HttpRequest.newBuilder(Served.uri("/api/v1/health")).build());
        assertEquals(200, r.statusCode());
        JsonNode body = json(r);
        assertEquals("ok", body.get("status").asText());
        assertEquals("dianchang-2023", body.get("packs").get(0).asText());
    }

    @Test
    void a_request_without_the_token_or_with_a_wrong_one_gets_401() throws Exception {
        var none = send(HttpRequest.newBuilder(Served.uri("/api/v1/packs")).build());
        var wrong = send(HttpRequest.newBuilder(Served.uri("/api/v1/packs")).header("Authorization", "Bearer nope").build());
        assertAll(
                () -> assertEquals(401, none.statusCode()),
                () -> assertEquals("Bearer realm=\"plancheck\"", none.headers().firstValue("WWW-Authenticate").orElse("")),
                () -> assertEquals("需要访问令牌：请在请求头中给出 Authorization: Bearer 令牌",
                        json(none).get("problems").get(0).get("message").asText()),
                () -> assertEquals(401, wrong.statusCode()),
                () -> assertEquals("访问令牌不正确", json(wrong).get("problems").get(0).get("message").asText()));
    }

    @Test
    void lists_the_bundled_packs_default_first() throws Exception {
        var r = send(request("/api/v1/packs").build());
        assertEquals(200, r.statusCode());
        JsonNode packs = json(r).get("packs");
        assertAll(
                () -> assertEquals("dianchang-2023", packs.get(0).get("id").asText()),
                () -> assertEquals("电厂街道2023年度统战群团工作要点", packs.get(0).get("title").asText()),
                () -> assertEquals(2023, packs.get(0).get("year").asInt()),
                () -> assertTrue(packs.get(0).get("default").asBoolean()),
                () -> assertEquals(55, packs.get(0).get("rules").asInt()),
                () -> assertEquals(0, packs.get(0).get("retiredRules").asInt()),
                () -> assertEquals("dianchang-2024-demo", packs.get(1).get("id").asText()),
                () -> assertFalse(packs.get(1).get("default").asBoolean()),
                // The demonstration pack shares the 55 rules and does not check R1.5-2 in 2024.
                () -> assertEquals(55, packs.get(1).get("rules").asInt()),
                () -> assertEquals(1, packs.get(1).get("retiredRules").asInt()));
    }

    @Test
    void a_rule_the_packs_year_does_not_check_says_why_in_the_catalogue() throws Exception {
        JsonNode rules = json(send(request("/api/v1/packs/dianchang-2024-demo/rules").build())).get("rules");
        List<String> retired = new ArrayList<>();
        for (JsonNode r : rules) {
            if (!r.get("retired").isNull()) {
                retired.add(r.get("id").asText());
                assertTrue(r.get("retired").asText().contains("2023 年的专项任务"), r.toString());
            }
        }
        assertEquals(List.of("R1.5-2"), retired);
        for (JsonNode r : json(send(request("/api/v1/packs/dianchang-2023/rules").build())).get("rules")) {
            assertTrue(r.get("retired").isNull(), r.toString());
        }
    }

    @Test
    void serves_a_packs_rule_catalogue_and_404_for_an_unknown_pack() throws Exception {
        var r = send(request("/api/v1/packs/dianchang-2023/rules").build());
        assertEquals(200, r.statusCode());
        JsonNode rules = json(r).get("rules");
        PlanChecker checker = CHECKER;
        assertEquals(checker.rules().size(), rules.size());
        assertEquals(checker.rules().get(0).id(), rules.get(0).get("id").asText());
        assertEquals(checker.rules().get(0).clause(), rules.get(0).get("clause").asText());

        var missing = send(request("/api/v1/packs/no-such-pack/rules").build());
        assertEquals(404, missing.statusCode());
        assertEquals("没有名为 \"no-such-pack\" 的规则包；可用的规则包有：dianchang-2023、dianchang-2024-demo",
                json(missing).get("problems").get(0).get("message").asText());
    }

    @Test
    void checks_a_json_ledger_and_answers_the_same_json_as_the_command_line() throws Exception {
        byte[] ledger = sample("gaps-communities.json");
        var r = postJson("?name=gaps-communities.json", ledger);
        assertEquals(200, r.statusCode());
        PlanChecker checker = CHECKER;
        StringBuilder cli = new StringBuilder();
        new JsonReportWriter().write(List.of(checker.check(checker.read("gaps-communities.json", ledger))), false, cli);
        assertEquals(cli.toString(), text(r));
        int expectedGaps = JSON.readTree(sample("gaps-communities.expected.json")).get("gaps").size();
        assertEquals(expectedGaps, json(r).get("gaps").size());
    }

    @Test
    void checks_as_of_a_date_in_another_pack() throws Exception {
        var r = postJson("?pack=dianchang-2023&asOf=2023-06-15", sample("compliant.json"));
        assertEquals(200, r.statusCode());
        assertEquals("2023-06-15", json(r).get("asOf").asText());
        var early = postJson("?asOf=2022-12-31", sample("compliant.json"));
        assertEquals(400, early.statusCode());
        JsonNode p = json(early).get("problems").get(0);
        assertEquals("asOf", p.get("path").asText());
        assertEquals("检查日期 2022-12-31 早于规则包 dianchang-2023 的考核年度 2023 年", p.get("message").asText());
        assertEquals("AS_OF_BEFORE_YEAR", p.get("code").asText());
        var notFound = postJson("?pack=nope", sample("compliant.json"));
        assertEquals(404, notFound.statusCode());
        assertEquals("REQUEST_NOT_FOUND", json(notFound).get("problems").get(0).get("code").asText());
    }

    @Test
    void an_as_of_date_the_pipeline_refuses_is_a_400_with_its_code_never_a_500() throws Exception {
        // The as-of bounds are the check pipeline's, as on the command line: ten years after the assessment year at most,
        // and four-digit years only (java.time alone would take +99999-04-13).
        var late = postJson("?asOf=2040-01-01", sample("compliant.json"));
        assertEquals(400, late.statusCode(), text(late));
        JsonNode p = json(late).get("problems").get(0);
        assertEquals("AS_OF_TOO_LATE", p.get("code").asText());
        assertEquals("asOf", p.get("path").asText());
        assertTrue(p.get("message").asText().startsWith("检查日期 2040-01-01 晚于规则包 dianchang-2023 的考核年度 2023 年之后 10 年"),
                p.get("message").asText());
        var huge = postJson("?asOf=%2B99999-04-13", sample("compliant.json"));
        assertEquals(400, huge.statusCode(), text(huge));
        assertEquals("AS_OF_INVALID", json(huge).get("problems").get(0).get("code").asText());
        var leap = postJson("?asOf=2023-02-29", sample("compliant.json"));
        assertEquals(400, leap.statusCode(), text(leap));
        assertEquals("AS_OF_INVALID", json(leap).get("problems").get(0).get("code").asText());
    }

    @Test
    void every_format_the_service_names_works_junit_included() throws Exception {
        var unknown = postJson("?format=pdf", sample("compliant.json"));
        assertEquals(400, unknown.statusCode());
        JsonNode p = json(unknown).get("problems").get(0);
        assertEquals("FORMAT_UNKNOWN", p.get("code").asText());
        String named = p.get("message").asText();
        for (String format : named.substring(named.indexOf("可用：") + 3).split("、")) {
            var r = postJson("?format=" + format, sample("gaps-meetings.json"));
            assertEquals(200, r.statusCode(), format + ": " + text(r));
            assertTrue(r.body().length > 0, format);
        }
        var junit = postJson("?format=junit", sample("gaps-meetings.json"));
        assertTrue(junit.headers().firstValue("Content-Type").orElseThrow().startsWith("application/xml"));
        assertTrue(text(junit).contains("<testsuites name=\"plancheck\""), text(junit));
        assertTrue(text(junit).contains("<failure"), text(junit));
    }

    @Test
    void every_problem_of_a_bad_ledger_has_its_code_in_the_400_body() throws Exception {
        var r = postJson("", "{\"year\": 2024, \"units\": [], \"activities\": [{\"id\": 1}]}".getBytes(StandardCharsets.UTF_8));
        assertEquals(400, r.statusCode());
        List<String> codes = new java.util.ArrayList<>();
        json(r).get("problems").forEach(p -> codes.add(p.get("code").asText()));
        assertTrue(codes.contains("PACK_YEAR_MISMATCH"), codes.toString());
        assertTrue(codes.contains("UNITS_INVALID"), codes.toString());
        assertTrue(codes.stream().allMatch(c -> !c.isEmpty()), codes.toString());
        assertEquals(0, json(r).get("omitted").asInt());
    }

    @Test
    void several_uploaded_files_give_the_batch_with_the_comparison_of_units() throws Exception {
        var form = Served.Form.of(List.of(), List.of(
                new Object[] {"gaps-communities.json", sample("gaps-communities.json")},
                new Object[] {"社区台账.xlsx", sample("compliant.xlsx")}));
        var r = send(form.post(request("/api/v1/check")).build());
        assertEquals(200, r.statusCode(), text(r));
        JsonNode body = json(r);
        assertAll(
                () -> assertEquals(2, body.get("reports").size()),
                () -> assertEquals("gaps-communities.json", body.get("reports").get(0).get("source").asText()),
                () -> assertEquals("社区台账.xlsx", body.get("reports").get(1).get("source").asText()),
                () -> assertTrue(body.has("comparison")));
    }

    @Test
    void a_waivers_file_marks_its_gap_as_waived_and_a_stray_unit_is_a_problem() throws Exception {
        byte[] waivers = "[{\"rule\": \"R6-1\", \"unit\": \"JH\", \"reason\": \"已并入街道统计\"}]".getBytes(StandardCharsets.UTF_8);
        var form = Served.Form.of(List.of(), List.of(new Object[] {"gaps-communities.json", sample("gaps-communities.json")},
                new Object[] {"情况说明.json", waivers}));
        // the second file goes in the "waivers" field
        byte[] body = new String(form.body(), StandardCharsets.UTF_8)
                .replace("name=\"ledgers\"; filename=\"情况说明.json\"", "name=\"waivers\"; filename=\"情况说明.json\"")
                .getBytes(StandardCharsets.UTF_8);
        var r = send(new Served.Form(form.boundary(), body).post(request("/api/v1/check")).build());
        assertEquals(200, r.statusCode(), text(r));
        JsonNode report = json(r);
        assertEquals(1, report.get("waivedGaps").asInt());
        assertEquals(2, report.get("openGaps").asInt());
        JsonNode waived = null;
        for (JsonNode g : report.get("gaps")) {
            waived = g.has("waiver") ? g : waived;
        }
        assertEquals("R6-1", waived.get("ruleId").asText());
        assertEquals("已并入街道统计", waived.get("waiver").get("reason").asText());

        byte[] stray = "[{\"rule\": \"R6-1\", \"unit\": \"XX\", \"reason\": \"r\"}]".getBytes(StandardCharsets.UTF_8);
        byte[] strayBody = new String(form.body(), StandardCharsets.UTF_8)
                .replace("name=\"ledgers\"; filename=\"情况说明.json\"", "name=\"waivers\"; filename=\"情况说明.json\"")
                .replace(new String(waivers, StandardCharsets.UTF_8), new String(stray, StandardCharsets.UTF_8))
                .getBytes(StandardCharsets.UTF_8);
        var bad = send(new Served.Form(form.boundary(), strayBody).post(request("/api/v1/check")).build());
        assertEquals(400, bad.statusCode());
        JsonNode problem = json(bad).get("problems").get(0);
        assertEquals("情况说明所指的单位 \"XX\" 不在任何所检查的台账中；请核对单位编号", problem.get("message").asText());
        // Located like every other problem: the file in "file", the place in "line" and "column".
        assertEquals("情况说明.json", problem.get("file").asText());
        assertEquals(1, problem.get("line").asInt());
        assertEquals(2, problem.get("column").asInt());
    }

    @Test
    void two_waiver_files_are_used_together_and_the_same_waiver_in_both_is_a_problem() throws Exception {
        byte[] r61 = "[{\"rule\": \"R6-1\", \"unit\": \"JH\", \"reason\": \"已并入街道统计\"}]".getBytes(StandardCharsets.UTF_8);
        byte[] other = "[{\"rule\": \"R2.2-2\", \"unit\": \"HP\", \"reason\": \"另行说明\"}]".getBytes(StandardCharsets.UTF_8);
        Object[] ledger = {"gaps-communities.json", sample("gaps-communities.json")};
        var both = send(Served.Form.of(List.of(), List.of(ledger, new Object[] {"waivers", "甲.json", r61},
                new Object[] {"waivers", "乙.json", other})).post(request("/api/v1/check")).build());
        assertEquals(200, both.statusCode(), text(both));
        List<String> waived = new java.util.ArrayList<>();
        json(both).get("gaps").forEach(g -> {
            if (g.has("waiver")) {
                waived.add(g.get("ruleId").asText() + "@" + g.get("waiver").get("source").asText());
            }
        });
        assertEquals(2, waived.size(), waived.toString());
        assertTrue(waived.get(0).startsWith("R2.2-2@乙.json") && waived.get(1).startsWith("R6-1@甲.json"),
                "each file's waiver applies, named by its file: " + waived);

        var twice = send(Served.Form.of(List.of(), List.of(ledger, new Object[] {"waivers", "甲.json", r61},
                new Object[] {"waivers", "乙.json", r61})).post(request("/api/v1/check")).build());
        assertEquals(400, twice.statusCode(), text(twice));
        JsonNode problem = json(twice).get("problems").get(0);
        assertEquals("WAIVER_DUPLICATE", problem.get("code").asText(), problem.toString());
    }

    @Test
    void a_multipart_body_without_a_boundary_is_a_malformed_request() throws Exception {
        var r = send(request("/api/v1/check").header("Content-Type", "multipart/form-data")
                .POST(HttpRequest.BodyPublishers.ofString("--x--\r\n")).build());
        assertEquals(400, r.statusCode(), text(r));
        JsonNode problem = json(r).get("problems").get(0);
        assertEquals("REQUEST_MALFORMED", problem.get("code").asText());
        assertEquals("Content-Type", problem.get("path").asText());
        assertEquals("multipart/form-data 缺少 boundary 参数：Content-Type 应为 multipart/form-data; boundary=分隔符",
                problem.get("message").asText());
    }

    @Test
    void the_format_parameter_gives_xlsx_html_and_csv_as_downloads() {
        byte[] ledger = sample("gaps-communities.json");
        var xlsx = postJson("?format=xlsx", ledger);
        var html = postJson("?format=html", ledger);
        var csv = postJson("?format=csv", ledger);
        assertAll(
                () -> assertEquals(200, xlsx.statusCode()),
                () -> assertEquals("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                        xlsx.headers().firstValue("Content-Type").orElse("")),
                () -> assertEquals("attachment; filename=\"plancheck-followup.xlsx\"; filename*=UTF-8''"
                        + "%E6%95%B4%E6%94%B9%E6%B8%85%E5%8D%95.xlsx", xlsx.headers().firstValue("Content-Disposition").orElse("")),
                () -> assertEquals("PK", new String(xlsx.body(), 0, 2, StandardCharsets.ISO_8859_1)),
                () -> assertEquals("text/html; charset=utf-8", html.headers().firstValue("Content-Type").orElse("")),
                () -> assertTrue(text(html).contains("结论：有 ")),
                () -> assertEquals("text/csv; charset=utf-8", csv.headers().firstValue("Content-Type").orElse("")),
                () -> assertTrue(csv.headers().firstValue("Content-Disposition").orElse("").contains("plancheck-gaps.csv")));
        var unknown = postJson("?format=pdf", ledger);
        assertEquals(400, unknown.statusCode());
    }

    @Test
    void a_bad_ledger_gets_400_with_the_located_problems_of_the_command_line() throws Exception {
        byte[] bad = "{\n  \"year\": 2023,\n  \"units\": [\n".getBytes(StandardCharsets.UTF_8);
        var r = postJson("?name=坏台账.json", bad);
        assertEquals(400, r.statusCode());
        JsonNode p = json(r).get("problems").get(0);
        PlanChecker checker = CHECKER;
        var expected = assertThrows(dev.plancheck.input.InvalidSubmissionException.class,
                () -> checker.read("坏台账.json", bad)).problems().get(0);
        assertAll(
                () -> assertEquals("坏台账.json", p.get("file").asText()),
                () -> assertEquals(expected.line(), p.get("line").asInt()),
                () -> assertTrue(p.get("line").asInt() > 0, "located"),
                () -> assertEquals(expected.column(), p.get("column").asInt()),
                () -> assertEquals(expected.path(), p.get("path").asText()),
                () -> assertEquals(expected.message(), p.get("message").asText()));
    }

    @Test
    void an_unsupported_file_type_is_a_located_problem() throws Exception {
        var form = Served.Form.of(List.of(), List.<Object[]>of(new Object[] {"旧台账.xls", new byte[] {1, 2, 3}}));
        var r = send(form.post(request("/api/v1/check")).build());
        assertEquals(400, r.statusCode());
        JsonNode p = json(r).get("problems").get(0);
        assertEquals("旧台账.xls", p.get("file").asText());
        assertEquals("不能读取“.xls”文件；这是旧版 Excel 97-2003 格式，请“另存为” .xlsx", p.get("message").asText());
    }

    @Test
    void too_large_a_body_or_too_many_files_gets_413() throws Exception {
        var big = postJson("", new byte[(int) Served.MAX_BODY + 1]);
        assertEquals(413, big.statusCode());
        assertEquals("请求体超过上限 2 MB；请分批提交，或让管理员调高 --max-request-mb",
                json(big).get("problems").get(0).get("message").asText());
        byte[] ledger = sample("compliant.json");
        List<Object[]> files = new java.util.ArrayList<>();
        for (int i = 0; i <= Served.MAX_FILES; i++) {
            files.add(new Object[] {"c" + i + ".json", ledger});
        }
        var many = send(Served.Form.of(List.of(), files).post(request("/api/v1/check")).build());
        assertEquals(413, many.statusCode());
        assertEquals("一次最多检查 5 个台账文件；请分批提交", json(many).get("problems").get(0).get("message").asText());
    }

    @Test
    void a_wrong_method_gets_405_with_allow_and_an_unknown_path_404() throws Exception {
        var get = send(request("/api/v1/check").GET().build());
        assertEquals(405, get.statusCode());
        assertEquals("POST", get.headers().firstValue("Allow").orElse(""));
        var del = send(request("/api/v1/packs").DELETE().build());
        assertEquals(405, del.statusCode());
        assertEquals(404, send(request("/api/v1/nothing").build()).statusCode());
        assertEquals(415, send(request("/api/v1/check").header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("x")).build()).statusCode());
    }

    @Test
    void every_response_carries_the_security_headers() {
        for (var r : List.of(send(HttpRequest.newBuilder(Served.uri("/")).build()),
                send(HttpRequest.newBuilder(Served.uri("/api/v1/packs")).build()),
                send(request("/api/v1/nothing").build()),
                postJson("?format=html", sample("compliant.json")))) {
            String csp = r.headers().firstValue("Content-Security-Policy").orElse("");
            assertAll(r.uri() + " " + r.statusCode(),
                    () -> assertTrue(csp.contains("default-src 'none'"), csp),
                    () -> assertTrue(csp.contains("frame-ancestors 'none'"), csp),
                    () -> assertFalse(csp.contains("http"), "no external source: " + csp),
                    () -> assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse("")));
        }
    }

    @Test
    void downloads_the_empty_template_of_a_pack() {
        var r = send(request("/api/v1/packs/dianchang-2024-demo/template").build());
        assertEquals(200, r.statusCode());
        assertEquals("PK", new String(r.body(), 0, 2, StandardCharsets.ISO_8859_1));
        assertTrue(r.headers().firstValue("Content-Disposition").orElse("").contains("plancheck-template-dianchang-2024-demo.xlsx"));
    }

    @Test
    void while_every_check_slot_is_busy_a_request_waits_then_gets_503() throws Exception {
        // Fill every check slot with work that waits for a latch, through the same queue the checks use.
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(Served.MAX_CHECKS);
        for (int i = 0; i < Served.MAX_CHECKS; i++) {
            Served.SERVICE.checks.submit(() -> {
                started.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, () -> { });
        }
        long start;
        HttpResponse<byte[]> busy;
        try {
            assertTrue(started.await(10, java.util.concurrent.TimeUnit.SECONDS), "every slot taken");
            start = System.nanoTime();
            busy = postJson("", sample("compliant.json"));
        } finally {
            release.countDown();
        }
        long waited = (System.nanoTime() - start) / 1_000_000;
        assertEquals(503, busy.statusCode());
        assertEquals("2", busy.headers().firstValue("Retry-After").orElse(""));
        assertEquals("检查服务正忙（同时最多 4 个检查），请稍后再试", json(busy).get("problems").get(0).get("message").asText());
        assertTrue(waited >= Served.QUEUE_WAIT.toMillis(), "it waited for a slot first: " + waited + " ms");
        assertEquals(200, postJson("", sample("compliant.json")).statusCode(), "and once a slot is free it is checked");
    }

    @Test
    void refuses_to_listen_beyond_loopback_without_a_token() {
        var e = assertThrows(IllegalArgumentException.class, () -> ServiceConfig.defaults().withHost("0.0.0.0"));
        assertTrue(e.getMessage().startsWith("在 0.0.0.0 上监听会让本机以外的计算机访问检查服务，必须设置访问令牌"), e.getMessage());
        ServiceConfig.defaults().withToken("t").withHost("0.0.0.0"); // with a token it may
        ServiceConfig.defaults().withHost("localhost");
    }
}
