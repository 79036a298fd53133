package dev.plancheck.service;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a client can do to the server short of a bad ledger, over real sockets: stall or trickle an upload, declare a
 * body it never sends, send a body too large, skip the token, post from another site or for another host name. Each
 * is answered at once or cut off, and the service keeps answering everyone else.
 */
class ServiceGuardTest {
    private static final String TOKEN = "guard-" + UUID.randomUUID().toString().replace("-", "");
    private static final String PROXY = "https://jiancha.example.gov.cn";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    /** Idle 30 s: a stalled upload is held long enough to measure beside it. */
    private static CheckService held;
    /** Idle 2 s, slowest upload 8 KiB/s after 2 s: the cut-offs, quickly. */
    private static CheckService strict;

    @BeforeAll
    static void start() throws IOException {
        ServiceConfig base = ServiceConfig.defaults().withPort(0).withToken(TOKEN);
        held = CheckService.start(base.withAllowedOrigins(List.of(PROXY))
                .withTimeouts(Duration.ofSeconds(30), 8 * 1024, Duration.ofSeconds(3)));
        strict = CheckService.start(base.withTimeouts(Duration.ofSeconds(2), 8 * 1024, Duration.ofSeconds(2)));
    }

    @AfterAll
    static void stop() {
        held.close();
        strict.close();
    }

    private static String hostHeader(CheckService s) {
        return "Host: 127.0.0.1:" + s.port() + "\r\n";
    }

    /** Headers of an upload of {@code length} bytes, with the token, and the first kilobyte of its body. */
    private static byte[] stalledUpload(CheckService s, long length) {
        String part = "--b\r\nContent-Disposition: form-data; name=\"ledgers\"; filename=\"a.json\"\r\n\r\n" + "x".repeat(1024);
        return ("POST /api/v1/check HTTP/1.1\r\n" + hostHeader(s) + "Authorization: Bearer " + TOKEN + "\r\n"
                + "Content-Type: multipart/form-data; boundary=b\r\nContent-Length: " + length + "\r\n\r\n" + part)
                .getBytes(StandardCharsets.UTF_8);
    }

