package dev.plancheck.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's Java block is examples/embedding's CheckLedger.java, whole, imports included; compiled here on its
 * own with javax.tools against the library as built, and run in a fresh JVM without any SLF4J binding, it prints
 * the gaps and a readable summary and nothing on stderr. (examples/embedding/run.sh builds the same file as a
 * separate Maven project against installed artifacts.)
 */
class ReadmeExampleTest {
    private static final Path EXAMPLE = Path.of("..", "examples", "embedding", "src", "main", "java", "example", "CheckLedger.java");

    @TempDir
    Path classes;

    @Test
    void the_readme_shows_the_whole_example_file_imports_included() throws Exception {
        String example = Files.readString(EXAMPLE, StandardCharsets.UTF_8);
        String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
        assertTrue(example.contains("import dev.plancheck.PlanChecker;"));
        assertTrue(readme.contains("```java\n" + example + "```"), "README.md must show " + EXAMPLE + " verbatim");
    }

    @Test
    void the_readme_shows_the_examples_pom_whole_with_the_projects_version_and_a_surefire_that_runs_junit5() throws Exception {
        Path pom = Path.of("..", "examples", "embedding", "pom.xml");
        String text = Files.readString(pom, StandardCharsets.UTF_8);
        String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
        assertTrue(readme.contains("```xml\n" + text + "```"), "README.md must show " + pom + " verbatim");
        String root = Files.readString(Path.of("..", "pom.xml"), StandardCharsets.UTF_8);
        String version = root.replaceFirst("(?s).*?<version>([^<]+)</version>.*", "$1"); // the project's own, first
        for (String artifact : List.of("plancheck-rules", "plancheck-authoring", "plancheck-test-kit")) {
            assertTrue(text.contains("<artifactId>" + artifact + "</artifactId>\n      <version>" + version + "</version>"),
                    artifact + " " + version + " in " + pom);
        }
        assertTrue(text.contains("<maven.compiler.release>17</maven.compiler.release>"));
        assertTrue(text.contains("<artifactId>maven-surefire-plugin</artifactId>\n        <version>3.5.2</version>"));
        assertTrue(text.contains("<exclude>org.apache.maven.plugins:maven-surefire-plugin:(,2.22.0)</exclude>"));
    }

    @Test
    void the_example_compiles_alone_and_runs_without_a_logging_binding_printing_nothing_on_stderr() throws Exception {
        List<String> classpath = Arrays.stream(System.getProperty("surefire.test.class.path",
                        System.getProperty("java.class.path")).split(File.pathSeparator))
                .filter(p -> !p.contains("slf4j-nop") && !p.contains("test-classes")).toList();
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int compiled = javac.run(null, null, null, "-encoding", "UTF-8", "-d", classes.toString(),
                "-cp", String.join(File.pathSeparator, classpath), EXAMPLE.toString());
        assertEquals(0, compiled, "the README's example must compile with nothing but the library on the class path");

        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dfile.encoding=UTF-8", "-Dstdout.encoding=UTF-8", "-cp",
                classes + File.pathSeparator + String.join(File.pathSeparator, classpath),
                "example.CheckLedger", "../sample-data/dianchang-2023/gaps-meetings.json"));
        Process p = new ProcessBuilder(command).redirectOutput(classes.resolve("out.txt").toFile())
                .redirectError(classes.resolve("err.txt").toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        String out = Files.readString(classes.resolve("out.txt"), StandardCharsets.UTF_8);
        String err = Files.readString(classes.resolve("err.txt"), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), err);
        assertEquals("", err, "the library must say nothing on stderr by default");
        assertEquals("""
                R1.2-4 电厂街道 §1.2：研究统战工作的专题会议：全年（2023-01-01 至 2023-12-31）内至少 2 条
                    实有：1 条：DC-024（2023-04-13 党工委专题会议研究2023年统战工作）
                R2.4-1 电厂街道 §2.4：研究民族工作的专题会议：全年（2023-01-01 至 2023-12-31）内至少 2 条
                    实有：1 条：DC-029（2023-04-25 党工委专题会议研究民族工作（上半年））
                6 月 15 日：已落实 39　缺项 0　未到期 39　不适用 1，即将到期 14 项
                """, out.lines().collect(Collectors.joining("\n", "", "\n")));
    }
}
