package dev.plancheck.io.print;

/**
 * How many lines a text takes when a spreadsheet program wraps it in a column, estimated generously so that a row
 * sized from it is never too short. Column widths are in Excel's units (the width of a digit of the workbook's default
 * font); a Chinese character or other wide character counts {@link #WIDE} units, anything else one. Measured in
 * LibreOffice 7.4 with the 11 pt default font, a unit is 7 pt and a Chinese character 1.43 units; Excel and WPS lay a
 * unit out narrower (the digit width of 等线, about 8 pixels), where a Chinese character of 11 pt is nearly 1.9 units.
 * The estimate takes the wider, so LibreOffice leaves some room under the text and Excel none.
 *
 * <p>Lines break as the programs break them: at a line break in the text; before a word (a run of narrow characters
 * without a space) that does not fit on the line; anywhere between wide characters; and inside a word that is longer
 * than a whole line.
 *
 * <pre>{@code
 * TextLines.of("电厂街道", 10)                                    // 1
 * TextLines.of("sample-data/dianchang-2023/gaps-communities.json", 14)   // 4
 * }</pre>
 */
public final class TextLines {
    /** Units a wide character (Chinese, full-width punctuation and letters, emoji) takes. */
    public static final double WIDE = 1.9;
    /** Units any other character takes (a digit is one by definition; letters and signs are about as wide). */
    public static final double NARROW = 1.0;
    /** The cell's own inner margins, in units: text never reaches the column's edge. */
    public static final double CELL_PADDING = 0.8;

    private TextLines() {
    }

    /** The units a code point takes: everything from U+2000 on (punctuation, CJK, full-width forms, emoji) is wide. */
    public static double units(int codePoint) {
        return codePoint >= 0x2000 ? WIDE : NARROW;
    }

    /** The units a text takes on one line. */
    public static double units(String text) {
        double sum = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            sum += units(cp);
            i += Character.charCount(cp);
        }
        return sum;
    }

    /**
     * The lines a text takes in a column {@code width} units wide; an empty text takes one line, as an empty row does.
     */
    public static int of(String text, double width) {
        double room = Math.max(width - CELL_PADDING, WIDE);
        int lines = 0;
        for (String paragraph : text.split("\r\n|\r|\n", -1)) {
            lines += paragraph(paragraph, room);
        }
        return Math.max(lines, 1);
    }

    private static int paragraph(String text, double room) {
        int lines = 1;
        double used = 0;
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            if (cp == ' ') {
                if (used + NARROW > room) {
                    lines++; // the line breaks at the space, which is dropped
                    used = 0;
                } else {
                    used += NARROW;
                }
                i++;
                continue;
            }
            if (units(cp) == WIDE) {
                if (used + WIDE > room) {
                    lines++;
                    used = 0;
                }
                used += WIDE;
                i += Character.charCount(cp);
                continue;
            }
            // A word: narrow characters up to a space or a wide character.
            int end = i;
            while (end < text.length() && text.charAt(end) != ' ' && units(text.codePointAt(end)) != WIDE) {
                end += Character.charCount(text.codePointAt(end));
            }
            double word = (end - i) * NARROW; // narrow characters are single chars: below U+2000
            if (used > 0 && used + word > room) {
                lines++;
                used = 0;
            }
            // A word longer than a line is broken inside.
            while (word > room) {
                word -= Math.floor(room / NARROW) * NARROW;
                lines++;
            }
            used += word;
            i = end;
        }
        return lines;
    }
}
