package dev.plancheck.io.ledger;

import dev.plancheck.text.VisibleText;
import dev.plancheck.input.InputLimits;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What one spreadsheet cell holds, independent of the file format: CSV cells are always text, xlsx cells may be
 * numbers, real dates (a number with a date format), booleans or error values. Text longer than the string limit is
 * kept only as its start and length ({@link Kind#TOO_LONG}), so that it is reported at its cell and held no further.
 *
 * @param kind   what the cell holds
 * @param text   the text (TEXT), its first characters (TOO_LONG), the error code (ERROR), the unreadable number
 *               (BAD_NUMBER) or the formula (FORMULA); for NUMBER and DATE {@link #text()} writes the value
 * @param number the number of a NUMBER cell; for TOO_LONG, the text's real length
 * @param date   the day of a DATE cell
 */
record CellValue(Kind kind, String text, BigDecimal number, LocalDate date) {
    /**
     * What a cell holds. {@code FORMULA} is a formula whose result the file does not hold (a workbook written by a
     * program that does not calculate, never saved in Excel or WPS): its value is unknown, not blank.
     */
    enum Kind { BLANK, TEXT, TOO_LONG, NUMBER, BAD_NUMBER, DATE, BOOLEAN, ERROR, FORMULA }

    static final CellValue BLANK = new CellValue(Kind.BLANK, "", null, null);

    /** Longest plain form of a number written out; longer ones are written in scientific form ({@code 1E+999999999}). */
    private static final int PLAIN_DIGITS = 40;

    static CellValue text(String s) {
        return s == null || s.isBlank() ? BLANK : new CellValue(Kind.TEXT, s.strip(), null, null);
    }

    /** Text, or its start and length when it is longer than {@code maxLength} characters. */
    static CellValue text(String s, int maxLength) {
        if (s != null && s.length() > maxLength && !s.isBlank()) {
            return new CellValue(Kind.TOO_LONG, VisibleText.excerpt(s), BigDecimal.valueOf(s.length()), null);
        }
        return text(s);
    }

    /** A formula without a saved result; the formula is kept only as its start. */
    static CellValue formula(String formula) {
        String f = formula == null ? "" : formula.strip();
        return new CellValue(Kind.FORMULA, VisibleText.excerpt(f.startsWith("=") ? f : "=" + f), null, null);
    }

    static CellValue number(BigDecimal n) {
        return new CellValue(Kind.NUMBER, null, n, null);
    }

    static CellValue date(LocalDate d) {
        return new CellValue(Kind.DATE, null, null, d);
    }

    /** The text shown for the value; a number in plain form only when that form is short. */
    @Override
    public String text() {
        return switch (kind) {
            case NUMBER -> shown(number);
            case DATE -> date.toString();
            default -> text;
        };
    }

    boolean isBlank() {
        return kind == Kind.BLANK;
    }

    /**
     * True for a cell that is reported once, at its cell, whatever column it is in (text over the length limit, a
     * formula without a result), and then read as nothing, so that no second message follows from it.
     */
    boolean reportedAtCell() {
        return kind == Kind.TOO_LONG || kind == Kind.FORMULA;
    }

    /** How the value is quoted in a message, e.g. {@code 文字“38650元”} or {@code 数字 45029}. */
    String describe() {
        return switch (kind) {
            case BLANK -> "空白";
            case TEXT -> "文字“" + (text.length() > 40 ? text.substring(0, 40) + "…" : text) + "”";
            case TOO_LONG -> "文字“" + text + "”";
            case NUMBER -> "数字 " + text();
            case BAD_NUMBER -> "无法识别的数字“" + VisibleText.excerpt(text) + "”";
            case DATE -> "日期 " + text();
            case BOOLEAN -> "逻辑值 " + text;
            case ERROR -> "错误值 " + text;
            case FORMULA -> "公式“" + text + "”（文件中没有保存计算结果）";
        };
    }

    /**
     * A number as a person would write it: plain ({@code 12500.5}) when that takes at most 40 characters, otherwise in
     * scientific form ({@code 1E+999999999}), which is never longer than the digits the cell held. The plain form of
     * such a number would be a billion digits long.
     */
    static String shown(BigDecimal n) {
        BigDecimal s = n.signum() == 0 ? BigDecimal.ZERO : n.stripTrailingZeros();
        long digits = s.scale() <= 0 ? (long) s.precision() - s.scale() : Math.max(s.precision(), (long) s.scale() + 1) + 1;
        return digits <= PLAIN_DIGITS ? s.toPlainString() : s.toString();
    }
}
