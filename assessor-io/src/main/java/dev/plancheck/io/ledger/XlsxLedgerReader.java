package dev.plancheck.io.ledger;

import dev.plancheck.input.ProblemCode;
import dev.plancheck.text.VisibleText;
import dev.plancheck.input.InputLimits;
import dev.plancheck.input.InvalidSubmissionException;
import dev.plancheck.input.Problem;
import dev.plancheck.input.Submission;
import dev.plancheck.io.ledger.Table.Located;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

/**
 * Reads an xlsx ledger (the layout of {@link LedgerTemplate}) into tables of {@link CellValue}s. The workbook passes
 * {@link WorkbookGuard} first; then fastexcel streams only the sheets asked for, row by row, each row kept to its
 * first {@link Table#MAX_COLUMNS} columns (a filled cell further right is a problem of its own, at its cell).
 */
final class XlsxLedgerReader {
    /** Excel's last day, 9999-12-31, as a serial number of the 1900 date system. */
    private static final BigDecimal LAST_SERIAL = BigDecimal.valueOf(2_958_465);

    private XlsxLedgerReader() {
    }

    /**
     * The sheets read, by name in workbook order, each as its rows (a sheet only looked at for content has at most
     * one row); or the problem that stopped reading.
     *
     * @param beyond filled cells right of {@link Table#MAX_COLUMNS}, the first {@code maxProblems} of them
     * @param beyondCount how many there were in all
     */
    record Workbook(Map<String, List<Table.Row>> sheets, Problem failure, List<Beyond> beyond, int beyondCount) {
    }

    /** A filled cell right of the columns kept: its sheet, row, column and value. */
    record Beyond(String sheet, int row, int column, CellValue value) {
    }

