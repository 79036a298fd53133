package dev.plancheck.service;

import static dev.plancheck.service.Served.request;
import static dev.plancheck.service.Served.sample;
import static dev.plancheck.service.Served.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The served OpenAPI document against the real server: every documented operation is called, with good input and
 * with the bad inputs it documents, and each answer must have a documented status, a documented content type and,
 * for JSON, the documented required members.
 */
class OpenApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static JsonNode doc;

    @BeforeAll
    static void load() throws Exception {
        HttpResponse<byte[]> r = send(HttpRequest.newBuilder(Served.uri("/api/v1/openapi.json")).build());
        assertEquals(200, r.statusCode());
        doc = JSON.readTree(r.body());
        assertEquals("3.0.3", doc.get("openapi").asText());
    }

    @Test
    void every_documented_operation_answers_as_documented() throws Exception {
        List<String> checked = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.get("paths").properties().iterator(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().properties().iterator(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                String method = op.getKey().toUpperCase();
                String template = path.getKey();
                JsonNode operation = op.getValue();
                String good = template.replace("{pack}", "dianchang-2023");
                conforms(operation, good, send(call(method, good, true)));
                conforms(operation, good, send(call(method.equals("GET") ? "DELETE" : "GET", good, true)), 405);
                boolean open = operation.has("security") && operation.get("security").isEmpty();
                if (!open) {
                    conforms(operation, good, send(call(method, good, false)), 401);
                }
                if (template.contains("{pack}")) {
                    conforms(operation, good, send(call(method, template.replace("{pack}", "no-such-pack"), true)), 404);
                }
                checked.add(method + " " + template);
            }
        }
        JsonNode check = doc.get("paths").get("/api/v1/check").get("post");
        conforms(check, "check bad", send(json("", "{".getBytes())), 400);
        conforms(check, "check no pack", send(json("?pack=none", sample("compliant.json"))), 404);
        conforms(check, "check too large", send(json("", new byte[(int) Served.MAX_BODY + 10])), 413);
        conforms(check, "check text/plain", send(request("/api/v1/check").header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("x")).build()), 415);
        for (String format : List.of("json", "html", "xlsx", "csv", "text")) {
            conforms(check, "check " + format, send(json("?format=" + format, sample("gaps-meetings.json"))), 200);
        }
        var batch = Served.Form.of(List.of(), List.of(new Object[] {"a.json", sample("compliant.json")},
                new Object[] {"b.json", sample("gaps-meetings.json")}));
        conforms(check, "check batch", send(batch.post(request("/api/v1/check")).build()), 200);
        assertEquals(List.of("GET /api/v1/health", "GET /api/v1/openapi.json", "GET /api/v1/packs",
                "GET /api/v1/packs/{pack}/rules", "GET /api/v1/packs/{pack}/template", "POST /api/v1/check"), checked);
    }

    private static HttpRequest call(String method, String path, boolean token) {
        HttpRequest.Builder b = token ? request(path) : HttpRequest.newBuilder(Served.uri(path));
        if (method.equals("POST")) {
            return b.header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(sample("compliant.json"))).build();
        }
        return b.method(method, HttpRequest.BodyPublishers.noBody()).build();
    }

    private static HttpRequest json(String query, byte[] body) {
        return request("/api/v1/check" + query).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    }

    private static void conforms(JsonNode operation, String what, HttpResponse<byte[]> r, int expectedStatus) throws Exception {
        assertEquals(expectedStatus, r.statusCode(), what + ": " + new String(r.body(), java.nio.charset.StandardCharsets.UTF_8));
        conforms(operation, what, r);
    }

    private static void conforms(JsonNode operation, String what, HttpResponse<byte[]> r) throws Exception {
        String label = r.request().method() + " " + r.uri() + " → " + r.statusCode();
        JsonNode response = resolve(operation.get("responses").get(String.valueOf(r.statusCode())));
        if (response == null) {
            fail(label + "：状态码未在文档中列出（" + what + "）");
        }
        String type = r.headers().firstValue("Content-Type").orElse("").split(";")[0].trim();
        JsonNode media = response.get("content").get(type);
        assertTrue(media != null, label + "：内容类型 " + type + " 未在文档中列出");
        if (type.equals("application/json")) {
            JsonNode body = JSON.readTree(r.body());
            JsonNode schema = resolve(media.get("schema"));
            if (schema.has("oneOf")) {
                boolean any = false;
                for (JsonNode alt : schema.get("oneOf")) {
                    any |= missing(resolve(alt), body).isEmpty();
                }
                assertTrue(any, label + "：不符合任何一种文档中的结构");
            } else {
                assertEquals(List.of(), missing(schema, body), label + "：缺少文档要求的成员");
            }
        }
    }

    /** The required members the body lacks, one level down into arrays of objects too. */
    private static List<String> missing(JsonNode schema, JsonNode body) {
        List<String> missing = new ArrayList<>();
        for (JsonNode req : schema.path("required")) {
            if (!body.has(req.asText())) {
                missing.add(req.asText());
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> props = schema.path("properties").properties().iterator(); props.hasNext(); ) {
            Map.Entry<String, JsonNode> p = props.next();
            JsonNode items = resolve(p.getValue()).path("items");
            if (!items.isMissingNode() && body.path(p.getKey()).isArray()) {
                for (JsonNode element : body.get(p.getKey())) {
                    missing(resolve(items), element).forEach(m -> missing.add(p.getKey() + "[]." + m));
                }
            }
        }
        return missing;
    }

    private static JsonNode resolve(JsonNode node) {
        if (node != null && node.has("$ref")) {
            String[] parts = node.get("$ref").asText().substring(2).split("/");
            JsonNode target = doc;
            for (String part : parts) {
                target = target.get(part);
            }
            return resolve(target);
        }
        return node;
    }
}
