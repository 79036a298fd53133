package dev.plancheck.io.ledger;

import dev.plancheck.RulePack;
import dev.plancheck.input.Submission;
import dev.plancheck.input.Waiver;
import dev.plancheck.io.ledger.LedgerLayout.Column;
import dev.plancheck.model.Activity;
import dev.plancheck.model.OrgUnit;
import dev.plancheck.model.UnitLevel;
import dev.plancheck.pack.DutyEvidence;
import dev.plancheck.model.Vocabulary;
import dev.plancheck.io.print.Fingerprints;
import dev.plancheck.io.print.PrintedSheet;
import dev.plancheck.io.print.WorkbookStyles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.dhatim.fastexcel.DataValidationErrorStyle;
import org.dhatim.fastexcel.PaperSize;
import org.dhatim.fastexcel.Range;
import org.dhatim.fastexcel.VisibilityState;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * The spreadsheet ledger of a rule pack, generated from the pack (never kept by hand): an empty template to fill in,
 * or a submission written out in the same layout, with Chinese names in the cells and dates as date cells.
 *
 * <p>Sheets: {@code 填写说明} (how to fill it in, with the tables of kinds, topics, groups and honour levels),
 * {@code 单位} (the year in B1, then the units), {@code 活动} (one record a row, drop-down lists of Chinese names),
 * {@code 情况说明} (waivers) and the hidden {@code 选项} sheet that holds the drop-down lists.
 *
 * <pre>{@code
 * try (OutputStream out = Files.newOutputStream(Path.of("台账模板.xlsx"))) {
 *     LedgerTemplate.write(RulePack.bundled(), out);                     // empty template
 * }
 * try (OutputStream out = Files.newOutputStream(Path.of("compliant.xlsx"))) {
 *     LedgerTemplate.write(checker.pack(), submission, List.of(), out);  // a filled-in ledger
 * }
 * }</pre>
 */
public final class LedgerTemplate {
    /** The number format of date cells. */
    static final String DATE_FORMAT = "yyyy-mm-dd";
    private static final String HEADER_FILL = "D9E1F2";
    private static final String REQUIRED_FILL = "FCE4D6";
    /** Rows below the data that still get drop-down lists and date formats. */
    private static final int SPARE_ROWS = 1000;

    private LedgerTemplate() {
    }

    /** Writes the empty template of {@code pack}: the year filled in, no units and no records. */
    public static void write(RulePack pack, OutputStream out) throws IOException {
        write(pack, null, List.of(), out);
    }

