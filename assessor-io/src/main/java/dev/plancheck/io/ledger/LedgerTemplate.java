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
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.dhatim.fastexcel.DataValidationErrorStyle;
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

        Workbook wb = new Workbook(out, "plancheck", "1.0");
        Worksheet guide = wb.newWorksheet(LedgerLayout.GUIDE_SHEET);
        Worksheet unitSheet = wb.newWorksheet(LedgerLayout.UNITS_SHEET);
        Worksheet activitySheet = wb.newWorksheet(LedgerLayout.ACTIVITIES_SHEET);
        Worksheet waiverSheet = wb.newWorksheet(LedgerLayout.WAIVERS_SHEET);
        Worksheet lists = wb.newWorksheet(LedgerLayout.LISTS_SHEET);
        wb.setActiveTab(submission == null ? 0 : 2);

        writeGuide(guide, pack, v);
        Map<String, Range> listRanges = writeLists(lists, v);

        int unitLast = 2 + Math.max(units.size() + 100, 200);
        unitSheet.value(0, 0, LedgerLayout.YEAR_LABEL);
        unitSheet.style(0, 0).bold().fillColor(REQUIRED_FILL).set();
        unitSheet.value(0, 1, year);
        unitSheet.style(0, 1).bold().horizontalAlignment("left").set();
        // A note, not a cell: the reader refuses anything else on the year row.
        unitSheet.comment(0, 1, "考核年度，须与规则包 " + pack.id() + " 的年度 " + pack.year() + " 一致");
        header(unitSheet, 1, LedgerLayout.UNIT_COLUMNS);
        unitSheet.style(0).format("@").set();
        for (int i = 0; i < units.size(); i++) {
            OrgUnit u = units.get(i);
            unitSheet.value(2 + i, 0, u.getId());
            unitSheet.value(2 + i, 1, u.getName());
            unitSheet.value(2 + i, 2, u.getLevel().chineseName());
        }
        unitSheet.range(2, 2, unitLast, 2).validateWithList(listRanges.get("单位级别"))
                .errorStyle(DataValidationErrorStyle.WARNING).showErrorMessage(true)
                .errorTitle("单位级别").error("请选择 街道 或 社区（也可填写 subdistrict、community）");
        unitSheet.freezePane(0, 2);

        int activityLast = Math.max(activities.size(), 1000) + SPARE_ROWS;
        header(activitySheet, 0, LedgerLayout.ACTIVITY_COLUMNS);
        for (int c = 0; c < LedgerLayout.ACTIVITY_COLUMNS.size(); c++) {
            Column col = LedgerLayout.ACTIVITY_COLUMNS.get(c);
            if (col.type() == LedgerLayout.Type.DATE) {
                activitySheet.style(c).format(DATE_FORMAT).set();
            } else if (Set.of("id", "unit", "relatesTo").contains(col.field())) {
                activitySheet.style(c).format("@").set();
            }
        }
        for (int i = 0; i < activities.size(); i++) {
            writeActivity(activitySheet, 1 + i, activities.get(i), v);
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

        header(waiverSheet, 0, LedgerLayout.WAIVER_COLUMNS);
        waiverSheet.style(0).format("@").set();
        waiverSheet.style(1).format("@").set();
        waiverSheet.style(4).format(DATE_FORMAT).set();
        for (int i = 0; i < waivers.size(); i++) {
            Waiver w = waivers.get(i);
            waiverSheet.value(1 + i, 0, w.ruleId());
            waiverSheet.value(1 + i, 1, w.unitId());
            waiverSheet.value(1 + i, 2, w.reason());
            if (w.acceptedBy() != null) {
                waiverSheet.value(1 + i, 3, w.acceptedBy());
            }
            if (w.expires() != null) {
                date(waiverSheet, 1 + i, 4, w.expires());
            }
        }
        waiverSheet.freezePane(0, 1);
        wb.finish();
    }

    private static int column(String field) {
        for (int i = 0; i < LedgerLayout.ACTIVITY_COLUMNS.size(); i++) {
            if (LedgerLayout.ACTIVITY_COLUMNS.get(i).field().equals(field)) {
                return i;
            }
        }
        throw new IllegalArgumentException(field);
    }

    private static void header(Worksheet ws, int row, List<Column> columns) {
        for (int c = 0; c < columns.size(); c++) {
            Column col = columns.get(c);
            ws.value(row, c, col.header());
            ws.style(row, c).bold().fillColor(col.required() ? REQUIRED_FILL : HEADER_FILL).set();
            ws.width(c, col.width());
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

    private static void writeActivity(Worksheet ws, int row, Activity a, Vocabulary v) {
        ws.value(row, column("id"), a.getId());
        ws.value(row, column("unit"), a.getUnitId());
        ws.value(row, column("kind"), v.kinds().containsKey(a.getKind()) ? v.kinds().get(a.getKind()).name() : a.getKind());
        date(ws, row, column("date"), a.getDate());
        if (a.getEndDate() != null) {
            date(ws, row, column("endDate"), a.getEndDate());
        }
        ws.value(row, column("title"), a.getTitle());
        if (!a.getTopics().isEmpty()) {
            ws.value(row, column("topics"), String.join("、", names(a.getTopics(), v.topics())));
        }
        if (!a.getGroups().isEmpty()) {
            ws.value(row, column("groups"), String.join("、", names(a.getGroups(), v.groups())));
        }
        if (a.getParticipants() != null) {
            ws.value(row, column("participants"), a.getParticipants());
        }
        if (a.getAmount() != null) {
            ws.value(row, column("amount"), plain(a.getAmount()));
            ws.style(row, column("amount")).format("0.00").set();
        }
        if (a.getRelatesTo() != null) {
            ws.value(row, column("relatesTo"), a.getRelatesTo());
        }
        if (a.getHonourLevel() != null) {
            ws.value(row, column("honourLevel"), v.honourLevels().getOrDefault(a.getHonourLevel(), a.getHonourLevel()));
        }
        if (a.getOrganiser() != null) {
            ws.value(row, column("organiser"), v.organisers().getOrDefault(a.getOrganiser(), a.getOrganiser()));
        }
        if (a.getDescription() != null) {
            ws.value(row, column("description"), a.getDescription());
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

    /** fastexcel writes a number with toString(); keep it out of exponent form. */
    private static BigDecimal plain(BigDecimal n) {
        return n.scale() < 0 ? n.setScale(0) : n;
    }

    private static void date(Worksheet ws, int row, int column, LocalDate d) {
        ws.value(row, column, d);
        ws.style(row, column).format(DATE_FORMAT).set();
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
        return ranges;
    }

    private static void writeGuide(Worksheet ws, RulePack pack, Vocabulary v) {
        Guide g = new Guide(ws);
        ws.width(0, 16);
        ws.width(1, 22);
        ws.width(2, 12);
        ws.width(3, 70);
        g.title("《" + pack.title() + "》活动台账填写说明");
        g.line("规则包：" + pack.id() + "　考核年度：" + pack.year() + " 年");
        g.line("考核年度写在“单位”表的 B1 单元格，须为 " + pack.year() + "；检查时用 ./checker check 台账.xlsx（规则包不同时加 --pack）。");
        g.blank();
        g.heading("一、工作表");
        g.row("单位", "", "", "A1 为“考核年度”，B1 填年度；第 2 行是表头，其下每行一个单位：街道一个，社区若干");
        g.row("活动", "", "", "活动台账：第 1 行是表头，其下每行一条记录（会议、学习、文件、走访、灾害、募捐……）；空行跳过");
        g.row("情况说明", "", "", "审核人员认可的未落实事项（可不填）：规则编号、单位编号、理由、认可人、有效期至");
        g.row("选项（隐藏）", "", "", "下拉列表的选项，由模板生成，请勿修改");
        g.line("不要增加其他工作表或列：多余的内容检查时会报错，而不是被悄悄忽略。");
        g.blank();
        g.heading("二、各列填写要求");
        g.tableHeader("工作表", "列", "是否必填", "填写内容");
        for (Column c : LedgerLayout.UNIT_COLUMNS) {
            g.row("单位", c.header(), c.required() ? "必填" : "", c.meaning());
        }
        for (Column c : LedgerLayout.ACTIVITY_COLUMNS) {
            g.row("活动", c.header(), c.required() ? "必填" : "视类别", c.meaning());
        }
        for (Column c : LedgerLayout.WAIVER_COLUMNS) {
            g.row("情况说明", c.header(), c.required() ? "必填" : "", c.meaning());
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

    /** Writes the 填写说明 sheet line by line. */
    private static final class Guide {
        private final Worksheet ws;
        private int row;

        Guide(Worksheet ws) {
            this.ws = ws;
        }

        void title(String text) {
            ws.value(row, 0, text);
            ws.style(row, 0).bold().fontSize(14).set();
            row++;
        }

        void heading(String text) {
            ws.value(row, 0, text);
            ws.style(row, 0).bold().fontSize(12).set();
            row++;
        }

        void line(String text) {
            ws.value(row++, 0, text);
        }

        void blank() {
            row++;
        }

        void tableHeader(String... cells) {
            for (int i = 0; i < cells.length; i++) {
                if (!cells[i].isEmpty()) {
                    ws.value(row, i, cells[i]);
                }
                ws.style(row, i).bold().fillColor(HEADER_FILL).set();
            }
            row++;
        }

        void row(String... cells) {
            for (int i = 0; i < cells.length; i++) {
                if (!cells[i].isEmpty()) {
                    ws.value(row, i, cells[i]);
                }
            }
            row++;
        }
    }
}
