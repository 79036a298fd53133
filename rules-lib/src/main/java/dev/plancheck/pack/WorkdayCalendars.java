package dev.plancheck.pack;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plancheck.input.Problem;
import dev.plancheck.input.ProblemCode;
import dev.plancheck.json.JsonFields;
import dev.plancheck.json.JsonPaths;
import dev.plancheck.json.LocatedJson;
import dev.plancheck.model.WorkCalendar;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads calendars of working days in one shape, for the data shipped in rules-lib
 * ({@code dev/plancheck/calendar/workdays-cn.json}) and for a pack's own {@code calendar} member, which adds years to
 * it or replaces them (docs/parameters.md "Quotas and deadlines"):
 * <pre>{@code
 * "calendar": {"2027": {"notice": "国务院办公厅关于2027年部分节假日安排的通知", "source": "https://www.gov.cn/…",
 *                       "offDays": {"元旦": ["2027-01-01"], "春节": ["2027-02-05..2027-02-11"]},
 *                       "workDays": {"春节": ["2027-02-07"]}}}
 * }</pre>
 */
public final class WorkdayCalendars {
    /** The classpath resource of the shipped calendar. */
    public static final String SHIPPED = "dev/plancheck/calendar/workdays-cn.json";
    private static final Set<String> YEAR_FIELDS = Set.of("$comment", "notice", "issued", "source", "textReadAt",
            "dataset", "offDays", "workDays");
    private static final int LONGEST_BREAK = 31;

    private static volatile WorkCalendar shipped;

    private WorkdayCalendars() {
    }

    /** The calendar shipped with the library (2023–2026), read once. */
    public static WorkCalendar shipped() {
        WorkCalendar c = shipped;
        if (c == null) {
            List<Problem> problems = new ArrayList<>();
            try (InputStream in = WorkdayCalendars.class.getClassLoader().getResourceAsStream(SHIPPED)) {
                if (in == null) {
                    throw new IllegalStateException("the shipped calendar " + SHIPPED + " is missing");
                }
                LocatedJson doc = LocatedJson.parse("classpath:" + SHIPPED, in.readAllBytes(), problems);
                if (doc != null) {
                    JsonFields f = new JsonFields(doc, problems, ProblemCode.FIELD_TYPE);
                    f.onlyKnownMembers(doc.root(), "$", Set.of("$comment", "years"));
                    JsonNode years = f.object(doc.root(), "$", "years", true);
                    c = new WorkCalendar(years == null ? List.of() : read(f, years, "$.years").values());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (!problems.isEmpty()) {
                throw new IllegalStateException("the shipped calendar is broken: " + problems);
            }
            shipped = c;
        }
        return c;
    }

    /**
     * Reads {@code {"2027": {…}, …}} at {@code path}: each year's notice and days, checked (a day of another year, a
     * make-up working day on a weekday, a day both off and working are reported, located). Returns the years it could
     * read.
     */
    static Map<Integer, WorkCalendar.Year> read(JsonFields f, JsonNode object, String path) {
        Map<Integer, WorkCalendar.Year> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : JsonFields.members(object)) {
            String yearPath = JsonPaths.child(path, e.getKey());
            if (e.getKey().equals("$comment")) {
                continue;
            }
            if (!e.getKey().matches("\\d{4}") || Integer.parseInt(e.getKey()) < PackFile.FIRST_YEAR
                    || Integer.parseInt(e.getKey()) > PackFile.LAST_YEAR) {
                f.report(yearPath, "应以年份为键，如 \"2027\"（" + PackFile.FIRST_YEAR + " 到 " + PackFile.LAST_YEAR + "）");
                continue;
            }
            int year = Integer.parseInt(e.getKey());
            JsonNode y = e.getValue();
            if (!y.isObject()) {
                f.report(yearPath, "应为一个对象 {\"notice\": …, \"source\": …, \"offDays\": {…}, \"workDays\": {…}}");
                continue;
            }
            f.onlyKnownMembers(y, yearPath, YEAR_FIELDS);
            String notice = f.text(y, yearPath, "notice", true);
            String source = f.text(y, yearPath, "source", false);
            Map<LocalDate, String> off = days(f, y, yearPath, "offDays", year, false);
            Map<LocalDate, String> work = days(f, y, yearPath, "workDays", year, true);
            if (notice == null || off == null || work == null) {
                continue;
            }
            boolean clash = false;
            for (LocalDate d : work.keySet()) {
                if (off.containsKey(d)) {
                    f.report(yearPath, d + " 既在 offDays 又在 workDays 中，只能是其一");
                    clash = true;
                }
            }
            if (!clash) {
                out.put(year, new WorkCalendar.Year(year, notice, source, off, work));
            }
        }
        return out;
    }

    /** {@code {"春节": ["2027-02-05..2027-02-11", "2027-02-14"], …}}; null after reporting when unusable. */
    private static Map<LocalDate, String> days(JsonFields f, JsonNode y, String yearPath, String member, int year,
                                               boolean weekendsOnly) {
        JsonNode groups = f.object(y, yearPath, member, true);
        if (groups == null) {
            return null;
        }
        String groupsPath = JsonPaths.child(yearPath, member);
        Map<LocalDate, String> out = new LinkedHashMap<>();
        boolean ok = true;
        for (Map.Entry<String, JsonNode> g : JsonFields.members(groups)) {
            String path = JsonPaths.child(groupsPath, g.getKey());
            if (!g.getValue().isArray()) {
                f.report(path, "应为日期数组，如 [\"" + year + "-10-01.." + year + "-10-07\", \"" + year + "-10-12\"]");
                ok = false;
                continue;
            }
            for (int i = 0; i < g.getValue().size(); i++) {
                String at = JsonPaths.element(path, i);
                JsonNode v = g.getValue().get(i);
                LocalDate[] range = v.isTextual() ? range(v.asText()) : null;
                if (range == null) {
                    f.report(at, "应为 \"YYYY-MM-DD\" 或 \"YYYY-MM-DD..YYYY-MM-DD\"，实际是" + JsonFields.describe(v));
                    ok = false;
                    continue;
                }
                if (range[0].getYear() != year || range[1].getYear() != year) {
                    f.report(at, "日期应在 " + year + " 年内（每年的数据只列本年的日期），实际是 \"" + v.asText() + "\"");
                    ok = false;
                    continue;
                }
                if (range[1].isBefore(range[0]) || range[0].plusDays(LONGEST_BREAK).isBefore(range[1])) {
                    f.report(at, "日期范围应从早到晚且不超过 " + LONGEST_BREAK + " 天，实际是 \"" + v.asText() + "\"");
                    ok = false;
                    continue;
                }
                for (LocalDate d = range[0]; !d.isAfter(range[1]); d = d.plusDays(1)) {
                    if (weekendsOnly && d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                        f.report(at, "调休上班日应为星期六或星期日，" + d + " 是工作日本来就上班");
                        ok = false;
                    } else if (out.putIfAbsent(d, g.getKey()) != null) {
                        f.report(at, d + " 在 " + member + " 中重复出现");
                        ok = false;
                    }
                }
            }
        }
        return ok ? out : null;
    }

    private static LocalDate[] range(String text) {
        String[] parts = text.split("\\.\\.", -1);
        if (parts.length > 2) {
            return null;
        }
        try {
            LocalDate a = LocalDate.parse(parts[0]);
            return new LocalDate[] {a, parts.length == 2 ? LocalDate.parse(parts[1]) : a};
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
