package dev.plancheck.io.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plancheck.PlanChecker;
import dev.plancheck.RulePack;
import dev.plancheck.input.Submission;
import dev.plancheck.input.Waiver;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.SheetVisibility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generated workbook, inspected as Excel would see it: sheets, cells, formats and drop-down lists. */
class LedgerTemplateTest {
    static final PlanChecker CHECKER = LedgerRoundTripTest.CHECKER;

    @TempDir
    Path dir;

    Path template(RulePack pack) throws Exception {
        Path file = dir.resolve("模板.xlsx");
        try (OutputStream out = Files.newOutputStream(file)) {
            LedgerTemplate.write(pack, out);
        }
        return file;
    }

    static List<Row> rows(Path xlsx, String sheet) throws Exception {
        try (ReadableWorkbook wb = new ReadableWorkbook(xlsx.toFile(), new ReadingOptions(true, false))) {
            return wb.findSheet(sheet).orElseThrow().read();
        }
    }

    static String text(List<Row> rows, String a1) {
        Matcher m = Pattern.compile("([A-Z]+)(\\d+)").matcher(a1);
        m.matches();
        int row = Integer.parseInt(m.group(2));
        int col = m.group(1).charAt(0) - 'A';
        return rows.stream().filter(r -> r.getRowNum() == row).findFirst()
                .flatMap(r -> r.getOptionalCell(col)).map(Cell::getText).orElse("");
    }

    /** The data validations of a sheet as "sqref|errorStyle|formula" lines. */
    static List<String> validations(Path xlsx, int sheetNumber) throws Exception {
        String xml = Xlsx.part(xlsx, "xl/worksheets/sheet" + sheetNumber + ".xml");
        Matcher m = Pattern.compile("<dataValidation sqref=\"([^\"]+)\" type=\"list\"[^>]*errorStyle=\"(\\w+)\"[^>]*><formula1>([^<]+)</formula1>")
                .matcher(xml);
        List<String> out = new java.util.ArrayList<>();
        while (m.find()) {
            out.add(m.group(1) + "|" + m.group(2) + "|" + decode(m.group(3)));
        }
        return out;
    }

