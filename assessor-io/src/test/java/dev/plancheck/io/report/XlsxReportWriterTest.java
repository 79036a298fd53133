package dev.plancheck.io.report;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plancheck.report.ReportFormats;
import dev.plancheck.report.ReportWriter;
import dev.plancheck.report.Report;
import dev.plancheck.report.Status;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.Test;

/** The workbook is read back with fastexcel-reader and checked cell by cell, as a spreadsheet program would show it. */
class XlsxReportWriterTest {
    private static final ReportWriter XLSX = ReportFormats.forName("xlsx");

    /** Every sheet by name, each as rows of cell texts (an absent cell is ""). */
    record Book(List<String> names, List<List<List<String>>> sheets) {
        List<List<String>> sheet(String name) {
            int i = names.indexOf(name);
            assertTrue(i >= 0, "sheet " + name + " in " + names);
            return sheets.get(i);
        }
    }

    static Book read(byte[] xlsx) throws IOException {
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            List<String> names = new ArrayList<>();
            List<List<List<String>>> sheets = new ArrayList<>();
            for (Sheet s : wb.getSheets().toList()) {
                names.add(s.getName());
                List<List<String>> rows = new ArrayList<>();
                for (Row r : s.read()) {
                    while (rows.size() < r.getRowNum() - 1) {
                        rows.add(List.of()); // an empty row between
                    }
                    List<String> cells = new ArrayList<>();
                    for (int c = 0; c < r.getCellCount(); c++) {
                        cells.add(r.getCellText(c) == null ? "" : r.getCellText(c));
                    }
                    rows.add(cells);
                }
                sheets.add(rows);
            }
            return new Book(names, sheets);
        }
    }

    /** The XML of one part of the workbook, to check what the reader does not expose (panes, filters, formats). */
    static String part(byte[] xlsx, String name) throws IOException {
        // Through the central directory, as spreadsheet programs read it (fastexcel streams its entries).
        Path file = Files.createTempFile("plancheck", ".xlsx");
        try {
            Files.write(file, xlsx);
            try (ZipFile zip = new ZipFile(file.toFile())) {
                ZipEntry e = zip.getEntry(name);
                assertTrue(e != null, name + " in the workbook");
                return new String(zip.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8);
            }
        } finally {
            Files.delete(file);
        }
    }

    static String cell(List<List<String>> rows, int r, int c) {
        List<String> row = rows.get(r);
        return c < row.size() ? row.get(c) : "";
    }

    @Test
    void the_follow_up_list_has_one_row_per_gap_and_empty_columns_to_fill_in() throws IOException {
        Report r = Samples.report("gaps-meetings");
        Book book = read(Samples.bytes(XLSX, List.of(r), false));
        assertEquals(List.of("整改清单", "人工核验", "全部结果", "记录提示"), book.names());
        List<List<String>> list = book.sheet("整改清单");
        assertEquals(List.of("单位", "单位编号", "规则编号", "标题", "条款", "原文", "应有", "实有", "证据", "严重程度", "状态",
                "整改措施", "责任人", "完成时限"), list.get(0));
        assertEquals(3, list.size(), "header and the two gaps");
        assertEquals(List.of("电厂街道", "DC", "R1.2-4", "全年专题会议研究统战工作至少2次", "§1.2", "保证全年专题会议研究统战工作至少2次",
                "研究统战工作的专题会议：全年（2023-01-01 至 2023-12-31）内至少 2 条",
                "1 条：DC-024（2023-04-13 党工委专题会议研究2023年统战工作）", "DC-024", "高", "缺项", "", "", ""),
                padded(list.get(1), 14));
        assertEquals("R2.4-1", cell(list, 2, 2));
        for (int row = 1; row < list.size(); row++) {
            for (int c = 11; c < 14; c++) {
                assertEquals("", cell(list, row, c), "row " + row + " column " + list.get(0).get(c) + " is left to fill in");
            }
        }
    }

    @Test
    void the_manual_checks_are_listed_once_per_report_with_a_column_to_tick() throws IOException {
        Report r = Samples.report("gaps-meetings");
        List<List<String>> sheet = read(Samples.bytes(XLSX, List.of(r), false)).sheet("人工核验");
        assertEquals(List.of("条款", "部分", "原文", "核验什么", "已核", "核验情况", "核验人"), sheet.get(0));
        assertEquals(1 + r.manualChecks().size(), sheet.size(), "header and one row per item, not one per unit");
        assertEquals(2, r.manualChecks().size());
        assertEquals(List.of("§9", "九、妇联工作", "做好新时代妇联工作", r.manualChecks().get(1).check(), "", "", ""),
                padded(sheet.get(2), 7));
        assertTrue(cell(sheet, 1, 2).startsWith("认清新形势下团建工作"), cell(sheet, 1, 2));

        List<Report> batch = List.of(Samples.report("compliant"), r);
        List<List<String>> both = read(Samples.bytes(XLSX, batch, true)).sheet("人工核验");
        assertEquals("来源文件", cell(both, 0, 0));
        assertEquals(List.of(batch.get(0).source(), batch.get(0).source(), r.source(), r.source()),
                both.subList(1, 5).stream().map(x -> x.get(0)).toList(), "each file's own list");
        assertTrue(XlsxReportWriter.MANUAL_WIDTHS.length == XlsxReportWriter.MANUAL_COLUMNS.size());
        double single = java.util.Arrays.stream(XlsxReportWriter.MANUAL_WIDTHS).sum();
        assertTrue(dev.plancheck.io.print.PrintedSheet.printedPoints(single, dev.plancheck.io.print.PrintedSheet.Orientation.LANDSCAPE)
                >= dev.plancheck.io.print.PrintedSheet.FONT_POINTS, "one file's list prints at 11 pt: " + single);
        assertTrue(dev.plancheck.io.print.PrintedSheet.printedPoints(single + XlsxReportWriter.WIDE_SOURCE_WIDTH,
                dev.plancheck.io.print.PrintedSheet.Orientation.LANDSCAPE) >= dev.plancheck.io.print.PrintedSheet.MIN_PRINTED_POINTS,
                "a folder's list prints at 9 pt or more");
    }

    private static List<String> padded(List<String> row, int size) {
        List<String> out = new ArrayList<>(row);
        while (out.size() < size) {
            out.add("");
        }
        return out;
    }

    @Test
    void headers_are_bold_frozen_and_filtered_and_the_deadline_column_is_a_date() throws IOException {
        byte[] xlsx = Samples.bytes(XLSX, List.of(Samples.report("gaps-meetings")), false);
        String sheet1 = part(xlsx, "xl/worksheets/sheet1.xml");
        String styles = part(xlsx, "xl/styles.xml");
        assertAll(
                () -> assertTrue(sheet1.contains("state=\"frozen\""), "header row frozen"),
                () -> assertTrue(sheet1.contains("<autoFilter ref=\"A1:N3\""), "auto-filter over the list: " + sheet1),
                () -> assertTrue(styles.contains("formatCode=\"yyyy-mm-dd\""), "a date format for 完成时限"),
                () -> assertTrue(styles.contains("<b") , "a bold font for the header"),
                () -> assertTrue(sheet1.contains("<pageSetup") && sheet1.contains("orientation=\"landscape\""),
                        "prints landscape"));
    }

    @Test
    void every_result_and_every_notice_has_a_row() throws IOException {
        Report r = Samples.report("gaps-meetings");
        Book book = read(Samples.bytes(XLSX, List.of(r), false));
        List<List<String>> results = book.sheet("全部结果");
        assertEquals(List.of("单位", "单位编号", "规则编号", "条款", "标题", "状态", "证据", "说明"), results.get(0));
        assertEquals(r.results().size() + 1, results.size());
        assertEquals(List.of("电厂街道", "DC", "R1.1-1", "§1.1", "党工委理论学习中心组学习统战工作内容", "已落实",
                "DC-006、DC-048、DC-072"), results.get(1).subList(0, 7));
        List<String> gapRow = results.stream().filter(x -> x.get(2).equals("R1.2-4")).findFirst().orElseThrow();
        assertEquals("缺项", gapRow.get(5));
        assertEquals("应有：研究统战工作的专题会议：全年（2023-01-01 至 2023-12-31）内至少 2 条", gapRow.get(7));
        assertEquals(r.summary().met(), (int) results.stream().filter(x -> x.size() > 5
                && x.get(5).equals("已落实")).count());

        List<List<String>> notices = book.sheet("记录提示");
        List<List<String>> expected = new java.util.ArrayList<>();
        expected.add(List.of("记录", "类型", "说明"));
        r.notices().forEach(n -> expected.add(List.of(n.recordId(), n.type().chineseName(), n.message())));
        assertEquals(expected, notices);
        assertEquals(List.of("DC-067", "DC-095"), notices.subList(1, 3).stream().map(x -> x.get(0)).toList(),
                "the sample's out-of-year and duplicate records, in record id order");
    }

    @Test
    void mid_year_says_what_can_still_be_done_and_why_a_duty_does_not_apply() throws IOException {
        Report r = Samples.report("gaps-meetings", dev.plancheck.CheckOptions.asOf(java.time.LocalDate.of(2023, 6, 15)));
        List<List<String>> results = read(Samples.bytes(XLSX, List.of(r), false)).sheet("全部结果");
        List<String> notDue = results.stream().filter(x -> x.get(2).equals("R1.2-4")).findFirst().orElseThrow();
        assertEquals(List.of("未到期", "DC-024", "尚可完成——研究统战工作的专题会议：全年 2023-01-01 至 2023-12-31"),
                notDue.subList(5, 8));
        List<String> notApplicable = results.stream().filter(x -> x.get(2).equals("R10.2-1")).findFirst().orElseThrow();
        assertEquals("不适用", notApplicable.get(5));
        assertEquals(r.results().stream().filter(x -> x.rule().id().equals("R10.2-1")).findFirst().orElseThrow().note(),
                notApplicable.get(7));
        assertEquals(r.notices().size() + 1, read(Samples.bytes(XLSX, List.of(r), false)).sheet("记录提示").size(),
                "every later record has its own row");
    }

    @Test
    void a_waived_gap_is_listed_after_the_open_ones_marked_with_its_reason() throws IOException {
        Book book = read(Samples.bytes(XLSX, List.of(Samples.waived()), false));
        List<List<String>> list = book.sheet("整改清单");
        assertEquals("缺项", cell(list, 1, 10));
        assertEquals("R2.4-1", cell(list, 2, 2));
        assertEquals("已说明：上级通知取消下半年民族工作专题会议，改为书面部署（认可人：王审核，有效期至 2024-03-31）", cell(list, 2, 10));
        List<String> result = book.sheet("全部结果").stream().filter(x -> x.get(2).equals("R2.4-1")).findFirst()
                .orElseThrow();
        assertEquals("缺项（已说明）", result.get(5));
    }

    @Test
    void a_batch_names_the_file_of_every_row_and_compares_the_units() throws IOException {
        List<Report> reports = List.of(Samples.report("compliant"), Samples.report("gaps-communities"));
        Book book = read(Samples.bytes(XLSX, reports, true));
        assertEquals(List.of("整改清单", "人工核验", "全部结果", "记录提示", "单位对比"), book.names());
        List<List<String>> list = book.sheet("整改清单");
        assertEquals("来源文件", cell(list, 0, 0));
        assertEquals(4, list.size(), "header and the three gaps of gaps-communities");
        assertEquals(List.of(reports.get(1).source(), "河畔社区", "HP", "R2.2-2"), list.get(1).subList(0, 4));
        assertEquals(List.of(reports.get(1).source(), "锦华社区", "JH", "R6-1"), list.get(3).subList(0, 4));

        List<List<String>> compare = book.sheet("单位对比");
        assertEquals(List.of("序号", "单位", "单位编号", "级别", "来源文件", "缺项", "已说明", "未到期", "已落实", "应落实",
                "一、统战工作", "二、民族工作", "三、宗教工作", "四、非公经济工作", "五、无党派人士和党外知识分子工作",
                "六、港澳台侨及海外统战工作", "七、工会工作", "八、团委工作", "九、妇联工作", "十、红十字会工作"), compare.get(0));
        assertEquals(List.of("1", "河畔社区", "HP", "社区", reports.get(1).source(), "2", "0", "0", "6", "8", "1/1", "2/3",
                "0/1", "—", "1/1", "2/2", "—", "—", "—", "—"), compare.get(1));
        assertEquals(13, compare.size(), "header, ten units, an empty row and the files with gaps");
        assertEquals(List.of(), compare.get(11));
        assertEquals("有缺项的文件（1）：" + reports.get(1).source(), cell(compare, 12, 0));
    }

    @Test
    void submitted_text_is_kept_as_text_with_control_characters_shown() throws IOException {
        Book book = read(Samples.bytes(XLSX, List.of(Samples.hostile()), false));
        List<List<String>> list = book.sheet("整改清单");
        assertTrue(cell(list, 1, 7).contains(Samples.HOSTILE_TITLE), cell(list, 1, 7));
        assertTrue(cell(list, 2, 7).contains("民族工作（上半年）[U+0007]响铃"), cell(list, 2, 7));
    }

    @Test
    void no_report_gives_the_sheets_with_their_headers() throws IOException {
        Book book = read(Samples.bytes(XLSX, List.of(), true));
        assertEquals(List.of("整改清单", "人工核验", "全部结果", "记录提示", "单位对比"), book.names());
        assertEquals(1, book.sheet("整改清单").size());
        assertEquals("所有文件都没有缺项", cell(book.sheet("单位对比"), 2, 0));
    }

    @Test
    void the_same_reports_give_the_same_cells() throws IOException {
        List<Report> reports = List.of(Samples.report("gaps-meetings"), Samples.waived());
        assertEquals(read(Samples.bytes(XLSX, reports, true)), read(Samples.bytes(XLSX, reports, true)));
    }

    /** XML text with character references resolved, as a program reading the part sees it. */
    static String unescaped(String xml) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("&#x([0-9a-fA-F]+);").matcher(xml);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, java.util.regex.Matcher.quoteReplacement(Character.toString(Integer.parseInt(m.group(1), 16))));
        }
        m.appendTail(sb);
        return sb.toString().replace("&amp;", "&").replace("&quot;", "\"");
    }

    /**
     * The fewest lines a text can take in a column of the given width, as LibreOffice lays it out with an 11 pt font
     * (a column unit is 7 pt; a Chinese character 10 pt, 1.43 units; anything else at least 0.8 units), wrapping ideally.
     */
    static int fewestLines(String text, double width) {
        int lines = 0;
        for (String paragraph : text.split("\n", -1)) {
            double units = paragraph.codePoints().mapToDouble(cp -> cp >= 0x2E80 ? 1.43 : 0.8).sum();
            lines += Math.max(1, (int) Math.ceil(units / (width - 0.5)));
        }
        return lines;
    }

    @Test
    void every_row_of_the_printed_sheets_is_as_tall_as_its_wrapped_text_needs() throws IOException {
        List<Report> reports = List.of(Samples.report("gaps-communities"), Samples.report("gaps-meetings"),
                Samples.waived());
        byte[] xlsx = Samples.bytes(XLSX, reports, true);
        Book book = read(xlsx);
        java.util.regex.Pattern col = java.util.regex.Pattern.compile("<col min=\"(\\d+)\" max=\"(\\d+)\" width=\"([\\d.]+)\"");
        java.util.regex.Pattern row = java.util.regex.Pattern.compile("<row r=\"(\\d+)\"( ht=\"([\\d.]+)\")?");
        int checked = 0;
        for (String name : List.of("整改清单", "人工核验", "全部结果", "记录提示", "单位对比")) {
            int index = book.names().indexOf(name);
            String xml = part(xlsx, "xl/worksheets/sheet" + (index + 1) + ".xml");
            java.util.Map<Integer, Double> widths = new java.util.HashMap<>();
            java.util.regex.Matcher c = col.matcher(xml);
            while (c.find()) {
                for (int i = Integer.parseInt(c.group(1)); i <= Integer.parseInt(c.group(2)); i++) {
                    widths.put(i - 1, Double.parseDouble(c.group(3)));
                }
            }
            java.util.Map<Integer, Double> heights = new java.util.HashMap<>();
            java.util.regex.Matcher r = row.matcher(xml);
            while (r.find()) {
                heights.put(Integer.parseInt(r.group(1)) - 1, r.group(3) == null ? 15.0 : Double.parseDouble(r.group(3)));
            }
            List<List<String>> rows = book.sheet(name);
            int table = name.equals("单位对比") ? rows.indexOf(List.of()) : rows.size(); // a line below the table
            for (int i = 0; i < table; i++) {
                int lines = 1;
                String longest = "";
                for (int j = 0; j < rows.get(i).size(); j++) {
                    int n = fewestLines(rows.get(i).get(j), widths.getOrDefault(j, 8.43));
                    if (n > lines) {
                        lines = n;
                        longest = rows.get(i).get(j);
                    }
                }
                // 11 pt text takes at least 14.3 pt a line (Excel's 等线; LibreOffice sets 16 for Noto Sans CJK).
                double need = lines * 14.3;
                assertTrue(heights.get(i) >= need, name + " row " + (i + 1) + " is " + heights.get(i) + " pt, its text needs "
                        + lines + " lines (" + need + " pt): " + longest);
                checked++;
            }
        }
        assertTrue(checked > 100, "rows checked: " + checked);
    }

    @Test
    void the_pages_are_a4_with_the_pack_s_fingerprint_in_the_footer_and_the_properties() throws IOException {
        Report r = Samples.report("gaps-meetings");
        byte[] xlsx = Samples.bytes(XLSX, List.of(r, Samples.report("gaps-communities")), true);
        String properties = part(xlsx, "docProps/custom.xml");
        String core = unescaped(part(xlsx, "docProps/core.xml"));
        for (int sheet = 1; sheet <= 5; sheet++) {
            String xml = unescaped(part(xlsx, "xl/worksheets/sheet" + sheet + ".xml"));
            int n = sheet;
            assertAll("sheet " + n,
                    () -> assertTrue(xml.contains("paperSize=\"9\""), "A4"),
                    () -> assertTrue(xml.contains("<oddFooter>&L") && xml.contains("规则包 dianchang-2023 版本 "
                            + r.fingerprint().version() + "　SHA-256 " + r.fingerprint().shortHash() + "&R"), xml),
                    () -> assertTrue(xml.contains("第 &P 页，共 &N 页"), "page numbers"));
        }
        assertAll(
                () -> assertTrue(properties.contains("name=\"规则包SHA-256\"><vt:lpwstr>" + r.fingerprint().sha256() + "<"),
                        properties),
                () -> assertTrue(core.contains(r.fingerprint().toString()), core));
    }

    @Test
    void text_that_looks_like_a_formula_stays_text_when_it_is_edited() throws IOException {
        Report r = Samples.report("gaps-meetings");
        Report edited = new Report("=HYPERLINK(\"http://x\",\"点击\")", r.packId(), r.packTitle(), r.year(), r.asOf(),
                r.comingDueDays(), r.units(), r.results(), r.gaps(), r.notices(), r.comingDue(), r.retiredRules(),
                r.fingerprint());
        byte[] xlsx = Samples.bytes(XLSX, List.of(edited), true);
        assertEquals(edited.source(), cell(read(xlsx).sheet("整改清单"), 1, 0), "shown as the text it is");
        String sheet = part(xlsx, "xl/worksheets/sheet1.xml");
        String styles = part(xlsx, "xl/styles.xml");
        assertTrue(!sheet.contains("<f>"), "no formula");
        java.util.regex.Matcher a2 = java.util.regex.Pattern.compile("<c r=\"A2\" s=\"(\\d+)\"").matcher(sheet);
        assertTrue(a2.find(), sheet);
        String xfs = styles.substring(styles.indexOf("<cellXfs"), styles.indexOf("</cellXfs>"));
        String[] xf = xfs.split("<xf ");
        assertTrue(xf[Integer.parseInt(a2.group(1)) + 1].contains("quotePrefix=\"1\""), "the cell marked quotePrefix: " + xfs);
        java.util.regex.Matcher b2 = java.util.regex.Pattern.compile("<c r=\"B2\" s=\"(\\d+)\"").matcher(sheet);
        assertTrue(b2.find());
        assertTrue(!xf[Integer.parseInt(b2.group(1)) + 1].contains("quotePrefix"), "other text is not");
    }
}