    /**
     * Writes {@code submission} (and {@code waivers}, in the 情况说明 sheet) as a ledger of {@code pack}.
     *
     * @param submission the ledger to write, or {@code null} for the empty template
     */
    public static void write(RulePack pack, Submission submission, List<Waiver> waivers, OutputStream out)
            throws IOException {
        Vocabulary v = pack.vocabulary();
        int year = submission == null ? pack.year() : submission.year();
        List<OrgUnit> units = submission == null ? List.of() : submission.units();
        List<Activity> activities = submission == null ? List.of() : submission.activities();

        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        Workbook wb = new Workbook(buffer, "plancheck", "1.0");
        wb.setGlobalDefaultFont("等线", PrintedSheet.FONT_POINTS);
        Worksheet guide = wb.newWorksheet(LedgerLayout.GUIDE_SHEET);
        Worksheet unitSheet = wb.newWorksheet(LedgerLayout.UNITS_SHEET);
        Worksheet activitySheet = wb.newWorksheet(LedgerLayout.ACTIVITIES_SHEET);
        Worksheet waiverSheet = wb.newWorksheet(LedgerLayout.WAIVERS_SHEET);
        Worksheet lists = wb.newWorksheet(LedgerLayout.LISTS_SHEET);
        wb.setActiveTab(submission == null ? 0 : 2);
        String title = "《" + pack.title() + "》活动台账";
        String footer = Fingerprints.onPaper(pack.fingerprint());

        writeGuide(guide, pack, v);
        new PrintedSheet(guide, GUIDE_WIDTHS).print(PrintedSheet.Orientation.PORTRAIT, 0, 0, title, footer);
        Map<String, Range> listRanges = writeLists(lists, v);

        int unitLast = 2 + Math.max(units.size() + 100, 200);
        List<Column> unitColumns = LedgerLayout.unitColumns(pack.unitAttributes());
        PrintedSheet unitTable = table(unitSheet, unitColumns);
        unitSheet.value(0, 0, LedgerLayout.YEAR_LABEL);
        unitSheet.style(0, 0).bold().fillColor(REQUIRED_FILL).set();
        unitSheet.value(0, 1, year);
        unitSheet.style(0, 1).bold().horizontalAlignment("left").set();
        // A note, not a cell: the reader refuses anything else on the year row.
        unitSheet.comment(0, 1, "考核年度，须与规则包 " + pack.id() + " 的年度 " + pack.year() + " 一致");
        header(unitTable, 1, unitColumns);
        for (int c = 0; c < unitColumns.size(); c++) {
            Column col = unitColumns.get(c);
            // A required attribute is shaded as the columns that must be filled are (on communities' rows).
            if (col.type() == LedgerLayout.Type.ATTRIBUTE
                    && pack.unitAttributes().get(col.field().substring(LedgerLayout.ATTRIBUTE_FIELD.length())).required()) {
                unitSheet.style(1, c).fillColor(REQUIRED_FILL).set();
            }
        }
        unitSheet.style(0).format("@").set();
        for (int i = 0; i < units.size(); i++) {
            OrgUnit u = units.get(i);
            List<Object> cells = new ArrayList<>(List.of(u.getId(), u.getName(), u.getLevel().chineseName()));
            for (String attribute : pack.unitAttributes().keySet()) {
                Object value = u.getAttributes().get(attribute);
                cells.add(value instanceof Boolean b ? (b ? "有" : "无") : value == null ? "" : value);
            }
            unitTable.row(2 + i, cells);
        }
        unitSheet.range(2, 2, unitLast, 2).validateWithList(listRanges.get("单位级别"))
                .errorStyle(DataValidationErrorStyle.WARNING).showErrorMessage(true)
                .errorTitle("单位级别").error("请选择 街道 或 社区（也可填写 subdistrict、community）");
        unitSheet.freezePane(0, 2);
        // Attribute columns widen the sheet: landscape keeps a unit on one page across.
        unitTable.print(pack.unitAttributes().isEmpty() ? PrintedSheet.Orientation.PORTRAIT : PrintedSheet.Orientation.LANDSCAPE,
                2, 1, title, footer);

        int activityLast = Math.max(activities.size(), 1000) + SPARE_ROWS;
        PrintedSheet activityTable = table(activitySheet, LedgerLayout.ACTIVITY_COLUMNS);
        header(activityTable, 0, LedgerLayout.ACTIVITY_COLUMNS);
        for (int c = 0; c < LedgerLayout.ACTIVITY_COLUMNS.size(); c++) {
            Column col = LedgerLayout.ACTIVITY_COLUMNS.get(c);
            if (col.type() == LedgerLayout.Type.DATE) {
                activitySheet.style(c).format(DATE_FORMAT).set();
            } else if (Set.of("id", "unit", "relatesTo").contains(col.field())) {
                activitySheet.style(c).format("@").set();
            }
        }
        for (int i = 0; i < activities.size(); i++) {
            writeActivity(activityTable, 1 + i, activities.get(i), v);
        }
        activitySheet.range(1, column("unit"), activityLast, column("unit"))
                .validateWithList(unitSheet.range(2, 0, unitLast, 0))
                .errorStyle(DataValidationErrorStyle.WARNING).showErrorMessage(true)
                .errorTitle("单位编号").error("请填写“单位”表中已有的单位编号");
        single(activitySheet, "kind", activityLast, listRanges.get("类别"), "类别",
                "请从下拉列表选择类别的中文名称（也可填写类别代码）");
        several(activitySheet, "topics", activityLast, listRanges.get("主题"), "主题", "统战工作、民族工作");
        several(activitySheet, "groups", activityLast, listRanges.get("对象"), "对象", "无党派人士、党外知识分子");
        single(activitySheet, "honourLevel", activityLast, listRanges.get("荣誉级别"), "荣誉级别",
                "请从下拉列表选择荣誉级别（也可填写代码）");
        single(activitySheet, "organiser", activityLast, listRanges.get("组织方"), "组织方",
                "请从下拉列表选择组织方（也可填写代码）");
        activitySheet.freezePane(0, 1);
        // Too wide for one page at a readable size: printed two pages across, the 记录编号 column on both.
        activityTable.print(PrintedSheet.Orientation.LANDSCAPE, 1, 1, title, footer);

        PrintedSheet waiverTable = table(waiverSheet, LedgerLayout.WAIVER_COLUMNS);
        header(waiverTable, 0, LedgerLayout.WAIVER_COLUMNS);
        waiverSheet.style(0).format("@").set();
        waiverSheet.style(1).format("@").set();
        waiverSheet.style(4).format(DATE_FORMAT).set();
        for (int i = 0; i < waivers.size(); i++) {
            Waiver w = waivers.get(i);
            List<Object> row = new ArrayList<>(List.of(w.ruleId(), w.unitId(), w.reason()));
            row.add(w.acceptedBy());
            row.add(w.expires());
            waiverTable.row(1 + i, row);
            if (w.expires() != null) {
                waiverSheet.style(1 + i, 4).format(DATE_FORMAT).set();
            }
        }
        waiverSheet.freezePane(0, 1);
        waiverTable.print(PrintedSheet.Orientation.LANDSCAPE, 1, 1, title, footer);
        wb.finish();
        out.write(WorkbookStyles.apply(buffer.toByteArray()));
        out.flush();
    }

