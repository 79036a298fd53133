package dev.plancheck.io.ledger;

import dev.plancheck.input.ProblemCode;
import dev.plancheck.text.VisibleText;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import dev.plancheck.input.InputLimits;
import dev.plancheck.input.InvalidSubmissionException;
import dev.plancheck.input.Problem;
import dev.plancheck.input.Submission;
import dev.plancheck.io.ledger.Table.Located;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a CSV ledger: one file holding the year line, the 单位 block and the 活动 block, each block introduced by its
 * header row, so that a unit with no activity is still in the file and one file is one submission, as with JSON:
 *
 * <pre>
 * 考核年度,2023
 * 单位编号,单位名称,单位级别
 * DC,电厂街道,街道
 * 记录编号,单位编号,类别,日期,结束日期,标题,主题,对象,参与人数,金额（元）,关联记录,荣誉级别,说明
 * DC-001,DC,走访慰问,2023-01-10,,春节前开展无党派人士“双走访”,,无党派人士,6,,,,
 * </pre>
 *
 * Rows are numbered as a spreadsheet program shows them: one row per CSV record, blank ones included.
 */
final class CsvLedgerReader {
    private CsvLedgerReader() {
    }

    static Submission read(LedgerParser parser, String file, byte[] bytes, InputLimits limits)
            throws InvalidSubmissionException {
        Problem encoding = checkUtf8(file, bytes);
        if (encoding != null) {
            throw new InvalidSubmissionException(List.of(encoding));
        }
        Table.Place place = Table.csv(file);
        LocatedProblems problems = new LocatedProblems(limits.maxProblems());
        List<Table.Row> rows;
        try {
            rows = records(bytes, limits, place, problems, parser.unitColumns());
        } catch (IOException | RuntimeException e) {
            throw new InvalidSubmissionException(List.of(unreadable(file, e, limits)));
        }
        String unitKey = LedgerLayout.headerKey(LedgerLayout.UNIT_COLUMNS.get(0).header());
        String activityKey = LedgerLayout.headerKey(LedgerLayout.ACTIVITY_COLUMNS.get(0).header());
        Table.Row yearRow = null;
        int unitHeader = -1;
        int activityHeader = -1;
        List<Table.Row> unitRows = new ArrayList<>();
        List<Table.Row> activityRows = new ArrayList<>();
        List<Table.Row> current = null;
        for (int i = 0; i < rows.size(); i++) {
            Table.Row r = rows.get(i);
            CellValue a = r.cell(0);
            String key = a.kind() == CellValue.Kind.TEXT ? LedgerLayout.headerKey(a.text()) : "";
            if (r.isBlank()) {
                continue;
            }
            if (key.equals(LedgerLayout.YEAR_LABEL) && yearRow == null && current == null) {
                yearRow = r;
            } else if (key.equals(unitKey) && unitHeader < 0 && activityHeader < 0) {
                unitHeader = i;
                current = unitRows;
            } else if (key.equals(activityKey) && activityHeader < 0) {
                activityHeader = i;
                current = activityRows;
            } else if (current != null) {
                current.add(r);
            } else {
                problems.add(new Located(0, r.number(), 0, place.cell(ProblemCode.SHEET_LAYOUT, "", r.number(), 0, "内容" + a.describe()
                        + "不在任何表中，无法读取；文件应依次是“" + LedgerLayout.YEAR_LABEL + "”行、单位表（表头以“单位编号”开头）、活动表（表头以“记录编号”开头）")));
            }
        }
        Table units = unitHeader < 0 ? new Table(LedgerLayout.UNITS_SHEET, 1, 0, List.of(), List.of(), place)
                : new Table(LedgerLayout.UNITS_SHEET, 1, rows.get(unitHeader).number(), rows.get(unitHeader).cells(), unitRows, place);
        Table activities = activityHeader < 0 ? new Table(LedgerLayout.ACTIVITIES_SHEET, 2, 0, List.of(), List.of(), place)
                : new Table(LedgerLayout.ACTIVITIES_SHEET, 2, rows.get(activityHeader).number(), rows.get(activityHeader).cells(), activityRows, place);
        if (unitHeader < 0) {
            problems.add(new Located(1, 0, 0, place.table(ProblemCode.SHEET_LAYOUT, "", 0, "找不到单位表：应有一行以“单位编号”开头的表头（单位编号,单位名称,单位级别），其下逐行列出单位")));
        }
        if (activityHeader < 0) {
            problems.add(new Located(2, 0, 0, place.table(ProblemCode.SHEET_LAYOUT, "", 0, "找不到活动表：应有一行以“记录编号”开头的表头，其下逐行列出活动记录（没有活动也要有表头行）")));
        }
        LedgerParser.YearCell year;
        if (yearRow == null) {
            year = new LedgerParser.YearCell(units, 1, 1, null);
        } else {
            year = new LedgerParser.YearCell(units, yearRow.number(), 1, yearRow.cell(1));
            for (int c = 2; c < yearRow.cells().size(); c++) {
                if (!yearRow.cell(c).isBlank()) {
                    problems.add(units.at(ProblemCode.SHEET_LAYOUT, yearRow.number(), c, "“" + LedgerLayout.YEAR_LABEL + "”行只填年度（第 2 列），这里的"
                            + yearRow.cell(c).describe() + "不会被读取；请删除"));
                }
            }
        }
        if (unitHeader < 0 || activityHeader < 0) {
            // Without both headers the rows cannot be told apart; say what is missing first.
            if (year.value() == null) {
                problems.add(units.at(ProblemCode.FIELD_MISSING, 1, 1, "缺少考核年度：第一行应为“" + LedgerLayout.YEAR_LABEL + ",年度”，如 考核年度,2023"));
            }
            throw problems.exception();
        }
        return parser.parse(file, year, units, activities, problems, limits);
    }