    static String decode(String xml) {
        Matcher m = Pattern.compile("&#x([0-9a-f]+);").matcher(xml);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, new String(Character.toChars(Integer.parseInt(m.group(1), 16))));
        }
        return m.appendTail(sb).toString().replace("&apos;", "'");
    }

    @Test
    void the_template_has_the_five_sheets_with_the_list_sheet_hidden_and_the_year_in_b1() throws Exception {
        Path file = template(RulePack.bundled());
        try (ReadableWorkbook wb = new ReadableWorkbook(file.toFile())) {
            assertEquals(List.of("填写说明", "单位", "活动", "情况说明", "选项"),
                    wb.getSheets().map(s -> s.getName()).toList());
            assertEquals(SheetVisibility.HIDDEN, wb.findSheet("选项").orElseThrow().getVisibility());
            assertEquals(SheetVisibility.VISIBLE, wb.findSheet("活动").orElseThrow().getVisibility());
        }
        List<Row> units = rows(file, "单位");
        assertEquals("考核年度", text(units, "A1"));
        assertEquals("2023", text(units, "B1"));
        assertEquals(List.of("单位编号", "单位名称", "单位级别"), List.of(text(units, "A2"), text(units, "B2"), text(units, "C2")));
        List<Row> activities = rows(file, "活动");
        assertEquals(1, activities.size(), "only the header row");
        assertEquals(List.of("记录编号", "单位编号", "类别", "日期", "结束日期", "标题", "主题", "对象", "参与人数", "金额（元）",
                "关联记录", "荣誉级别", "组织方", "说明"), activities.get(0).stream().map(Cell::getText).toList());
        assertEquals(List.of("规则编号", "单位编号", "理由", "认可人", "有效期至"),
                rows(file, "情况说明").get(0).stream().map(Cell::getText).toList());
        assertEquals(2024, Integer.parseInt(text(rows(template(RulePack.bundled("dianchang-2024-demo")), "单位"), "B1")),
                "the year comes from the pack");
    }

    @Test
    void the_drop_downs_list_the_vocabulary_in_chinese_and_multi_valued_columns_only_inform() throws Exception {
        Path file = template(RulePack.bundled());
        var v = CHECKER.pack().vocabulary();
        assertEquals(List.of(
                "B2:B2001|warning|'单位'!$A$3:$A$203",
                "C2:C2001|warning|'选项'!$B$2:$B$" + (1 + v.kinds().size()),
                "G2:G2001|information|'选项'!$C$2:$C$" + (1 + v.topics().size()),
                "H2:H2001|information|'选项'!$D$2:$D$" + (1 + v.groups().size()),
                "L2:L2001|warning|'选项'!$E$2:$E$" + (1 + v.honourLevels().size()),
                "M2:M2001|warning|'选项'!$F$2:$F$" + (1 + v.organisers().size())), validations(file, 3));
        assertEquals(List.of("C3:C203|warning|'选项'!$A$2:$A$3"), validations(file, 2));
        List<Row> lists = rows(file, "选项");
        assertEquals(List.of("单位级别", "类别", "主题", "对象", "荣誉级别", "组织方"),
                List.of(text(lists, "A1"), text(lists, "B1"), text(lists, "C1"), text(lists, "D1"), text(lists, "E1"),
                        text(lists, "F1")));
        assertEquals(List.of("街道", "社区"), List.of(text(lists, "A2"), text(lists, "A3")));
        List<String> kinds = v.kinds().values().stream().map(k -> k.name()).toList();
        assertEquals(45, kinds.size());
        for (int i = 0; i < kinds.size(); i++) {
            assertEquals(kinds.get(i), text(lists, "B" + (2 + i)));
        }
        List<String> topics = List.copyOf(v.topics().values());
        for (int i = 0; i < topics.size(); i++) {
            assertEquals(topics.get(i), text(lists, "C" + (2 + i)));
        }
        assertEquals("统战工作", text(lists, "C2"));
        List<String> organisers = List.copyOf(v.organisers().values());
        for (int i = 0; i < organisers.size(); i++) {
            assertEquals(organisers.get(i), text(lists, "F" + (2 + i)));
        }
        assertEquals("因病致困居民", text(lists, "D15"));
        assertEquals("区（旗县）级", text(lists, "E5"));
        String sheet3 = Xlsx.part(file, "xl/worksheets/sheet3.xml");
        assertTrue(sheet3.contains("state=\"frozen\"") && sheet3.contains("ySplit=\"1\""), "header row frozen");
        assertTrue(Xlsx.part(file, "xl/styles.xml").contains("formatCode=\"yyyy-mm-dd\""));
    }

    @Test
    void the_guide_names_the_pack_the_year_and_every_kind_with_its_code_and_required_fields() throws Exception {
        List<Row> guide = rows(template(RulePack.bundled()), "填写说明");
        List<String> lines = guide.stream().map(r -> String.join("|", r.stream().map(c -> c == null ? "" : c.getText()).toList())).toList();
        assertEquals("《电厂街道2023年度统战群团工作要点》活动台账填写说明", lines.get(0));
        assertEquals("规则包：dianchang-2023　考核年度：2023 年", lines.get(1));
        assertTrue(lines.contains("募捐（“博爱一日捐”）|donation-drive||金额（元）（组织方可不填：该类别只由街道红十字会开展）"),
                String.join("\n", lines));
        assertTrue(lines.contains("灾害救助|disaster-relief||关联记录（须为类别“灾害”的记录）（组织方可不填：该类别只由街道红十字会开展）"));
        assertTrue(lines.contains("荣誉命名|honour||主题、荣誉级别"));
        assertTrue(lines.contains("专题会议|special-meeting|活动|主题、组织方（计入 R8-2、R8-3、R8-4、R8-5、R8-6 的填街道团工委）"),
                "any activity about a node day counts for the youth league's node duties");
        assertTrue(lines.contains("工作计划|work-plan||主题"), "a paper counts for no node duty");
        assertTrue(lines.contains("大病救助|major-illness-relief||无（组织方可不填：该类别只由街道红十字会开展）"));
        assertTrue(lines.contains("活动|日期|必填|活动日期；多日活动填第一天"));
        assertTrue(lines.stream().anyMatch(l -> l.contains("2023-04-13、2023/4/13、2023.4.13、2023年4月13日 或 20230413")));
    }

    @Test
    void the_kind_table_says_where_an_organiser_must_be_named_for_every_kind() throws Exception {
        List<Row> guide = rows(template(RulePack.bundled()), "填写说明");
        List<String> lines = guide.stream().map(r -> String.join("|", r.stream().map(c -> c == null ? "" : c.getText()).toList())).toList();
        // The kinds the issue found saying 无: those one body organises need nothing; the others name the body per duty.
        assertTrue(lines.contains("工会规范化建设|union-building||无（组织方可不填：该类别只由街道联合工会开展）"), String.join("\n", lines));
        assertTrue(lines.contains("团组织建设|league-building||无（组织方可不填：该类别只由街道团工委开展）"));
        assertTrue(lines.contains("“青年大学习”|youth-study||无（组织方可不填：该类别只由街道团工委开展）"));
        assertTrue(lines.contains("帮扶活动|assistance|活动|组织方（计入 R7.2-1、R7.2-2、R7.2-3、R7.2-4 的填街道联合工会；"
                + "计入 R9-2 的填街道妇联；计入 R8-2、R8-3、R8-4、R8-5、R8-6 的填街道团工委）"));
        assertTrue(lines.contains("主题活动|themed-activity|活动|主题、组织方（计入 R8-2、R8-3、R8-4、R8-5、R8-6 的填街道团工委）"));
        // Every kind that some duty counts only from one body either is that body's kind or names the organiser.
        var duties = dev.plancheck.pack.DutyEvidence.of(RulePack.bundled().ruleFiles());
        for (var k : RulePack.bundled().vocabulary().kinds().values()) {
            boolean needed = duties.values().stream().flatMap(List::stream).filter(d -> d.accepts(k))
                    .flatMap(d -> d.sources().stream()).anyMatch(src -> src.organiser() != null && src.accepts(k.code()));
            String line = lines.stream().filter(l -> l.startsWith(k.name() + "|" + k.code() + "|")).findFirst().orElseThrow();
            assertEquals(needed, line.contains("组织方"), line);
        }
    }

    @Test
    void a_filled_ledger_has_chinese_names_in_cells_and_real_date_cells() throws Exception {
        Submission s = CHECKER.read(LedgerRoundTripTest.COMPLIANT);
        Path file = dir.resolve("compliant.xlsx");
        try (OutputStream out = Files.newOutputStream(file)) {
            LedgerTemplate.write(CHECKER.pack(), s, List.of(new Waiver("R8-3", "HP", "上级通知取消集中活动", "王审核",
                    LocalDate.of(2024, 3, 31), "test")), out);
        }
        List<Row> units = rows(file, "单位");
        assertEquals(List.of("DC", "电厂街道", "街道"), List.of(text(units, "A3"), text(units, "B3"), text(units, "C3")));
        assertEquals(List.of("XC", "欣城社区", "社区"), List.of(text(units, "A7"), text(units, "B7"), text(units, "C7")));
        List<Row> activities = rows(file, "活动");
        assertEquals(1 + s.activities().size(), activities.size());
        Row first = activities.get(1);   // DC-001 visit 2023-01-10 groups non-party-figures, 6 participants
        assertEquals("DC-001", first.getCell(0).getText());
        assertEquals("走访慰问", first.getCell(2).getText());
        assertEquals(CellType.NUMBER, first.getCell(3).getType());
        assertEquals("yyyy-mm-dd", first.getCell(3).getDataFormatString());
        assertEquals(LocalDate.of(2023, 1, 10), first.getCell(3).asDate().toLocalDate());
        assertEquals("无党派人士", first.getCell(7).getText());
        assertEquals(CellType.NUMBER, first.getCell(8).getType());
        assertEquals("6", first.getCell(8).getText());
        Row drive = activities.stream().filter(r -> r.getCell(0).getText().equals("DC-035")).findFirst().orElseThrow();
        assertEquals("募捐（“博爱一日捐”）", drive.getCell(2).getText());
        assertEquals(LocalDate.of(2023, 5, 31), drive.getCell(4).asDate().toLocalDate());
        assertEquals("38650", drive.getCell(9).getText());
        List<Row> waivers = rows(file, "情况说明");
        assertEquals(List.of("R8-3", "HP", "上级通知取消集中活动", "王审核"),
                waivers.get(1).stream().limit(4).map(Cell::getText).toList());
        assertEquals(LocalDate.of(2024, 3, 31), waivers.get(1).getCell(4).asDate().toLocalDate());
    }

    @Test
    void every_sheet_prints_on_a4_the_guide_fitted_to_the_page_width_with_the_fingerprint() throws Exception {
        Path xlsx = template(RulePack.bundled());
        String shortHash = CHECKER.pack().fingerprint().shortHash();
        for (int sheet = 1; sheet <= 5; sheet++) {
            String xml = Xlsx.part(xlsx, "xl/worksheets/sheet" + sheet + ".xml");
            assertTrue(xml.contains("paperSize=\"9\""), "sheet " + sheet + " on A4, not US Letter (paperSize=1)");
            if (sheet <= 4) {
                assertTrue(xml.contains("SHA-256 " + shortHash), "sheet " + sheet + " names the pack in its footer");
            }
        }
        String guide = Xlsx.part(xlsx, "xl/worksheets/sheet1.xml");
        assertTrue(guide.contains("fitToPage=\"true\"") && guide.contains("fitToWidth=\"1\"")
                && guide.contains("fitToHeight=\"0\""), "填写说明 one page wide: " + guide.substring(0, 600));
        assertTrue(guide.contains("orientation=\"portrait\""));
    }

    @Test
    void a_column_no_kind_requires_is_marked_optional_not_by_kind() throws Exception {
        List<Row> guide = rows(template(RulePack.bundled()), "填写说明");
        List<String> lines = guide.stream().map(r -> String.join("|", r.stream().map(c -> c == null ? "" : c.getText()).toList())).toList();
        assertTrue(lines.contains("活动|说明|可不填|补充说明，供审核人员参考，不参与检查"), String.join("\n", lines));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("活动|主题|视类别|")), "主题 is required by some kinds");
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("活动|组织方|视类别|")));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("情况说明|认可人|可不填|")), String.join("\n", lines));
    }

    @Test
    void the_unit_sheet_of_a_pack_with_four_long_attribute_headers_prints_one_page_wide() throws Exception {
        // 柏树街道 2024: 常住人口（人）, 有无日间照料中心, 60周岁以上老年人数（人）, 参加意外伤害保险的老年人数（人）. Headers that
        // long wrap in their cell instead of widening the sheet past the page, where its last column went to a second page.
        Path xlsx = template(RulePack.load(Path.of("..", "sample-data", "baishu-2024", "pack")));
        String units = Xlsx.part(xlsx, "xl/worksheets/sheet2.xml");
        assertTrue(units.contains("fitToPage=\"true\"") && units.contains("fitToWidth=\"1\"")
                && units.contains("orientation=\"landscape\""), units.substring(0, Math.min(800, units.length())));
        assertEquals(List.of("单位编号", "单位名称", "单位级别", "常住人口（人）", "有无日间照料中心", "60周岁以上老年人数（人）",
                "参加意外伤害保险的老年人数（人）"), rows(xlsx, "单位").get(1).stream().map(Cell::getText).toList());
    }
}