    private static HttpResponse<String> send(HttpRequest r) throws Exception {
        return CLIENT.send(r, HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest smallCheck(CheckService s) {
        return HttpRequest.newBuilder(s.uri().resolve("/api/v1/check?name=compliant.json")).timeout(Duration.ofSeconds(120))
                .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(Served.sample("compliant.json"))).build();
    }

    /** The answer conforms to openapi.json, as every answer of {@link Served#send} does ({@link ContractCheck}). */
    private static RawHttp.Answer documented(String method, String path, RawHttp.Answer a) {
        List<String> problems = ContractCheck.problems(method, path, a.status(), a.headers().getOrDefault("content-type", ""), a.body());
        assertEquals(List.of(), problems, method + " " + path + " → " + a.status() + "\n" + a.text());
        return a;
    }

    private static String message(RawHttp.Answer a) throws IOException {
        JsonNode body = JSON.readTree(a.body());
        return body.get("problems").get(0).get("message").asText();
    }

    @Test
    void forty_stalled_uploads_leave_health_and_a_small_check_answering() throws Exception {
        List<RawHttp> stalls = new ArrayList<>();
        try {
            for (int i = 0; i < 40; i++) {
                stalls.add(new RawHttp(held.uri(), 200).send(stalledUpload(held, 10_000_000)));
            }
            // Generous bounds: on an idle machine these take milliseconds; the JDK server never answered at all.
            long t0 = System.nanoTime();
            HttpResponse<String> health = send(HttpRequest.newBuilder(held.uri().resolve("/api/v1/health"))
                    .timeout(Duration.ofSeconds(20)).build());
            long healthMs = (System.nanoTime() - t0) / 1_000_000;
            long t1 = System.nanoTime();
            HttpResponse<String> check = send(smallCheck(held));
            long checkMs = (System.nanoTime() - t1) / 1_000_000;
            assertAll(
                    () -> assertEquals(200, health.statusCode()),
                    () -> assertTrue(healthMs < 20_000, healthMs + " ms"),
                    () -> assertEquals(200, check.statusCode(), check.body()),
                    () -> assertTrue(checkMs < 25_000, checkMs + " ms"));
            for (RawHttp s : stalls) {
                assertFalse(s.closedByServer(), "the stalled uploads were still held while the others were answered");
            }
        } finally {
            for (RawHttp s : stalls) {
                s.close();
            }
        }
    }

    @Test
    void a_stalled_upload_is_cut_off_after_the_idle_timeout_and_a_trickle_below_the_slowest_rate() throws Exception {
        try (RawHttp silent = new RawHttp(strict.uri(), 20_000);
             RawHttp trickle = new RawHttp(strict.uri(), 20_000)) {
            silent.send(stalledUpload(strict, 100_000));
            trickle.send(stalledUpload(strict, 100_000));
            long start = System.nanoTime();
            Thread feeder = new Thread(() -> {
                try {
                    for (int i = 0; i < 100; i++) {
                        trickle.send(new byte[] {'x'});
                        Thread.sleep(300); // 3 bytes a second: alive, never idle, far below 8 KiB/s
                    }
                } catch (IOException | InterruptedException e) {
                    // cut off: what the test expects
                }
            });
            feeder.setDaemon(true);
            feeder.start();
            RawHttp.Answer idle = documented("POST", "/api/v1/check", silent.read(false));
            RawHttp.Answer slow = documented("POST", "/api/v1/check", trickle.read(false));
            long seconds = (System.nanoTime() - start) / 1_000_000_000;
            assertAll(
                    () -> assertEquals(408, idle.status()),
                    () -> assertTrue(message(idle).startsWith("上传中断：2 秒内没有收到数据"), message(idle)),
                    () -> assertEquals("close", idle.headers().get("connection")),
                    () -> assertEquals(408, slow.status()),
                    () -> assertTrue(message(slow).startsWith("上传太慢（2 秒后平均每秒不到 8 KB）"), message(slow)),
                    () -> assertTrue(seconds < 20, seconds + " s"));
            assertTrue(silent.closedByServer(), "the connection is closed");
            HttpResponse<String> health = send(HttpRequest.newBuilder(strict.uri().resolve("/api/v1/health")).build());
            assertEquals(200, health.statusCode());
        }
    }

    @Test
    void a_client_trickling_its_headers_is_closed_after_the_header_deadline() throws Exception {
        // Slowloris: a header byte every half second is never idle, and 2048 such sockets would take every connection.
        try (RawHttp c = new RawHttp(held.uri(), 1_000)) {
            c.send("GET /api/v1/health HTTP/1.1\r\n" + hostHeader(held) + "X-Slow: ");
            long start = System.nanoTime();
            boolean closed = false;
            while (!closed && System.nanoTime() - start < 40_000_000_000L) {
                try {
                    c.send("a");
                    closed = c.closedByServer(); // waits up to the socket's 1 s timeout
                } catch (IOException e) {
                    closed = true; // reset while writing: closed too
                }
            }
            long seconds = (System.nanoTime() - start) / 1_000_000_000L;
            assertTrue(closed, "closed");
            assertTrue(seconds >= CheckService.HEADER_SECONDS - 1 && seconds <= CheckService.HEADER_SECONDS + 3 * HeaderDeadline.TICK_SECONDS + 10,
                    "after about " + CheckService.HEADER_SECONDS + " s: " + seconds + " s");
        }
        // A kept-alive connection that sends its next request whole, later, is not cut.
        try (RawHttp c = new RawHttp(held.uri(), 10_000)) {
            for (int i = 0; i < 2; i++) {
                c.send("GET /api/v1/health HTTP/1.1\r\n" + hostHeader(held) + "\r\n");
                assertEquals(200, c.read(false).status());
                Thread.sleep((CheckService.HEADER_SECONDS + 2 * HeaderDeadline.TICK_SECONDS) * 1000);
            }
        }
    }

    @Test
    void a_declared_length_over_the_limit_gets_413_before_any_byte_and_without_100_continue() throws Exception {
        for (String expect : List.of("", "Expect: 100-continue\r\n")) {
            try (RawHttp c = new RawHttp(held.uri(), 10_000)) {
                long start = System.nanoTime();
                c.send("POST /api/v1/check HTTP/1.1\r\n" + hostHeader(held) + "Authorization: Bearer " + TOKEN + "\r\n"
                        + "Content-Type: application/json\r\nContent-Length: 999999999\r\n" + expect + "\r\n");
                RawHttp.Answer a = documented("POST", "/api/v1/check", c.read(false));
                long ms = (System.nanoTime() - start) / 1_000_000;
                assertAll(expect,
                        () -> assertEquals(413, a.status()),
                        () -> assertEquals("", a.interim(), "no 100 Continue"),
                        () -> assertEquals("请求体超过上限 20 MB；请分批提交，或让管理员调高 --max-request-mb", message(a)),
                        () -> assertTrue(ms < 5_000, "at once, not after a timeout: " + ms + " ms"));
                assertTrue(c.closedByServer(), "and the connection is closed: the body is never read");
            }
        }
    }

    @Test
    void a_body_sent_whole_over_the_limit_gets_its_413_every_time() throws Exception {
        byte[] big = new byte[21 * 1024 * 1024];
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> r = send(HttpRequest.newBuilder(held.uri().resolve("/api/v1/check"))
                    .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(big)).build());
            assertEquals(413, r.statusCode(), "try " + i);
        }
        // Chunked, so that no length is declared: refused once 20 MB have arrived.
        HttpResponse<String> chunked = send(HttpRequest.newBuilder(held.uri().resolve("/api/v1/check"))
                .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big))).build());
        assertEquals(413, chunked.statusCode());
    }

    @Test
    void the_token_is_checked_before_any_byte_of_the_body_is_read() throws Exception {
        try (RawHttp api = new RawHttp(held.uri(), 10_000)) {
            api.send("POST /api/v1/check HTTP/1.1\r\n" + hostHeader(held) + "Authorization: Bearer wrong\r\n"
                    + "Content-Type: application/json\r\nContent-Length: 10000000\r\nExpect: 100-continue\r\n\r\n");
            RawHttp.Answer a = documented("POST", "/api/v1/check", api.read(false));
            assertEquals(401, a.status());
            assertEquals("", a.interim(), "no 100 Continue: the body is not wanted");
            assertEquals("访问令牌不正确", message(a));
        }
        // The page's token is a form field, first in the form: a file part before it is refused as its headers arrive.
        try (RawHttp page = new RawHttp(held.uri(), 10_000)) {
            page.send("POST /check HTTP/1.1\r\n" + hostHeader(held) + "Content-Type: multipart/form-data; boundary=b\r\n"
                    + "Content-Length: 10000000\r\n\r\n--b\r\nContent-Disposition: form-data; name=\"ledgers\"; filename=\"a.json\"\r\n\r\n{");
            RawHttp.Answer a = page.read(false);
            assertEquals(401, a.status());
            assertTrue(a.text().contains("需要访问令牌"), a.text());
        }
    }

    @Test
    void a_page_of_another_site_cannot_post_and_a_foreign_host_name_is_not_served() throws Exception {
        URI check = held.uri().resolve("/api/v1/check?name=c.json");
        HttpRequest.Builder post = HttpRequest.newBuilder(check).header("Authorization", "Bearer " + TOKEN)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(Served.sample("compliant.json")));
        String self = "http://127.0.0.1:" + held.port();
        HttpResponse<String> evil = send(post.copy().header("Origin", "http://evil.example").build());
        HttpResponse<String> nullOrigin = send(post.copy().header("Origin", "null").build());
        HttpResponse<String> otherPort = send(post.copy().header("Origin", "http://127.0.0.1:1").build());
        HttpResponse<String> same = send(post.copy().header("Origin", self).build());
        HttpResponse<String> none = send(post.copy().build());
        HttpResponse<String> proxy = send(post.copy().header("Origin", PROXY).build());
        assertAll(
                () -> assertEquals(403, evil.statusCode()),
                () -> assertTrue(evil.body().contains("\"code\" : \"REQUEST_FORBIDDEN\""), evil.body()),
                () -> assertTrue(evil.body().contains("不接受来自其他网站（http://evil.example）的请求"), evil.body()),
                () -> assertEquals(403, nullOrigin.statusCode(), "a sandboxed or no-referrer page"),
                () -> assertEquals(403, otherPort.statusCode(), "another port is another origin"),
                () -> assertEquals(200, same.statusCode(), same.body()),
                () -> assertEquals(200, none.statusCode(), "curl, scripts and generated clients send no Origin"),
                () -> assertEquals(200, proxy.statusCode(), "an origin given with --allow-origin"));

        // The page's form from another site: refused before the token or the body matter.
        HttpResponse<String> page = send(HttpRequest.newBuilder(held.uri().resolve("/check")).header("Origin", "http://evil.example")
                .header("Content-Type", "multipart/form-data; boundary=b").POST(HttpRequest.BodyPublishers.ofString("--b--\r\n")).build());
        assertEquals(403, page.statusCode());
        assertTrue(page.body().contains("不接受来自其他网站"), page.body());

        // DNS rebinding: evil.example resolving to 127.0.0.1 makes its pages "same origin" with a Host of evil.example.
        for (String host : List.of("evil.example", "evil.example:" + held.port())) {
            try (RawHttp c = new RawHttp(held.uri(), 10_000)) {
                c.send("GET /api/v1/health HTTP/1.1\r\nHost: " + host + "\r\nOrigin: http://" + host + "\r\n\r\n");
                RawHttp.Answer a = documented("GET", "/api/v1/health", c.read(false));
                assertEquals(403, a.status(), host);
                assertTrue(message(a).startsWith("不接受发往主机名“evil.example”的请求"), message(a));
            }
        }
        for (String host : List.of("localhost:" + held.port(), "127.0.0.1:" + held.port(), "jiancha.example.gov.cn")) {
            try (RawHttp c = new RawHttp(held.uri(), 10_000)) {
                c.send("GET /api/v1/health HTTP/1.1\r\nHost: " + host + "\r\n\r\n");
                assertEquals(200, c.read(false).status(), host);
            }
        }
    }

    @Test
    void what_jetty_refuses_by_itself_comes_in_the_problems_shape_in_chinese() throws Exception {
        try (RawHttp c = new RawHttp(held.uri(), 10_000)) {
            c.send(("GET /api/v1/packs/台账/rules HTTP/1.1\r\n" + hostHeader(held) + "\r\n").getBytes(StandardCharsets.UTF_8));
            RawHttp.Answer a = c.read(false);
            assertEquals(400, a.status(), a.text());
            assertTrue(a.text().contains("\"code\" : \"REQUEST_MALFORMED\""), a.text());
            assertTrue(message(a).contains("地址中的汉字须按 UTF-8 百分号编码"), message(a));
        }
        try (RawHttp c = new RawHttp(held.uri(), 10_000)) {
            c.send("GET /api/v1/health HTTP/1.1\r\n" + hostHeader(held) + "X-Big: " + "x".repeat(9000) + "\r\n\r\n");
            RawHttp.Answer a = documented("GET", "/api/v1/health", c.read(false));
            assertEquals(431, a.status(), a.text());
            assertTrue(a.text().contains("\"code\" : \"REQUEST_TOO_LARGE\""), a.text());
            assertEquals("请求头过大（上限 8 KB）", message(a));
        }
    }

    @Test
    void one_connection_carries_many_requests() throws Exception {
        try (RawHttp c = new RawHttp(held.uri(), 10_000)) {
            for (int i = 0; i < 20; i++) {
                c.send("GET /api/v1/health HTTP/1.1\r\n" + hostHeader(held) + "\r\n");
                assertEquals(200, c.read(false).status());
                c.send("HEAD /api/v1/packs HTTP/1.1\r\n" + hostHeader(held) + "Authorization: Bearer " + TOKEN + "\r\n\r\n");
                RawHttp.Answer head = c.read(true);
                assertEquals(200, head.status());
                assertTrue(Integer.parseInt(head.headers().get("content-length")) > 100);
                c.send("GET /nothing HTTP/1.1\r\n" + hostHeader(held) + "\r\n");
                assertEquals(404, c.read(false).status());
            }
        }
    }
}
