package dev.plancheck.io.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.plancheck.input.InvalidSubmissionException;
import dev.plancheck.PlanChecker;
import dev.plancheck.input.Problem;
import dev.plancheck.input.Submission;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading CSV ledgers: the one-file layout, encodings, and located messages. */
class LedgerCsvReaderTest {
    static final PlanChecker CHECKER = LedgerRoundTripTest.CHECKER;
    static final String HEADER = "记录编号,单位编号,类别,日期,结束日期,标题,主题,对象,参与人数,金额（元）,关联记录,荣誉级别,说明\n";
    static final String GOOD = "考核年度,2023\n"
            + "单位编号,单位名称,单位级别\n"
            + "DC,电厂街道,街道\n"
            + "SL,松林社区,社区\n"
            + "HP,河畔社区,community\n"
            + ",,\n"
            + HEADER
            + "DC-001,DC,走访慰问,2023-01-10,,春节前开展无党派人士“双走访”,,无党派人士,6,,,,\n"
            + "DC-002,DC,专题会议,2023/4/13,,\"党工委专题会议研究统战工作，民族工作\",\"统战工作、民族工作\",,,,,,\"会议纪要\n第二行\"\n"
            + "SL-001,SL,集中学习,2023年3月7日,,松林社区党委集中学习,united-front,,,,,,\n";

    @TempDir
    Path dir;

    Path write(String name, byte[] bytes) throws Exception {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        return file;
    }

    List<String> problems(byte[] bytes) throws Exception {
        Path file = write("台账.csv", bytes);
        InvalidSubmissionException e = assertThrows(InvalidSubmissionException.class, () -> CHECKER.read(file));
        return e.problems().stream().map(Problem::toString).map(s -> s.replace(dir + "/", "")).toList();
    }

    @Test
    void one_file_holds_the_year_the_units_and_the_records_and_a_unit_without_records_is_kept() throws Exception {
        Submission s = CHECKER.read(write("台账.csv", GOOD.getBytes(StandardCharsets.UTF_8)));
        assertEquals(2023, s.year());
        assertEquals(List.of("DC", "SL", "HP"), s.units().stream().map(u -> u.getId()).toList());
        assertEquals(3, s.activities().size());
        assertEquals(Set.of("united-front", "ethnic"), s.activities().get(1).getTopics());
        assertEquals(LocalDate.of(2023, 4, 13), s.activities().get(1).getDate());
        assertEquals("会议纪要\n第二行", s.activities().get(1).getDescription());
        assertEquals(LocalDate.of(2023, 3, 7), s.activities().get(2).getDate());
    }

    @Test
    void a_utf8_file_with_a_byte_order_mark_reads_the_same() throws Exception {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        b.write(GOOD.getBytes(StandardCharsets.UTF_8));
        Submission s = CHECKER.read(write("bom.csv", b.toByteArray()));
        assertEquals(3, s.units().size());
        assertEquals(3, s.activities().size());
    }

    @Test
    void a_gbk_export_is_refused_with_how_to_save_it_as_utf8() throws Exception {
        assertEquals(List.of("台账.csv:1: 文件不是 UTF-8 编码（第 1 个字节无法按 UTF-8 解读），多半是以 GBK/ANSI 编码保存的 CSV。"
                        + "请重新保存为 UTF-8：Excel 用“另存为”→ 文件类型选“CSV UTF-8（逗号分隔）(*.csv)”；WPS 用“另存为”→ CSV，编码选 UTF-8"),
                problems(GOOD.getBytes(Charset.forName("GBK"))));
    }

