package dev.plancheck.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lint reports every clause sentence that no rule enforces and no 人工核验 item declares, with the file, the clause and
 * the sentence; declaring it makes lint clean again, and {@code duties: []} hides nothing.
 */
class UnaccountedSentenceLintTest {
    private static final Path SECOND_PLAN = Path.of("..", "sample-data", "qingsong-2023");
    private static final String ADDED = "网格员例会要营造良好氛围。";

    @TempDir
    Path dir;

    @Test
    void a_sentence_neither_ruled_nor_declared_is_found_and_declaring_it_makes_lint_clean() throws IOException {
        Path pack = copySecondPlan();
        edit(dir.resolve("plan.txt"), "部署下月重点工作。", "部署下月重点工作。" + ADDED);
        Path clauses = pack.resolve("rules/clauses.json");
        edit(clauses, "部署下月重点工作。\"", "部署下月重点工作。" + ADDED + "\"");
        List<String> found = lint(pack);
        assertEquals(1, found.size(), String.join("\n", found));
        String f = found.get(0);
        assertTrue(f.startsWith("[原文] ") && f.contains("clauses.json:" + lineOf(clauses, "\"§1.1\"") + ": "), f);
        assertTrue(f.contains("条款 §1.1 的原句“网格员例会要营造良好氛围”既没有规则落实"), f);
        assertTrue(f.contains("也没有列为人工核验"), f);

        edit(clauses, "\"duties\": [\"街道网格化服务管理中心每月召开一次网格员例会\"]",
                "\"duties\": [\"街道网格化服务管理中心每月召开一次网格员例会\"],\n      \"manual\": [{\"sentence\": \"网格员例会要营造良好氛围\", \"check\": \"查看例会照片\"}]");
        assertEquals(List.of(), lint(pack));
    }

    @Test
    void a_clause_with_no_duties_has_each_of_its_sentences_reported() throws IOException {
        Path pack = copySecondPlan();
        String preamble = "为深化网格化服务管理，推进居民议事协商，壮大志愿服务力量，结合本街道实际，制定本计划。";
        assertTrue(Files.readString(dir.resolve("plan.txt")).contains(preamble));
        edit(pack.resolve("rules/clauses.json"), "  \"clauses\": [\n", "  \"clauses\": [\n    {\"clause\": \"§0\", \"section\": \"总则\", \"text\": \""
                + preamble + "\", \"duties\": []},\n");
        List<String> found = lint(pack);
        assertEquals(1, found.size(), String.join("\n", found));
        assertTrue(found.get(0).contains("条款 §0 的原句“为深化网格化服务管理，推进居民议事协商，壮大志愿服务力量，结合本街道实际，制定本计划”"),
                found.get(0));
    }

    @Test
    void the_second_plans_declared_fragment_is_in_its_clause_and_lint_is_clean() {
        assertEquals(List.of(), lint(SECOND_PLAN.resolve("pack")));
    }

    private static List<String> lint(Path pack) {
        return PackLint.lint(pack.toString(), null, false).findings().stream().map(Object::toString).toList();
    }

    private static void edit(Path file, String from, String to) throws IOException {
        String text = Files.readString(file);
        assertTrue(text.contains(from), file + " holds " + from);
        Files.writeString(file, text.replace(from, to));
    }

    private static int lineOf(Path file, String needle) throws IOException {
        String text = Files.readString(file);
        return (int) text.substring(0, text.indexOf(needle)).chars().filter(c -> c == '\n').count() + 1;
    }

    private Path copySecondPlan() throws IOException {
        return PackLintTest.copySecondPlan(dir);
    }
}