    /**
     * Opens a workbook and reads the sheets named in {@code keep} in full; every other sheet except those in
     * {@code skip} is read only up to its first filled row, which is kept (so that content in an unknown sheet
     * can be reported). With {@code skip} null, no other sheet is read.
     */
    static Workbook open(String file, byte[] bytes, InputLimits limits, List<String> keep, List<String> skip) {
        // The header checks below throw on fewer than 8 bytes: an empty or cut-off file is told apart first.
        if (bytes.length < 8) {
            return failed(new Problem(ProblemCode.WORKBOOK_INVALID, file, 0, 0, "", (bytes.length == 0 ? "文件是空的" : "文件只有 "
                    + bytes.length + " 个字节") + "，不是 xlsx 工作簿；请用 Excel 或 WPS 重新保存为 .xlsx"));
        }
        if (ReadableWorkbook.isOLE2Header(bytes)) {
            return failed(new Problem(ProblemCode.WORKBOOK_INVALID, file, 0, 0, "", encrypted(bytes)
                    ? "工作簿受密码保护，无法读取；请在 Excel 或 WPS 中取消密码，另存为不加密的 .xlsx"
                    : "这是旧版 Excel 97-2003 工作簿（.xls），无法读取；请在 Excel 或 WPS 中“另存为” .xlsx 格式"));
        }
        if (!ReadableWorkbook.isOOXMLZipHeader(bytes)) {
            return failed(new Problem(ProblemCode.WORKBOOK_INVALID, file, 0, 0, "",
                    "不是 xlsx 工作簿（文件内容不是 Excel 2007 及以后的格式）；请用 Excel 或 WPS 另存为 .xlsx"));
        }
        Problem unsafe = WorkbookGuard.check(file, bytes, limits);
        if (unsafe != null) {
            return failed(unsafe);
        }
        Map<String, List<Table.Row>> sheets = new LinkedHashMap<>();
        List<Beyond> beyond = new ArrayList<>();
        int[] beyondCount = {0};
        // Errors as cells: a malformed number is reported at its cell, not as the reader's English for the file.
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(bytes), new ReadingOptions(true, true))) {
            for (Sheet sheet : wb.getSheets().toList()) {
                String name = sheet.getName();
                if (sheets.containsKey(name) || (skip == null ? !keep.contains(name) : skip.contains(name))) {
                    continue;
                }
                boolean whole = keep.contains(name);
                List<Table.Row> rows = new ArrayList<>();
                try (Stream<Row> stream = sheet.openStream()) {
                    for (Iterator<Row> it = stream.iterator(); it.hasNext(); ) {
                        Table.Row row = row(name, it.next(), limits, beyond, beyondCount);
                        if (whole) {
                            rows.add(row);
                        } else if (!row.isBlank()) {
                            rows.add(row);
                            break;
                        }
                    }
                }
                sheets.put(name, rows);
            }
        } catch (IOException | RuntimeException e) {
            return failed(new Problem(ProblemCode.WORKBOOK_INVALID, file, 0, 0, "", "xlsx 工作簿的内容不合规范，无法读取；文件可能已损坏，请用 Excel 或 WPS 打开后"
                    + "重新保存为 .xlsx（读取程序原话：" + VisibleText.excerpt(String.valueOf(e.getMessage())) + "）"));
        }
        return new Workbook(sheets, null, beyond, beyondCount[0]);
    }

    private static Workbook failed(Problem p) {
        return new Workbook(null, p, List.of(), 0);
    }

    /**
     * An encrypted xlsx is an OLE2 compound file holding the streams EncryptionInfo and EncryptedPackage; their names
     * are in its directory as UTF-16LE.
     */
    static boolean encrypted(byte[] bytes) {
        byte[] name = "EncryptedPackage".getBytes(java.nio.charset.StandardCharsets.UTF_16LE);
        outer:
        for (int i = 0; i + name.length <= bytes.length; i++) {
            for (int j = 0; j < name.length; j++) {
                if (bytes[i + j] != name[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /** One row, its cells from column A up to {@link Table#MAX_COLUMNS}; filled cells further right go to {@code beyond}. */
    private static Table.Row row(String sheet, Row r, InputLimits limits, List<Beyond> beyond, int[] beyondCount) {
        int count = r.getCellCount();
        int kept = Math.min(count, Table.MAX_COLUMNS);
        List<CellValue> cells = new ArrayList<>(kept);
        int physical = 0;
        for (int i = 0; i < kept; i++) {
            Cell c = r.getCell(i);
            physical += c == null ? 0 : 1;
            cells.add(value(c, limits));
        }
        // Only look further right when the row has cells there: a row is allocated as wide as its last cell.
        for (int i = kept; i < count && physical < r.getPhysicalCellCount(); i++) {
            Cell c = r.getCell(i);
            if (c == null) {
                continue;
            }
            physical++;
            CellValue v = value(c, limits);
            if (!v.isBlank() && beyondCount[0]++ < limits.maxProblems()) {
                beyond.add(new Beyond(sheet, r.getRowNum(), i, v));
            }
        }
        return new Table.Row(r.getRowNum(), Cells.of(cells));
    }

    static CellValue value(Cell c, InputLimits limits) {
        if (c == null) {
            return CellValue.BLANK;
        }
        switch (c.getType()) {
            case EMPTY:
                return CellValue.BLANK;
            case STRING:
                return CellValue.text(c.asString(), limits.maxStringLength());
            case BOOLEAN:
                return new CellValue(CellValue.Kind.BOOLEAN, String.valueOf(c.asBoolean()).toUpperCase(), null, null);
            case ERROR:
                String raw = String.valueOf(c.getRawValue());
                // fastexcel marks a number it could not parse as an error; a real error value starts with #.
                return new CellValue(raw.startsWith("#") ? CellValue.Kind.ERROR : CellValue.Kind.BAD_NUMBER,
                        VisibleText.excerpt(raw), null, null);
            case NUMBER:
                return number(c, c.asNumber());
            case FORMULA:
            default:
                // A formula's cached result: a number (perhaps a date) or text. Its length is bounded by the guard.
                String cached = c.getRawValue();
                if (cached == null) {
                    return CellValue.formula(c.getFormula()); // never calculated: its value is unknown
                }
                if (cached.isBlank()) {
                    return CellValue.BLANK;
                }
                if (cached.length() <= limits.maxNumberLength()) {
                    try {
                        return number(c, new BigDecimal(cached));
                    } catch (NumberFormatException e) {
                        // text
                    }
                }
                return CellValue.text(cached, limits.maxStringLength());
        }
    }

    /** A number cell: a day when it has a date format and lies within Excel's calendar, otherwise the number. */
    private static CellValue number(Cell c, BigDecimal n) {
        if (LedgerDates.isDateFormat(c.getDataFormatId(), c.getDataFormatString())
                && n.compareTo(BigDecimal.ZERO) >= 0 && n.compareTo(LAST_SERIAL) <= 0) {
            return CellValue.date(c.asDate().toLocalDate());
        }
        return CellValue.number(n);
    }

    /** Reads the 单位 and 活动 sheets into a submission. */
    static Submission read(LedgerParser parser, String file, byte[] bytes, InputLimits limits)
            throws InvalidSubmissionException {
        Workbook wb = open(file, bytes, limits, List.of(LedgerLayout.UNITS_SHEET, LedgerLayout.ACTIVITIES_SHEET),
                List.of(LedgerLayout.GUIDE_SHEET, LedgerLayout.LISTS_SHEET, LedgerLayout.WAIVERS_SHEET));
        if (wb.failure() != null) {
            throw new InvalidSubmissionException(List.of(wb.failure()));
        }
        Table.Place place = Table.workbook(file);
        LocatedProblems problems = new LocatedProblems(limits.maxProblems());
        List<String> names = new ArrayList<>(wb.sheets().keySet());
        for (String name : names) {
            boolean known = List.of(LedgerLayout.UNITS_SHEET, LedgerLayout.ACTIVITIES_SHEET).contains(name);
            if (!known && wb.sheets().get(name).stream().anyMatch(r -> !r.isBlank())) {
                problems.add(new Located(-1, names.indexOf(name) + 1, 0, place.table(ProblemCode.SHEET_LAYOUT, name, 0, "未知的工作表“" + name
                        + "”有内容，不会被读取；台账只读取“单位”“活动”“情况说明”三个工作表，请把内容移入这些表或删除此工作表")));
            }
        }
        List<Table.Row> unitRows = wb.sheets().get(LedgerLayout.UNITS_SHEET);
        List<Table.Row> activityRows = wb.sheets().get(LedgerLayout.ACTIVITIES_SHEET);
        for (String missing : List.of(LedgerLayout.UNITS_SHEET, LedgerLayout.ACTIVITIES_SHEET)) {
            if (!wb.sheets().containsKey(missing)) {
                problems.add(new Located(-1, 0, 0, place.table(ProblemCode.SHEET_LAYOUT, missing, 0, "缺少工作表“" + missing
                        + "”；工作表有：" + String.join("、", names) + "。请用 ./checker template 生成的模板填写")));
            }
        }
        beyond(wb, LedgerLayout.UNITS_SHEET, 1, place, problems);
        beyond(wb, LedgerLayout.ACTIVITIES_SHEET, 2, place, problems);
        if (unitRows == null || activityRows == null) {
            throw problems.exception();
        }
        UnitSheet units = unitSheet(LedgerLayout.UNITS_SHEET, 1, unitRows, place, problems);
        Table activities = table(LedgerLayout.ACTIVITIES_SHEET, 2, activityRows, place);
        return parser.parse(file, units.year(), units.table(), activities, problems, limits);
    }

    /** The filled cells of a sheet right of the columns read, each a problem at its cell. */
    static void beyond(Workbook wb, String sheet, int order, Table.Place place, LocatedProblems problems) {
        int seen = 0;
        for (Beyond b : wb.beyond()) {
            if (b.sheet().equals(sheet)) {
                seen++;
                problems.add(new Located(order, b.row(), b.column(), place.cell(ProblemCode.SHEET_LAYOUT, sheet, b.row(), b.column(),
                        outside(b.value()))));
            }
        }
        if (wb.beyondCount() > wb.beyond().size() && seen > 0) {
            problems.uncounted(wb.beyondCount() - wb.beyond().size());
        }
    }

    /** The message for a filled cell right of every column a ledger has. */
    static String outside(CellValue v) {
        return "这一列超出了台账的列（只读取前 " + Table.MAX_COLUMNS + " 列），内容" + v.describe() + "无法读取；请删除";
    }

    /** The 单位 sheet: the year row ({@code 考核年度 | 2023}) above the header row. */
    record UnitSheet(LedgerParser.YearCell year, Table table) {
    }

    static UnitSheet unitSheet(String name, int order, List<Table.Row> rows, Table.Place place, LocatedProblems problems) {
        String headerKey = LedgerLayout.headerKey(LedgerLayout.UNIT_COLUMNS.get(0).header());
        int headerAt = -1;
        for (int i = 0; i < rows.size(); i++) {
            CellValue a = rows.get(i).cell(0);
            if (a.kind() == CellValue.Kind.TEXT && LedgerLayout.headerKey(a.text()).equals(headerKey)) {
                headerAt = i;
                break;
            }
        }
        List<Table.Row> above = headerAt < 0 ? rows : rows.subList(0, headerAt);
        Table table = headerAt < 0
                ? new Table(name, order, 0, List.of(), List.of(), place)
                : new Table(name, order, rows.get(headerAt).number(), rows.get(headerAt).cells(),
                        rows.subList(headerAt + 1, rows.size()), place);
        LedgerParser.YearCell year = null;
        for (Table.Row r : above) {
            CellValue a = r.cell(0);
            if (year == null && a.kind() == CellValue.Kind.TEXT && LedgerLayout.headerKey(a.text()).equals(LedgerLayout.YEAR_LABEL)) {
                year = new LedgerParser.YearCell(table, r.number(), 1, r.cell(1));
                for (int c = 2; c < r.cells().size(); c++) {
                    if (!r.cell(c).isBlank()) {
                        problems.add(table.at(ProblemCode.SHEET_LAYOUT, r.number(), c, "“" + LedgerLayout.YEAR_LABEL + "”行只填年度（B 列），这里的"
                                + r.cell(c).describe() + "不会被读取；请删除"));
                    }
                }
            } else if (!r.isBlank() && headerAt >= 0) { // without a header, "no header row" is the one message
                int c = 0;
                while (r.cell(c).isBlank()) {
                    c++;
                }
                problems.add(table.at(ProblemCode.SHEET_LAYOUT, r.number(), c, "表头之前的内容" + r.cell(c).describe() + "无法读取；表头之前只能有“"
                        + LedgerLayout.YEAR_LABEL + "”一行"));
            }
        }
        if (year == null) {
            int row = above.isEmpty() ? 1 : above.get(0).number();
            year = new LedgerParser.YearCell(table, row, 1, null);
        }
        return new UnitSheet(year, table);
    }

    /** A sheet whose first non-blank row is its header. */
    static Table table(String name, int order, List<Table.Row> rows, Table.Place place) {
        for (int i = 0; i < rows.size(); i++) {
            if (!rows.get(i).isBlank()) {
                return new Table(name, order, rows.get(i).number(), rows.get(i).cells(), rows.subList(i + 1, rows.size()), place);
            }
        }
        return new Table(name, order, 0, List.of(), List.of(), place);
    }
}