    @Test
    void problems_name_the_line_and_the_cell_as_a_spreadsheet_shows_them() throws Exception {
        String csv = "考核年度,2023\n单位编号,单位名称,单位级别\nDC,电厂街道,街道\n\n" + HEADER
                + "a1,DC,会议,4/13/2023,,会,统战工作,,三十七,,,,\n"
                + "a1,HP,专题会议,2023-04-13,,会,统战工作,,,,,,\n";
        assertEquals(List.of(
                "台账.csv:6: C6: 未知的类别“会议”；是否应为“工作领导小组会议”或“专题会议”？请从下拉列表选择，或填写“填写说明”表中列出的名称或代码",
                "台账.csv:6: D6: “日期”无法识别的日期“4/13/2023”：年份写在后面（月/日/年或日/月/年的写法），不予猜测；请写成 2023-04-13、2023/4/13、2023.4.13、2023年4月13日 或 20230413（四位年份在前），或使用日期单元格",
                "台账.csv:6: I6: “参与人数”应为 0 到 10000000 之间的整数，实际是文字“三十七”",
                "台账.csv:7: A7: 记录编号“a1”与第 6 行重复；每条记录的编号必须唯一",
                "台账.csv:7: B7: 单位编号“HP”不在“单位”表中；已有单位：DC"), problems(csv.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void missing_blocks_and_a_missing_column_are_each_one_clear_message() throws Exception {
        assertEquals(List.of(
                        "台账.csv:1: B1: 缺少考核年度：第一行应为“考核年度,年度”，如 考核年度,2023",
                        "台账.csv: 找不到活动表：应有一行以“记录编号”开头的表头，其下逐行列出活动记录（没有活动也要有表头行）"),
                problems("单位编号,单位名称,单位级别\nDC,电厂街道,街道\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals(List.of("台账.csv:4: 第 4 行表头缺少必需的列：“日期”；该行应为表头，依次是 "
                        + "记录编号、单位编号、类别、日期、结束日期、标题、主题、对象、参与人数、金额（元）、关联记录、荣誉级别、组织方、说明"),
                problems("考核年度,2023\n单位编号,单位名称,单位级别\nDC,电厂街道,街道\n记录编号,单位编号,类别,标题,主题\n"
                        .getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void the_csv_example_in_the_input_format_page_reads_and_keeps_the_unit_without_records() throws Exception {
        String page = Files.readString(Path.of("../docs/input-format.md"), StandardCharsets.UTF_8);
        int start = page.indexOf("```csv\n") + "```csv\n".length();
        String csv = page.substring(start, page.indexOf("```", start));
        Submission s = CHECKER.read(write("example.csv", csv.getBytes(StandardCharsets.UTF_8)));
        assertEquals(List.of("DC", "SL", "HP"), s.units().stream().map(u -> u.getId()).toList());
        assertEquals(List.of("DC-024", "SL-003", "DC-035"), s.activities().stream().map(a -> a.getId()).toList());
        assertEquals("donation-drive", s.activities().get(2).getKind());
        assertEquals(LocalDate.of(2023, 5, 31), s.activities().get(2).getEndDate());
    }

    @Test
    void headers_are_matched_without_spaces_stars_or_a_bracketed_note() throws Exception {
        String csv = GOOD.replace(HEADER, "记录编号*, 单位编号 ,类别,日期,结束日期,标题,主题,对象,参与人数,金额(元),关联记录,荣誉级别,说明\n");
        assertEquals(3, CHECKER.read(write("h.csv", csv.getBytes(StandardCharsets.UTF_8))).activities().size());
    }

    @Test
    void the_messages_shown_in_the_input_format_page_are_those_the_reader_gives_for_its_csv() throws Exception {
        String page = Files.readString(Path.of("../docs/input-format.md"), StandardCharsets.UTF_8);
        int example = page.indexOf("A CSV file with eight mistakes");
        int csvStart = page.indexOf("```csv\n", example) + "```csv\n".length();
        String csv = page.substring(csvStart, page.indexOf("```", csvStart));
        int outStart = page.indexOf("$ ./checker convert 台账.csv --to xlsx\n", csvStart);
        List<String> shown = page.substring(outStart, page.indexOf("```", outStart)).lines().skip(2)
                .map(String::strip).toList();
        assertEquals(shown, problems(csv.getBytes(StandardCharsets.UTF_8)));
    }
}
