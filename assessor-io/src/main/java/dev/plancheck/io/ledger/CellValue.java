package dev.plancheck.io.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What one spreadsheet cell holds, independent of the file format: CSV cells are always text, xlsx cells may be
 * numbers, real dates (a number with a date format), booleans or error values.
 *
 * @param kind   what the cell holds
 * @param text   the text (for TEXT), the formatted number or date, or the error code, for messages
 * @param number the number of a NUMBER cell
 * @param date   the day of a DATE cell
 */
record CellValue(Kind kind, String text, BigDecimal number, LocalDate date) {
    enum Kind { BLANK, TEXT, NUMBER, DATE, BOOLEAN, ERROR }

    static final CellValue BLANK = new CellValue(Kind.BLANK, "", null, null);

    static CellValue text(String s) {
        return s == null || s.isBlank() ? BLANK : new CellValue(Kind.TEXT, s.strip(), null, null);
    }

    static CellValue number(BigDecimal n) {
        return new CellValue(Kind.NUMBER, plain(n), n, null);
    }

    static CellValue date(LocalDate d) {
        return new CellValue(Kind.DATE, d.toString(), null, d);
    }

    boolean isBlank() {
        return kind == Kind.BLANK;
    }

    /** How the value is quoted in a message, e.g. {@code 文字“38650元”} or {@code 数字 45029}. */
    String describe() {
        return switch (kind) {
            case BLANK -> "空白";
            case TEXT -> "文字“" + (text.length() > 40 ? text.substring(0, 40) + "…" : text) + "”";
            case NUMBER -> "数字 " + text;
            case DATE -> "日期 " + text;
            case BOOLEAN -> "逻辑值 " + text;
            case ERROR -> "错误值 " + text;
        };
    }

    static String plain(BigDecimal n) {
        String s = n.stripTrailingZeros().toPlainString();
        return s.equals("-0") ? "0" : s;
    }
}
