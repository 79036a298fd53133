package dev.plancheck.text;

/**
 * The one escaper for HTML and XML, built on {@link VisibleText}: every hidden character is first shown as
 * {@code [U+XXXX]} (so nothing submitted can hide a word, reorder a line or break an XML 1.0 file), then
 * {@code & < > " '} become character references. Used by the HTML report, the service's pages and JUnit XML alike.
 *
 * <pre>{@code
 * Markup.text("<b>会议</b>\u202e")      // "&lt;b&gt;会议&lt;/b&gt;[U+202E]"
 * Markup.attribute("第一行\n第二行")      // "第一行&#10;第二行": line breaks kept through XML attribute normalisation
 * }</pre>
 */
public final class Markup {
    private Markup() {
    }

    /**
     * Text for element content or a quoted attribute value, in HTML or XML: line breaks and tabs kept, every other
     * hidden character shown; {@code null} is the empty string.
     */
    public static String text(String s) {
        String visible = VisibleText.text(s == null ? "" : s);
        StringBuilder out = null;
        for (int i = 0; i < visible.length(); i++) {
            String ref = switch (visible.charAt(i)) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                default -> null;
            };
            if (ref != null && out == null) {
                out = new StringBuilder(visible.length() + 16).append(visible, 0, i);
            }
            if (ref != null) {
                out.append(ref);
            } else if (out != null) {
                out.append(visible.charAt(i));
            }
        }
        return out == null ? visible : out.toString();
    }

    /**
     * Text for an XML attribute value: as {@link #text}, with tab, line feed and carriage return as character
     * references, which an XML parser would otherwise turn into spaces.
     */
    public static String attribute(String s) {
        return text(s).replace("\n", "&#10;").replace("\r", "&#13;").replace("\t", "&#9;");
    }
}
