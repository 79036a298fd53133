package dev.plancheck.engine;

import dev.plancheck.model.Activity;
import dev.plancheck.model.Vocabulary;
import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * When two records of one day are one activity, and when they only look like one. Decided on the records as
 * submitted (before the rules' view adds implied organisers and topics), the same way for every rule.
 *
 * <p><b>One activity</b> ({@link #oneActivity}): the same unit, kind and date, and about the same thing: their topics
 * overlap; or, when one of them names no topic, their groups overlap or their titles are the same (ignoring width,
 * spaces and punctuation); or one of them names neither. Fields that only annotate a record never make a copy a
 * second activity: {@code organiser}, {@code groups} beside overlapping topics, {@code participants}, an
 * {@code amount} of 0, a {@code relatesTo} the other leaves out. Two answers to different records ({@code relatesTo})
 * are two. Money is never merged: a record stating a sum greater than 0 is never a copy of another.
 *
 * <p><b>Looks like one</b> ({@link #suspicion}), flagged and both counted: the same sum paid twice on one day from
 * one drive; the same title under one unit and kind with different topics; the same activity under another unit or
 * another kind.
 */
final class Copies {
    /** The general categories a title is compared without: separators, punctuation, symbols, controls and formats. */
    private static final java.util.BitSet NOT_IN_TITLE = new java.util.BitSet();

    static {
        for (int type : new int[] {Character.SPACE_SEPARATOR, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
                Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
                Character.OTHER_PUNCTUATION, Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL, Character.MODIFIER_SYMBOL,
                Character.OTHER_SYMBOL, Character.CONTROL, Character.FORMAT}) {
            NOT_IN_TITLE.set(type);
        }
    }

    private Copies() {
    }

    /** True when {@code b} is another record of the activity {@code a} records. */
    static boolean oneActivity(Activity a, Activity b) {
        return oneActivity(a, b, Copies::title);
    }

    /** As {@link #oneActivity(Activity, Activity)}, with each record's compared title from {@code titles} (a check's memo). */
    static boolean oneActivity(Activity a, Activity b, Function<Activity, String> titles) {
        return a.getUnitId().equals(b.getUnitId()) && a.getKind().equals(b.getKind()) && a.getDate().equals(b.getDate())
                && !money(a) && !money(b) && compatible(a.getRelatesTo(), b.getRelatesTo()) && sameSubject(a, b, titles);
    }

    /** What the two are about is the same: see the class comment. */
    private static boolean sameSubject(Activity a, Activity b, Function<Activity, String> titles) {
        if (!a.getTopics().isEmpty() && !b.getTopics().isEmpty()) {
            return !Collections.disjoint(a.getTopics(), b.getTopics());
        }
        if (!a.getGroups().isEmpty() && !b.getGroups().isEmpty() && Collections.disjoint(a.getGroups(), b.getGroups())) {
            return sameTitle(a, b, titles);
        }
        return true;
    }

    private static boolean compatible(String a, String b) {
        return a == null || b == null || a.equals(b);
    }

    private static boolean money(Activity a) {
        return a.getAmount() != null && a.getAmount().signum() > 0;
    }

    /**
     * Of two records of one activity, the one that counts. Where they name different bodies it counts for the body
     * whose duty it serves: the body the vocabulary says organises the kind; else the one of the two that names a
     * body; else the earlier ({@code a}, the smaller id).
     */
    static Activity servingCopy(Activity a, Activity b, Vocabulary vocabulary) {
        String owner = ownerOf(a, vocabulary);
        String bodyA = a.getOrganiser() == null ? owner : a.getOrganiser();
        String bodyB = b.getOrganiser() == null ? owner : b.getOrganiser();
        if (Objects.equals(bodyA, bodyB)) {
            return a;
        }
        if (owner != null) {
            return owner.equals(bodyB) && !owner.equals(bodyA) ? b : a;
        }
        return bodyA == null ? b : a;
    }

    private static String ownerOf(Activity a, Vocabulary vocabulary) {
        Vocabulary.Kind kind = vocabulary.kinds().get(a.getKind());
        return kind == null ? null : kind.organiser();
    }

    /** The DUPLICATE notice on {@code dropped}: why it is the same activity as {@code kept}, and for whom it counts. */
    static String duplicateMessage(Activity kept, Activity dropped, Vocabulary vocabulary) {
        String why;
        String advice;
        if (!kept.getTopics().isEmpty() && !dropped.getTopics().isEmpty()) {
            why = "单位、类别、日期相同，议题有重合";
            advice = "请在议题上区分";
        } else if (!kept.getGroups().isEmpty() && !dropped.getGroups().isEmpty()
                && Collections.disjoint(kept.getGroups(), dropped.getGroups())) {
            why = "单位、类别、日期和标题相同";
            advice = "请在标题上区分";
        } else if (!kept.getGroups().isEmpty() && !dropped.getGroups().isEmpty()) {
            why = "单位、类别、日期相同，对象有重合";
            advice = "请在对象上区分";
        } else {
            why = "单位、类别、日期相同，没有议题或对象可以区分";
            advice = "请填写议题或对象加以区分";
        }
        List<String> differs = new ArrayList<>();
        if (!Objects.equals(kept.getOrganiser(), dropped.getOrganiser())) {
            differs.add("组织方");
        }
        if (!kept.getGroups().equals(dropped.getGroups())) {
            differs.add("对象");
        }
        if (!Objects.equals(kept.getRelatesTo(), dropped.getRelatesTo())) {
            differs.add("关联记录");
        }
        if (!sameAmount(kept.getAmount(), dropped.getAmount())) {
            differs.add("金额");
        }
        if (!Objects.equals(kept.getParticipants(), dropped.getParticipants())) {
            differs.add("参与人数");
        }
        StringBuilder s = new StringBuilder("与 ").append(kept.getId()).append(" 是同一活动（").append(why);
        if (!differs.isEmpty()) {
            s.append("，只是").append(String.join("、", differs)).append("不同");
        }
        s.append("），只计一次");
        if (!Objects.equals(kept.getOrganiser(), dropped.getOrganiser())) {
            String owner = ownerOf(kept, vocabulary);
            String keptBody = kept.getOrganiser() == null ? owner : kept.getOrganiser();
            String body = keptBody == null ? "未注明组织方" : vocabulary.nameOf(keptBody);
            String reason = keptBody != null && keptBody.equals(owner)
                    ? "“" + vocabulary.nameOf(kept.getKind()) + "”由" + body + "组织"
                    : dropped.getOrganiser() == null ? "本条未注明组织方" : "编号在前的一条";
            s.append("，按 ").append(kept.getId()).append("（").append(body).append("）的活动计入：").append(reason);
            if (dropped.getOrganiser() != null) {
                s.append("；不再算作").append(vocabulary.nameOf(dropped.getOrganiser())).append("的活动");
            }
        }
        return s.append("；确是两次不同活动的，").append(advice).toString();
    }

    private static boolean sameAmount(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    /**
     * The SUSPECTED_MULTI_REPORT notice on {@code b} when it looks like {@code a} reported again in a way that makes
     * both count, or {@code null}. Both records still count; the assessor is told:
     * <ul>
     *   <li>the same sum on one day, in one unit and kind, answering the same record: a payment entered twice (money
     *       is never merged);</li>
     *   <li>the same title in one unit and kind, with different topics; or different topics, one of which implies the
 *       other (a meeting on 民族工作 and one on 铸牢中华民族共同体意识 the same day);</li>
     *   <li>under another unit: the same title, or — between the subdistrict and a community — the same kind with
     *       overlapping topics and groups (two communities' like activities on one campaign day are common and are
     *       not flagged); never for a kind the vocabulary calls {@code routine} (a monthly report every unit files
     *       under one title);</li>
     *   <li>under another kind in one unit: the same title, or a shared topic (one document filed as plan,
     *       deployment and assessment).</li>
     * </ul>
     */
    static String suspicion(Activity a, Activity b, Set<String> subdistricts, Vocabulary vocabulary) {
        return suspicion(a, b, subdistricts, vocabulary, Copies::title);
    }

    /** As {@link #suspicion(Activity, Activity, Set, Vocabulary)}, with each record's compared title from {@code titles}. */
    static String suspicion(Activity a, Activity b, Set<String> subdistricts, Vocabulary vocabulary,
                            Function<Activity, String> titles) {
        if (!a.getDate().equals(b.getDate())) {
            return null;
        }
        String tail = "疑似同一活动多处上报；两条都已计入，请核对是否确为不同活动";
        // Titles are compared last, where the cheaper tests have not decided: this runs for every pair of one day.
        boolean otherUnit = !a.getUnitId().equals(b.getUnitId());
        boolean otherKind = !a.getKind().equals(b.getKind());
        if (!otherUnit && !otherKind) {
            if (money(a) && money(b) && sameAmount(a.getAmount(), b.getAmount())
                    && Objects.equals(a.getRelatesTo(), b.getRelatesTo())) {
                return "与 " + a.getId() + " 的单位、类别、日期" + (a.getRelatesTo() == null ? "" : "、关联记录") + "和金额（"
                        + Texts.money(a.getAmount()) + "）都相同，疑似重复录入；金额从不合并，两笔都已计入，请核对是否确为两笔";
            }
            boolean otherTopics = !money(a) && !money(b) && !a.getTopics().isEmpty() && !b.getTopics().isEmpty()
                    && Collections.disjoint(a.getTopics(), b.getTopics());
            if (otherTopics && sameTitle(a, b, titles)) {
                return "与 " + a.getId() + " 的单位、类别、日期和标题相同，只是议题不同，" + tail;
            }
            if (otherTopics && !Collections.disjoint(vocabulary.withImplied(a.getTopics()), vocabulary.withImplied(b.getTopics()))) {
                return "与 " + a.getId() + " 的单位、类别、日期相同，议题相关（一方的议题也算作另一方的议题），" + tail;
            }
            return null;
        }
        boolean sameContent = !a.getTopics().isEmpty() && overlap(a.getTopics(), b.getTopics())
                && overlap(a.getGroups(), b.getGroups()) && Objects.equals(a.getRelatesTo(), b.getRelatesTo());
        boolean flagged;
        if (otherUnit && !otherKind && routine(a, vocabulary)) {
            // A routine return (a monthly report) is filed by every unit under one title: not one activity reported twice.
            return null;
        }
        if (otherUnit) {
            boolean subdistrictAndCommunity = subdistricts.contains(a.getUnitId()) != subdistricts.contains(b.getUnitId());
            flagged = (!otherKind && subdistrictAndCommunity && sameContent) || sameTitle(a, b, titles);
        } else {
            flagged = (!a.getTopics().isEmpty() && !b.getTopics().isEmpty()
                    && !Collections.disjoint(a.getTopics(), b.getTopics())) || sameTitle(a, b, titles);
        }
        if (!flagged) {
            return null;
        }
        List<String> differs = new ArrayList<>();
        if (otherUnit) {
            differs.add("单位（" + a.getUnitId() + "、" + b.getUnitId() + "）");
        }
        if (otherKind) {
            differs.add("类别（" + a.getKind() + "、" + b.getKind() + "）");
        }
        return "与 " + a.getId() + " 日期相同、内容相近，只是" + String.join("和", differs) + "不同，" + tail;
    }

    private static boolean routine(Activity a, Vocabulary vocabulary) {
        Vocabulary.Kind kind = vocabulary.kinds().get(a.getKind());
        return kind != null && kind.routine();
    }

    private static boolean sameTitle(Activity a, Activity b, Function<Activity, String> titles) {
        return a.getTitle().equals(b.getTitle()) || titles.apply(a).equals(titles.apply(b));
    }

    private static boolean overlap(Set<String> a, Set<String> b) {
        return a.isEmpty() || b.isEmpty() || !Collections.disjoint(a, b);
    }

    /**
     * A title as compared: full-width forms folded to half-width (NFKC), then spaces (a full-width space too),
     * punctuation and symbols removed, lower case. {@code “冬送温暖”　慰问。} and {@code 冬送温暖慰问} are the same title.
     */
    static String title(Activity a) {
        String plain = plainTitle(a.getTitle());
        return plain != null ? plain : normalisedTitle(a.getTitle());
    }

    /**
     * Punctuation, symbols and spaces of the general and CJK punctuation blocks whose NFKC form is punctuation, symbols
     * and spaces only: they are dropped from a title whatever the normaliser would make of them.
     */
    private static final java.util.BitSet DROPPED_PUNCTUATION = new java.util.BitSet();

    static {
        for (char c = 0x2000; c <= 0x206F; c++) {
            dropIfOnlyPunctuation(c);
        }
        for (char c = 0x3000; c <= 0x303F; c++) {
            dropIfOnlyPunctuation(c);
        }
    }

    private static void dropIfOnlyPunctuation(char c) {
        if (NOT_IN_TITLE.get(Character.getType(c)) && normalisedTitle(String.valueOf(c)).isEmpty()) {
            DROPPED_PUNCTUATION.set(c);
        }
    }

    /**
     * The title as compared, without the normaliser, for a title of ASCII, CJK unified ideographs, full-width ASCII
     * and the punctuation of {@link #DROPPED_PUNCTUATION} only (nearly every title): NFKC leaves such text as it is,
     * but for full-width forms (their ASCII) and those punctuation marks (punctuation), and nothing in it composes.
     * {@code null} for any other title. {@code CopiesTitleTest} holds it to the normaliser.
     */
    static String plainTitle(String title) {
        char[] out = new char[title.length()];
        int n = 0;
        for (int i = 0; i < title.length(); i++) {
            char c = title.charAt(i);
            if (c >= 0xFF01 && c <= 0xFF5E) {
                c = (char) (c - 0xFEE0); // full-width ASCII: NFKC makes it ASCII
            }
            if (c < 0x80) {
                if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
                    out[n++] = c;
                } else if (c >= 'A' && c <= 'Z') {
                    out[n++] = (char) (c + ('a' - 'A'));
                }
                // any other ASCII character is a space, a control, punctuation or a symbol: dropped
            } else if (c >= 0x4E00 && c <= 0x9FFF) {
                out[n++] = c;
            } else if (!DROPPED_PUNCTUATION.get(c)) {
                return null;
            }
        }
        return new String(out, 0, n);
    }

    /** The title as compared, by the normaliser: see {@link #title}. */
    static String normalisedTitle(String title) {
        String folded = Normalizer.normalize(title, Normalizer.Form.NFKC);
        // What the pattern [\p{Z}\s\p{P}\p{S}\p{Cc}\p{Cf}]+ removes, by general category, without a regular expression:
        // this runs for every pair of records of one day, and the pattern was the largest cost of a check.
        StringBuilder kept = new StringBuilder(folded.length());
        for (int i = 0; i < folded.length(); ) {
            int c = folded.codePointAt(i);
            i += Character.charCount(c);
            if (!NOT_IN_TITLE.get(Character.getType(c))) {
                kept.appendCodePoint(c);
            }
        }
        return kept.toString().toLowerCase(Locale.ROOT);
    }
}
