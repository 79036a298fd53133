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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.eclipse.jetty.util.thread.Scheduler;

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
        send(status, contentType, body, callback);
    }

    private void send(int status, String contentType, byte[] body, Callback then) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), then);
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
     * connection, so that the body is never read into memory or checked; what the client is already sending is read and
     * dropped for a moment after the answer ({@link Drain}), or closing the socket on unread bytes would reset the
     * connection and the client would lose the answer.
     */
    void reject(Rejection r, boolean closeConnection) {
        reject(r, closeConnection, closeConnection);
    }

    /** As {@link #reject(Rejection, boolean)}; {@code drain} false where the body cannot be read any more (Jetty's errors). */
    void reject(Rejection r, boolean closeConnection, boolean drain) {
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
        // A client that asked "Expect: 100-continue" and got a final answer sends no body: nothing to drain.
        Callback then = drain && hasBody() && !request.getHeaders().contains(HttpHeader.EXPECT)
                ? Callback.from(() -> Drain.start(request, callback), callback::failed) : callback;
        byte[] body;
        String type;
        if (api) {
            try {
                body = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(problems(r.problems, r.omitted));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new UncheckedIOException(e); // a tree of our own always serialises
            }
            type = JSON_TYPE;
        } else {
            body = Page.problems(r.status, r.problems);
            type = HTML_TYPE;
        }
        send(r.status, type, body, then);
    }

    /**
     * After a refusal: reads and drops what the client goes on sending, for at most {@link #SECONDS} seconds and
     * {@link #MAX_BYTES} bytes, holding no thread while it waits, then completes the exchange (and Jetty closes the
     * connection). A lingering close, as RFC 9112 §9.6 asks of a server that closes before it has read the request.
     */
    static final class Drain implements Runnable {
        static final long SECONDS = 2;
        static final long MAX_BYTES = 64L * 1024 * 1024;
        private final Request request;
        private final Callback callback;
        private final AtomicBoolean done = new AtomicBoolean();
        private final long deadline = System.nanoTime() + SECONDS * 1_000_000_000L;
        private long left = MAX_BYTES;
        private Scheduler.Task timer;

        private Drain(Request request, Callback callback) {
            this.request = request;
            this.callback = callback;
        }

        static void start(Request request, Callback callback) {
            Drain d = new Drain(request, callback);
            d.timer = request.getComponents().getScheduler().schedule(d::finish, SECONDS, TimeUnit.SECONDS);
            d.run();
        }

        @Override
        public void run() {
            while (!done.get()) {
                if (left <= 0 || System.nanoTime() > deadline) {
                    finish();
                    return;
                }
                Content.Chunk chunk = request.read();
                if (chunk == null) {
                    request.demand(this);
                    return;
                }
                boolean end = chunk.isLast() || Content.Chunk.isFailure(chunk);
                left -= chunk.remaining();
                chunk.release();
                if (end) {
                    finish();
                    return;
                }
            }
        }

        private void finish() {
            if (done.compareAndSet(false, true)) {
                if (timer != null) {
                    timer.cancel();
                }
                callback.succeeded();
            }
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
