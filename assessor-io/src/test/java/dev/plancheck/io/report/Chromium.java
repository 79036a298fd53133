package dev.plancheck.io.report;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's headless chromium, run once per call with a fresh profile and every network feature it can switch off,
 * bounded in time so that a hung browser fails the test instead of hanging the build.
 */
final class Chromium {
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
    static Chromium require() {
        Path found = locate();
        if (found == null) {
            String message = "没有找到 chromium，无法在真实浏览器中检查 HTML 报告：请安装 Debian 的 chromium 和 fonts-noto-cjk"
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

    /** The DOM after the page has loaded (and run any script it had), serialised. */
    String dumpDom(Path page) throws IOException, InterruptedException {
        return run(page, List.of("--dump-dom"));
    }

    /** A PNG of the top of the page at the given window size. */
    void screenshot(Path page, Path png, int width, int height) throws IOException, InterruptedException {
        Files.createDirectories(png.toAbsolutePath().getParent());
        Files.deleteIfExists(png);
        run(page, List.of("--hide-scrollbars", "--window-size=" + width + "," + height,
                "--screenshot=" + png.toAbsolutePath()));
        if (!Files.isRegularFile(png)) {
            fail("chromium 没有写出截图 " + png);
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
}