    /** Widths of the 填写说明 columns: 89 units, so that it fits a portrait A4 page at 9 pt or more. */
    static final double[] GUIDE_WIDTHS = {14, 18, 9, 48};

    /** A sheet of ledger columns, each at the width of its layout. */
    private static PrintedSheet table(Worksheet ws, List<Column> columns) {
        return new PrintedSheet(ws, columns.stream().mapToDouble(Column::width).toArray());
    }

    private static int column(String field) {
        for (int i = 0; i < LedgerLayout.ACTIVITY_COLUMNS.size(); i++) {
            if (LedgerLayout.ACTIVITY_COLUMNS.get(i).field().equals(field)) {
                return i;
            }
        }
        throw new IllegalArgumentException(field);
    }

    /** The header row; the columns that must be filled are shaded apart. */
    private static void header(PrintedSheet sheet, int row, List<Column> columns) {
        sheet.header(row, columns.stream().map(Column::header).toList());
        for (int c = 0; c < columns.size(); c++) {
            if (columns.get(c).required()) {
                sheet.worksheet().style(row, c).fillColor(REQUIRED_FILL).set();
            }
        }
    }

    /** A single-valued drop-down: a value not in the list gets a warning the user may accept (codes are allowed). */
    private static void single(Worksheet ws, String field, int last, Range list, String title, String message) {
        int c = column(field);
        ws.range(1, c, last, c).validateWithList(list).errorStyle(DataValidationErrorStyle.WARNING)
                .showErrorMessage(true).errorTitle(title).error(message);
    }

    /**
     * A drop-down for a cell that may hold several names: Excel checks the whole cell against the list, so a list of
     * names would be refused under a stop or warning alert. The information alert only explains and lets it stand;
     * the checker reads and checks each name.
     */
    private static void several(Worksheet ws, String field, int last, Range list, String title, String example) {
        int c = column(field);
        ws.range(1, c, last, c).validateWithList(list).errorStyle(DataValidationErrorStyle.INFORMATION)
                .showErrorMessage(true).errorTitle(title)
                .error("可填写多个" + title + "，用“、”分隔，如 " + example + "；每个名称须在下拉列表中（检查时逐个核对）");
    }

