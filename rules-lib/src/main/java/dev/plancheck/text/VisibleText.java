package dev.plancheck.text;

/**
 * The one definition of the characters that submitted text may hold but no output may show raw, and the one
 * function that shows them: each as its code point in brackets, {@code [U+200B]}. Every report format and every
 * message goes through here, so that nothing submitted can clear a terminal, move its cursor, forge a line of a
 * report, reorder a line (bidirectional controls), hide a word (zero-width characters) or break an XML file
 * (characters XML 1.0 forbids). Ordinary text, Chinese, emoji and the ideographic space included, is unchanged, and
 * the result never needs showing again: {@code line(line(s)).equals(line(s))}.
 *
 * <p>Hidden are: control characters (C0, DEL and C1, Unicode category Cc); format characters (Cf: soft hyphen,
 * U+200B–U+200F zero-width and direction marks, U+202A–U+202E and U+2066–U+2069 bidirectional controls, U+2060 word
 * joiner, U+FEFF, tag characters…); the line and paragraph separators U+2028 and U+2029; noncharacters (U+FDD0–U+FDEF
 * and the last two code points of every plane, U+FFFE and U+FFFF among them); UTF-16 surrogates that are not part of
 * a pair; and the Hangul fillers U+115F, U+1160, U+3164 and U+FFA0, letters that print as nothing.
 *
 * <pre>{@code
 * VisibleText.line("会议\n✓ 已落实")        // "会议[U+000A]✓ 已落实"
 * VisibleText.line("\u001b[2J标题\u202e")    // "[U+001B][2J标题[U+202E]"
 * VisibleText.text("第一行\n第二行\u200b")    // "第一行\n第二行[U+200B]": line breaks and tabs kept
 * }</pre>
 */
public final class VisibleText {
    private VisibleText() {
    }

    /**
     * Text for one line (a terminal report, a message, an attribute): every hidden character shown, line breaks and
     * tabs included; {@code null} stays {@code null}.
     */
    public static String line(String text) {
        return show(text, false);
    }

    /**
     * Text that may span lines (a cell, a paragraph of a page, the body of an XML element): as {@link #line}, but
     * tab, line feed and carriage return are kept; {@code null} stays {@code null}.
     */
    public static String text(String text) {
        return show(text, true);
    }

    /** True when the code point is never shown raw (see the class description); a lone surrogate counts as one. */
    public static boolean hidden(int codePoint) {
        switch (Character.getType(codePoint)) {
            case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                    Character.SURROGATE:
                return true;
            default:
                break;
        }
        return (codePoint >= 0xFDD0 && codePoint <= 0xFDEF) || (codePoint & 0xFFFE) == 0xFFFE
                || codePoint == 0x115F || codePoint == 0x1160 || codePoint == 0x3164 || codePoint == 0xFFA0;
    }

    /** Longest submitted value quoted in a message before it is cut, in characters. */
    public static final int EXCERPT_LENGTH = 60;

    /**
     * A submitted value cut to a readable length for a message: the first {@link #EXCERPT_LENGTH} characters, then
     * how long it really was. Never cuts a surrogate pair in two. Hidden characters are shown where the message is
     * shown ({@link #line}), not here.
     *
     * <pre>{@code
     * VisibleText.excerpt("a".repeat(100))   // "aaa…a…（共 100 个字符）" (60 a's)
     * }</pre>
     */
    public static String excerpt(String value) {
        if (value.length() <= EXCERPT_LENGTH) {
            return value;
        }
        int cut = EXCERPT_LENGTH;
        if (Character.isHighSurrogate(value.charAt(cut - 1))) {
            cut--;
        }
        return value.substring(0, cut) + "…（共 " + value.length() + " 个字符）";
    }

    private static String show(String s, boolean keepLayout) {
        if (s == null) {
            return null;
        }
        StringBuilder out = null;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i); // a lone surrogate comes back as itself
            int next = i + Character.charCount(cp);
            boolean shown = hidden(cp) && !(keepLayout && (cp == '\t' || cp == '\n' || cp == '\r'));
            if (shown && out == null) {
                out = new StringBuilder(s.length() + 16).append(s, 0, i);
            }
            if (shown) {
                out.append("[U+").append(String.format("%04X", cp)).append(']');
            } else if (out != null) {
                out.append(s, i, next);
            }
            i = next;
        }
        return out == null ? s : out.toString();
    }
}
