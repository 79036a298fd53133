package dev.plancheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runtime checks with the bundled packs without the DRL compiler, which an embedder gets only by adding
 * plancheck-authoring: in a JVM whose class path is this module's without drools-mvel, drools-compiler, ecj, mvel2 and
 * the DRL parser, a bundled check runs, and a pack from disk is refused with DRL_COMPILER_MISSING, not a crash.
 */
class RuntimeWithoutCompilerTest {
    private static final List<String> COMPILER = List.of("drools-mvel", "drools-compiler", "ecj", "mvel2", "drools-drl-",
            "drools-ecj", "antlr");

    @TempDir
    Path dir;

    @Test
    void the_bundled_pack_runs_and_a_pack_from_disk_asks_for_the_compiler() throws Exception {
        List<String> classpath = Arrays.stream(System.getProperty("surefire.test.class.path",
                        System.getProperty("java.class.path")).split(File.pathSeparator))
                .filter(p -> COMPILER.stream().noneMatch(c -> Path.of(p).getFileName().toString().startsWith(c)))
                .toList();
        assertTrue(classpath.stream().noneMatch(p -> p.contains("drools-compiler")), classpath.toString());
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dfile.encoding=UTF-8", "-Dstdout.encoding=UTF-8", "-cp", String.join(File.pathSeparator, classpath),
                "dev.plancheck.testing.RuntimeAlone", "../sample-data/dianchang-2023/compliant.json",
                "../sample-data/qingsong-2023/pack")
                .redirectOutput(dir.resolve("out.txt").toFile()).redirectError(dir.resolve("err.txt").toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        String out = Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), out + Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8));
        assertEquals("已落实 79　缺项 0　未到期 0　不适用 0\nDRL_COMPILER_MISSING\n", out);
    }
}