    private static void writeActivity(PrintedSheet sheet, int row, Activity a, Vocabulary v) {
        Object[] cells = new Object[LedgerLayout.ACTIVITY_COLUMNS.size()];
        cells[column("id")] = a.getId();
        cells[column("unit")] = a.getUnitId();
        cells[column("kind")] = v.kinds().containsKey(a.getKind()) ? v.kinds().get(a.getKind()).name() : a.getKind();
        cells[column("date")] = a.getDate();
        cells[column("endDate")] = a.getEndDate();
        cells[column("title")] = a.getTitle();
        cells[column("topics")] = a.getTopics().isEmpty() ? null : String.join("、", names(a.getTopics(), v.topics()));
        cells[column("groups")] = a.getGroups().isEmpty() ? null : String.join("、", names(a.getGroups(), v.groups()));
        cells[column("participants")] = a.getParticipants();
        cells[column("amount")] = a.getAmount();
        cells[column("relatesTo")] = a.getRelatesTo();
        cells[column("honourLevel")] = a.getHonourLevel() == null ? null
                : v.honourLevels().getOrDefault(a.getHonourLevel(), a.getHonourLevel());
        cells[column("organiser")] = a.getOrganiser() == null ? null
                : v.organisers().getOrDefault(a.getOrganiser(), a.getOrganiser());
        cells[column("description")] = a.getDescription();
        sheet.row(row, java.util.Arrays.asList(cells));
        Worksheet ws = sheet.worksheet();
        ws.style(row, column("date")).format(DATE_FORMAT).set();
        if (a.getEndDate() != null) {
            ws.style(row, column("endDate")).format(DATE_FORMAT).set();
        }
        if (a.getAmount() != null) {
            ws.style(row, column("amount")).format("0.00").set();
        }
    }

    /** Codes as Chinese names, in the vocabulary's order. */
    static List<String> names(Set<String> codes, Map<String, String> vocabulary) {
        return codesInOrder(codes, vocabulary).stream().map(c -> vocabulary.getOrDefault(c, c)).toList();
    }

    /** Codes in the vocabulary's order (a record's set has none; output must not depend on hashing). */
    static List<String> codesInOrder(Set<String> codes, Map<String, String> vocabulary) {
        List<String> out = new ArrayList<>();
        vocabulary.keySet().forEach(code -> {
            if (codes.contains(code)) {
                out.add(code);
            }
        });
        codes.stream().filter(c -> !vocabulary.containsKey(c)).sorted().forEach(out::add);
        return out;
    }

    private static Map<String, Range> writeLists(Worksheet ws, Vocabulary v) {
        Map<String, List<String>> lists = new LinkedHashMap<>();
        lists.put("单位级别", List.of(UnitLevel.values()).stream().map(UnitLevel::chineseName).toList());
        lists.put("类别", v.kinds().values().stream().map(Vocabulary.Kind::name).toList());
        lists.put("主题", List.copyOf(v.topics().values()));
        lists.put("对象", List.copyOf(v.groups().values()));
        lists.put("荣誉级别", List.copyOf(v.honourLevels().values()));
        lists.put("组织方", List.copyOf(v.organisers().values()));
        Map<String, Range> ranges = new LinkedHashMap<>();
        int c = 0;
        for (Map.Entry<String, List<String>> e : lists.entrySet()) {
            ws.value(0, c, e.getKey());
            ws.style(0, c).bold().set();
            ws.width(c, 30);
            for (int i = 0; i < e.getValue().size(); i++) {
                ws.value(1 + i, c, e.getValue().get(i));
            }
            ranges.put(e.getKey(), ws.range(1, c, e.getValue().size(), c));
            c++;
        }
        ws.value(0, c + 1, "本表由 ./checker template 生成，是“活动”“单位”表下拉列表的选项，请勿修改");
        ws.setVisibilityState(VisibilityState.HIDDEN);
        ws.paperSize(PaperSize.A4_PAPER); // hidden, so not printed; A4 all the same, like every sheet
        return ranges;
    }

