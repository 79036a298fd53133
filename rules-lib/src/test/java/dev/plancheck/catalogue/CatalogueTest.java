package dev.plancheck.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plancheck.RuleInfo;
import dev.plancheck.testing.Checkers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class CatalogueTest {
    private static final Path COMMITTED = Path.of("..", "docs", "rules.md");

    @Test
    void committed_catalogue_is_what_the_rules_generate() throws IOException {
        String generated = CatalogueWriter.markdown(Checkers.dianchang2023().catalogue());
        String committed = Files.readString(COMMITTED, StandardCharsets.UTF_8);
        assertEquals(generated, committed,
                "docs/rules.md is out of date: regenerate it with ./checker rules > docs/rules.md");
    }

    @Test
    void catalogue_lists_every_rule_with_its_clause_sentence_and_requirements() {
        String md = CatalogueWriter.markdown(Checkers.dianchang2023().catalogue());
        for (RuleInfo r : Checkers.dianchang2023().rules()) {
            assertTrue(md.contains("\n### " + r.id() + "\n"), r.id() + " has an entry");
            assertTrue(md.contains("- 原文：" + r.sentence() + "\n"), r.id() + " shows its sentence");
        }
        assertTrue(md.contains("研究统战工作的专题会议：全年（2023-01-01 至 2023-12-31；时段参数 `year`）至少 2 条（数量参数 `special-meetings.united-front`）"));
        assertTrue(md.contains("冬送温暖：冬季（2023-01-01 至 2023-02-28、2023-12-01 至 2023-12-31；时段参数 `season.winter`）至少 1 条"));
        assertTrue(md.contains("对“灾害”的救助：每条“灾害”记录当日起 15 日内（期限参数 `disaster-relief`）至少 1 条"));
    }
}
