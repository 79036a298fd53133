package dev.plancheck.report;

/**
 * Submitted text made safe to print on one line of a terminal report or message: control characters (escape
 * sequences, BEL, NUL, carriage returns, newlines, tabs, C1 controls), bidirectional overrides, line and paragraph
 * separators and lone surrogates are shown as visible escapes, so nothing submitted can clear the screen, move
 * the cursor or print a line that looks like the checker's own. Ordinary text, Chinese included, is unchanged.
 * The JSON report keeps submitted text exact; only text meant for a terminal goes through here.
 *
 * <pre>{@code
 * TerminalText.line("会议\n✓ 已落实")   // "会议\\n✓ 已落实"
 * TerminalText.line("\u001b[2J标题")     // "\\u001B[2J标题"
 * }</pre>
 */
public final class TerminalText {
    private TerminalText() {
    }

    /** {@code text} with everything that could act on a terminal or break the line escaped; {@code null} stays null. */
    public static String line(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String escaped = escape(text, i);
            if (escaped == null) {
                if (out != null) {
                    out.append(c);
                }
                continue;
            }
            if (out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            out.append(escaped);
        }
        return out == null ? text : out.toString();
    }

    private static String escape(String text, int i) {
        char c = text.charAt(i);
        switch (c) {
            case '\n':
                return "\\n";
            case '\r':
                return "\\r";
            case '\t':
                return "\\t";
            default:
                break;
        }
        boolean unsafe = c < 0x20 || (c >= 0x7F && c <= 0x9F)
                || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E || c == 0x200F
                || c == 0x061C || c == 0x2028 || c == 0x2029
                || (Character.isHighSurrogate(c) && !(i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))))
                || (Character.isLowSurrogate(c) && !(i > 0 && Character.isHighSurrogate(text.charAt(i - 1))));
        return unsafe ? String.format("\\u%04X", (int) c) : null;
    }
}
