package dev.plancheck.io.ledger;

import dev.plancheck.input.ProblemCode;
import dev.plancheck.input.InputLimits;
import dev.plancheck.input.InvalidSubmissionException;
import dev.plancheck.input.Problem;
import dev.plancheck.RulePack;
import dev.plancheck.input.Submission;
import dev.plancheck.ledger.SubmissionValidator;
import dev.plancheck.io.ledger.LedgerLayout.Column;
import dev.plancheck.io.ledger.Table.Located;
import dev.plancheck.model.Activity;
import dev.plancheck.model.OrgUnit;
import dev.plancheck.model.UnitAttribute;
import dev.plancheck.model.UnitLevel;
import dev.plancheck.model.Vocabulary;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns the tables of a spreadsheet ledger (xlsx or csv) into the same {@link Submission} a JSON file gives, with
 * the same checks: cell by cell here (types, dates, names of the vocabulary), then {@link SubmissionValidator} for
 * what the JSON reader checks too (year, units, ids, fields a kind requires, references), its JSON paths mapped back
 * to cells. Every problem is collected before anything is thrown.
 */
final class LedgerParser {
    private static final Pattern INTEGER = Pattern.compile("\\d{1,9}");
    private static final Pattern DECIMAL = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final Pattern YEAR = Pattern.compile("(\\d{4})\\s*年?");

    private final RulePack pack;
    private final SubmissionValidator validator;
    private final Names kinds;
    private final Names topics;
    private final Names groups;
    private final Names honourLevels;
    private final Names organisers;
    private final Names unitLevels;
    /** The 单位 sheet's columns for this pack: with one per unit attribute. */
    private final List<Column> unitColumns;

    LedgerParser(RulePack pack) {
        this.pack = pack;
        Vocabulary v = pack.vocabulary();
        this.validator = new SubmissionValidator(v, pack.year(), pack.id(), pack.unitAttributes());
        this.unitColumns = LedgerLayout.unitColumns(pack.unitAttributes());
        Map<String, String> kindNames = new LinkedHashMap<>();
        v.kinds().values().forEach(k -> kindNames.put(k.code(), k.name()));
        this.kinds = new Names("类别", kindNames);
        this.topics = new Names("主题", v.topics());
        this.groups = new Names("对象", v.groups());
        this.honourLevels = new Names("荣誉级别", v.honourLevels());
        this.organisers = new Names("组织方", v.organisers());
        Map<String, String> levels = new LinkedHashMap<>();
        for (UnitLevel l : UnitLevel.values()) {
            levels.put(l.code(), l.chineseName());
        }
        this.unitLevels = new Names("单位级别", levels);
    }

    Names kinds() {
        return kinds;
    }

    Names topics() {
        return topics;
    }

    Names groups() {
        return groups;
    }

    Names honourLevels() {
        return honourLevels;
    }

    Names organisers() {
        return organisers;
    }

    Names unitLevels() {
        return unitLevels;
    }

    List<Column> unitColumns() {
        return unitColumns;
    }

    /** The pack's unit attribute of this id. */
    UnitAttribute attribute(String id) {
        return pack.unitAttributes().get(id);
    }

    /**
     * Where the year was found: the table it is in (for locating problems), its row and column, and the value.
     * {@code value} is null when the year is missing; then {@code row} is where it was expected.
     */
    record YearCell(Table table, int row, int column, CellValue value) {
    }

