package dev.plancheck;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every public type of the runtime, the authoring kit and the test kit — what embedders and rule authors see — has javadoc. */
class JavadocCoverageTest {
    private static final Pattern PUBLIC_TYPE = Pattern.compile(
            "^\\s*public\\s+(?:(?:final|abstract|sealed|static|non-sealed)\\s+)*(?:class|record|interface|enum)\\s+(\\w+)",
            Pattern.MULTILINE);
    private static final Pattern TRAILING_ANNOTATION = Pattern.compile("@\\w+(\\([^)]*\\))?$");

    @Test
    void every_public_type_has_a_javadoc_comment() throws IOException {
        List<String> missing = new ArrayList<>();
        for (Path root : List.of(Path.of("src", "main", "java"), Path.of("..", "authoring", "src", "main", "java"),
                Path.of("..", "test-kit", "src", "main", "java"))) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                    String src = Files.readString(f, StandardCharsets.UTF_8);
                    Matcher m = PUBLIC_TYPE.matcher(src);
                    while (m.find()) {
                        String before = src.substring(0, m.start()).stripTrailing();
                        for (Matcher a = TRAILING_ANNOTATION.matcher(before); a.find(); a = TRAILING_ANNOTATION.matcher(before)) {
                            before = before.substring(0, a.start()).stripTrailing();
                        }
                        if (!before.endsWith("*/")) {
                            missing.add(f + " " + m.group(1));
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), missing);
    }
}
