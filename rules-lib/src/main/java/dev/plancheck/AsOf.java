package dev.plancheck;

import dev.plancheck.input.Problem;
import dev.plancheck.input.ProblemCode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

/** The one place that decides which as-of dates a check accepts: a real four-digit date within the pack's bounds. */
final class AsOf {
    private static final DateTimeFormatter STRICT_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);

    private AsOf() {
    }

    /** The date of a strict {@code YYYY-MM-DD} text, or {@code null} when it is not one ({@code +99999-04-13} is not). */
    static LocalDate parse(String text) {
        if (text == null || !text.matches("\\d{4}-\\d{2}-\\d{2}")) {
            return null;
        }
        try {
            return LocalDate.parse(text, STRICT_DATE);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * Why the day cannot be the as-of date of a check with this pack, or {@code null} when it can ({@code null}: the
     * end of the assessment year). The problem's path is {@code asOf}.
     */
    static Problem problem(RulePack pack, LocalDate day) {
        if (day == null) {
            return null;
        }
        if (day.getYear() < pack.year()) {
            return new Problem(ProblemCode.AS_OF_BEFORE_YEAR, "", 0, 0, "asOf", "检查日期 " + day + " 早于规则包 "
                    + pack.id() + " 的考核年度 " + pack.year() + " 年");
        }
        if (day.getYear() > pack.year() + CheckOptions.MAX_YEARS_AFTER) {
            return new Problem(ProblemCode.AS_OF_TOO_LATE, "", 0, 0, "asOf", "检查日期 " + day + " 晚于规则包 "
                    + pack.id() + " 的考核年度 " + pack.year() + " 年之后 " + CheckOptions.MAX_YEARS_AFTER
                    + " 年；考核年度结束后检查，结果与年底相同");
        }
        return null;
    }
}
