package dev.plancheck.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plancheck.input.Problem;
import dev.plancheck.report.JsonReportWriter;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

/**
 * One request and its response: what a handler reads of the request and the few ways it answers (a whole body at
 * once, with its length). Answers to the API are JSON, answers to the page are HTML; a {@link Rejection} becomes the
 * problems in the shape the command line's {@code --problems json} gives, or a page that lists them.
 */
final class Exchange {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String JSON_TYPE = "application/json; charset=utf-8";
    static final String HTML_TYPE = "text/html; charset=utf-8";

    /** No source but our own: no script, no frame, forms only back to us. */
    static final String POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'self'; "
            + "base-uri 'none'; frame-ancestors 'none'";

    final Request request;
    final Response response;
    final Callback callback;
    final boolean api;

    Exchange(Request request, Response response, Callback callback) {
        this.request = request;
        this.response = response;
        this.callback = callback;
        String path = request.getHttpURI().getPath();
        this.api = path != null && (path.equals("/api/v1") || path.startsWith("/api/v1/"));
    }

    /**
     * The headers every response carries. The page's own posts must carry its origin, which a browser only sends with a
     * referrer policy that keeps it for the same origin: hence {@code same-origin}, not {@code no-referrer}.
     */
    static void securityHeaders(Response response) {
        var h = response.getHeaders();
        h.put("Content-Security-Policy", POLICY);
        h.put("X-Content-Type-Options", "nosniff");
        h.put("X-Frame-Options", "DENY");
        h.put("Referrer-Policy", "same-origin");
        h.put(HttpHeader.CACHE_CONTROL, "no-store");
    }

    /** True when the request declares a body (a length above 0, or chunks). */
    boolean hasBody() {
        return request.getLength() > 0 || request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING);
    }

    String method() {
        return request.getMethod();
    }

    String header(HttpHeader name) {
        return request.getHeaders().get(name);
    }

    /** The query string's parameters, decoded as UTF-8; the first value of each. */
    String query(String name) {
        Fields fields = Request.extractQueryParameters(request, StandardCharsets.UTF_8);
        Fields.Field f = fields.get(name);
        return f == null ? null : f.getValue();
    }

    /** Sends a whole response; for HEAD, Jetty sends the headers (with the length) and no body. */
    void send(int status, String contentType, byte[] body) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    void sendJson(int status, Object tree) {
        try {
            send(status, JSON_TYPE, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(tree));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e); // a tree of our own always serialises
        }
    }

    /** A download: an ASCII name for old clients and the Chinese one (RFC 6266 / 5987) for the rest. */
    void attachment(String asciiName, String name) {
        response.getHeaders().put(HttpHeader.CONTENT_DISPOSITION, "attachment; filename=\"" + asciiName + "\"; filename*=UTF-8''"
                + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20"));
    }

    /**
     * Answers with the rejection's status and problems. A request refused before its body was read closes the
     * connection, so that what is left of the body is never read.
     */
    void reject(Rejection r, boolean closeConnection) {
        if (response.isCommitted()) {
            callback.failed(new IllegalStateException(r.getMessage()));
            return;
        }
        switch (r.status) {
            case 401 -> response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Bearer realm=\"plancheck\"");
            case 503 -> response.getHeaders().put(HttpHeader.RETRY_AFTER, "2");
            default -> {
            }
        }
        if (closeConnection) {
            response.getHeaders().put(HttpHeader.CONNECTION, "close");
        }
        if (api) {
            sendJson(r.status, problems(r.problems, r.omitted));
        } else {
            send(r.status, HTML_TYPE, Page.problems(r.status, r.problems));
        }
    }

    /**
     * {@code {"problems":[{"code","file","line","column","path","message"}],"omitted":0}}: every problem with its
     * stable code, in the shape the command line's {@code --problems json} gives.
     */
    static ObjectNode problems(List<Problem> problems, int omitted) {
        return JsonReportWriter.toJson(problems, omitted);
    }

    static String megabytes(long bytes) {
        return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MB" : bytes + " 字节";
    }
}
