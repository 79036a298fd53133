package dev.plancheck.io.ledger;

import static dev.plancheck.io.ledger.HostileFiles.date;
import static dev.plancheck.io.ledger.HostileFiles.number;
import static dev.plancheck.io.ledger.HostileFiles.record;
import static dev.plancheck.io.ledger.HostileFiles.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plancheck.InputFile;
import dev.plancheck.input.InputLimits;
import dev.plancheck.input.InvalidSubmissionException;
import dev.plancheck.PlanChecker;
import dev.plancheck.input.Problem;
import dev.plancheck.input.Submission;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Spreadsheets made by an attacker: each is refused with a located Chinese message, in milliseconds, before any
 * value is built from it. The limits are the defaults unless a test lowers one to reach it cheaply.
 */
class LedgerHostileTest {
    static final PlanChecker CHECKER = LedgerRoundTripTest.CHECKER;
    static final InputLimits LIMITS = InputLimits.defaults();

    static List<String> problems(byte[] xlsx, InputLimits limits) {
        InvalidSubmissionException e = assertThrows(InvalidSubmissionException.class,
                () -> CHECKER.read(InputFile.of("台账.xlsx", xlsx), limits));
        return e.problems().stream().map(Problem::toString).toList();
    }

    static String only(byte[] xlsx, InputLimits limits) {
        List<String> p = problems(xlsx, limits);
        assertEquals(1, p.size(), p.toString());
        return p.get(0);
    }

    @Test
    void the_valid_base_workbook_reads() throws Exception {
        Submission s = CHECKER.read(InputFile.of("台账.xlsx", HostileFiles.ledger()), LIMITS);
        assertEquals(1, s.activities().size());
        assertEquals("党工委专题会议研究统战工作", s.activities().get(0).getTitle());
    }

    @ParameterizedTest(name = "{0} in {1}")
    @CsvSource(delimiter = '|', value = {
            "1E999999999|I2|活动!I2: “参与人数”应为 0 到 10000000 之间的整数，实际是数字 1E+999999999",
            "1E999999999|J2|活动!J2: 金额过大：上限为 999999999999.99 元，实际是 1E+999999999",
            "1E-999999999|J2|活动!J2: 金额应为不小于 0、最多两位小数的数字（单位：元），实际是 1E-999999999",
            "-1E999999999|J2|活动!J2: 金额应为不小于 0、最多两位小数的数字（单位：元），实际是 -1E+999999999",
            "1E-999999999|I2|活动!I2: “参与人数”应为 0 到 10000000 之间的整数，实际是数字 1E-999999999",
            "1E999999999|D2|活动!D2: “日期”应为日期，实际是数字 1E+999999999",
    })
    void a_huge_number_is_refused_at_its_cell_without_writing_it_out(String raw, String cell, String expected) {
        long start = System.nanoTime();
        List<String> p = problems(HostileFiles.ledger(record(2, number(cell, raw))), LIMITS);
        assertTrue((System.nanoTime() - start) / 1_000_000 < 5_000, "seconds, not minutes");
        assertTrue(p.stream().anyMatch(s -> s.contains(expected)), p.toString());
    }

    @Test
    void a_huge_number_where_text_is_expected_is_read_in_its_short_form() throws Exception {
        Submission s = CHECKER.read(InputFile.of("台账.xlsx", HostileFiles.ledger(record(2, number("A2", "1E999999999")))), LIMITS);
        assertEquals("1E+999999999", s.activities().get(0).getId());
    }

    @Test
    void a_huge_number_in_the_year_cell_is_refused_at_the_cell() {
        String units = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
                + "<row r=\"1\">" + text("A1", "考核年度") + number("B1", "1E999999999") + "</row>"
                + "<row r=\"2\">" + text("A2", "单位编号") + text("B2", "单位名称") + text("C2", "单位级别") + "</row>"
                + "<row r=\"3\">" + text("A3", "DC") + text("B3", "电厂街道") + text("C3", "街道") + "</row>"
                + "</sheetData></worksheet>";
        assertTrue(problems(HostileFiles.ledgerWith("xl/worksheets/sheet1.xml", units), LIMITS).get(0)
                .contains("单位!B1: 考核年度应为四位数的年份，如 2023，实际是数字 1E+999999999"));
    }

