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

    /** Runs the launcher with a stand-in for java that prints the arguments it was given. */
    private String javaArguments(java.util.Map<String, String> env, String... args) throws Exception {
        Path home = Files.createDirectories(dir.resolve("home-" + System.nanoTime()));
        Files.copy(Path.of("..", "checker"), home.resolve("checker"));
        Files.createDirectories(home.resolve("checker-cli/target"));
        Files.writeString(home.resolve("checker-cli/target/checker.jar"), ""); // up to date: nothing to build
        Path fake = home.resolve("fake-java");
        Files.writeString(fake, "#!/usr/bin/env bash\nif [ \"$1\" = -version ]; then echo 'openjdk version \"17.0.9\"' >&2; exit 0; fi\necho \"$@\"\n");
        fake.toFile().setExecutable(true);
        java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of("bash", home.resolve("checker").toString()));
        command.addAll(java.util.List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("JAVA_CMD", fake.toString());
        pb.environment().put("PLANCHECK_CDS", "0");
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        return out.strip();
    }

    @Test
    void serve_gets_the_documented_heap() throws Exception {
        assertTrue(javaArguments(java.util.Map.of(), "serve", "--port", "9000").startsWith("-Xmx3g -jar "));
        assertTrue(javaArguments(java.util.Map.of(), "--debug", "serve").startsWith("-Xmx3g -jar "));
        assertTrue(javaArguments(java.util.Map.of("PLANCHECK_SERVE_HEAP", "6g"), "serve").startsWith("-Xmx6g -jar "));
        assertTrue(javaArguments(java.util.Map.of(), "check", "serve").startsWith(C1 + " -jar "), "a file named serve is no command");
    }

    private static final String C1 = "-XX:TieredStopAtLevel=1";

    /** A short run starts faster with the JIT's first tier only (docs/performance.md); long or large runs keep the default. */
    @Test
    void the_assessors_commands_on_small_inputs_get_the_first_jit_tier_only() throws Exception {
        Path small = Files.writeString(dir.resolve("small.json"), "{}");
        Path big = dir.resolve("big.json");
        Files.write(big, new byte[17 << 20]); // 17 MB written out (du counts what is on disk), over the launcher's 16 MB
        for (String command : java.util.List.of("check", "validate", "convert", "template", "rules")) {
            assertTrue(javaArguments(java.util.Map.of(), command, small.toString()).startsWith(C1 + " -jar "), command);
        }
        assertTrue(javaArguments(java.util.Map.of(), "--version").startsWith(C1 + " -jar "));
        assertTrue(javaArguments(java.util.Map.of(), "check", big.toString()).startsWith("-jar "), "17 MB of input");
        assertTrue(javaArguments(java.util.Map.of(), "check", small.toString(), big.toString()).startsWith("-jar "),
                "the inputs are added up");
        assertTrue(javaArguments(java.util.Map.of("PLANCHECK_JIT", "full"), "check", small.toString()).startsWith("-jar "));
        for (String command : java.util.List.of("test", "lint", "mutate")) {
            assertTrue(javaArguments(java.util.Map.of(), command, small.toString()).startsWith("-jar "), command);
        }
    }

    /** A fake java in {@code folder}/bin that prints its name and its arguments; with a JDK release file of {@code major}. */
    private static void fakeJdk(Path folder, String name, int major) throws Exception {
        Files.createDirectories(folder.resolve("bin"));
        Files.writeString(folder.resolve("release"), "JAVA_VERSION=\"" + major + ".0.1\"\n");
        Path java = folder.resolve("bin/java");
        Files.writeString(java, "#!/usr/bin/env bash\nif [ \"$1\" = -version ]; then echo 'openjdk version \"" + major
                + ".0.1\"' >&2; exit 0; fi\necho " + name + " \"$@\"\n");
        java.toFile().setExecutable(true);
    }

    /** JDK 25+ starts fastest (its AOT cache): an installed one is preferred to an older java on the PATH. */
    @Test
    void an_installed_jdk_25_is_preferred_to_an_older_java_on_the_path() throws Exception {
        Path home = Files.createDirectories(dir.resolve("jdk-choice"));
        Files.copy(Path.of("..", "checker"), home.resolve("checker"));
        Files.createDirectories(home.resolve("checker-cli/target"));
        Files.writeString(home.resolve("checker-cli/target/checker.jar"), "");
        fakeJdk(home.resolve("path-jdk"), "path17", 17);
        fakeJdk(home.resolve("jvms/jdk-21"), "jdk21", 21);
        fakeJdk(home.resolve("jvms/jdk-25"), "jdk25", 25);
        fakeJdk(home.resolve("jvms/jdk-26"), "jdk26", 26);
        java.util.function.BiFunction<java.util.Map<String, String>, Boolean, String> run = (env, javaCmd) -> {
            try {
                ProcessBuilder pb = new ProcessBuilder("bash", home.resolve("checker").toString(), "--version");
                pb.environment().remove("JAVA_CMD");
                pb.environment().put("PATH", home.resolve("path-jdk/bin") + ":" + System.getenv("PATH"));
                pb.environment().put("PLANCHECK_CDS", "0");
                if (javaCmd) {
                    pb.environment().put("JAVA_CMD", home.resolve("path-jdk/bin/java").toString());
                }
                pb.environment().putAll(env);
                Process p = pb.start();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertTrue(p.waitFor(30, TimeUnit.SECONDS));
                return out.strip();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        };
        String jvms = home.resolve("jvms") + "/*";
        assertTrue(run.apply(java.util.Map.of("PLANCHECK_JDK_DIRS", jvms), false).startsWith("jdk26 "), "the newest 25+");
        // The release file is read by the launcher itself: other lines first, no line end at the end, "27" alone.
        fakeJdk(home.resolve("jvms/jdk-27"), "jdk27", 27);
        Files.writeString(home.resolve("jvms/jdk-27/release"), "IMPLEMENTOR=\"Someone\"\nJAVA_VERSION=\"27\"");
        fakeJdk(home.resolve("jvms/jdk-99"), "jdk99", 99);
        Files.writeString(home.resolve("jvms/jdk-99/release"), "JAVA_VERSION=\"ninety-nine\"\n");
        assertTrue(run.apply(java.util.Map.of("PLANCHECK_JDK_DIRS", jvms), false).startsWith("jdk27 "),
                "27 read from its release file; a version that is no number is no JDK 25+");
        assertTrue(run.apply(java.util.Map.of("PLANCHECK_JDK_DIRS", home.resolve("jvms/jdk-21").toString()), false)
                .startsWith("path17 "), "nothing 25+ installed: the PATH's java");
        assertTrue(run.apply(java.util.Map.of("PLANCHECK_JDK_DIRS", "none"), false).startsWith("path17 "));
        assertTrue(run.apply(java.util.Map.of("PLANCHECK_JDK_DIRS", jvms), true).startsWith("path17 "),
                "JAVA_CMD is the user's choice");
    }
}
