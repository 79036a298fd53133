package dev.plancheck.pack;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plancheck.calendar.PeriodSpec;
import dev.plancheck.calendar.Series;
import dev.plancheck.json.JsonFields;
import dev.plancheck.json.JsonPaths;
import dev.plancheck.model.Period;
import java.time.MonthDay;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads the parts of a period definition that reach beyond one written-out period: a series declared once
 * ({@code "every": "month"}, optionally {@code "due": {"nextMonthDay": 5}} or {@code {"daysAfterEnd": 10}}) and a span
 * that ends in the next year ({@code "endsNextYear": true}). Every bad value is reported at its place; see
 * {@code docs/parameters.md}.
 */
final class PeriodSeries {
    private PeriodSeries() {
    }

    /** Members a series declared with {@code every} may not have: its days come from {@code every}. */
    private static final List<String> NOT_WITH_EVERY = List.of("series", "from", "to", "months", "node", "daysBefore",
            "daysAfter", "anyOf", "endsNextYear");

    static PeriodDef read(JsonFields f, String id, JsonNode p, String path, String name, String description, Integer year) {
        boolean ok = true;
        for (String member : NOT_WITH_EVERY) {
            if (p.has(member)) {
                f.report(path + "." + member, "every 声明的系列由 every 给出各期的日期，不能再给 " + member
                        + (member.equals("series") ? "（系列名就是它的 id \"" + id + "\"，规则写 Period(series == \"" + id + "\")）" : ""));
                ok = false;
            }
        }
        String everyText = f.text(p, path, "every", true);
        Series.Every every = everyText == null ? null : Series.Every.of(everyText);
        if (everyText != null && every == null) {
            f.report(path + ".every", "未知的系列 \"" + everyText + "\"；可用：" + Arrays.stream(Series.Every.values())
                    .map(e -> e.code() + "（" + e.words() + "）").collect(Collectors.joining("、")));
        }
        Series.Due due = null;
        boolean dueOk = true;
        JsonNode d = p.get("due");
        if (d != null) {
            dueOk = false;
            String duePath = path + ".due";
            if (!d.isObject()) {
                f.report(duePath, "应为一个对象 {\"nextMonthDay\": 5}（次月5日前）或 {\"daysAfterEnd\": 10}（结束后10日内），实际是"
                        + JsonFields.describe(d));
            } else if (d.has("nextMonthDay") == d.has("daysAfterEnd")) {
                f.onlyKnownMembers(d, duePath, Set.of("nextMonthDay", "daysAfterEnd", "$comment"));
                f.report(duePath, "报送期限应给出 nextMonthDay（次月几日前）或 daysAfterEnd（每期结束后几日内）二者之一");
            } else {
                f.onlyKnownMembers(d, duePath, Set.of("nextMonthDay", "daysAfterEnd", "$comment"));
                if (d.has("nextMonthDay")) {
                    Integer day = f.integer(d, duePath, "nextMonthDay", true, 1, Series.Due.NextMonthDay.MAX);
                    due = day == null ? null : new Series.Due.NextMonthDay(day);
                } else {
                    Integer days = f.integer(d, duePath, "daysAfterEnd", true, 1, 366);
                    due = days == null ? null : new Series.Due.DaysAfterEnd(days);
                }
                dueOk = due != null;
            }
        }
        if (!ok || every == null || !dueOk || name == null || description == null) {
            return null;
        }
        Series series = new Series(every, due);
        if (year != null) {
            String overlap = series.overlapIn(year);
            if (overlap != null) {
                f.report(path + ".due", overlap);
                return null;
            }
        }
        return PeriodDef.series(id, name, description, series);
    }

    /** {@code "endsNextYear": true}: from {@code from} in the year to {@code to} in the next, which must come before it. */
    static PeriodSpec intoNextYear(JsonFields f, JsonNode p, String path, MonthDay from, MonthDay to) {
        JsonNode v = p.get("endsNextYear");
        if (!v.isBoolean()) {
            f.report(path + ".endsNextYear", "应为 true 或 false，实际是" + JsonFields.describe(v));
            return null;
        }
        if (!v.asBoolean()) {
            return new PeriodSpec.Span(from, to);
        }
        if (!to.isBefore(from)) {
            f.report(path + ".endsNextYear", "endsNextYear 表示自本年 from 起至次年 to 止，to 应早于 from（如 \"from\": \"12-01\", "
                    + "\"to\": \"02-29\"），实际是 " + monthDay(from) + " 至 " + monthDay(to));
            return null;
        }
        return new PeriodSpec.IntoNextYear(from, to);
    }

    /**
     * A period id given twice: a series' generated id ({@code monthly.01}) that is also written out, or a series
     * declared with {@code every} whose id is also the {@code series} of written-out periods.
     */
    static void checkIds(JsonFields f, Map<String, PeriodDef> periods, Integer year) {
        if (year == null) {
            return;
        }
        for (PeriodDef def : periods.values()) {
            if (def.every() != null) {
                continue;
            }
            String series = def.series();
            PeriodDef declared = series == null ? null : periods.get(series);
            if (declared != null && declared.every() != null) {
                f.report(JsonPaths.child("$.periods", def.id()) + ".series", "系列 \"" + series
                        + "\" 已由 every 声明；写出的时段不能再加入它，请另取系列名或删去 every 声明");
            }
        }
        for (PeriodDef def : periods.values()) {
            if (def.every() == null) {
                continue;
            }
            for (Period p : def.periodsIn(year)) {
                if (periods.containsKey(p.getId())) {
                    f.report(JsonPaths.child("$.periods", p.getId()), "时段 id \"" + p.getId() + "\" 已由系列 \""
                            + def.id() + "\"（every）生成，不能再写出");
                }
            }
        }
    }

    /** The {@code MM-DD} form of the parameter file. */
    private static String monthDay(MonthDay d) {
        return String.format("%02d-%02d", d.getMonthValue(), d.getDayOfMonth());
    }
}
