package dev.plancheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

/**
 * No code decides by the words of a message: an exit code, an HTTP status, a hint or a category is decided by a
 * problem's {@code code()} (or an exception's type), so that rewording a Chinese message never changes behaviour.
 * Greps the main sources of every module for the forms such a decision takes.
 */
class NoDecisionByMessageTest {
    private static final Pattern DECISION = Pattern.compile(
            "(?:\\.message\\(\\)|getMessage\\(\\)|\\bmessage)\\s*\\.\\s*(?:contains|startsWith|endsWith|equals|matches|indexOf)\\s*\\(");

    @Test
    void no_main_source_decides_by_the_text_of_a_message() throws IOException {
        List<String> found = new ArrayList<>();
        int files = 0;
        try (Stream<Path> modules = Files.list(Path.of(".."))) {
            for (Path module : modules.sorted().toList()) {
                Path main = module.resolve("src/main/java");
                if (!Files.isDirectory(main)) {
                    continue;
                }
                try (Stream<Path> sources = Files.walk(main)) {
                    for (Path f : sources.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                        files++;
                        List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
                        for (int i = 0; i < lines.size(); i++) {
                            Matcher m = DECISION.matcher(lines.get(i));
                            if (m.find()) {
                                found.add(f + ":" + (i + 1) + ": " + lines.get(i).strip());
                            }
                        }
                    }
                }
            }
        }
        assertTrue(files > 100, "the sources of every module were read: " + files);
        assertEquals(List.of(), found);
    }

    @Test
    void the_pattern_finds_what_it_is_for() {
        for (String line : List.of("if (p.message().contains(\"请选用\")) {", "e.getMessage().startsWith(\"一次请求\")",
                "message.startsWith(\"DRL 编译错误\")")) {
            assertTrue(DECISION.matcher(line).find(), line);
        }
    }
}
