package dev.plancheck.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A clause's sentences as lint counts them, and which of them neither a duty nor a 人工核验 sentence covers. */
class ClauseSentencesTest {
    private static List<String> texts(String clause) {
        return ClauseSentences.of(clause).stream().map(ClauseSentences.Sentence::text).toList();
    }

    @Test
    void a_clause_is_cut_after_every_full_stop_and_semicolon_and_the_mark_is_left_out() {
        assertEquals(List.of("切实抓牢团组织建设", "围绕节点，开展活动", "认清形势"), texts("切实抓牢团组织建设。围绕节点，开展活动；认清形势。"));
    }

    @Test
    void text_after_the_last_mark_is_a_sentence_and_blank_or_punctuation_pieces_are_none() {
        assertEquals(List.of("一句", "末尾没有句号"), texts(" 一句。 。；”末尾没有句号 "));
    }

    @Test
    void closing_quotes_after_a_mark_stay_with_the_sentence_before_and_the_text_is_verbatim() {
        List<ClauseSentences.Sentence> s = ClauseSentences.of("要求“春送岗位。”做好活动。");
        assertEquals(List.of("要求“春送岗位。”", "做好活动"), s.stream().map(ClauseSentences.Sentence::text).toList());
        assertEquals(new ClauseSentences.Sentence("做好活动", 9, 13), s.get(1));
    }

    @Test
    void a_sentence_touched_by_a_duty_or_declared_manual_is_accounted_for_and_a_duty_across_a_mark_rules_both() {
        String text = "五是推广通用语言。尊重民族语言。营造良好氛围。认清形势。";
        ClauseBook.Clause c = new ClauseBook.Clause("§2.5", "二、民族工作", text, List.of("推广通用语言。尊重民族语言"),
                List.of(new ClauseBook.Manual("良好氛围", "查看照片")));
        assertEquals(List.of("认清形势"), ClauseSentences.unaccounted(c).stream().map(ClauseSentences.Sentence::text).toList());
    }

    @Test
    void a_clause_with_no_duties_has_every_sentence_unaccounted() {
        ClauseBook.Clause c = new ClauseBook.Clause("§9", "九、妇联工作", "做好新时代妇联工作。把实事好事做好。", List.of());
        assertEquals(List.of("做好新时代妇联工作", "把实事好事做好"),
                ClauseSentences.unaccounted(c).stream().map(ClauseSentences.Sentence::text).toList());
    }
}
