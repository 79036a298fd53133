package dev.plancheck.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plancheck.input.Problem;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A rule file on the class path that {@code ruleset.json} does not list fails the pack, as it does on disk. */
class BundledRuleSetFilesTest {
    @Test
    void the_bundled_rule_set_lists_every_drl_file_of_its_folder() throws Exception {
        List<Problem> problems = new ArrayList<>();
        RuleSet rs = RuleSet.load("dianchang", new ResourceDir.Classpath(RuleSet.BUNDLED_ROOT + "/dianchang"), problems);
        assertEquals(List.of(), problems);
        List<String> inFolder = new ResourceDir.Classpath(RuleSet.BUNDLED_ROOT + "/dianchang").list(".drl");
        assertEquals(List.of("s01_united_front.drl", "s02_ethnic_affairs.drl", "s03_religious_affairs.drl",
                "s04_non_public_economy.drl", "s05_non_party_figures.drl", "s06_overseas_chinese.drl", "s07_trade_union.drl",
                "s08_youth_league.drl", "s09_womens_federation.drl", "s10_red_cross.drl"), inFolder);
        assertEquals(inFolder, rs.drl().keySet().stream().sorted().toList());
    }

    @Test
    void an_unlisted_drl_on_the_class_path_is_reported() throws Exception {
        List<Problem> problems = new ArrayList<>();
        RuleSet.load("unlisted", new ResourceDir.Classpath("dev/plancheck/testpacks/unlisted"), problems);
        List<String> messages = problems.stream().map(Problem::message).toList();
        assertTrue(messages.contains("文件夹中的 s02_forgotten.drl 没有列在 files 中；未列出的规则文件不会被加载，请列出或删除它"),
                messages.toString());
    }
}
