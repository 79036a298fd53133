package dev.plancheck.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The README's Java example is this package's EmbeddingExample, word for word, and it runs. */
class ReadmeExampleTest {
    private static final Path EXAMPLE = Path.of("src", "test", "java", "dev", "plancheck", "examples", "EmbeddingExample.java");

    @Test
    void the_readme_shows_the_example_that_this_test_runs() throws Exception {
        List<String> lines = Files.readAllLines(EXAMPLE, StandardCharsets.UTF_8);
        int from = indexOf(lines, "// README-BEGIN") + 1;
        int to = indexOf(lines, "// README-END");
        String example = lines.subList(from, to).stream().map(l -> l.length() >= 8 ? l.substring(8) : l.strip())
                .collect(Collectors.joining("\n"));
        String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
        assertTrue(readme.contains("```java\n" + example + "\n```"),
                "README.md must show the body of EmbeddingExample between its README markers:\n" + example);
    }

    @Test
    void the_example_prints_the_gaps_of_a_ledger_and_a_mid_year_summary() throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            EmbeddingExample.main(new String[] {"../sample-data/dianchang-2023/gaps-meetings.json"});
        } finally {
            System.setOut(original);
        }
        assertEquals("""
                R1.2-4 电厂街道 §1.2：研究统战工作的专题会议：全年（2023-01-01 至 2023-12-31）内至少 2 条
                    实有：1 条：DC-024（2023-04-13 党工委专题会议研究2023年统战工作）
                R2.4-1 电厂街道 §2.4：研究民族工作的专题会议：全年（2023-01-01 至 2023-12-31）内至少 2 条
                    实有：1 条：DC-029（2023-04-25 党工委专题会议研究民族工作（上半年））
                """, buffer.toString(StandardCharsets.UTF_8).lines().limit(4).collect(Collectors.joining("\n", "", "\n")));
        assertTrue(buffer.toString(StandardCharsets.UTF_8).contains("6 月 15 日：已落实 43　缺项 0　未到期 35　不适用 1，即将到期 14 项"), buffer.toString(StandardCharsets.UTF_8));
    }

    private static int indexOf(List<String> lines, String marker) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).strip().equals(marker)) {
                return i;
            }
        }
        throw new AssertionError(marker + " not found in " + EXAMPLE + ": " + Arrays.toString(lines.toArray()));
    }
}
