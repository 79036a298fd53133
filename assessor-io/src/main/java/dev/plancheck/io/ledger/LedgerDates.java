package dev.plancheck.io.ledger;

import dev.plancheck.text.VisibleText;
import java.time.DateTimeException;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Dates as people type them in spreadsheets. Only forms with the four-digit year first are accepted, because in
 * those the order is certain: {@code 2023-04-13}, {@code 2023/4/13}, {@code 2023.4.13} (very common in offices),
 * {@code 2023年4月13日}, and eight digits {@code 20230413}, with or without leading zeros, in full-width characters too
 * ({@code ２０２３年４月１３日}, {@code 2023／4／13}), and with a time of day after the date ({@code 2023-04-13 09:30}),
 * which is ignored as a date cell's is. {@code 4/13/2023}, {@code 13/4/2023}, {@code 23-4-13} and {@code 4月13日}
 * could be read more than one way or lack the year; they are rejected, never guessed, and the message says why. Text
 * with an invisible character in it (a zero-width space pasted from a web page) is rejected too, and the message names
 * the character ({@code [U+200B]}).
 *
 * <pre>{@code
 * LedgerDates.parse("２０２３年５月４日").date()   // 2023-05-04
 * LedgerDates.parse("5/4/2023").problem()        // "…年份写在后面：可能是 5 月 4 日，也可能是 4 月 5 日…"
 * }</pre>
 */
final class LedgerDates {
    private LedgerDates() {
    }

    /** The forms accepted, for messages and the 填写说明 sheet. */
    static final String ACCEPTED = "2023-04-13、2023/4/13、2023.4.13、2023年4月13日 或 20230413";

    /** A date with separators, the year first; the same separator twice. */
    private static final Pattern SEPARATED = Pattern.compile("(\\d{4})([-/.])(\\d{1,2})\\2(\\d{1,2})");
    private static final Pattern CHINESE = Pattern.compile("(\\d{4})\\s*年\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*[日号]");
    private static final Pattern COMPACT = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");
    /** A date and a time of day, as programs export a date-time: {@code … 09:30}, {@code … 9:30:00}, {@code …T09:30}. */
    private static final Pattern DATE_TIME =
            Pattern.compile("(.*?\\S)(?:\\s+|T)(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:\\.\\d{1,9})?)?");
    private static final Pattern YEAR_LAST = Pattern.compile("(\\d{1,2})([-/.])(\\d{1,2})\\2(\\d{4}).*");
    private static final Pattern SHORT_YEAR = Pattern.compile("(\\d{2})([-/.])(\\d{1,2})\\2(\\d{1,2})(?:\\D.*)?");
    private static final Pattern NO_YEAR = Pattern.compile("(?:\\d{1,2}\\s*月\\s*\\d{1,2}\\s*[日号]?|\\d{1,2}[-/.]\\d{1,2})(?:\\D.*)?");

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
     * A number in a date cell. Eight digits are a date as a person types it, year, month and day (20230413), read as
     * the same text would be; any other number cannot be placed on a calendar: a date-formatted cell outside Excel's
     * calendar (1900 to 9999), or a cell that is not date-formatted. The number is judged before it is ever written
     * out.
     */
    static Parsed number(java.math.BigDecimal n, String shown) {
        if (n.signum() > 0 && n.precision() - n.scale() == 8 && n.stripTrailingZeros().scale() <= 0) {
            return compact(String.valueOf(n.intValueExact()));
        }
        return new Parsed(null, "应为日期，实际是数字 " + shown + "（单元格不是日期格式或超出了 Excel 日期的范围，"
                + "也不是 8 位的年月日如 20230413，无法确定它表示哪一天）；请填写 " + ACCEPTED + "，或把单元格设为日期格式");
    }

    /** Eight digits, year, month and day: from a text cell or a number cell alike. */
    private static Parsed compact(String digits) {
        Matcher m = COMPACT.matcher(digits);
        if (!m.matches()) {
            throw new IllegalArgumentException(digits);
        }
        return day(m.group(1), m.group(2), m.group(3), "日期 " + digits + "（按 8 位的年月日读）");
    }

    static Parsed parse(String text) {
        String hidden = text.codePoints().filter(VisibleText::hidden).distinct()
                .mapToObj(cp -> VisibleText.line(Character.toString(cp))).collect(Collectors.joining("、"));
        if (!hidden.isEmpty()) {
            return new Parsed(null, "日期“" + VisibleText.line(VisibleText.excerpt(text.strip())) + "”中有看不见的字符 " + hidden
                    + "（多半是从网页或聊天软件复制时带进来的）；请删除这个单元格的内容，重新输入日期，如 " + ACCEPTED);
        }
        // Full-width digits and signs (２０２３／５／４, ：) read as their ASCII forms; the ideographic space as a space.
        String t = Normalizer.normalize(text, Normalizer.Form.NFKC).strip();
        String date = t;
        Matcher time = DATE_TIME.matcher(t);
        if (time.matches()) {
            date = time.group(1).strip();
            int h = Integer.parseInt(time.group(2));
            int min = Integer.parseInt(time.group(3));
            int sec = time.group(4) == null ? 0 : Integer.parseInt(time.group(4));
            if (h > 23 || min > 59 || sec > 59) {
                return new Parsed(null, "日期“" + VisibleText.excerpt(t) + "”后面的时间不存在；日期后面可以不写时间，如 " + date);
            }
        }
        Matcher m = SEPARATED.matcher(date);
        if (m.matches()) {
            return day(m.group(1), m.group(3), m.group(4), "日期“" + VisibleText.excerpt(t) + "”");
        }
        m = CHINESE.matcher(date);
        if (m.matches()) {
            return day(m.group(1), m.group(2), m.group(3), "日期“" + VisibleText.excerpt(t) + "”");
        }
        if (COMPACT.matcher(date).matches()) {
            return compact(date);
        }
        return new Parsed(null, unreadable(t));
    }

    /** The day of a year, month and day as written, or why there is none. */
    private static Parsed day(String year, String month, String day, String quoted) {
        try {
            return new Parsed(LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day)), null);
        } catch (DateTimeException e) {
            return new Parsed(null, quoted + "不存在；应为真实的日期，如 " + ACCEPTED);
        }
    }

    /** Why a text is not read as a date: the year last or short, no year, or no form at all. */
    private static String unreadable(String t) {
        String quoted = "“" + VisibleText.excerpt(t) + "”";
        String write = "；请写成 " + ACCEPTED + "（四位年份在前），或使用日期单元格";
        Matcher m = YEAR_LAST.matcher(t);
        if (m.matches()) {
            int a = Integer.parseInt(m.group(1));
            int b = Integer.parseInt(m.group(3));
            String why = a <= 12 && b <= 12 && a != b
                    ? "：年份写在后面，可能是 " + a + " 月 " + b + " 日，也可能是 " + b + " 月 " + a + " 日（月/日/年和日/月/年两种写法都有人用），不予猜测"
                    : "：年份写在后面（月/日/年或日/月/年的写法），不予猜测";
            return "无法识别的日期" + quoted + why + write;
        }
        m = SHORT_YEAR.matcher(t);
        if (m.matches()) {
            return "无法识别的日期" + quoted + "：年份只有两位（“" + m.group(1) + "”），不能确定是哪一年，也可能是月/日/年的写法，不予猜测" + write;
        }
        if (NO_YEAR.matcher(t).matches()) {
            return "无法识别的日期" + quoted + "：没有写年份，不予猜测是哪一年" + write;
        }
        return "无法识别的日期" + quoted + write + "；月/日/年、日/月/年和两位年份的写法有歧义，不予猜测";
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
