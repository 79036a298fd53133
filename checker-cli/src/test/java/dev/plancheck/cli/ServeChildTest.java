package dev.plancheck.cli;

import static dev.plancheck.io.ledger.HostileFiles.number;
import static dev.plancheck.io.ledger.HostileFiles.record;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plancheck.io.ledger.HostileFiles;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code ./checker serve} as a supervisor runs it, in a child JVM with the heap the launcher gives it, over real HTTP
 * (black-box, so that these tests survive a change of HTTP server): the hostile workbooks that ended the service get
 * 400, four zip bombs and four huge-number workbooks at once included, and {@code /api/v1/health} still answers. A
 * service that meets an {@link Error} anyway logs it and exits with 75 for its supervisor to restart it.
 */
// "try": Child.close() waits for the child process, so it may be interrupted; a test lets that propagate.
@SuppressWarnings("try")
class ServeChildTest {
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** The heap {@code ./checker serve} gets by default, read from the launcher itself. */
    static String launcherHeap() throws IOException {
        Matcher m = Pattern.compile("PLANCHECK_SERVE_HEAP:-([0-9]+[gm])").matcher(Files.readString(Path.of("..", "checker")));
        assertTrue(m.find(), "the launcher sets the service's heap");
        return "-Xmx" + m.group(1);
    }

    /** A running service in a child JVM, and its address. */
    record Child(Process process, URI uri, StringBuilder err) implements AutoCloseable {
        static Child start(String heap) throws IOException {
            Path java = Path.of(System.getProperty("java.home"), "bin", "java");
            Process p = new ProcessBuilder(java.toString(), heap, "-cp", System.getProperty("java.class.path"),
                    Main.class.getName(), "serve", "--port", "0").start();
            StringBuilder err = new StringBuilder();
            Thread drain = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
                    for (String line; (line = r.readLine()) != null; ) {
                        synchronized (err) {
                            err.append(line).append('\n');
                        }
                    }
                } catch (IOException e) {
                    // the process ended
                }
            });
            drain.setDaemon(true);
            drain.start();
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String first = out.readLine();
            Matcher m = Pattern.compile("(http://[^/（]+/)").matcher(String.valueOf(first));
            assertTrue(m.find(), "the service says where it listens: " + first + err);
            return new Child(p, URI.create(m.group(1)), err);
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    static HttpRequest upload(URI uri, String fileName, byte[] content) {
        String boundary = "----plancheck" + UUID.randomUUID().toString().replace("-", "");
        var body = new java.io.ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"ledgers\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(uri.resolve("/api/v1/check")).timeout(Duration.ofSeconds(120))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
    }

    static void healthy(Child c) throws Exception {
        HttpResponse<String> health = CLIENT.send(HttpRequest.newBuilder(c.uri().resolve("/api/v1/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, health.statusCode());
        assertTrue(health.body().contains("\"ok\""), health.body());
        assertTrue(c.process().isAlive(), "the service is still running: " + c.err());
    }

    @Test
    void four_zip_bombs_and_four_huge_numbers_at_once_get_400_and_the_service_stays_up() throws Exception {
        byte[] bomb = HostileFiles.bomb(HostileFiles.SHARED_STRINGS, "<sst xmlns=\"x\"><si><t>", "a", 1L << 30,
                "</t></si></sst>", null);
        byte[] huge = HostileFiles.ledger(record(2, number("I2", "1E999999999")));
        try (Child c = Child.start(launcherHeap())) {
            // First one of each, as the issue reported them, then all eight at once.
            HttpResponse<String> one = CLIENT.send(upload(c.uri(), "台账.xlsx", huge), HttpResponse.BodyHandlers.ofString());
            assertEquals(400, one.statusCode(), one.body());
            assertTrue(one.body().contains("\"path\" : \"活动!I2\"") && one.body().contains("实际是数字 1E+999999999"), one.body());
            healthy(c);
            HttpResponse<String> bombed = CLIENT.send(upload(c.uri(), "炸弹.xlsx", bomb), HttpResponse.BodyHandlers.ofString());
            assertEquals(400, bombed.statusCode(), bombed.body());
            assertTrue(bombed.body().contains("字符串过长"), bombed.body());
            healthy(c);

            List<CompletableFuture<HttpResponse<String>>> all = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                all.add(CLIENT.sendAsync(upload(c.uri(), "炸弹" + i + ".xlsx", bomb), HttpResponse.BodyHandlers.ofString()));
                all.add(CLIENT.sendAsync(upload(c.uri(), "数字" + i + ".xlsx", huge), HttpResponse.BodyHandlers.ofString()));
            }
            for (CompletableFuture<HttpResponse<String>> f : all) {
                HttpResponse<String> r = f.get(120, TimeUnit.SECONDS);
                assertEquals(400, r.statusCode(), r.body());
                assertTrue(r.body().contains("字符串过长") || r.body().contains("1E+999999999"), r.body());
            }
            healthy(c);
            assertFalse(c.err().toString().contains("内部出错"), c.err().toString());
        }
    }

    @Test
    void an_error_ends_the_service_with_exit_75_and_a_log_line_for_its_supervisor() throws Exception {
        // A heap far below the documented one, so that a large valid ledger exhausts it.
        StringBuilder json = new StringBuilder("{\"year\": 2023, \"units\": [{\"id\": \"DC\", \"name\": \"电厂街道\", \"level\": \"subdistrict\"}], \"activities\": [\n");
        for (int i = 0; i < 80_000; i++) {
            json.append(i == 0 ? "" : ",\n").append("{\"id\": \"r").append(i)
                    .append("\", \"unit\": \"DC\", \"kind\": \"visit\", \"date\": \"2023-02-11\", \"title\": \"走访慰问困难职工\", \"groups\": [\"workers\"]}");
        }
        json.append("]}");
        try (Child c = Child.start("-Xmx64m")) {
            HttpRequest post = HttpRequest.newBuilder(c.uri().resolve("/api/v1/check?name=big.json"))
                    .timeout(Duration.ofSeconds(120)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json.toString())).build();
            try {
                CLIENT.send(post, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                // the connection ends with the process
            }
            assertTrue(c.process().waitFor(60, TimeUnit.SECONDS), "the service ended");
            assertEquals(75, c.process().exitValue(), c.err().toString());
            Thread.sleep(200);
            assertTrue(c.err().toString().contains("检查服务内部出错（OutOfMemoryError：内存不足），服务已退出（退出码 75），"
                    + "请由守护进程（如 systemd）重新启动"), c.err().toString());
        }
    }
}
