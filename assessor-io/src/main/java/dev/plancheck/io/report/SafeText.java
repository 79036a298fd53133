package dev.plancheck.io.report;

/**
 * Submitted text made safe to show: characters that would be invisible, dropped or harmful in a page or a cell are
 * replaced by a visible stand-in, so that an assessor sees that something odd was submitted.
 */
final class SafeText {
    private SafeText() {
    }

    /**
     * The text with control characters (other than tab, line feed and carriage return), bidirectional overrides,
     * non-characters and lone surrogates replaced by their code, e.g. {@code \u0007} → {@code [U+0007]}: readable in
     * any font, where a control picture (␇) may show as a box. XML cannot hold C0 controls at all (fastexcel would
     * drop them silently), and bidirectional overrides could make a page read differently from what was submitted.
     */
    static String visible(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String stand = standIn(c, s, i);
            if (stand != null && out == null) {
                out = new StringBuilder(s.length() + 16).append(s, 0, i);
            }
            if (out != null) {
                out.append(stand != null ? stand : String.valueOf(c));
            }
        }
        return out == null ? s : out.toString();
    }

    private static String standIn(char c, String s, int i) {
        if (c == '\t' || c == '\n' || c == '\r') {
            return null;
        }
        boolean loneSurrogate = Character.isHighSurrogate(c)
                ? i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))
                : Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(s.charAt(i - 1)));
        if (c < 0x20 || (c >= 0x7F && c <= 0x9F) || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069)
                || c == 0xFFFE || c == 0xFFFF || loneSurrogate) {
            return String.format("[U+%04X]", (int) c);
        }
        return null;
    }
}
