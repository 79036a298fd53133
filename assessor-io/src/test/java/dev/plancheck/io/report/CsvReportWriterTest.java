package dev.plancheck.io.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plancheck.report.ReportFormats;
import dev.plancheck.report.ReportWriter;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import dev.plancheck.report.Report;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvReportWriterTest {
    private static final ReportWriter CSV = ReportFormats.forName("csv");

    /** The rows as a spreadsheet program would split them (RFC 4180), the BOM removed. */
    static List<List<String>> parse(String csv) throws IOException {
        assertTrue(csv.startsWith("\uFEFF"));
        CsvMapper mapper = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
        try (MappingIterator<String[]> it = mapper.readerFor(String[].class).readValues(csv.substring(1))) {
            return it.readAll().stream().map(Arrays::asList).toList();
        }
    }

    @Test
    void starts_with_a_utf8_bom_then_the_header_then_one_row_per_gap() throws IOException {
        Report r = Samples.report("gaps-meetings");
        byte[] bytes = Samples.bytes(CSV, List.of(r), false);
        assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(bytes, 3));
        String csv = new String(bytes, StandardCharsets.UTF_8);
        assertTrue(csv.startsWith("\uFEFF单位,单位编号,规则编号,标题,条款,原文,应有,实有,证据,严重程度,状态,整改措施,责任人,完成时限,规则包指纹\r\n"),
                csv);
        List<List<String>> rows = parse(csv);
        assertEquals(3, rows.size());
        assertEquals(List.of("电厂街道", "DC", "R1.2-4", "全年专题会议研究统战工作至少2次", "§1.2", "保证全年专题会议研究统战工作至少2次",
                "研究统战工作的专题会议：全年（2023-01-01 至 2023-12-31）内至少 2 条",
                "1 条：DC-024（2023-04-13 党工委专题会议研究2023年统战工作）", "DC-024", "高", "缺项", "", "", "", r.fingerprint().toString()), rows.get(1));
        assertTrue(rows.get(1).get(14).matches("dianchang-2023 版本 \\S+　SHA-256：[0-9a-f]{64}"), rows.get(1).get(14));
        assertEquals("R2.4-1", rows.get(2).get(2));
        assertTrue(csv.endsWith(",,,\"" + r.fingerprint() + "\"\r\n") || csv.endsWith(",,," + r.fingerprint() + "\r\n"),
                "CRLF line ends, the columns to fill in empty, the fingerprint last");
    }

    @Test
    void has_the_rows_of_the_xlsx_follow_up_list() throws IOException {
        List<Report> reports = List.of(Samples.report("gaps-communities"), Samples.waived());
        List<List<String>> rows = parse(Samples.text(CSV, reports, true));
        List<List<String>> sheet = XlsxReportWriterTest.read(Samples.bytes(ReportFormats.forName("xlsx"), reports, true))
                .sheet("整改清单");
        assertEquals(sheet.size(), rows.size());
        for (int i = 0; i < rows.size(); i++) {
            assertEquals(rows.get(i).subList(0, 12), sheet.get(i).subList(0, 12), "row " + i);
        }
        assertEquals(List.of("来源文件", "单位"), rows.get(0).subList(0, 2));
        assertEquals(reports.get(1).source(), rows.get(5).get(0));
        assertTrue(rows.get(5).get(11).startsWith("已说明：上级通知取消"));
    }

    @Test
    void quotes_commas_quotes_and_line_breaks() throws IOException {
        Report r = Samples.hostile();
        String csv = Samples.text(CSV, List.of(r), true);
        // The file name has a double quote: the field is quoted and the quote doubled.
        assertTrue(csv.contains("\r\n\"恶意\"\"<b>文件</b>'.json\",电厂街道,DC,R1.2-4,"), csv);
        List<List<String>> rows = parse(csv);
        assertEquals(Samples.HOSTILE_SOURCE, rows.get(1).get(0));
        assertTrue(rows.get(1).get(8).contains(Samples.HOSTILE_TITLE));
        assertTrue(rows.get(2).get(8).contains("民族工作（上半年）[U+0007]响铃"), "control character shown");
    }

    @Test
    void a_value_with_a_comma_quote_and_line_break_survives_a_round_trip() throws IOException {
        // The writer's own quoting, on the values a ledger could hold.
        Report r = Samples.hostile();
        String value = "甲,乙\"丙\"\r\n丁";
        Report edited = new Report(value, r.packId(), r.packTitle(), r.year(), r.asOf(), r.comingDueDays(), r.units(),
                r.results(), r.gaps(), r.notices(), r.comingDue(),
                r.retiredRules(), r.fingerprint());
        String csv = Samples.text(CSV, List.of(edited), true);
        assertTrue(csv.contains("\r\n\"甲,乙\"\"丙\"\"\r\n丁\",电厂街道,"), csv);
        assertEquals(value, parse(csv).get(1).get(0));
    }

    @Test
    void a_value_a_spreadsheet_would_run_as_a_formula_gets_a_leading_apostrophe() throws IOException {
        assertEquals("'=HYPERLINK(\"http://x\")", CsvReportWriter.defuse("=HYPERLINK(\"http://x\")"));
        assertEquals("'+1", CsvReportWriter.defuse("+1"));
        assertEquals("'-1", CsvReportWriter.defuse("-1"));
        assertEquals("'@SUM(A1)", CsvReportWriter.defuse("@SUM(A1)"));
        assertEquals("'\tx", CsvReportWriter.defuse("\tx"));
        assertEquals("a=b", CsvReportWriter.defuse("a=b"));
        assertEquals("", CsvReportWriter.defuse(""));
        Report r = Samples.report("gaps-meetings");
        Report edited = new Report("=cmd|' /C calc'!A0", r.packId(), r.packTitle(), r.year(), r.asOf(),
                r.comingDueDays(), r.units(), r.results(), r.gaps(), r.notices(), r.comingDue(),
                r.retiredRules(), r.fingerprint());
        assertEquals("'=cmd|' /C calc'!A0", parse(Samples.text(CSV, List.of(edited), true)).get(1).get(0));
    }

    @Test
    void the_same_reports_give_the_same_bytes() {
        List<Report> reports = List.of(Samples.report("gaps-meetings"), Samples.waived());
        assertArrayEquals(Samples.bytes(CSV, reports, true), Samples.bytes(CSV, reports, true));
    }

    @Test
    void a_ledger_without_gaps_gives_the_header_only() throws IOException {
        assertEquals(1, parse(Samples.text(CSV, List.of(Samples.report("compliant")), false)).size());
    }
}
