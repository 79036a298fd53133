package dev.plancheck.testkit;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/rule-authoring.md shows the example test that this build compiles and runs, word for word. */
class DocsExampleTest {
    @Test
    void the_rule_authors_guide_shows_the_example_test_verbatim() throws Exception {
        String example = Files.readString(Path.of("src", "test", "java", "dev", "plancheck", "testkit", "example",
                "QingsongRulesTest.java"), StandardCharsets.UTF_8);
        String guide = Files.readString(Path.of("..", "docs", "rule-authoring.md"), StandardCharsets.UTF_8);
        assertTrue(guide.contains("```java\n" + example + "```"),
                "docs/rule-authoring.md must show test-kit/src/test/java/dev/plancheck/testkit/example/QingsongRulesTest.java verbatim");
    }
}
