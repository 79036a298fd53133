package dev.plancheck.io.report;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's headless chromium: the one browser fixture of the tests (the HTML report here, the service's page through the
 * test jar). Run once per call ({@link #dumpDom}, {@link #screenshot}) or driven as a {@link Session} over the DevTools
 * protocol; always with a fresh profile and every network feature it can switch off, bounded in time so that a hung
 * browser fails the test instead of hanging the build.
 */
public final class Chromium {
    /** Seconds one run may take; {@code -Dplancheck.chromium.timeout=N} changes it (a slow machine, or to try it). */
    private static final long TIMEOUT_SECONDS = Long.getLong("plancheck.chromium.timeout", 90);
    private final Path executable;

    private Chromium(Path executable) {
        this.executable = executable;
    }

    /**
     * The browser ({@code $CHROMIUM}, else {@code chromium} on the path). Without one the calling test fails when the
     * environment variable {@code CI} is set (CI must run it: {@code .ci/run} installs it), and is skipped otherwise.
     */
    public static Chromium require() {
        Path found = locate();
        if (found == null) {
            String message = "没有找到 chromium，无法在真实浏览器中检查页面：请安装 Debian 的 chromium 和 fonts-noto-cjk"
                    + "（apt-get install chromium fonts-noto-cjk），或用环境变量 CHROMIUM 指定浏览器路径";
            if (System.getenv("CI") != null) {
                fail(message + "（CI 环境中此测试必须运行）");
            }
            Assumptions.abort(message + "；不在 CI 中，跳过");
        }
        return new Chromium(found);
    }

    private static Path locate() {
        String configured = System.getenv("CHROMIUM");
        if (configured != null && !configured.isBlank()) {
            Path p = Path.of(configured);
            return Files.isExecutable(p) ? p : null;
        }
        String path = System.getenv("PATH");
        for (String dir : path == null ? new String[0] : path.split(java.io.File.pathSeparator)) {
            Path p = Path.of(dir, "chromium");
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        Path debian = Path.of("/usr/bin/chromium");
        return Files.isExecutable(debian) ? debian : null;
    }

    /** A session over the DevTools protocol with this browser, on a blank page; close it to end the browser. */
    public Session session() throws Exception {
        return Session.start(executable);
    }

    /** The DOM after the page has loaded (and run any script it had), serialised. */
    public String dumpDom(Path page) throws IOException, InterruptedException {
        return run(page, List.of("--dump-dom"));
    }

    /** A PNG of the top of the page at the given window size. */
    public void screenshot(Path page, Path png, int width, int height) throws IOException, InterruptedException {
        Files.createDirectories(png.toAbsolutePath().getParent());
        Files.deleteIfExists(png);
        run(page, List.of("--hide-scrollbars", "--window-size=" + width + "," + height,
                "--screenshot=" + png.toAbsolutePath()));
        if (!Files.isRegularFile(png)) {
            fail("chromium 没有写出截图 " + png);
        }
    }

    /** The page printed to PDF as a person prints it: the page's own {@code @page} size, margins and footers. */
    public void printToPdf(Path page, Path pdf) throws IOException, InterruptedException {
        Files.createDirectories(pdf.toAbsolutePath().getParent());
        Files.deleteIfExists(pdf);
        run(page, List.of("--no-pdf-header-footer", "--print-to-pdf=" + pdf.toAbsolutePath()));
        if (!Files.isRegularFile(pdf)) {
            fail("chromium 没有写出 PDF " + pdf);
        }
    }

    private String run(Path page, List<String> action) throws IOException, InterruptedException {
        Path work = Files.createTempDirectory("plancheck-chromium");
        try {
            List<String> cmd = new ArrayList<>(List.of(executable.toString(), "--headless", "--no-sandbox",
                    "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--disable-extensions", "--mute-audio",
                    "--user-data-dir=" + work.resolve("profile")));
            cmd.addAll(action);
            cmd.add(page.toAbsolutePath().toUri().toString());
            Path out = work.resolve("stdout");
            Path err = work.resolve("stderr");
            Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(nullDevice())).start();
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
                fail("chromium 在 " + TIMEOUT_SECONDS + " 秒内没有结束，已终止：" + String.join(" ", cmd) + "\n" + tail(err));
            }
            if (p.exitValue() != 0) {
                fail("chromium 退出码 " + p.exitValue() + "：" + String.join(" ", cmd) + "\n" + tail(err));
            }
            return Files.readString(out, StandardCharsets.UTF_8);
        } finally {
            try (Stream<Path> files = Files.walk(work)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    private static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    private static String tail(Path err) throws IOException {
        List<String> lines = Files.readAllLines(err, StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
    }

    /**
     * A browser driven over the DevTools protocol, for pages that are used, not only looked at: navigate, fill a form,
     * evaluate script, take screenshots of the whole page.
     *
     * <pre>{@code
     * try (Chromium.Session browser = Chromium.require().session()) {
     *     browser.call("Page.navigate", Map.of("url", uri));
     * }
     * }</pre>
     */
    public static final class Session implements AutoCloseable {
        private static final ObjectMapper JSON = new ObjectMapper();

        private final Process process;
        private final Path profile;
        private final WebSocket socket;
        private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
        private final AtomicInteger ids = new AtomicInteger();

        private Session(Process process, Path profile, WebSocket socket) {
        this.process = process;
        this.profile = profile;
        this.socket = socket;
        }

        /** Starts the browser on a blank page, driven over the DevTools protocol. */
        static Session start(Path exe) throws Exception {
        Path profile = Files.createTempDirectory("plancheck-cdp");
        List<String> cmd = List.of(exe.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-extensions", "--mute-audio", "--hide-scrollbars", "--remote-debugging-address=127.0.0.1",
                "--remote-debugging-port=0", "--remote-allow-origins=*", "--user-data-dir=" + profile.resolve("profile"),
                "about:blank");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(profile.resolve("log").toFile()).start();
        try {
            // Chromium writes the port it chose to DevToolsActivePort in the profile once it listens.
            Path portFile = profile.resolve("profile").resolve("DevToolsActivePort");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
            while (!(Files.isRegularFile(portFile) && Files.readAllLines(portFile).size() >= 2)) {
                if (System.nanoTime() > deadline || !p.isAlive()) {
                    fail("chromium 没有打开调试端口：" + Files.readString(profile.resolve("log")));
                }
                Thread.sleep(50);
            }
            int port = Integer.parseInt(Files.readAllLines(portFile).get(0).trim());
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            String ws = null;
            while (ws == null) {
                HttpResponse<String> list = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list"))
                        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
                for (JsonNode t : JSON.readTree(list.body())) {
                    if (t.path("type").asText().equals("page")) {
                        ws = t.get("webSocketDebuggerUrl").asText();
                    }
                }
                if (ws == null) {
                    if (System.nanoTime() > deadline) {
                        fail("chromium 没有打开页面");
                    }
                    Thread.sleep(50);
                }
            }
            Listener listener = new Listener();
            WebSocket socket = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
                    .buildAsync(URI.create(ws), listener).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            Session cdp = new Session(p, profile, socket);
            listener.cdp = cdp;
            return cdp;
        } catch (Exception | Error e) {
            kill(p);
            delete(profile);
            throw e;
        }
        }

        /** Sends one command and waits for its result. */
        public JsonNode call(String method, Map<String, ?> params) throws Exception {
        int id = ids.incrementAndGet();
        ObjectNode msg = JSON.createObjectNode();
        msg.put("id", id);
        msg.put("method", method);
        msg.set("params", JSON.valueToTree(params));
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        pending.put(id, answer);
        socket.sendText(JSON.writeValueAsString(msg), true).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        JsonNode reply = answer.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        if (reply.has("error")) {
            fail("chromium：" + method + " 失败：" + reply.get("error"));
        }
        return reply.get("result");
        }

        /** The value of a script expression evaluated in the page (DevTools evaluation is not bound by the page's CSP). */
        public JsonNode eval(String expression) throws Exception {
        JsonNode r = call("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true));
        if (r.has("exceptionDetails")) {
            fail("页面脚本出错：" + expression + "：" + r.get("exceptionDetails"));
        }
        return r.path("result").path("value");
        }

        /** Waits until the expression is true, bounded in time. */
        public void await(String expression, String what) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (!eval(expression).asBoolean(false)) {
            if (System.nanoTime() > deadline) {
                fail("等待超时（" + TIMEOUT_SECONDS + " 秒）：" + what + "；当前页面 " + eval("location.href"));
            }
            Thread.sleep(100);
        }
        }

        /** A PNG of the page at the given width, as tall as the page (at most {@code maxHeight}). */
        public byte[] screenshot(int width, int maxHeight) throws Exception {
        call("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", 800, "deviceScaleFactor", 1, "mobile", width < 600));
        int height = Math.min(maxHeight, eval("Math.ceil(document.documentElement.scrollHeight)").asInt(800));
        call("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", width < 600));
        String data = call("Page.captureScreenshot", Map.of("format", "png")).get("data").asText();
        return java.util.Base64.getDecoder().decode(data);
        }

        @Override
        public void close() {
        try {
            socket.abort();
        } finally {
            kill(process);
            delete(profile);
        }
        }

        private static void kill(Process p) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        try {
            p.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        }

        private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // a leftover temporary profile is not worth failing a test for
        }
        }

        /** Gathers fragmented messages and completes the pending call each reply answers; events are ignored. */
        private static final class Listener implements WebSocket.Listener {
        volatile Session cdp;
        private final StringBuilder buffer = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            buffer.append(data);
            if (last) {
                String message = buffer.toString();
                buffer.setLength(0);
                try {
                    JsonNode node = JSON.readTree(message);
                    if (node.has("id") && cdp != null) {
                        CompletableFuture<JsonNode> f = cdp.pending.remove(node.get("id").asInt());
                        if (f != null) {
                            f.complete(node);
                        }
                    }
                } catch (IOException e) {
                    // not JSON: not a reply to anything we sent
                }
            }
            ws.request(1);
            return null;
        }
        }
    }
}
