package dev.plancheck.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import dev.plancheck.input.ProblemCode;
import dev.plancheck.input.Problem;
import dev.plancheck.report.JsonReportWriter;
import dev.plancheck.text.VisibleText;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small helpers over {@link HttpExchange}: bounded bodies, query strings, JSON and headers. */
final class Http {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String JSON_TYPE = "application/json; charset=utf-8";
    static final String HTML_TYPE = "text/html; charset=utf-8";

    /** No source but our own: no script, no frame, forms only back to us. */
    static final String POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'self'; "
            + "base-uri 'none'; frame-ancestors 'none'";

    private Http() {
    }

    static void securityHeaders(HttpExchange ex) {
        var h = ex.getResponseHeaders();
        h.set("Content-Security-Policy", POLICY);
        h.set("X-Content-Type-Options", "nosniff");
        h.set("X-Frame-Options", "DENY");
        h.set("Referrer-Policy", "no-referrer");
        h.set("Cache-Control", "no-store");
    }

    /** Sends a whole response and closes the exchange. */
    static void send(HttpExchange ex, int status, String contentType, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", contentType);
        boolean head = ex.getRequestMethod().equals("HEAD");
        ex.sendResponseHeaders(status, head ? -1 : body.length == 0 ? -1 : body.length);
        if (!head && body.length > 0) {
            ex.getResponseBody().write(body);
        }
        ex.close();
    }

    static void sendJson(HttpExchange ex, int status, Object tree) throws IOException {
        send(ex, status, JSON_TYPE, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(tree));
    }

    /**
     * {@code {"problems":[{"code","file","line","column","path","message"}],"omitted":0}}: every problem with its
     * stable code, in the shape the command line's {@code --problems json} gives.
     */
    static ObjectNode problems(List<Problem> problems, int omitted) {
        return JsonReportWriter.toJson(problems, omitted);
    }

    /** A download: an ASCII name for old clients and the Chinese one (RFC 6266 / 5987) for the rest. */
    static void attachment(HttpExchange ex, String asciiName, String name) {
        ex.getResponseHeaders().set("Content-Disposition", "attachment; filename=\"" + asciiName + "\"; filename*=UTF-8''"
                + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20"));
    }

    /**
     * The request body, read whole, or a 413 rejection once it passes {@code max} bytes (a declared length is
     * refused before anything is read).
     */
    static byte[] body(HttpExchange ex, long max) throws IOException, Rejection {
        String declared = ex.getRequestHeaders().getFirst("Content-Length");
        InputStream in = ex.getRequestBody();
        if (declared != null) {
            long length;
            try {
                length = Long.parseLong(declared.trim());
            } catch (NumberFormatException e) {
                throw Rejection.of(400, ProblemCode.REQUEST_MALFORMED, "", "Content-Length 不是数字");
            }
            if (length > max) {
                drain(in, max);
                throw tooLarge(max);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[64 * 1024];
        for (int n; (n = in.read(buf)) > 0; ) {
            if (out.size() + (long) n > max) {
                drain(in, max);
                throw tooLarge(max);
            }
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }

    /**
     * Reads and drops what is left of a refused body, up to {@code max} bytes more, so that an ordinary client that
     * sends its whole body before reading gets the 413 rather than a broken connection. Beyond that the connection
     * is closed: a refused body is never read without bound.
     */
    private static void drain(InputStream in, long max) throws IOException {
        byte[] buf = new byte[64 * 1024];
        long dropped = 0;
        for (int n; dropped <= max && (n = in.read(buf)) > 0; ) {
            dropped += n;
        }
    }

    private static Rejection tooLarge(long max) {
        return Rejection.of(413, ProblemCode.REQUEST_TOO_LARGE, "", "请求体超过上限 " + megabytes(max) + "；请分批提交，或让管理员调高 --max-request-mb");
    }

    static String megabytes(long bytes) {
        return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MB" : bytes + " 字节";
    }

    /** The query string's parameters, decoded; the first value of each wins. */
    static Map<String, String> query(HttpExchange ex) {
        Map<String, String> params = new LinkedHashMap<>();
        String raw = ex.getRequestURI().getRawQuery();
        if (raw == null || raw.isEmpty()) {
            return params;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.putIfAbsent(k, v);
        }
        return params;
    }
}