    /** A CSV file that could not be parsed: a cell far over the string limit, or broken quoting. */
    private static Problem unreadable(String file, Exception thrown, InputLimits limits) {
        Throwable e = thrown;
        while (!(e instanceof JsonProcessingException) && e.getCause() != null && e.getCause() != e) {
            e = e.getCause(); // the iterator wraps the parser's exception
        }
        String m = String.valueOf(e.getMessage());
        int line = e instanceof JsonProcessingException j && j.getLocation() != null ? Math.max(j.getLocation().getLineNr(), 0) : 0;
        if (m.contains("getMaxStringLength")) {
            return new Problem(ProblemCode.LIMIT_STRING_LENGTH, file, line, 0, "", "字符串过长：单元格内容超过上限 " + limits.maxStringLength()
                    + " 个字符的 4 倍，文件未读完（上限可用 --max-string-length 调整）");
        }
        return new Problem(ProblemCode.CSV_SYNTAX, file, line, 0, "", "无法按 CSV 读取；请用 Excel 或 WPS 另存为“CSV UTF-8（逗号分隔）”（读取程序原话："
                + VisibleText.excerpt(m.lines().findFirst().orElse("")) + "）");
    }

    /**
     * Every CSV record as a row, numbered from 1, blank records included, read as a stream from the bytes, twice: the
     * first pass only counts the filled rows, so that a file with more than two tables of
     * {@link InputLimits#maxRecords()} rows is refused before a row is kept. Below a header row a row keeps only the
     * cells under a known column of that header (a filled cell under no header is a problem at its cell now, one under
     * an unknown header is left to the header's own problem), so that memory grows with the records, not with the
     * cells a file can hold; text over the string limit is kept as its start and length.
     */
    static List<Table.Row> records(byte[] bytes, InputLimits limits, Table.Place place, LocatedProblems problems,
                                   List<LedgerLayout.Column> unitColumns)
            throws IOException {
        long maxFilled = 2L * limits.maxRecords() + 3; // the year line, two headers and two tables
        long filled = 0;
        int number = 0;
        try (MappingIterator<String[]> it = iterator(bytes, limits)) {
            while (it.hasNextValue()) {
                String[] record = it.nextValue();
                number++;
                if (!blank(record) && ++filled > maxFilled) {
                    problems.add(new Located(0, number, 0, place.table(ProblemCode.LIMIT_RECORDS, "", number, "记录过多：文件中有内容的行超过上限（单位和活动各 "
                            + limits.maxRecords() + " 行；上限可用 --max-records 调整），未读取")));
                    return List.of();
                }
            }
        }
        String unitKey = LedgerLayout.headerKey(LedgerLayout.UNIT_COLUMNS.get(0).header());
        String activityKey = LedgerLayout.headerKey(LedgerLayout.ACTIVITY_COLUMNS.get(0).header());
        List<Table.Row> rows = new ArrayList<>();
        Boolean[] keep = null; // the columns kept below the current header
        boolean seenActivities = false;
        number = 0;
        try (MappingIterator<String[]> it = iterator(bytes, limits)) {
            while (it.hasNextValue()) {
                String[] record = it.nextValue();
                number++;
                String key = record.length == 0 || record[0] == null ? "" : LedgerLayout.headerKey(record[0].strip());
                boolean header = (key.equals(unitKey) && !seenActivities && keep == null) || (key.equals(activityKey) && !seenActivities);
                if (header) {
                    seenActivities |= key.equals(activityKey);
                    keep = known(record, key.equals(unitKey) ? unitColumns : LedgerLayout.ACTIVITY_COLUMNS);
                }
                List<CellValue> cells = new ArrayList<>(Math.min(record.length, Table.MAX_COLUMNS));
                for (int c = 0; c < record.length; c++) {
                    CellValue v = CellValue.text(record[c], limits.maxStringLength());
                    if (c >= Table.MAX_COLUMNS) {
                        if (!v.isBlank()) {
                            problems.add(new Located(0, number, c, place.cell(ProblemCode.SHEET_LAYOUT, "", number, c, XlsxLedgerReader.outside(v))));
                        }
                        continue;
                    }
                    if (!header && keep != null && !v.isBlank() && (c >= keep.length || !Boolean.TRUE.equals(keep[c]))) {
                        if (c >= keep.length || keep[c] == null) {
                            problems.add(new Located(0, number, c, place.cell(ProblemCode.SHEET_LAYOUT, "", number, c, "这一列没有表头，内容" + v.describe()
                                    + "无法读取；请填入已有的列，或删除")));
                        }
                        v = CellValue.BLANK;
                    }
                    cells.add(v);
                }
                rows.add(new Table.Row(number, Cells.of(cells)));
            }
        }
        return rows;
    }