    @Test
    void an_eight_digit_number_in_a_date_cell_is_the_day_a_person_typed() throws Exception {
        Submission s = CHECKER.read(InputFile.of("台账.xlsx", HostileFiles.ledger(record(2, number("D2", "20230413")))), LIMITS);
        assertEquals(LocalDate.of(2023, 4, 13), s.activities().get(0).getDate());
        assertTrue(only(HostileFiles.ledger(record(2, number("D2", "20230230"))), LIMITS)
                .contains("活动!D2: “日期”日期 20230230（按 8 位的年月日读）不存在"));
        // A date-formatted cell beyond 9999-12-31 is not a date either.
        assertTrue(only(HostileFiles.ledger(record(2, date("D2", "99999999999"))), LIMITS)
                .contains("活动!D2: “日期”应为日期，实际是数字 99999999999"));
    }

    @Test
    void a_malformed_number_is_reported_at_its_cell_in_chinese() {
        String p = only(HostileFiles.ledger(record(2, number("I2", "NaN"))), LIMITS);
        assertTrue(p.contains("活动!I2: “参与人数”应为 0 到 10000000 之间的整数，实际是无法识别的数字“NaN”"), p);
    }

    @Test
    void a_number_too_long_to_parse_stops_the_reader_at_its_cell() {
        String p = only(HostileFiles.ledger(record(2, number("I2", "1".repeat(100_000)))), LIMITS);
        assertEquals("台账.xlsx: 活动!I2: 数字过长：超过上限 40 个字符；工作簿未读取", p);
    }

    @Test
    void a_shared_string_inflating_to_a_gigabyte_is_stopped_at_the_cell_that_shows_it() {
        long start = System.nanoTime();
        byte[] bomb = HostileFiles.bomb(HostileFiles.SHARED_STRINGS, "<sst xmlns=\"x\"><si><t>", "a", 1L << 30,
                "</t></si></sst>", null);
        assertTrue(bomb.length < 2_000_000, "a 1 GiB bomb in " + bomb.length + " bytes");
        assertEquals("台账.xlsx: 活动!F2: 字符串过长：单元格内容超过 96384 个字节，而文字上限为 10000 个字符"
                + "（上限可用 --max-string-length 调整）；工作簿未读取", only(bomb, LIMITS));
        assertTrue((System.nanoTime() - start) / 1_000_000 < 10_000, "seconds");
    }

    @ParameterizedTest(name = "declared size {0}")
    @CsvSource(value = {"TRUE", "100"}, nullValues = "TRUE")
    void a_zip_bomb_is_stopped_by_the_ratio_while_it_inflates_whatever_size_it_declares(Long declared) {
        // Many small shared strings: no element is long, only the ratio gives it away.
        byte[] bomb = HostileFiles.bomb(HostileFiles.SHARED_STRINGS, "<sst xmlns=\"x\">", "<si><t>a</t></si>", 1L << 26,
                "</sst>", declared);
        String p = only(bomb, LIMITS);
        assertTrue(p.startsWith("台账.xlsx: xl/sharedStrings.xml: 工作簿的这一部分压缩比异常："), p);
        assertTrue(p.contains("（压缩比低于上限 0.01），像是“压缩炸弹”，未读取"), p);
        byte[] media = HostileFiles.bomb("xl/media/image1.png", "", "\u0000", 1L << 30, "", declared);
        assertTrue(only(media, LIMITS).startsWith("台账.xlsx: xl/media/image1.png: 工作簿的这一部分压缩比异常："));
    }

