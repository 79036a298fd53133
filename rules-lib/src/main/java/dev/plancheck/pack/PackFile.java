package dev.plancheck.pack;

import dev.plancheck.json.JsonFields;
import com.fasterxml.jackson.databind.JsonNode;
import dev.plancheck.calendar.LunarFestival;
import dev.plancheck.calendar.NodeDay;
import dev.plancheck.calendar.PeriodSpec;
import dev.plancheck.calendar.SolarTerms;
import dev.plancheck.json.JsonPaths;
import dev.plancheck.model.Deadline;
import dev.plancheck.model.Quota;
import dev.plancheck.model.WorkCalendar;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The parameter file of a rule pack: identity, assessment year and everything about time and quantity that the
 * rules read (node days, periods, quotas, deadlines, the days of "coming due"). See {@code docs/parameters.md}.
 * {@code version} is the optional version the file declares (e.g. {@code "2023.1"}), printed in every report.
 * {@code longestSpan} is the longest multi-day record whose span counts in a period it overlaps, or {@code null}.
 * {@code units} holds the unit attributes, unit conditions and rates ({@link UnitParameters}).
 */
public record PackFile(String id, String title, String issuer, LocalDate issued, String ruleSet, int year,
                       int comingDueDays, Map<String, NodeDef> nodes, Map<String, PeriodDef> periods,
                       Map<String, Quota> quotas, Map<String, Deadline> deadlines, Map<String, String> retiredRules,
                       String version, SpanLimit longestSpan, UnitParameters units) {

    /** The years the calendar supports: those of the solar-term computation. */
    public static final int FIRST_YEAR = SolarTerms.MIN_YEAR;
    public static final int LAST_YEAR = SolarTerms.MAX_YEAR;

    private static final Pattern MONTH_DAY = Pattern.compile("(\\d{2})-(\\d{2})");

    /** The maps are copied and read-only, in the file's order: a pack is shared by every check that uses it. */
    public PackFile {
        nodes = readOnly(nodes);
        periods = readOnly(periods);
        quotas = readOnly(quotas);
        deadlines = readOnly(deadlines);
        retiredRules = readOnly(retiredRules);
    }

    static <V> Map<String, V> readOnly(Map<String, V> map) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    static PackFile read(JsonFields f) {
        JsonNode root = f.doc().root();
        f.onlyKnownMembers(root, "$", Set.of("$comment", "id", "version", "title", "issuer", "issued", "ruleSet", "year",
                "comingDueDays", "nodes", "periods", "quotas", "deadlines", "retiredRules", "longestSpan", "calendar",
                "unitAttributes", "unitConditions", "rates"));
        String id = f.text(root, "$", "id", true);
        String version = f.text(root, "$", "version", false);
        String title = f.text(root, "$", "title", true);
        String issuer = f.text(root, "$", "issuer", false);
        String issuedText = f.text(root, "$", "issued", false);
        LocalDate issued = null;
        if (issuedText != null) {
            try {
                issued = LocalDate.parse(issuedText);
            } catch (DateTimeParseException e) {
                f.report("$.issued", "应为 YYYY-MM-DD 格式的日期，实际是 \"" + issuedText + "\"");
            }
        }
        String ruleSet = f.text(root, "$", "ruleSet", true);
        Integer year = f.integer(root, "$", "year", true, FIRST_YEAR, LAST_YEAR);
        Integer coming = f.integer(root, "$", "comingDueDays", true, 0, 366);

        Map<String, NodeDef> nodes = entries(f, root, "nodes",
                "{\"name\": …, \"description\": …, \"date\": \"MM-DD\"} 或 {…, \"solarTerm\": \"QINGMING\"} 或 {…, \"lunar\": \"DOUBLE_NINTH\"}",
                Set.of("name", "description", "date", "solarTerm", "lunar", "lunarYear"),
                (id2, n, path) -> readNode(f, id2, n, path, year));
        Map<String, PeriodDef> periods = entries(f, root, "periods",
                "{\"name\": …, \"description\": …, 以及 from/to、months、node、anyOf 或 every}",
                Set.of("name", "description", "series", "from", "to", "months", "node", "daysBefore", "daysAfter", "anyOf",
                        "every", "due", "endsNextYear"),
                (id2, p, path) -> {
                    String name = f.text(p, path, "name", true);
                    String description = f.text(p, path, "description", true);
                    if (p.has("every")) {
                        return PeriodSeries.read(f, id2, p, path, name, description, year);
                    }
                    if (p.has("due")) {
                        f.report(path + ".due", "due（报送期限）只用于 every 声明的系列，如 {\"every\": \"month\", \"due\": {\"nextMonthDay\": 5}}");
                    }
                    String series = f.text(p, path, "series", false);
                    PeriodSpec spec = readSpec(f, p, path, nodes);
                    if (name == null || description == null || spec == null) {
                        return null;
                    }
                    String noDay = year == null ? null : noDayInYear(spec, year);
                    if (noDay != null) {
                        f.report(path, noDay);
                        return null;
                    }
                    return new PeriodDef(id2, series, name, description, spec);
                });
        PeriodSeries.checkIds(f, periods, year);
        Map<String, Quota> quotas = entries(f, root, "quotas", "{\"min\": 2, \"description\": …}",
                Set.of("min", "description"), (id2, q, path) -> {
                    Integer min = f.integer(q, path, "min", true, 1, 1_000_000_000); // a sum of 元 may be large
                    String description = f.text(q, path, "description", true);
                    return min == null || description == null ? null : new Quota(id2, min, description);
                });
        Map<String, Deadline> deadlines = readDeadlines(f, root, year);
        // Optional: rules of the rule set that do not apply in this pack's year, each with its reason.
        Map<String, String> retired = new LinkedHashMap<>();
        if (root.has("retiredRules")) {
            retired = entries(f, root, "retiredRules", "{\"reason\": …}", Set.of("reason"),
                    (id2, r, path) -> f.text(r, path, "reason", true));
        }
        // Optional: the longest multi-day record whose span, not only its first day, counts in a period.
        SpanLimit longestSpan = null;
        JsonNode span = root.get("longestSpan");
        if (span != null) {
            if (!span.isObject()) {
                f.report("$.longestSpan", "应为一个对象 {\"days\": 15, \"description\": …}");
            } else {
                f.onlyKnownMembers(span, "$.longestSpan", Set.of("days", "description", "$comment"));
                Integer days = f.integer(span, "$.longestSpan", "days", true, 2, 366);
                String description = f.text(span, "$.longestSpan", "description", true);
                if (days != null && description != null) {
                    longestSpan = new SpanLimit(days, description);
                }
            }
        }
        return new PackFile(id, title, issuer, issued, ruleSet, year == null ? 0 : year,
                coming == null ? 0 : coming, nodes, periods, quotas, deadlines, retired, version, longestSpan,
                UnitParameters.read(f, root));
    }

    /**
     * Deadlines in calendar days ({@code "days"}) or in working days ({@code "workingDays"}), the latter counted with
     * the shipped calendar plus the pack's own {@code calendar} member, which must hold the pack's year.
     */
    private static Map<String, Deadline> readDeadlines(JsonFields f, JsonNode root, Integer year) {
        JsonNode own = f.object(root, "$", "calendar", false);
        java.util.Collection<WorkCalendar.Year> ownYears = own == null ? List.of()
                : WorkdayCalendars.read(f, own, "$.calendar").values();
        // The shipped calendar is read only for a pack that counts working days: reading it cost a pack without
        // such a deadline (the bundled ones) 15-20 ms of every cold start (docs/performance.md).
        WorkCalendar[] known = {null};
        return entries(f, root, "deadlines", "{\"days\": 15, \"description\": …} 或 {\"workingDays\": 10, \"description\": …}",
                Set.of("days", "workingDays", "description"), (id2, d, path) -> {
                    if (d.has("days") == d.has("workingDays")) {
                        f.report(path, "期限应给出 days（日）或 workingDays（工作日）二者之一");
                        return null;
                    }
                    boolean working = d.has("workingDays");
                    Integer days = f.integer(d, path, working ? "workingDays" : "days", true, 1, working ? 250 : 366);
                    String description = f.text(d, path, "description", true);
                    if (working && known[0] == null) {
                        known[0] = ownYears.isEmpty() ? WorkdayCalendars.shipped() : WorkdayCalendars.shipped().with(ownYears);
                    }
                    if (working && year != null && !known[0].covers(year)) {
                        f.report(path + ".workingDays", WorkCalendar.missing(year, known[0].years().keySet()));
                        return null;
                    }
                    return days == null || description == null ? null
                            : new Deadline(id2, days, description, working ? known[0] : null);
                });
    }

    /** Reads one named parameter; returns null after reporting when it cannot be used. */
    private interface EntryReader<T> {
        T read(String id, JsonNode value, String path);
    }

    /** Reads the object {@code member} of {@code root}: each of its members an object of the given fields. */
    private static <T> Map<String, T> entries(JsonFields f, JsonNode root, String member, String shape,
                                              Set<String> fields, EntryReader<T> reader) {
        Map<String, T> out = new LinkedHashMap<>();
        JsonNode object = f.object(root, "$", member, true);
        if (object == null) {
            return out;
        }
        for (Map.Entry<String, JsonNode> e : JsonFields.members(object)) {
            String path = JsonPaths.child("$." + member, e.getKey());
            if (!e.getValue().isObject()) {
                f.report(path, "应为一个对象 " + shape);
                continue;
            }
            f.onlyKnownMembers(e.getValue(), path, fields);
            T value = reader.read(e.getKey(), e.getValue(), path);
            if (value != null) {
                out.put(e.getKey(), value);
            }
        }
        return out;
    }

    private static NodeDef readNode(JsonFields f, String id, JsonNode n, String path, Integer year) {
        String name = f.text(n, path, "name", true);
        String description = f.text(n, path, "description", true);
        String date = f.text(n, path, "date", false);
        String term = f.text(n, path, "solarTerm", false);
        String lunar = f.text(n, path, "lunar", false);
        String lunarYear = f.text(n, path, "lunarYear", false);
        if ((date == null ? 0 : 1) + (term == null ? 0 : 1) + (lunar == null ? 0 : 1) != 1) {
            f.report(path, "节点日应给出 date（\"MM-DD\"）、solarTerm（节气名）或 lunar（农历节日名，如 \"DOUBLE_NINTH\"）三者之一");
            return null;
        }
        if (lunarYear != null && lunar == null) {
            f.report(path + ".lunarYear", "lunarYear 只用于农历节点（lunar），这里没有 lunar");
            return null;
        }
        if (name == null || description == null) {
            return null;
        }
        if (lunar != null) {
            return lunarNode(f, id, name, description, lunar, lunarYear, path, year);
        }
        if (date != null) {
            MonthDay md = monthDay(f, date, path + ".date");
            return md == null ? null : new NodeDef(id, description, new NodeDay.Fixed(name, md));
        }
        try {
            return new NodeDef(id, description, new NodeDay.Term(name, SolarTerms.SolarTerm.valueOf(term)));
        } catch (IllegalArgumentException e) {
            f.report(path + ".solarTerm", "未知节气 \"" + term + "\"；可用：" + Arrays.stream(SolarTerms.SolarTerm.values())
                    .map(t -> t.name() + "（" + t.chineseName() + "）").collect(Collectors.joining("、")));
            return null;
        }
    }

    /** A lunar node: {@code "lunar": "DOUBLE_NINTH"}, optionally {@code "lunarYear": "previous"}. */
    private static NodeDef lunarNode(JsonFields f, String id, String name, String description, String lunar,
                                     String lunarYear, String path, Integer year) {
        LunarFestival festival;
        try {
            festival = LunarFestival.valueOf(lunar);
        } catch (IllegalArgumentException e) {
            f.report(path + ".lunar", "未知的农历节点 \"" + lunar + "\"；可用：" + Arrays.stream(LunarFestival.values())
                    .map(l -> l.name() + "（" + l.chineseName() + "，" + l.lunarDate() + "）").collect(Collectors.joining("、")));
            return null;
        }
        boolean previous = "previous".equals(lunarYear);
        if (lunarYear != null && !previous && !"current".equals(lunarYear)) {
            f.report(path + ".lunarYear", "应为 \"current\"（在本年开始的农历年，默认）或 \"previous\"（在本年结束的农历年），实际是 \""
                    + lunarYear + "\"");
            return null;
        }
        NodeDay.Lunar day = new NodeDay.Lunar(name, festival, previous);
        if (year != null) {
            try {
                day.in(year);
            } catch (IllegalArgumentException e) {
                f.report(path + ".lunar", "无法计算 " + year + " 年的" + festival.chineseName() + "：农历按 "
                        + (FIRST_YEAR + 1) + "–" + LAST_YEAR + " 年的节气计算（十一月、腊月的日子和除夕要用到次年的节气）");
                return null;
            }
        }
        return new NodeDef(id, description, day);
    }

    /**
     * Why a period, or any part of a union, has no day in {@code year}; null when each has some. A period on a node
     * says the day the node gave, and for a lunar festival whether the other occurrence would fall in the year.
     */
    private static String noDayInYear(PeriodSpec spec, int year) {
        if (spec instanceof PeriodSpec.AnyOf any) {
            for (PeriodSpec part : any.parts()) {
                String why = noDayInYear(part, year);
                if (why != null) {
                    return why;
                }
            }
        }
        if (!spec.rangesIn(year).isEmpty()) {
            return null;
        }
        String why = "该时段在 " + year + " 年内没有任何一天";
        NodeDay node = spec instanceof PeriodSpec.AroundNode a ? a.node()
                : spec instanceof PeriodSpec.FromNode from ? from.node() : null;
        if (node == null) {
            return why;
        }
        why += "：节点“" + node.name() + "”在 " + year + " 年取 " + node.dateIn(year);
        if (spec instanceof PeriodSpec.FromNode from && node.in(year).getYear() == year) {
            why += "，晚于 to（" + String.format("%02d-%02d", from.to().getMonthValue(), from.to().getDayOfMonth()) + "）";
        }
        // Only a lunar day outside the year has another occurrence to offer; one inside it failed for another reason.
        if (node instanceof NodeDay.Lunar lunar && lunar.in(year).getYear() != year) {
            NodeDay.Lunar other = new NodeDay.Lunar(lunar.name(), lunar.festival(), !lunar.previousLunarYear());
            LocalDate otherDay;
            try {
                otherDay = other.in(year);
            } catch (IllegalArgumentException e) {
                return why;
            }
            if (otherDay.getYear() == year) {
                why += "；要取 " + otherDay + " 的那一次，在节点上写 \"lunarYear\": \""
                        + (other.previousLunarYear() ? "previous" : "current") + "\"";
            } else {
                why += "；" + year + " 年内没有" + lunar.festival().chineseName() + "（另一次为 " + otherDay + "）";
            }
        }
        return why;
    }

    private static PeriodSpec readSpec(JsonFields f, JsonNode p, String path, Map<String, NodeDef> nodes) {
        boolean node = p.has("node");
        boolean span = (p.has("from") || p.has("to")) && !node;
        boolean months = p.has("months");
        boolean anyOf = p.has("anyOf");
        int ways = (span ? 1 : 0) + (months ? 1 : 0) + (node ? 1 : 0) + (anyOf ? 1 : 0);
        if (ways != 1) {
            f.report(path, "时段应由以下方式之一给出：from 和 to（\"MM-DD\"）、months（月份数组）、node（节点日及 daysBefore/daysAfter）、anyOf（多个时段之并）");
            return null;
        }
        if (span) {
            String from = f.text(p, path, "from", true);
            String to = f.text(p, path, "to", true);
            MonthDay a = from == null ? null : monthDay(f, from, path + ".from");
            MonthDay b = to == null ? null : monthDay(f, to, path + ".to");
            if (p.has("endsNextYear")) {
                return a == null || b == null ? null : PeriodSeries.intoNextYear(f, p, path, a, b);
            }
            return a == null || b == null ? null : new PeriodSpec.Span(a, b);
        }
        if (p.has("endsNextYear")) {
            f.report(path + ".endsNextYear", "endsNextYear 只用于 from 和 to 给出的时段（如 \"from\": \"12-01\", \"to\": \"02-29\"）");
            return null;
        }
        if (months) {
            JsonNode m = f.array(p, path, "months", true);
            if (m == null || m.isEmpty()) {
                f.report(path + ".months", "应为非空的月份数组，如 [12, 1, 2]");
                return null;
            }
            List<Integer> list = new ArrayList<>();
            for (int i = 0; i < m.size(); i++) {
                JsonNode v = m.get(i);
                if (!v.isIntegralNumber() || v.asInt() < 1 || v.asInt() > 12) {
                    f.report(JsonPaths.element(path + ".months", i), "月份应为 1 到 12 的整数，实际是" + JsonFields.describe(v));
                    return null;
                }
                list.add(v.asInt());
            }
            return new PeriodSpec.Months(list);
        }
        if (node) {
            String nodeId = f.text(p, path, "node", true);
            if (p.has("to")) {
                // From the node day to a fixed day: {"node": "spring-festival", "to": "05-31"}.
                if (p.has("from") || p.has("daysBefore") || p.has("daysAfter")) {
                    f.report(path, "node 与 to 一起使用时表示“自节点日起至 to”，不能再给 from、daysBefore 或 daysAfter");
                    return null;
                }
                String to = f.text(p, path, "to", true);
                MonthDay b = to == null ? null : monthDay(f, to, path + ".to");
                if (nodeId != null && !nodes.containsKey(nodeId)) {
                    f.report(path + ".node", "节点 \"" + nodeId + "\" 不在 nodes 中；已定义：" + String.join("、", nodes.keySet()));
                    return null;
                }
                return nodeId == null || b == null ? null : new PeriodSpec.FromNode(nodeId, nodes.get(nodeId).day(), b);
            }
            Integer before = f.integer(p, path, "daysBefore", true, 0, 366);
            Integer after = f.integer(p, path, "daysAfter", true, 0, 366);
            if (nodeId != null && !nodes.containsKey(nodeId)) {
                f.report(path + ".node", "节点 \"" + nodeId + "\" 不在 nodes 中；已定义：" + String.join("、", nodes.keySet()));
                return null;
            }
            return nodeId == null || before == null || after == null ? null
                    : new PeriodSpec.AroundNode(nodeId, nodes.get(nodeId).day(), before, after);
        }
        JsonNode list = f.array(p, path, "anyOf", true);
        if (list == null || list.isEmpty()) {
            f.report(path + ".anyOf", "应为非空数组");
            return null;
        }
        List<PeriodSpec> parts = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String partPath = JsonPaths.element(path + ".anyOf", i);
            JsonNode part = list.get(i);
            if (!part.isObject()) {
                f.report(partPath, "应为一个时段对象");
                return null;
            }
            f.onlyKnownMembers(part, partPath, Set.of("from", "to", "months", "node", "daysBefore", "daysAfter", "anyOf"));
            PeriodSpec spec = readSpec(f, part, partPath, nodes);
            if (spec == null) {
                return null;
            }
            parts.add(spec);
        }
        return new PeriodSpec.AnyOf(parts);
    }

    private static MonthDay monthDay(JsonFields f, String text, String path) {
        Matcher m = MONTH_DAY.matcher(text);
        if (m.matches()) {
            try {
                return MonthDay.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
            } catch (DateTimeException e) {
                // reported below
            }
        }
        f.report(path, "应为 \"MM-DD\" 格式的月日，如 \"04-30\"，实际是 \"" + text + "\"");
        return null;
    }
}
