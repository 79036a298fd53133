package dev.plancheck.io.ledger;

import dev.plancheck.input.ProblemCode;
import dev.plancheck.ledger.SubmissionValidator;
import dev.plancheck.model.UnitAttribute;
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
    private static final Pattern PATH = Pattern.compile("\\$\\.(units|activities)(?:\\[(\\d+)])?(?:\\.(\\w+(?:\\.[^.]+)?))?");

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
        String message = rewrite(p);
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
        if (field == null && p.code() == ProblemCode.KIND_FIELD_MISSING) {
            field = p.args().get(1);
        }
        if (p.code() == ProblemCode.ATTRIBUTE_MISSING) {
            field = LedgerLayout.ATTRIBUTE_FIELD + p.args().get(0); // at its cell, when the sheet has the column
        }
        Integer column = field == null ? null : columns.get(field);
        return table.at(p.code(), row, column == null ? 0 : column, message);
    }

    /** The validator's problem in the sheet's words, decided by its code and the values it names. */
    private String rewrite(SubmissionValidator.PathProblem p) {
        List<String> a = p.args();
        switch (p.code()) {
            case KIND_FIELD_MISSING -> {
                String field = a.get(1);
                Column c = LedgerLayout.ACTIVITY_COLUMNS.stream().filter(x -> x.field().equals(field)).findFirst().orElse(null);
                String header = c == null ? field : c.header();
                boolean absent = !activityColumns.containsKey(field);
                return "类别为“" + parser.kinds().nameOf(a.get(0)) + "”的记录必须填写“" + header + "”"
                        + (absent ? "（表中没有这一列，请按模板添加）" : "");
            }
            case ID_DUPLICATE -> {
                return a.size() == 1 ? "单位编号“" + a.get(0) + "”重复；每个单位的编号必须唯一"
                        : "记录编号“" + a.get(0) + "”与第 " + activityRows.get(Integer.parseInt(a.get(1)))
                        + " 行重复；每条记录的编号必须唯一";
            }
            case UNITS_INVALID -> {
                if (a.size() == 1) {
                    return "单位级别为“街道”的单位应有且只有一个，实际有 " + a.get(0) + " 个";
                }
            }
            case ATTRIBUTE_MISSING, ATTRIBUTE_INVALID -> {
                UnitAttribute attribute = parser.attribute(a.get(0));
                if (p.code() == ProblemCode.ATTRIBUTE_INVALID) {
                    String shown = a.get(1).strip();
                    return "“" + attribute.header() + "”应" + (attribute.type() == UnitAttribute.Type.YESNO ? "填 有 或 无（也可填 是、否）"
                            : "为不小于 0 的数，至多 12 位整数、4 位小数") + "，实际是“" + shown.replaceAll("^\"|\"$", "") + "”";
                }
                boolean absent = !unitColumns.containsKey(LedgerLayout.ATTRIBUTE_FIELD + attribute.id());
                return "社区必须填写“" + attribute.header() + "”" + (absent ? "（表中没有这一列，请按模板添加）" : "");
            }
            case UNIT_UNKNOWN -> {
                return "单位编号“" + a.get(0) + "”不在“单位”表中；已有单位：" + a.get(1);
            }
            case REFERENCE_INVALID -> {
                return switch (a.size()) {
                    case 0 -> "关联记录不能是这条记录自己";
                    case 1 -> "关联记录“" + a.get(0) + "”不存在；应为本表中另一条记录的记录编号";
                    default -> "关联记录应为类别“" + parser.kinds().nameOf(a.get(0)) + "”的记录，“" + a.get(1) + "”的类别是“"
                            + parser.kinds().nameOf(a.get(2)) + "”";
                };
            }
            default -> {
            }
        }
        return p.message();
    }
}
