package dev.plancheck.pack;

import java.util.ArrayList;
import java.util.List;

/**
 * The sentences of a clause, as lint counts them: the clause's text cut after every {@code 。} and {@code ；}. A
 * sentence is ruled when a duty sentence of the clause covers part of it, and declared when a 人工核验 sentence does;
 * lint reports every sentence that is neither.
 *
 * <ul>
 *   <li>Closing quotes and brackets right after the mark ({@code ”’」』）》】}) end the sentence with it.</li>
 *   <li>A sentence is shown without its final {@code 。} or {@code ；} and without surrounding spaces, so that it can be
 *       copied into {@code clauses.json} as it is; marks inside quotation marks cut too.</li>
 *   <li>Text after the last mark is a sentence; a piece of only spaces and punctuation is none.</li>
 *   <li>Covering is by place in the text: a duty that runs across a mark ({@code §2.5} of the 2023 plan) rules both
 *       sentences it touches.</li>
 * </ul>
 *
 * <pre>{@code
 * ClauseSentences.of("切实抓牢团组织建设。认清新形势下团建工作，不断增强紧迫感。")
 *         // [Sentence[text=切实抓牢团组织建设, from=0, to=9], Sentence[text=认清新形势下团建工作，不断增强紧迫感, from=10, to=28]]
 * }</pre>
 */
public final class ClauseSentences {
    private static final String MARKS = "。；";
    private static final String CLOSERS = "”’」』）》】\"')";

    private ClauseSentences() {
    }

    /**
     * One sentence of a clause.
     *
     * @param text the sentence as shown, a verbatim piece of the clause's text
     * @param from where {@code text} starts in the clause's text
     * @param to   where it ends (exclusive)
     */
    public record Sentence(String text, int from, int to) {
    }

    /** The sentences of a clause's text, in order. */
    public static List<Sentence> of(String text) {
        List<Sentence> out = new ArrayList<>();
        int start = 0;
        int i = 0;
        while (i < text.length()) {
            if (MARKS.indexOf(text.charAt(i)) >= 0) {
                int end = i + 1;
                while (end < text.length() && CLOSERS.indexOf(text.charAt(end)) >= 0) {
                    end++;
                }
                add(out, text, start, end);
                start = end;
                i = end;
            } else {
                i++;
            }
        }
        add(out, text, start, text.length());
        return out;
    }

    private static void add(List<Sentence> out, String text, int from, int to) {
        while (from < to && Character.isWhitespace(text.charAt(from))) {
            from++;
        }
        while (to > from && Character.isWhitespace(text.charAt(to - 1))) {
            to--;
        }
        if (to > from && MARKS.indexOf(text.charAt(to - 1)) >= 0) {
            to--;
        }
        String piece = text.substring(from, to);
        if (piece.codePoints().anyMatch(Character::isLetterOrDigit)) {
            out.add(new Sentence(piece, from, to));
        }
    }

    /** The sentences of the clause that no duty sentence and no 人工核验 sentence of the clause covers. */
    public static List<Sentence> unaccounted(ClauseBook.Clause clause) {
        List<String> covering = new ArrayList<>(clause.duties());
        clause.manual().forEach(m -> covering.add(m.sentence()));
        List<Sentence> out = new ArrayList<>();
        for (Sentence s : of(clause.text())) {
            if (covering.stream().noneMatch(c -> overlaps(clause.text(), c, s.from(), s.to()))) {
                out.add(s);
            }
        }
        return out;
    }

    /** True when some occurrence of {@code piece} in {@code text} shares a character with {@code [from, to)}. */
    static boolean overlaps(String text, String piece, int from, int to) {
        if (piece.isEmpty()) {
            return false;
        }
        for (int at = text.indexOf(piece); at >= 0; at = text.indexOf(piece, at + 1)) {
            if (at < to && at + piece.length() > from) {
                return true;
            }
        }
        return false;
    }
}
