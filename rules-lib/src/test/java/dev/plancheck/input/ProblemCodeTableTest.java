package dev.plancheck.input;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** docs/input-format.md lists every problem code, in the enum's order, with its Chinese meaning. */
class ProblemCodeTableTest {
    @Test
    void the_table_of_problem_codes_in_the_docs_lists_every_code() throws Exception {
        String doc = Files.readString(Path.of("..", "docs", "input-format.md"), StandardCharsets.UTF_8);
        String start = "<!-- problem-codes: generated from dev.plancheck.input.ProblemCode -->\n";
        String table = doc.substring(doc.indexOf(start) + start.length(), doc.indexOf("<!-- /problem-codes -->"));
        List<String> listed = table.lines().skip(2).map(l -> l.split("\\|")[1].strip() + " " + l.split("\\|")[2].strip()).toList();
        assertEquals(Arrays.stream(ProblemCode.values()).map(c -> "`" + c.name() + "` " + c.chineseName()).toList(), listed);
    }
}