    private static void writeGuide(Worksheet ws, RulePack pack, Vocabulary v) {
        Guide g = new Guide(new PrintedSheet(ws, GUIDE_WIDTHS));
        g.title("《" + pack.title() + "》活动台账填写说明");
        g.line("规则包：" + pack.id() + "　考核年度：" + pack.year() + " 年");
        g.line("考核年度写在“单位”表的 B1 单元格，须为 " + pack.year() + "；检查时用 ./checker check 台账.xlsx（规则包不同时加 --pack）。");
        g.blank();
        g.heading("一、工作表");
        g.row("单位", "", "", "A1 为“考核年度”，B1 填年度；第 2 行是表头，其下每行一个单位：街道一个，社区若干"
                + (pack.unitAttributes().isEmpty() ? "" : "；" + String.join("、", pack.unitAttributes().values().stream()
                        .map(a -> a.header()).toList()) + "各占一列，填各单位的数字或有/无（见下表）"));
        g.row("活动", "", "", "活动台账：第 1 行是表头，其下每行一条记录（会议、学习、文件、走访、灾害、募捐……）；空行跳过");
        g.row("情况说明", "", "", "审核人员认可的未落实事项（可不填）：规则编号、单位编号、理由、认可人、有效期至");
        g.row("选项（隐藏）", "", "", "下拉列表的选项，由模板生成，请勿修改");
        g.line("不要增加其他工作表或列：多余的内容检查时会报错，而不是被悄悄忽略。");
        g.blank();
        g.heading("二、各列填写要求");
        g.tableHeader("工作表", "列", "是否必填", "填写内容");
        for (Column c : LedgerLayout.unitColumns(pack.unitAttributes())) {
            boolean requiredAttribute = c.type() == LedgerLayout.Type.ATTRIBUTE
                    && pack.unitAttributes().get(c.field().substring(LedgerLayout.ATTRIBUTE_FIELD.length())).required();
            g.row("单位", c.header(), requiredAttribute ? "社区必填" : required(c, v), c.meaning());
        }
        for (Column c : LedgerLayout.ACTIVITY_COLUMNS) {
            g.row("活动", c.header(), required(c, v), c.meaning());
        }
        for (Column c : LedgerLayout.WAIVER_COLUMNS) {
            g.row("情况说明", c.header(), required(c, v), c.meaning());
        }
        g.blank();
        g.heading("三、日期");
        g.line("日期可以是日期单元格（模板的日期列已设为 yyyy-mm-dd 格式），也可以是文字 " + LedgerDates.ACCEPTED + "。");
        g.line("4/13/2023、13/4/2023、23-4-13 这类写法有歧义，不予接受；不是日期格式的数字（如 45029）也不接受。");
        g.blank();
        g.heading("四、多个主题或对象");
        g.line("一个单元格可填多个主题或对象，用“、”分隔（也可用逗号、分号或空格），如：统战工作、民族工作。");
        g.line("下拉列表一次只能选一个；选好一个后，在单元格内接着输入“、”和下一个名称。Excel 提示“不在列表中”时点“确定”即可，检查时逐个核对。");
        g.blank();
        g.heading("五、名称或代码");
        g.line("类别、主题、对象、荣誉级别、单位级别可填中文名称（下拉列表中的写法），也可填代码（如 special-meeting）。");
        g.line("中文引号和括号可省略（如 巾帼暖人心、募捐）；写错的名称检查时会报出所在单元格，并给出最接近的名称。");
        g.blank();
        g.heading("六、类别表");
        g.line("组织方：第七至十部分（工会、团委、妇联、红十字会）的职责只计本组织的记录。只由一个组织开展的类别，组织方可不填；"
                + "其他类别要计入这些职责，须填组织方。“活动”类别参加人数填 0 的，视为没有开展。");
        g.tableHeader("类别", "代码", "活动", "除记录编号、单位编号、类别、日期、标题外还必须填写");
        Map<String, List<DutyEvidence.Duty>> duties = DutyEvidence.of(pack.ruleFiles());
        for (Vocabulary.Kind k : v.kinds().values()) {
            g.row(k.name(), k.code(), k.activity() ? "活动" : "", requires(k, v, duties));
        }
        g.blank();
        g.heading("七、主题表");
        g.tableHeader("主题", "代码", "", "");
        v.topics().forEach((code, name) -> g.row(name, code, "", ""));
        g.blank();
        g.heading("八、对象表");
        g.tableHeader("对象", "代码", "", "");
        v.groups().forEach((code, name) -> g.row(name, code, "", ""));
        g.blank();
        g.heading("九、荣誉级别表");
        g.tableHeader("荣誉级别", "代码", "", "");
        v.honourLevels().forEach((code, name) -> g.row(name, code, "", ""));
        g.blank();
        g.heading("十、组织方表");
        g.tableHeader("组织方", "代码", "", "");
        v.organisers().forEach((code, name) -> g.row(name, code, "", ""));
        g.blank();
        g.heading("十一、单位级别");
        g.tableHeader("单位级别", "代码", "", "");
        for (UnitLevel l : UnitLevel.values()) {
            g.row(l.chineseName(), l.code(), "", "");
        }
    }

