package dev.plancheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ./checker launcher says plainly what is missing and what to install, instead of pointing at empty output. */
class LauncherTest {
    @TempDir
    Path dir;

    private Result launch(String javaCmd, String mvnCmd) throws Exception {
        // A copy of the launcher in an empty folder: no jar there, so it would have to build.
        Path launcher = dir.resolve("checker");
        Files.copy(Path.of("..", "checker"), launcher);
        ProcessBuilder pb = new ProcessBuilder("bash", launcher.toString(), "--version").redirectErrorStream(false);
        if (javaCmd != null) {
            pb.environment().put("JAVA_CMD", javaCmd);
        }
        pb.environment().put("MVN_CMD", mvnCmd);
        Process p = pb.start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        return new Result(p.exitValue(), err);
    }

    record Result(int code, String err) {
    }

    @Test
    void without_java_it_says_to_install_java_17() throws Exception {
        Result r = launch(dir.resolve("no-java").toString(), "mvn");
        assertEquals(69, r.code(), r.err());
        assertTrue(r.err().startsWith("checker：找不到 Java（"), r.err());
        assertTrue(r.err().contains("请安装 Java 17 或更高版本（JDK）"), r.err());
    }

    @Test
    void without_maven_when_it_must_build_it_says_to_install_maven() throws Exception {
        Result r = launch(null, dir.resolve("no-mvn").toString());
        assertEquals(69, r.code(), r.err());
        assertTrue(r.err().contains("构建需要 Maven，但找不到 Maven（"), r.err());
        assertTrue(r.err().contains("请安装 Maven 3.8 或更高版本"), r.err());
        assertTrue(!r.err().contains("见上方 Maven 输出"), r.err());
    }
}
