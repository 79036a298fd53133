package dev.plancheck.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.oas.OpenApi30;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A response against the service's OpenAPI document: its path and method are an operation of the document, its
 * status is one that operation declares, its content type one that response declares, and a JSON body validates
 * against the declared schema (networknt's validator in its OpenAPI 3.0 dialect: types, required and undeclared
 * members, enums, nullable, formats). Every API response of the service's tests goes through it ({@link Served#send}).
 */
final class ContractCheck {
    static final JsonNode DOC;
    private static final String DOC_URI;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4,
            b -> b.metaSchema(OpenApi30.getInstance()).defaultMetaSchemaIri(OpenApi30.getInstance().getIri()));
    private static final Map<String, JsonSchema> CACHE = new ConcurrentHashMap<>();

    static {
        try (InputStream in = CheckService.class.getResourceAsStream("openapi.json")) {
            DOC = JSON.readTree(in);
            DOC_URI = CheckService.class.getResource("openapi.json").toURI().toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private ContractCheck() {
    }

    /** True when the document has an operation for this method and path. */
    static boolean documented(String method, String path) {
        String t = template(path);
        return t != null && !DOC.at("/paths/" + escape(t) + "/" + method.toLowerCase(Locale.ROOT)).isMissingNode();
    }

    /** Fails with every way the response departs from the document. */
    static void conforms(HttpResponse<byte[]> r) {
        List<String> problems = problems(r.request().method(), r.uri().getPath(), r.statusCode(),
                r.headers().firstValue("Content-Type").orElse(""), r.body());
        if (!problems.isEmpty()) {
            throw new AssertionError(r.request().method() + " " + r.uri() + " → " + r.statusCode() + " 不符合 openapi.json：\n  "
                    + String.join("\n  ", problems) + "\n" + new String(r.body(), java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    /** The ways an answer departs from the document; empty when it conforms. */
    static List<String> problems(String method, String path, int status, String contentType, byte[] body) {
        List<String> problems = new ArrayList<>();
        String template = template(path);
        if (template == null) {
            problems.add("地址 " + path + " 不在文档中");
            return problems;
        }
        String operationPointer = "/paths/" + escape(template) + "/" + method.toLowerCase(Locale.ROOT);
        JsonNode operation = DOC.at(operationPointer);
        if (operation.isMissingNode()) {
            problems.add("文档中没有 " + method + " " + template);
            return problems;
        }
        String responsePointer = operationPointer + "/responses/" + status;
        JsonNode response = DOC.at(responsePointer);
        if (response.isMissingNode()) {
            problems.add("状态码 " + status + " 未在文档中列出");
            return problems;
        }
        if (response.has("$ref")) {
            responsePointer = response.get("$ref").asText().substring(1);
            response = DOC.at(responsePointer);
        }
        if (method.equals("HEAD")) {
            if (body.length > 0) {
                problems.add("HEAD 的响应不应有响应体");
            }
            return problems;
        }
        String type = contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
        JsonNode content = response.path("content");
        if (content.isMissingNode()) {
            if (body.length > 0) {
                problems.add("文档中这个响应没有响应体，实际有 " + body.length + " 字节");
            }
            return problems;
        }
        if (!content.has(type)) {
            problems.add("内容类型 " + type + " 未在文档中列出");
            return problems;
        }
        if (type.equals("application/json")) {
            JsonNode tree;
            try {
                tree = JSON.readTree(body);
            } catch (IOException e) {
                problems.add("响应体不是 JSON：" + e.getMessage());
                return problems;
            }
            String schemaPointer = responsePointer + "/content/" + escape(type) + "/schema";
            for (ValidationMessage m : schema(schemaPointer).validate(tree)) {
                problems.add(m.toString());
            }
        }
        return problems;
    }

    /** The errors of a JSON value against one schema of the document, e.g. {@code /components/schemas/Report}. */
    static List<String> validate(String schemaPointer, JsonNode value) {
        return schema(schemaPointer).validate(value).stream().map(ValidationMessage::toString).toList();
    }

    private static JsonSchema schema(String pointer) {
        return CACHE.computeIfAbsent(pointer, p -> SCHEMAS.getSchema(SchemaLocation.of(DOC_URI + "#" + p)));
    }

    /** The document's path template that matches a path ({@code /api/v1/packs/x/rules} → {@code …/{pack}/rules}). */
    static String template(String path) {
        for (Map.Entry<String, JsonNode> e : DOC.get("paths").properties()) {
            String t = e.getKey();
            if (path.matches(t.replaceAll("\\{[^}/]+}", "[^/]+").replace(".", "\\."))) {
                return t;
            }
        }
        return null;
    }

    private static String escape(String pointerToken) {
        return pointerToken.replace("~", "~0").replace("/", "~1");
    }
}
