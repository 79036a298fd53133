package dev.plancheck.io.ledger;

import dev.plancheck.InvalidSubmissionException;
import dev.plancheck.Problem;
import dev.plancheck.Submission;
import dev.plancheck.io.ledger.Table.Located;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

/** Reads an xlsx ledger (the layout of {@link LedgerTemplate}) into tables of {@link CellValue}s. */
final class XlsxLedgerReader {
    private XlsxLedgerReader() {
    }

    /** The sheets of a workbook by name, each as its rows; or the problem that stopped reading it. */
    record Workbook(Map<String, List<Table.Row>> sheets, Problem failure) {
    }

    static Workbook open(String file, byte[] bytes) {
        // The header checks below throw on fewer than 8 bytes: an empty or cut-off file is told apart first.
        if (bytes.length < 8) {
            return new Workbook(null, new Problem(file, 0, 0, "", (bytes.length == 0 ? "文件是空的" : "文件只有 "
                    + bytes.length + " 个字节") + "，不是 xlsx 工作簿；请用 Excel 或 WPS 重新保存为 .xlsx"));
        }
        if (ReadableWorkbook.isOLE2Header(bytes)) {
            return new Workbook(null, new Problem(file, 0, 0, "",
                    "这是旧版 Excel 97-2003 工作簿（.xls），无法读取；请在 Excel 或 WPS 中“另存为” .xlsx 格式"));
        }
        if (!ReadableWorkbook.isOOXMLZipHeader(bytes)) {
            return new Workbook(null, new Problem(file, 0, 0, "",
                    "不是 xlsx 工作簿（文件内容不是 Excel 2007 及以后的格式）；请用 Excel 或 WPS 另存为 .xlsx"));
        }
        Map<String, List<Table.Row>> sheets = new LinkedHashMap<>();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(bytes), new ReadingOptions(true, false))) {
            for (Sheet sheet : wb.getSheets().toList()) {
                List<Table.Row> rows = new ArrayList<>();
                for (Row r : sheet.read()) {
                    List<CellValue> cells = new ArrayList<>();
                    for (int i = 0; i < r.getCellCount(); i++) {
                        cells.add(value(r.getCell(i)));
                    }
                    rows.add(new Table.Row(r.getRowNum(), cells));
                }
                sheets.put(sheet.getName(), rows);
            }
        } catch (IOException | RuntimeException e) {
            return new Workbook(null, new Problem(file, 0, 0, "", "无法读取 xlsx 工作簿（" + e.getMessage()
                    + "）；文件可能已损坏，请用 Excel 或 WPS 打开后重新保存为 .xlsx"));
        }
        return new Workbook(sheets, null);
    }

    static CellValue value(Cell c) {
        if (c == null) {
            return CellValue.BLANK;
        }
        switch (c.getType()) {
            case EMPTY:
                return CellValue.BLANK;
            case STRING:
                return CellValue.text(c.asString());
            case BOOLEAN:
                return new CellValue(CellValue.Kind.BOOLEAN, String.valueOf(c.asBoolean()).toUpperCase(), null, null);
            case ERROR:
                return new CellValue(CellValue.Kind.ERROR, String.valueOf(c.getRawValue()), null, null);
            case NUMBER:
                return number(c, c.asNumber());
            case FORMULA:
            default:
                // A formula's cached result: a number (perhaps a date) or text.
                String raw = c.getRawValue();
                if (raw == null || raw.isBlank()) {
                    return CellValue.BLANK;
                }
                try {
                    return number(c, new BigDecimal(raw));
                } catch (NumberFormatException e) {
                    return CellValue.text(raw);
                }
        }
    }

    private static CellValue number(Cell c, BigDecimal n) {
        if (LedgerDates.isDateFormat(c.getDataFormatId(), c.getDataFormatString())) {
            return CellValue.date(c.asDate().toLocalDate());
        }
        return CellValue.number(n);
    }

    /** Reads the 单位 and 活动 sheets into a submission. */
    static Submission read(LedgerParser parser, String file, byte[] bytes) throws InvalidSubmissionException {
        Workbook wb = open(file, bytes);
        if (wb.failure() != null) {
            throw new InvalidSubmissionException(List.of(wb.failure()));
        }
        Table.Place place = Table.workbook(file);
        List<Located> problems = new ArrayList<>();
        int order = 0;
        for (Map.Entry<String, List<Table.Row>> e : wb.sheets().entrySet()) {
            order++;
            String name = e.getKey();
            boolean known = List.of(LedgerLayout.GUIDE_SHEET, LedgerLayout.LISTS_SHEET, LedgerLayout.UNITS_SHEET,
                    LedgerLayout.ACTIVITIES_SHEET, LedgerLayout.WAIVERS_SHEET).contains(name);
            if (!known && e.getValue().stream().anyMatch(r -> !r.isBlank())) {
                problems.add(new Located(-1, order, 0, place.table(name, 0, "未知的工作表“" + name
                        + "”有内容，不会被读取；台账只读取“单位”“活动”“情况说明”三个工作表，请把内容移入这些表或删除此工作表")));
            }
        }
        List<Table.Row> unitRows = wb.sheets().get(LedgerLayout.UNITS_SHEET);
        List<Table.Row> activityRows = wb.sheets().get(LedgerLayout.ACTIVITIES_SHEET);
        for (String missing : List.of(LedgerLayout.UNITS_SHEET, LedgerLayout.ACTIVITIES_SHEET)) {
            if (!wb.sheets().containsKey(missing)) {
                problems.add(new Located(-1, 0, 0, place.table(missing, 0, "缺少工作表“" + missing
                        + "”；工作表有：" + String.join("、", wb.sheets().keySet()) + "。请用 ./checker template 生成的模板填写")));
            }
        }
        if (unitRows == null || activityRows == null) {
            throw new InvalidSubmissionException(LedgerParser.sorted(problems));
        }
        UnitSheet units = unitSheet(LedgerLayout.UNITS_SHEET, 1, unitRows, place, problems);
        Table activities = table(LedgerLayout.ACTIVITIES_SHEET, 2, activityRows, place);
        return parser.parse(file, units.year(), units.table(), activities, problems);
    }

    /** The 单位 sheet: the year row ({@code 考核年度 | 2023}) above the header row. */
    record UnitSheet(LedgerParser.YearCell year, Table table) {
    }

    static UnitSheet unitSheet(String name, int order, List<Table.Row> rows, Table.Place place, List<Located> problems) {
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
                        problems.add(table.at(r.number(), c, "“" + LedgerLayout.YEAR_LABEL + "”行只填年度（B 列），这里的"
                                + r.cell(c).describe() + "不会被读取；请删除"));
                    }
                }
            } else if (!r.isBlank() && headerAt >= 0) { // without a header, "no header row" is the one message
                int c = 0;
                while (r.cell(c).isBlank()) {
                    c++;
                }
                problems.add(table.at(r.number(), c, "表头之前的内容" + r.cell(c).describe() + "无法读取；表头之前只能有“"
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