    /**
     * Whether a column must be filled: 必填 always, 视类别 when some kind of the vocabulary requires it (or, for 组织方,
     * when some duty counts a kind only from one body), 可不填 otherwise.
     */
    static String required(Column c, Vocabulary v) {
        if (c.required()) {
            return "必填";
        }
        boolean byKind = LedgerLayout.ACTIVITY_COLUMNS.contains(c) && (c.field().equals("organiser")
                || v.kinds().values().stream().anyMatch(k -> k.requires().contains(c.field())));
        return byKind ? "视类别" : "可不填";
    }

    /**
     * What a record of the kind must carry, besides the five required columns: the fields the vocabulary requires,
     * and the organiser where a duty counts the kind only from one body (unless the kind is always that body's).
     */
    static String requires(Vocabulary.Kind k, Vocabulary v, Map<String, List<DutyEvidence.Duty>> duties) {
        List<String> out = new ArrayList<>();
        for (String field : k.requires()) {
            String header = LedgerLayout.ACTIVITY_COLUMNS.stream().filter(c -> c.field().equals(field))
                    .map(Column::header).findFirst().orElse(field);
            if (field.equals("relatesTo") && k.relatesToKind() != null) {
                header += "（须为类别“" + v.nameOf(k.relatesToKind()) + "”的记录）";
            }
            out.add(header);
        }
        String fields = out.isEmpty() ? "无" : String.join("、", out);
        if (k.organiser() != null) {
            return fields + "（组织方可不填：该类别只由" + v.nameOf(k.organiser()) + "开展）";
        }
        Map<String, Set<String>> rulesByBody = new TreeMap<>();
        duties.forEach((rule, list) -> list.stream().filter(d -> d.accepts(k)).flatMap(d -> d.sources().stream())
                .filter(src -> src.organiser() != null && src.accepts(k.code()))
                .forEach(src -> rulesByBody.computeIfAbsent(src.organiser(), o -> new TreeSet<>()).add(rule)));
        if (rulesByBody.isEmpty()) {
            return fields;
        }
        List<String> bodies = new ArrayList<>();
        rulesByBody.forEach((body, rules) -> bodies.add("计入 " + String.join("、", rules) + " 的填" + v.nameOf(body)));
        return (out.isEmpty() ? "" : fields + "、") + "组织方（" + String.join("；", bodies) + "）";
    }

    /** Writes the 填写说明 sheet line by line: paragraphs across the page, and tables. */
    private static final class Guide {
        private final PrintedSheet sheet;
        private int row;

        Guide(PrintedSheet sheet) {
            this.sheet = sheet;
        }

        void title(String text) {
            sheet.line(row++, text, 14, true);
        }

        void heading(String text) {
            sheet.line(row++, text, 12, true);
        }

        void line(String text) {
            sheet.line(row++, text, 11, false);
        }

        void blank() {
            row++;
        }

        void tableHeader(String... cells) {
            sheet.header(row++, List.of(cells));
        }

        void row(String... cells) {
            sheet.row(row++, List.of(cells));
        }
    }
}