    private static MappingIterator<String[]> iterator(byte[] bytes, InputLimits limits) throws IOException {
        int start = hasBom(bytes) ? 3 : 0;
        // A little over the limit, so that a long cell is reported at its place; far longer ones stop the parser.
        CsvMapper mapper = CsvMapper.builder(CsvFactory.builder().streamReadConstraints(StreamReadConstraints.builder()
                .maxStringLength(limits.maxStringLength() * 4 + 1024).build()).build()).build();
        Reader in = new InputStreamReader(new ByteArrayInputStream(bytes, start, bytes.length - start), StandardCharsets.UTF_8);
        return mapper.readerForArrayOf(String.class).with(CsvParser.Feature.WRAP_AS_ARRAY)
                .without(CsvParser.Feature.SKIP_EMPTY_LINES).readValues(in);
    }

    private static boolean blank(String[] record) {
        for (String s : record) {
            if (s != null && !s.isBlank()) {
                return false;
            }
        }
        return true;
    }

    /**
     * For each column of a header row: TRUE for a column of the layout (kept), FALSE for an unknown header (its data
     * is not read; the header is reported), null for a blank header (a filled cell under it is a problem).
     */
    private static Boolean[] known(String[] header, List<LedgerLayout.Column> layout) {
        java.util.Set<String> keys = new java.util.HashSet<>();
        layout.forEach(c -> keys.add(LedgerLayout.headerKey(c.header())));
        Boolean[] out = new Boolean[Math.min(header.length, Table.MAX_COLUMNS)];
        for (int c = 0; c < out.length; c++) {
            String h = header[c] == null ? "" : header[c].strip();
            out[c] = h.isEmpty() ? null : keys.contains(LedgerLayout.headerKey(h));
        }
        return out;
    }

    static boolean hasBom(byte[] b) {
        return b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF;
    }

    /** A GBK/ANSI export (the default "CSV" of Chinese Excel and WPS) is refused with how to re-save it. */
    static Problem checkUtf8(String file, byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(64 * 1024); // decoded in pieces: the text itself is not kept
        CoderResult result;
        do {
            out.clear();
            result = decoder.decode(in, out, true);
        } while (result.isOverflow());
        if (!result.isError()) {
            return null;
        }
        int bad = in.position();
        int line = 1;
        for (int i = 0; i < bad; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return new Problem(ProblemCode.ENCODING_INVALID, file, line, 0, "", "文件不是 UTF-8 编码（第 " + (bad + 1)
                + " 个字节无法按 UTF-8 解读），多半是以 GBK/ANSI 编码保存的 CSV。请重新保存为 UTF-8："
                + "Excel 用“另存为”→ 文件类型选“CSV UTF-8（逗号分隔）(*.csv)”；WPS 用“另存为”→ CSV，编码选 UTF-8");
    }
}
