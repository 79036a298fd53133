package dev.plancheck.io.ledger;

import dev.plancheck.text.VisibleText;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates as people type them in spreadsheets. Only forms with the four-digit year first are accepted
 * ({@code 2023-04-13}, {@code 2023/4/13}, {@code 2023年4月13日}, with or without leading zeros): in those the
 * order is certain. {@code 4/13/2023}, {@code 13/4/2023} and {@code 23-4-13} could be read more than one way and are
 * rejected, never guessed.
 */
final class LedgerDates {
    private LedgerDates() {
    }

    /** The forms accepted, for messages and the 填写说明 sheet. */
    static final String ACCEPTED = "2023-04-13、2023/4/13 或 2023年4月13日";

    private static final List<Pattern> FORMS = List.of(
            Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})"),
            Pattern.compile("(\\d{4})/(\\d{1,2})/(\\d{1,2})"),
            Pattern.compile("(\\d{4})\\s*年\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*[日号]"));

    /** The result of reading a date: the day, or the Chinese reason it is not one. */
    record Parsed(LocalDate date, String problem) {
    }

    /** Reads a date cell: a real date, or text in an accepted form. */
    static Parsed read(CellValue v) {
        return switch (v.kind()) {
            case DATE -> new Parsed(v.date(), null);
            case TEXT -> parse(v.text());
            case NUMBER -> number(v.number(), v.text());
            default -> new Parsed(null, "应为日期（如 " + ACCEPTED + "），实际是" + v.describe());
        };
    }

    /**
     * A number in a date cell. Eight digits are a date as a person types it, year, month and day (20230413); any
     * other number cannot be placed on a calendar: a date-formatted cell outside Excel's calendar (1900 to 9999), or
     * a cell that is not date-formatted. The number is judged before it is ever written out.
     */
    static Parsed number(java.math.BigDecimal n, String shown) {
        if (n.signum() > 0 && n.precision() - n.scale() == 8 && n.stripTrailingZeros().scale() <= 0) {
            int ymd = n.intValueExact();
            try {
                return new Parsed(LocalDate.of(ymd / 10_000, ymd / 100 % 100, ymd % 100), null);
            } catch (DateTimeException e) {
                return new Parsed(null, "日期 " + ymd + "（按 8 位的年月日读）不存在；应为真实的日期，如 20230413 或 " + ACCEPTED);
            }
        }
        return new Parsed(null, "应为日期，实际是数字 " + shown + "（单元格不是日期格式或超出了 Excel 日期的范围，"
                + "也不是 8 位的年月日如 20230413，无法确定它表示哪一天）；请填写 " + ACCEPTED + "，或把单元格设为日期格式");
    }

    static Parsed parse(String text) {
        String t = text.strip();
        for (Pattern p : FORMS) {
            Matcher m = p.matcher(t);
            if (m.matches()) {
                try {
                    return new Parsed(LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                            Integer.parseInt(m.group(3))), null);
                } catch (DateTimeException e) {
                    return new Parsed(null, "日期“" + t + "”不存在；应为真实的日期，如 " + ACCEPTED);
                }
            }
        }
        return new Parsed(null, "无法识别的日期“" + VisibleText.excerpt(t) + "”；请写成 " + ACCEPTED
                + "（四位年份在前），或使用日期单元格；月/日/年、日/月/年和两位年份的写法有歧义，不予猜测");
    }

    /**
     * True when an xlsx number format shows a date (a time of day alone is not one). Built-in ids 14–17 and 22 are
     * dates, 18–21 and 45–47 times; of the East Asian ids 27–36 and 50–58, 32–35, 55 and 56 are times. A custom
     * format is a date when, outside quoted text and [..] sections, it has y, d, e or a month m without hours or
     * seconds; {@code [h]:mm} is an elapsed time. The format text decides when there is one, the id otherwise.
     */
    static boolean isDateFormat(Integer id, String format) {
        if (format == null) {
            return id != null && ((id >= 14 && id <= 17) || id == 22 || (id >= 27 && id <= 31) || id == 36
                    || (id >= 50 && id <= 54) || id == 57 || id == 58);
        }
        if (format.toLowerCase().matches(".*\\[[hms]+].*")) {
            return false;
        }
        String f = format.replaceAll("\"[^\"]*\"", "").replaceAll("\\[[^]]*]", "").replaceAll("\\\\.", "")
                .toLowerCase();
        if (f.equals("general") || f.equals("@")) {
            return false;
        }
        f = f.replaceAll("e[+-]", "");
        return f.contains("y") || f.contains("d") || f.contains("e")
                || (f.contains("m") && !f.contains("h") && !f.contains("s"));
    }
}