    /**
     * Reads the tables into a submission.
     *
     * @param problems problems already found while reading the file (e.g. an unknown sheet); they are thrown with
     *                 the rest
     */
    Submission parse(String file, YearCell yearCell, Table unitTable, Table activityTable, LocatedProblems problems,
                     InputLimits limits) throws InvalidSubmissionException {
        Integer year = readYear(yearCell, problems);

        Map<String, Integer> unitColumns = columns(unitTable, this.unitColumns, problems);
        List<OrgUnit> units = new ArrayList<>();
        List<Integer> unitRows = new ArrayList<>();
        for (Table.Row row : unitTable.rows()) {
            if (row.isBlank()) {
                continue;
            }
            if (unitRows.size() == limits.maxRecords()) {
                problems.add(unitTable.at(ProblemCode.LIMIT_RECORDS, row.number(), 0, tooMany("单位", limits)));
                break;
            }
            unitRows.add(row.number());
            cellProblems(unitTable, row, limits, problems);
            units.add(readUnit(unitTable, unitColumns, row, problems));
        }
        if (units.isEmpty() && unitColumns != null) {
            problems.add(unitTable.whole(ProblemCode.UNITS_INVALID, "没有单位：请在表头下方逐行填写街道及其各社区"));
        }

        Map<String, Integer> activityColumns = columns(activityTable, LedgerLayout.ACTIVITY_COLUMNS, problems);
        List<SubmissionValidator.Draft> drafts = new ArrayList<>();
        List<Activity> activities = new ArrayList<>();
        List<Integer> activityRows = new ArrayList<>();
        if (activityColumns != null) {
            for (Table.Row row : activityTable.rows()) {
                if (row.isBlank()) {
                    continue;
                }
                if (activityRows.size() == limits.maxRecords()) {
                    problems.add(activityTable.at(ProblemCode.LIMIT_RECORDS, row.number(), 0, tooMany("活动", limits)));
                    break;
                }
                activityRows.add(row.number());
                readActivity(activityTable, activityColumns, row, drafts.size(), drafts, activities, problems, limits);
            }
        }

        if (unitColumns != null && activityColumns != null) {
            ValidatorMessages messages = new ValidatorMessages(this, yearCell, unitTable, unitColumns, unitRows,
                    activityTable, activityColumns, activityRows);
            for (SubmissionValidator.PathProblem p : validator.validate(year, units, drafts)) {
                if (!(units.isEmpty() && p.path().equals("$.units"))) { // "no units" is said already, more plainly
                    problems.add(messages.locate(p));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw problems.exception();
        }
        return Submission.of(file, year, units, activities);
    }

    /** The message for the first row over {@link InputLimits#maxRecords()}; reading stops there. */
    static String tooMany(String what, InputLimits limits) {
        return "记录过多：“" + what + "”表超过上限 " + limits.maxRecords() + " 行（上限可用 --max-records 调整），"
                + "这一行起没有读取";
    }

    /**
     * Every cell of a row that is reported at its cell whatever its column ({@link CellValue#reportedAtCell()}): text
     * over {@link InputLimits#maxStringLength()}, and a formula whose result the file does not hold.
     */
    static void cellProblems(Table t, Table.Row row, InputLimits limits, LocatedProblems problems) {
        for (int c = 0; c < row.cells().size(); c++) {
            CellValue v = row.cells().get(c);
            if (v.kind() == CellValue.Kind.TOO_LONG) {
                problems.add(t.at(ProblemCode.LIMIT_STRING_LENGTH, row.number(), c, "字符串过长：有 " + v.number() + " 个字符，上限为 "
                        + limits.maxStringLength() + "（上限可用 --max-string-length 调整）：" + v.describe()));
            } else if (v.kind() == CellValue.Kind.FORMULA) {
                CellValue header = c < t.header().size() ? t.header().get(c) : CellValue.BLANK;
                problems.add(t.at(ProblemCode.FORMULA_NO_VALUE, row.number(), c, unevaluated(header.kind() == CellValue.Kind.TEXT
                        ? "“" + header.text() + "”" : "这一格", v)));
            }
        }
    }

    /** The message for a formula whose result the file does not hold. */
    static String unevaluated(String what, CellValue formula) {
        return what + "是公式“" + formula.text() + "”，文件里没有保存它的计算结果，检查程序不计算公式（多半是其他程序生成、"
                + "没有在 Excel 或 WPS 中保存过的文件）；请用 Excel 或 WPS 打开后保存一次，或把公式换成它的值";
    }

    private Integer readYear(YearCell y, LocatedProblems problems) {
        if (y.value() == null || y.value().isBlank()) {
            problems.add(y.table().at(ProblemCode.FIELD_MISSING, y.row(), y.column(), "缺少考核年度：“" + LedgerLayout.YEAR_LABEL
                    + "”右侧应填写年度，如 " + pack.year()));
            return null;
        }
        CellValue v = y.value();
        if (v.kind() == CellValue.Kind.FORMULA) {
            problems.add(y.table().at(ProblemCode.FORMULA_NO_VALUE, y.row(), y.column(), unevaluated("考核年度", v)));
            return null;
        }
        Integer year = null;
        if (v.kind() == CellValue.Kind.NUMBER && v.number().stripTrailingZeros().scale() <= 0
                && v.number().compareTo(BigDecimal.valueOf(1900)) >= 0 && v.number().compareTo(BigDecimal.valueOf(2100)) <= 0) {
            year = v.number().intValueExact(); // compared first: the int value of 1E+999999999 would take for ever
        } else if (v.kind() == CellValue.Kind.TEXT && YEAR.matcher(v.text()).matches()) {
            var m = YEAR.matcher(v.text());
            m.matches();
            year = Integer.parseInt(m.group(1));
        }
        if (year == null || year < 1900 || year > 2100) {
            problems.add(y.table().at(ProblemCode.FIELD_TYPE, y.row(), y.column(), "考核年度应为四位数的年份，如 " + pack.year() + "，实际是"
                    + v.describe()));
            return null;
        }
        return year;
    }

    /**
     * Maps each field to its column, reporting unknown, repeated and missing headers. Returns null when a required
     * column is missing: then the rows cannot be read, and one message says so instead of one per row.
     */
    static Map<String, Integer> columns(Table t, List<Column> layout, LocatedProblems problems) {
        Map<String, Column> byKey = new LinkedHashMap<>();
        layout.forEach(c -> byKey.put(c.key(), c));
        Map<String, Integer> found = new HashMap<>();
        int last = -1;
        for (int i = 0; i < t.header().size(); i++) {
            CellValue h = t.header().get(i);
            if (h.isBlank()) {
                continue;
            }
            last = i;
            Column c = byKey.get(LedgerLayout.headerKey(h.text()));
            if (c == null) {
                problems.add(t.at(ProblemCode.FIELD_UNKNOWN, t.headerRow(), i, "未知的列“" + h.text() + "”；“" + t.name() + "”表的列是："
                        + String.join("、", layout.stream().map(Column::header).toList()) + "（多余的列请删除，内容可写入“说明”等列）"));
            } else if (found.putIfAbsent(c.field(), i) != null) {
                problems.add(t.at(ProblemCode.SHEET_LAYOUT, t.headerRow(), i, "列“" + h.text() + "”重复：与 "
                        + LedgerLayout.letter(found.get(c.field())) + " 列相同，每列只能出现一次"));
            }
        }
        List<String> missing = layout.stream().filter(Column::required).filter(c -> !found.containsKey(c.field()))
                .map(Column::header).toList();
        if (t.headerRow() == 0) {
            problems.add(t.whole(ProblemCode.SHEET_LAYOUT, "找不到表头行：应有一行表头，依次是 " + String.join("、", layout.stream().map(Column::header).toList())));
            return null;
        }
        if (!missing.isEmpty()) {
            problems.add(t.whole(ProblemCode.SHEET_LAYOUT, "第 " + t.headerRow() + " 行表头缺少必需的列：“" + String.join("”“", missing)
                    + "”；该行应为表头，依次是 " + String.join("、", layout.stream().map(Column::header).toList())));
            return null;
        }
        // A filled cell to the right of the last header would be read by nobody.
        for (Table.Row row : t.rows()) {
            for (int i = last + 1; i < row.cells().size(); i++) {
                if (!row.cells().get(i).isBlank()) {
                    problems.add(t.at(ProblemCode.SHEET_LAYOUT, row.number(), i, "这一列没有表头，内容" + row.cells().get(i).describe()
                            + "无法读取；请填入已有的列，或删除"));
                }
            }
        }
        for (int i = 0; i < last; i++) {
            if (t.header().get(i).isBlank()) {
                for (Table.Row row : t.rows()) {
                    if (!row.cell(i).isBlank()) {
                        problems.add(t.at(ProblemCode.SHEET_LAYOUT, row.number(), i, "这一列没有表头，内容" + row.cell(i).describe()
                                + "无法读取；请填入已有的列，或删除"));
                    }
                }
            }
        }
        return found;
    }

    private OrgUnit readUnit(Table t, Map<String, Integer> cols, Table.Row row, LocatedProblems problems) {
        if (cols == null) {
            return null;
        }
        String id = text(t, cols, row, "id", "单位编号", true, problems);
        String name = text(t, cols, row, "name", "单位名称", true, problems);
        String levelCode = code(t, cols, row, "level", unitLevels, true, problems);
        UnitLevel level = levelCode == null ? null : UnitLevel.fromCode(levelCode);
        Map<String, Object> attributes = new LinkedHashMap<>();
        for (UnitAttribute a : pack.unitAttributes().values()) {
            CellValue v = cell(cols, row, LedgerLayout.ATTRIBUTE_FIELD + a.id());
            if (v.isBlank() || v.reportedAtCell()) {
                continue;
            }
            Object taken = a.parse(v.kind() == CellValue.Kind.NUMBER ? v.number() : v.kind() == CellValue.Kind.TEXT ? v.text() : null);
            // What cannot be taken is kept as shown, for the validator to report at its cell.
            attributes.put(a.id(), taken == null ? v.text() : taken);
        }
        return id == null || name == null || level == null ? null : new OrgUnit(id, name, level, attributes);
    }

    private void readActivity(Table t, Map<String, Integer> cols, Table.Row row, int index,
                              List<SubmissionValidator.Draft> drafts, List<Activity> activities, LocatedProblems problems,
                              InputLimits limits) {
        int before = problems.total();
        cellProblems(t, row, limits, problems);
        String id = text(t, cols, row, "id", "记录编号", true, problems);
        String unit = text(t, cols, row, "unit", "单位编号", true, problems);
        String kind = code(t, cols, row, "kind", kinds, true, problems);
        LocalDate date = date(t, cols, row, "date", "日期", true, problems);
        LocalDate endDate = date(t, cols, row, "endDate", "结束日期", false, problems);
        String title = text(t, cols, row, "title", "标题", true, problems);
        Set<String> topicCodes = codes(t, cols, row, "topics", topics, problems);
        Set<String> groupCodes = codes(t, cols, row, "groups", groups, problems);
        Integer participants = integer(t, cols, row, "participants", "参与人数", problems);
        BigDecimal amount = amount(t, cols, row, problems, limits);
        String relatesTo = text(t, cols, row, "relatesTo", "关联记录", false, problems);
        String honour = code(t, cols, row, "honourLevel", honourLevels, false, problems);
        String organiser = code(t, cols, row, "organiser", organisers, false, problems);
        String description = text(t, cols, row, "description", "说明", false, problems);
        Set<String> present = new HashSet<>();
        cols.forEach((field, column) -> {
            if (!row.cell(column).isBlank()) {
                present.add(field);
            }
        });
        drafts.add(new SubmissionValidator.Draft(index, id, unit, kind, date, endDate, topicCodes, groupCodes,
                participants, amount, relatesTo, honour, Set.copyOf(present), organiser));
        if (problems.total() == before) {
            // Where the record is, as messages name places: 台账.xlsx: 活动!A12, or 台账.csv:12: A12.
            Problem at = t.at(ProblemCode.FIELD_MISSING, row.number(), cols.get("id"), "").problem(); // only its place is used
            String location = at.file() + (at.line() > 0 ? ":" + at.line() : "") + ": " + at.path();
            activities.add(Activity.builder(id).unitId(unit).kind(kind).date(date).endDate(endDate).title(title)
                    .topics(topicCodes).groups(groupCodes).participants(participants).amount(amount)
                    .relatesTo(relatesTo).honourLevel(honour).organiser(organiser).description(description)
                    .location(location).build());
        }
    }

    private static CellValue cell(Map<String, Integer> cols, Table.Row row, String field) {
        Integer c = cols.get(field);
        return c == null ? CellValue.BLANK : row.cell(c);
    }

    private static String text(Table t, Map<String, Integer> cols, Table.Row row, String field, String header,
                               boolean required, LocatedProblems problems) {
        CellValue v = cell(cols, row, field);
        switch (v.kind()) {
            case BLANK:
                if (required) {
                    problems.add(t.at(ProblemCode.FIELD_MISSING, row.number(), cols.get(field), "必填的“" + header + "”为空"));
                }
                return null;
            case TEXT:
            case NUMBER:
            case DATE:
                return v.text();
            case TOO_LONG:
            case FORMULA:
                return null; // reported once, by cellProblems
            default:
                problems.add(t.at(ProblemCode.FIELD_TYPE, row.number(), cols.get(field), "“" + header + "”应为文字，实际是" + v.describe()));
                return null;
        }
    }

    private static String code(Table t, Map<String, Integer> cols, Table.Row row, String field, Names names,
                               boolean required, LocatedProblems problems) {
        CellValue v = cell(cols, row, field);
        if (v.isBlank()) {
            if (required) {
                problems.add(t.at(ProblemCode.FIELD_MISSING, row.number(), cols.get(field), "必填的“" + names.what() + "”为空；请从下拉列表选择"));
            }
            return null;
        }
        if (v.reportedAtCell()) {
            return null;
        }
        String code = v.kind() == CellValue.Kind.TEXT ? names.resolve(v.text()) : null;
        if (code == null) {
            problems.add(t.at(ProblemCode.CODE_UNKNOWN, row.number(), cols.get(field), unknown(names, v)));
        }
        return code;
    }

    private static String unknown(Names names, CellValue v) {
        String hint = v.kind() == CellValue.Kind.TEXT ? names.suggestion(v.text()) : "";
        return "未知的" + names.what() + (v.kind() == CellValue.Kind.TEXT ? "“" + v.text() + "”" : "：" + v.describe())
                + "；" + hint + "请从下拉列表选择，或填写“填写说明”表中列出的名称或代码";
    }

    private static Set<String> codes(Table t, Map<String, Integer> cols, Table.Row row, String field, Names names,
                                     LocatedProblems problems) {
        CellValue v = cell(cols, row, field);
        if (v.isBlank()) {
            return Set.of();
        }
        if (v.reportedAtCell()) {
            return null;
        }
        int column = cols.get(field);
        if (v.kind() != CellValue.Kind.TEXT) {
            problems.add(t.at(ProblemCode.CODE_UNKNOWN, row.number(), column, unknown(names, v)));
            return null;
        }
        Set<String> out = new LinkedHashSet<>();
        List<String> bad = new ArrayList<>();
        for (Names.Token token : names.split(v.text())) {
            if (!token.known()) {
                String hint = names.suggestion(token.written());
                bad.add("未知的" + names.what() + "“" + token.written() + "”" + (hint.isEmpty() ? "" : "（" + hint + "）"));
            } else if (!out.add(token.code())) {
                bad.add(names.what() + "“" + names.nameOf(token.code()) + "”重复");
            }
        }
        if (!bad.isEmpty()) {
            problems.add(t.at(ProblemCode.CODE_UNKNOWN, row.number(), column, String.join("；", bad) + "；单元格内容是“" + v.text()
                    + "”。多个" + names.what() + "用“、”分隔，名称见下拉列表或“填写说明”表"));
            return null;
        }
        return out;
    }

    private static LocalDate date(Table t, Map<String, Integer> cols, Table.Row row, String field, String header,
                                  boolean required, LocatedProblems problems) {
        CellValue v = cell(cols, row, field);
        if (v.isBlank()) {
            if (required) {
                problems.add(t.at(ProblemCode.FIELD_MISSING, row.number(), cols.get(field), "必填的“" + header + "”为空"));
            }
            return null;
        }
        if (v.reportedAtCell()) {
            return null;
        }
        LedgerDates.Parsed p = LedgerDates.read(v);
        if (p.problem() != null) {
            problems.add(t.at(ProblemCode.DATE_INVALID, row.number(), cols.get(field), "“" + header + "”" + p.problem()));
        }
        return p.date();
    }

    private static Integer integer(Table t, Map<String, Integer> cols, Table.Row row, String field, String header,
                                   LocatedProblems problems) {
        CellValue v = cell(cols, row, field);
        if (v.isBlank() || v.reportedAtCell()) {
            return null;
        }
        BigDecimal n = null;
        if (v.kind() == CellValue.Kind.NUMBER) {
            n = v.number();
        } else if (v.kind() == CellValue.Kind.TEXT && INTEGER.matcher(v.text()).matches()) {
            n = new BigDecimal(v.text());
        }
        if (n == null || n.stripTrailingZeros().scale() > 0 || n.signum() < 0 || n.compareTo(BigDecimal.valueOf(10_000_000)) > 0) {
            problems.add(t.at(ProblemCode.VALUE_OUT_OF_RANGE, row.number(), cols.get(field), "“" + header + "”应为 0 到 10000000 之间的整数，实际是" + v.describe()));
            return null;
        }
        return n.intValueExact();
    }

    private static BigDecimal amount(Table t, Map<String, Integer> cols, Table.Row row, LocatedProblems problems,
                                     InputLimits limits) {
        CellValue v = cell(cols, row, "amount");
        if (v.isBlank() || v.reportedAtCell()) {
            return null;
        }
        BigDecimal n = null;
        if (v.kind() == CellValue.Kind.NUMBER) {
            n = v.number();
        } else if (v.kind() == CellValue.Kind.TEXT && DECIMAL.matcher(v.text()).matches()
                && v.text().length() <= limits.maxNumberLength()) {
            n = new BigDecimal(v.text());
        }
        if (n == null) {
            problems.add(t.at(ProblemCode.FIELD_TYPE, row.number(), cols.get("amount"), "金额应为数字（单位：元，如 12500.50，不写“元”和千位分隔符），实际是"
                    + v.describe()));
            return null;
        }
        // The same range as a JSON ledger's, judged before the number is ever written out.
        String wrong = SubmissionValidator.amountProblem(n, limits.maxAmount());
        if (wrong != null) {
            problems.add(t.at(ProblemCode.AMOUNT_INVALID, row.number(), cols.get("amount"), wrong));
            return null;
        }
        return n.scale() < 0 ? n.setScale(0) : n;
    }
}