    @Test
    void a_part_that_compresses_normally_but_inflates_past_the_limit_is_stopped_at_the_limit() {
        // Stored, not compressed: the ratio is 1, only the size limit can stop it.
        byte[] big = storedPart("xl/media/padding.bin", 3 << 20);
        String p = only(big, LIMITS.withMaxUnzippedBytes(2L << 20));
        assertEquals("台账.xlsx: xl/media/padding.bin: 工作簿解压后过大：超过上限 2097152 字节（2 MiB），未读取；一份台账用不到这么多"
                + "（上限可用 --max-unzipped-mb 调整）", p);
    }

    @Test
    void too_many_parts_are_refused_before_any_is_inflated() {
        Map<String, byte[]> parts = HostileFiles.parts();
        for (int i = 0; i < 1_001; i++) {
            parts.put("xl/media/x" + i + ".bin", new byte[0]);
        }
        String p = only(HostileFiles.zip(parts), LIMITS);
        assertTrue(p.startsWith("台账.xlsx: 工作簿的组成部分（zip 条目）过多：有 10"), p);
        assertTrue(p.contains("上限为 1000 个"), p);
    }

    @Test
    void a_title_far_over_the_string_limit_is_traced_to_the_cell_that_shows_it() {
        byte[] xlsx = HostileFiles.streamed(HostileFiles.SHARED_STRINGS, HostileFiles.longSharedString(1_000_000));
        String p = only(xlsx, LIMITS);
        assertTrue(p.startsWith("台账.xlsx: 活动!F2: 字符串过长：单元格内容超过 "), p);
        assertTrue(p.contains("文字上限为 10000 个字符（上限可用 --max-string-length 调整）"), p);
    }

    @Test
    void a_title_a_little_over_the_limit_is_reported_at_its_cell_and_the_rest_is_checked() {
        String title = "标".repeat(12_000);
        List<String> p = problems(HostileFiles.ledgerWith(HostileFiles.SHARED_STRINGS, HostileFiles.sharedStrings(title)),
                LIMITS);
        assertEquals(1, p.size(), p.toString());
        assertTrue(p.get(0).startsWith("台账.xlsx: 活动!F2: 字符串过长：有 12000 个字符，上限为 10000（上限可用 --max-string-length 调整）：文字“标标"),
                p.get(0));
    }

    @Test
    void more_filled_rows_than_the_record_limit_are_refused_before_they_are_read() {
        String p = only(HostileFiles.streamed(HostileFiles.ACTIVITIES, HostileFiles.rows(30)), LIMITS.withMaxRecords(10));
        assertEquals("台账.xlsx: 活动!A13: 记录过多：工作表“活动”有内容的行超过上限 10 条（上限可用 --max-records 调整）；工作簿未读取", p);
        // Exactly at the limit: read, and the limit applies to records, not to the header.
        Submission s = assertDoesNotThrow(HostileFiles.streamed(HostileFiles.ACTIVITIES, HostileFiles.rows(10)),
                LIMITS.withMaxRecords(10));
        assertEquals(10, s.activities().size());
        assertTrue(only(HostileFiles.streamed(HostileFiles.ACTIVITIES, HostileFiles.rows(11)), LIMITS.withMaxRecords(10))
                .contains("活动!A12: 记录过多：“活动”表超过上限 10 行（上限可用 --max-records 调整），这一行起没有读取"));
    }

    private static Submission assertDoesNotThrow(byte[] xlsx, InputLimits limits) {
        return org.junit.jupiter.api.Assertions.assertDoesNotThrow(() -> CHECKER.read(InputFile.of("台账.xlsx", xlsx), limits));
    }

    @Test
    void a_cell_outside_excels_grid_is_a_damaged_file() {
        assertEquals("台账.xlsx: 活动!ZZZZ2: 单元格地址超出 Excel 的范围（A1 至 XFD1048576），文件已损坏；工作簿未读取",
                only(HostileFiles.ledger(record(2, number("ZZZZ2", "1"))), LIMITS));
        assertTrue(only(HostileFiles.ledger("<row r=\"9999999999\">" + text("A9999999999", "x") + "</row>"), LIMITS)
                .contains("单元格地址超出 Excel 的范围"));
    }

