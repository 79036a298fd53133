package dev.plancheck.service;

import static dev.plancheck.service.Served.request;
import static dev.plancheck.service.Served.sample;
import static dev.plancheck.service.Served.send;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plancheck.input.ProblemCode;
import dev.plancheck.report.ReportFormats;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document against the real server and against the code. Every answer a test of this module gets from a
 * documented operation is validated against the document ({@link ContractCheck}, through {@link Served#send}); here
 * every operation is called, HEAD included, with good input and with the bad inputs it documents, and the document's
 * enums are compared with the registries they describe.
 */
class OpenApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNode DOC = ContractCheck.DOC;

    @Test
    void the_served_document_is_the_one_in_the_jar_and_is_openapi_3_0() throws Exception {
        HttpResponse<byte[]> r = send(HttpRequest.newBuilder(Served.uri("/api/v1/openapi.json")).build());
        assertEquals(200, r.statusCode());
        try (InputStream in = CheckService.class.getResourceAsStream("openapi.json")) {
            assertArrayEquals(in.readAllBytes(), r.body());
        }
        assertEquals("3.0.3", DOC.get("openapi").asText());
    }

    @Test
    void every_operation_has_an_operation_id_a_head_beside_each_get_and_declares_403_and_500() {
        Set<String> ids = new HashSet<>();
        List<String> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : DOC.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
                String name = op.getKey().toUpperCase() + " " + path.getKey();
                operations.add(name);
                JsonNode o = op.getValue();
                assertAll(name,
                        () -> assertTrue(o.hasNonNull("operationId"), "operationId"),
                        () -> assertTrue(ids.add(o.get("operationId").asText()), "unique operationId"),
                        () -> assertTrue(o.get("responses").has("500"), "500 declared"),
                        () -> assertTrue(o.get("responses").has("403"), "403 (Origin, Host) declared"));
            }
            if (path.getValue().has("get")) {
                assertTrue(path.getValue().has("head"), "HEAD beside GET " + path.getKey());
            }
        }
        assertEquals(List.of("GET /api/v1/health", "HEAD /api/v1/health", "GET /api/v1/openapi.json",
                "HEAD /api/v1/openapi.json", "GET /api/v1/packs", "HEAD /api/v1/packs", "GET /api/v1/packs/{pack}/rules",
                "HEAD /api/v1/packs/{pack}/rules", "GET /api/v1/packs/{pack}/template", "HEAD /api/v1/packs/{pack}/template",
                "POST /api/v1/check"), operations);
    }

    @Test
    void the_problem_codes_and_the_report_formats_in_the_document_are_those_of_the_code() {
        List<String> codes = new ArrayList<>();
        DOC.at("/components/schemas/Problem/properties/code/enum").forEach(c -> codes.add(c.asText()));
        assertEquals(Arrays.stream(ProblemCode.values()).map(Enum::name).toList(), codes);
        Set<String> formats = new TreeSet<>();
        for (JsonNode p : DOC.at("/paths/~1api~1v1~1check/post/parameters")) {
            if (p.get("name").asText().equals("format")) {
                p.at("/schema/enum").forEach(f -> formats.add(f.asText()));
            }
        }
        assertEquals(new TreeSet<>(ReportFormats.names()), formats, "every format the registry knows, and no other");
    }

    @Test
    void every_documented_operation_answers_as_documented_head_included() {
        for (String path : List.of("/api/v1/health", "/api/v1/openapi.json", "/api/v1/packs",
                "/api/v1/packs/dianchang-2023/rules", "/api/v1/packs/dianchang-2023/template")) {
            HttpResponse<byte[]> get = send(request(path).GET().build());
            HttpResponse<byte[]> head = send(request(path).method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
            assertAll(path,
                    () -> assertEquals(200, get.statusCode()),
                    () -> assertEquals(200, head.statusCode()),
                    () -> assertEquals(0, head.body().length, "no body"),
                    // (the template is made afresh for each request, and its length may differ by a byte: its zip's timestamps)
                    () -> assertEquals(path.endsWith("/template") ? "PK" : String.valueOf(get.body().length),
                            path.endsWith("/template") ? new String(get.body(), 0, 2, StandardCharsets.ISO_8859_1)
                                    : head.headers().firstValue("Content-Length").orElse(""), "the length GET sends"),
                    () -> assertTrue(Long.parseLong(head.headers().firstValue("Content-Length").orElse("0")) > 0, "a length"),
                    () -> assertEquals(get.headers().firstValue("Content-Type"), head.headers().firstValue("Content-Type")));
            assertEquals(405, send(request(path).DELETE().build()).statusCode(), path);
        }
        for (String path : List.of("/api/v1/packs", "/api/v1/packs/dianchang-2023/rules", "/api/v1/packs/dianchang-2023/template")) {
            assertEquals(401, send(HttpRequest.newBuilder(Served.uri(path)).build()).statusCode(), path);
            assertEquals(401, send(HttpRequest.newBuilder(Served.uri(path)).method("HEAD", HttpRequest.BodyPublishers.noBody())
                    .build()).statusCode(), path);
        }
        for (String path : List.of("/api/v1/packs/no-such-pack/rules", "/api/v1/packs/no-such-pack/template")) {
            assertEquals(404, send(request(path).build()).statusCode(), path);
            assertEquals(404, send(request(path).method("HEAD", HttpRequest.BodyPublishers.noBody()).build()).statusCode(), path);
        }
        assertEquals(403, send(request("/api/v1/packs").header("Origin", "http://evil.example").build()).statusCode());

        assertEquals(400, send(json("", "{".getBytes(StandardCharsets.UTF_8))).statusCode());
        assertEquals(401, send(HttpRequest.newBuilder(Served.uri("/api/v1/check")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(sample("compliant.json"))).build()).statusCode());
        assertEquals(404, send(json("?pack=none", sample("compliant.json"))).statusCode());
        assertEquals(413, send(json("", new byte[(int) Served.MAX_BODY + 10])).statusCode());
        assertEquals(415, send(request("/api/v1/check").header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("x")).build()).statusCode());
        for (String format : ReportFormats.names()) {
            assertEquals(200, send(json("?format=" + format, sample("gaps-meetings.json"))).statusCode(), format);
        }
        var batch = Served.Form.of(List.of(), List.of(new Object[] {"a.json", sample("compliant.json")},
                new Object[] {"b.json", sample("gaps-meetings.json")}));
        assertEquals(200, send(batch.post(request("/api/v1/check")).build()).statusCode());
    }

    @Test
    void reports_with_every_optional_member_validate_in_full() {
        // Served.send validates each answer: a waived gap with every waiver member and a mid-year check (coming-due
        // items with their node day, parts not yet due); a batch with a notice that has a location; a pack that retires
        // a rule for its year.
        byte[] waivers = ("[{\"rule\": \"R6-1\", \"unit\": \"JH\", \"reason\": \"已并入街道统计\", \"acceptedBy\": \"王科长\", "
                + "\"expires\": \"2023-12-31\"}]").getBytes(StandardCharsets.UTF_8);
        byte[] in2024 = new String(sample("compliant.json"), StandardCharsets.UTF_8).replace("\"year\": 2023", "\"year\": 2024")
                .getBytes(StandardCharsets.UTF_8);
        Map<String, List<Object[]>> cases = Map.of(
                "?asOf=2023-06-15", List.of(new Object[] {"gaps-communities.json", sample("gaps-communities.json")},
                        new Object[] {"waivers", "情况说明.json", waivers}),
                "?asOf=2023-12-31", List.of(new Object[] {"gaps-communities.json", sample("gaps-communities.json")},
                        new Object[] {"waivers", "情况说明.json", waivers}),
                "", List.of(new Object[] {"gaps-communities.json", sample("gaps-communities.json")},
                        new Object[] {"gaps-no-organiser.json", sample("gaps-no-organiser.json")}),
                "?pack=dianchang-2024-demo", List.<Object[]>of(new Object[] {"c2024.json", in2024}));
        cases.forEach((query, files) -> {
            HttpResponse<byte[]> r = send(Served.Form.of(List.of(), files).post(request("/api/v1/check" + query)).build());
            assertEquals(200, r.statusCode(), query + ": " + new String(r.body(), StandardCharsets.UTF_8));
        });
    }

    @Test
    void the_validation_fails_on_a_body_the_document_does_not_allow() throws Exception {
        HttpResponse<byte[]> r = send(json("?name=g.json", sample("gaps-communities.json")));
        ObjectNode report = (ObjectNode) JSON.readTree(r.body());
        assertEquals(List.of(), ContractCheck.validate("/components/schemas/Report", report));

        ObjectNode extra = report.deepCopy();
        extra.put("undocumented", 1);
        ObjectNode missing = report.deepCopy();
        missing.remove("gaps");
        ObjectNode wrongType = report.deepCopy();
        wrongType.put("year", "2023");
        ObjectNode wrongEnum = report.deepCopy();
        ((ObjectNode) wrongEnum.get("results").get(0)).put("status", "OK");
        ObjectNode manualWithoutCheck = report.deepCopy();
        ((ObjectNode) manualWithoutCheck.get("manualChecks").get(0)).remove("check");
        for (ObjectNode bad : List.of(extra, missing, wrongType, wrongEnum, manualWithoutCheck)) {
            assertFalse(ContractCheck.validate("/components/schemas/Report", bad).isEmpty(), bad.toString().substring(0, 80));
        }
        List<String> undeclared = ContractCheck.problems("GET", "/api/v1/health", 418, "application/json", "{}".getBytes());
        assertEquals(List.of("状态码 418 未在文档中列出"), undeclared);
        List<String> type = ContractCheck.problems("GET", "/api/v1/health", 200, "text/plain", "ok".getBytes());
        assertEquals(List.of("内容类型 text/plain 未在文档中列出"), type);
    }

    private static HttpRequest json(String query, byte[] body) {
        return request("/api/v1/check" + query).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    }
}
