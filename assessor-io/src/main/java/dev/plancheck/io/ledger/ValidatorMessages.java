package dev.plancheck.io.ledger;

import dev.plancheck.ledger.SubmissionValidator;
import dev.plancheck.io.ledger.LedgerLayout.Column;
import dev.plancheck.io.ledger.Table.Located;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Puts the problems of {@link SubmissionValidator}, which speak of JSON paths and fields
 * ({@code $.activities[3].unit}, {@code "amount"}), in spreadsheet terms: the cell they concern and the column
 * headers the user sees. Messages the validator may add later pass through unchanged, located all the same.
 */
final class ValidatorMessages {
    private static final Pattern PATH = Pattern.compile("\\$\\.(units|activities)(?:\\[(\\d+)])?(?:\\.(\\w+))?");
    private static final Pattern REQUIRED = Pattern.compile("类别 \"([^\"]+)\"（.*）的记录必须有字段 \"(\\w+)\"");
    private static final Pattern DUPLICATE_UNIT = Pattern.compile("单位 id \"(.*)\" 重复；每个单位的 id 必须唯一");
    private static final Pattern SUBDISTRICTS = Pattern.compile("应有且只有一个 level 为 \"subdistrict\" 的单位（街道），实际有 (\\d+) 个");
    private static final Pattern DUPLICATE_ID = Pattern.compile("记录 id \"(.*)\" 与 \\$\\.activities\\[(\\d+)] 重复；每条记录的 id 必须唯一");
    private static final Pattern UNKNOWN_UNIT = Pattern.compile("单位 \"(.*)\" 不在 units 中；已有单位：(.*)");
    private static final Pattern NO_TARGET = Pattern.compile("relatesTo 指向的记录 \"(.*)\" 不存在");
    private static final Pattern WRONG_TARGET = Pattern.compile("relatesTo 应指向类别为 \"(.*)\" 的记录，\"(.*)\" 的类别是 \"(.*)\"");

    private final LedgerParser parser;
    private final LedgerParser.YearCell year;
    private final Table units;
    private final Map<String, Integer> unitColumns;
    private final List<Integer> unitRows;
    private final Table activities;
    private final Map<String, Integer> activityColumns;
    private final List<Integer> activityRows;

    ValidatorMessages(LedgerParser parser, LedgerParser.YearCell year, Table units, Map<String, Integer> unitColumns,
                      List<Integer> unitRows, Table activities, Map<String, Integer> activityColumns,
                      List<Integer> activityRows) {
        this.parser = parser;
        this.year = year;
        this.units = units;
        this.unitColumns = unitColumns;
        this.unitRows = unitRows;
        this.activities = activities;
        this.activityColumns = activityColumns;
        this.activityRows = activityRows;
    }

    Located locate(SubmissionValidator.PathProblem p) {
        String message = rewrite(p.message());
        if (p.path().equals("$.year")) {
            return year.table().at(p.code(), year.row(), year.column(), message);
        }
        Matcher m = PATH.matcher(p.path());
        if (!m.matches()) {
            return activities.whole(p.code(), message);
        }
        boolean isUnit = m.group(1).equals("units");
        Table table = isUnit ? units : activities;
        if (m.group(2) == null) {
            return table.whole(p.code(), message);
        }
        int index = Integer.parseInt(m.group(2));
        List<Integer> rows = isUnit ? unitRows : activityRows;
        Map<String, Integer> columns = isUnit ? unitColumns : activityColumns;
        int row = rows.get(index);
        String field = m.group(3);
        if (field == null) {
            Matcher r = REQUIRED.matcher(p.message());
            field = r.matches() ? r.group(2) : null;
        }
        Integer column = field == null ? null : columns.get(field);
        return table.at(p.code(), row, column == null ? 0 : column, message);
    }

    private String rewrite(String message) {
        Matcher m;
        if ((m = REQUIRED.matcher(message)).matches()) {
            String field = m.group(2);
            Column c = LedgerLayout.ACTIVITY_COLUMNS.stream().filter(x -> x.field().equals(field)).findFirst().orElse(null);
            String header = c == null ? field : c.header();
            boolean absent = !activityColumns.containsKey(field);
            return "类别为“" + parser.kinds().nameOf(m.group(1)) + "”的记录必须填写“" + header + "”"
                    + (absent ? "（表中没有这一列，请按模板添加）" : "");
        }
        if ((m = DUPLICATE_UNIT.matcher(message)).matches()) {
            return "单位编号“" + m.group(1) + "”重复；每个单位的编号必须唯一";
        }
        if ((m = SUBDISTRICTS.matcher(message)).matches()) {
            return "单位级别为“街道”的单位应有且只有一个，实际有 " + m.group(1) + " 个";
        }
        if ((m = DUPLICATE_ID.matcher(message)).matches()) {
            return "记录编号“" + m.group(1) + "”与第 " + activityRows.get(Integer.parseInt(m.group(2)))
                    + " 行重复；每条记录的编号必须唯一";
        }
        if ((m = UNKNOWN_UNIT.matcher(message)).matches()) {
            return "单位编号“" + m.group(1) + "”不在“单位”表中；已有单位：" + m.group(2);
        }
        if ((m = NO_TARGET.matcher(message)).matches()) {
            return "关联记录“" + m.group(1) + "”不存在；应为本表中另一条记录的记录编号";
        }
        if (message.equals("记录不能指向自己")) {
            return "关联记录不能是这条记录自己";
        }
        if ((m = WRONG_TARGET.matcher(message)).matches()) {
            return "关联记录应为类别“" + parser.kinds().nameOf(m.group(1)) + "”的记录，“" + m.group(2) + "”的类别是“"
                    + parser.kinds().nameOf(m.group(3)) + "”";
        }
        return message;
    }
}