    @Test
    void a_sheet_spanning_too_many_cells_is_refused() {
        // One cell in the last column makes every later row as wide for the reader.
        byte[] xlsx = HostileFiles.streamed(HostileFiles.ACTIVITIES, i -> i == 0
                ? HostileFiles.activities("").replace("</sheetData></worksheet>", "") + "<row r=\"2\">" + number("XFD2", "1") + "</row>"
                : i <= 4_000 ? "<row r=\"" + (i + 2) + "\"/>" : i == 4_001 ? "</sheetData></worksheet>" : null);
        String p = only(xlsx, LIMITS);
        assertTrue(p.contains("工作表“活动”的范围过大"), p);
    }

    @Test
    void formulas_too_costly_to_expand_are_refused() {
        String base = "<c r=\"K2\"><f t=\"shared\" ref=\"K2:K9\" si=\"0\">" + "A1+".repeat(6_000) + "A1</f><v>1</v></c>";
        StringBuilder rows = new StringBuilder(record(2, base));
        for (int r = 3; r < 10; r++) {
            rows.append(record(r, "<c r=\"K" + r + "\"><f t=\"shared\" si=\"0\"/><v>1</v></c>"));
        }
        String p = only(HostileFiles.ledger(rows.toString()), LIMITS);
        assertTrue(p.contains("工作表“活动”的公式过多或过长"), p);
    }

    @Test
    void an_encrypted_workbook_is_named_as_such_and_an_old_xls_too() {
        assertTrue(only(HostileFiles.oldXls(), LIMITS).contains("这是旧版 Excel 97-2003 工作簿（.xls）"));
        assertEquals("台账.xlsx: 工作簿受密码保护，无法读取；请在 Excel 或 WPS 中取消密码，另存为不加密的 .xlsx",
                only(HostileFiles.encrypted(), LIMITS));
    }

    @Test
    void a_cut_off_zip_is_damaged_in_chinese() {
        byte[] whole = HostileFiles.ledger();
        String p = only(java.util.Arrays.copyOf(whole, whole.length / 2), LIMITS);
        assertTrue(p.startsWith("台账.xlsx: 不是有效的 xlsx 工作簿：zip 结构已损坏，无法读取"), p);
    }

    @Test
    void filled_cells_far_right_are_each_a_problem_and_never_kept() {
        StringBuilder cells = new StringBuilder();
        for (int c = 70; c < 80; c++) {
            cells.append(number(ref(c, 2), "1"));
        }
        List<String> p = problems(HostileFiles.ledger(record(2).replace("</row>", cells + "</row>")), LIMITS.withMaxProblems(3));
        assertEquals(3, p.size(), p.toString());
        assertTrue(p.get(0).startsWith("台账.xlsx: 活动!BS2: 这一列超出了台账的列（只读取前 64 列），内容数字 1无法读取；请删除"), p.get(0));
    }

    private static String ref(int column, int row) {
        StringBuilder s = new StringBuilder();
        for (int c = column + 1; c > 0; c = (c - 1) / 26) {
            s.insert(0, (char) ('A' + (c - 1) % 26));
        }
        return s.toString() + row;
    }

    private static byte[] storedPart(String name, int size) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : HostileFiles.parts().entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
            ZipEntry stored = new ZipEntry(name);
            stored.setMethod(ZipEntry.STORED);
            byte[] data = new byte[size];
            new java.util.Random(1).nextBytes(data);
            java.util.zip.CRC32 crc = new java.util.zip.CRC32();
            crc.update(data);
            stored.setSize(size);
            stored.setCompressedSize(size);
            stored.setCrc(crc.getValue());
            zip.putNextEntry(stored);
            zip.write(data);
            zip.closeEntry();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
