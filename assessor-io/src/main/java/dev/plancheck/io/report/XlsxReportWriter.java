package dev.plancheck.io.report;

import dev.plancheck.report.Gap;
import dev.plancheck.report.ManualCheck;
import dev.plancheck.report.Notice;
import dev.plancheck.report.PartResult;
import dev.plancheck.report.Report;
import dev.plancheck.report.RuleResult;
import dev.plancheck.report.Status;
import dev.plancheck.report.Comparison;
import dev.plancheck.report.ReportWriter;
import dev.plancheck.io.print.Fingerprints;
import dev.plancheck.io.print.PrintedSheet;
import dev.plancheck.io.print.WorkbookStyles;
import dev.plancheck.report.PackFingerprint;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * The follow-up list as an xlsx workbook (see {@code docs/report-format.md}), for the assessor to hand over and the
 * units to fill in:
 * <ol>
 *   <li>{@code 整改清单}: one row per gap (the same columns as the csv), with empty, wide, wrapping columns
 *       整改措施, 责任人 and 完成时限 (date-formatted) to fill in;</li>
 *   <li>{@code 人工核验}: the plan's sentences no ledger can prove, once per report (clause, section, sentence, what to
 *       look at), with an empty column 已核 to tick and 核验情况, 核验人 to fill in;</li>
 *   <li>{@code 全部结果}: every result of every unit, status in Chinese;</li>
 *   <li>{@code 记录提示}: the notices;</li>
 *   <li>{@code 单位对比}, for a batch only: the comparison of units, most open gaps first.</li>
 * </ol>
 * Each sheet has a bold, frozen header row with an auto-filter, and prints on A4 landscape with the header row on
 * every page ({@link PrintedSheet}): every row as tall as its wrapped text, columns narrow enough that the sheet fits
 * the page width at 9 pt or more, the plan, year and as-of date in the page header, the pack's fingerprint (id,
 * version, the first 12 hex digits of the SHA-256) in the footer. The whole fingerprint is in the document's
 * properties (description, and the custom properties 规则包, 规则包版本, 规则包SHA-256). Cell contents depend only on
 * the reports; the file is not byte-identical from run to run, because fastexcel stamps the creation time into
 * {@code docProps/core.xml}. Text cells are never formulas, and one that looks like a formula is marked
 * {@code quotePrefix} ({@link WorkbookStyles}), so that submitted text cannot become one, not even when it is edited.
 */
public final class XlsxReportWriter implements ReportWriter {
    static final String GAPS = "整改清单";
    static final String MANUAL = "人工核验";
    static final String RESULTS = "全部结果";
    static final String NOTICES = "记录提示";
    static final String COMPARISON = "单位对比";
    static final String DATE_FORMAT = "yyyy-mm-dd";

    @Override
    public String name() {
        return "xlsx";
    }

    @Override
    public String description() {
        return "整改清单工作簿（xlsx）：每个缺项一行，留有整改措施、责任人、完成时限待填；另附全部结果和记录提示";
    }

    @Override
    public String extension() {
        return "xlsx";
    }

    @Override
    public String mediaType() {
        return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    }

    @Override
    public boolean binary() {
        return true;
    }

    @Override
    public void write(List<Report> reports, boolean batch, OutputStream out) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        Workbook wb = new Workbook(buffer, "plancheck", "1.0");
        wb.setGlobalDefaultFont("等线", PrintedSheet.FONT_POINTS);
        if (!reports.isEmpty()) {
            wb.properties().setTitle(title(reports)).setDescription("规则包指纹：" + Fingerprints.whole(reports))
                    .setTextProperty("规则包", ids(reports, f -> f.id()))
                    .setTextProperty("规则包版本", ids(reports, f -> Objects.toString(f.version(), "（未标注）")))
                    .setTextProperty("规则包SHA-256", ids(reports, PackFingerprint::sha256));
        }
        gaps(wb.newWorksheet(GAPS), reports, batch);
        manualChecks(wb.newWorksheet(MANUAL), reports, batch);
        results(wb.newWorksheet(RESULTS), reports, batch);
        notices(wb.newWorksheet(NOTICES), reports, batch);
        if (batch) {
            comparison(wb.newWorksheet(COMPARISON), reports);
        }
        wb.finish();
        out.write(WorkbookStyles.apply(buffer.toByteArray()));
        out.flush();
    }

    private static String ids(List<Report> reports, Function<PackFingerprint, String> part) {
        return Fingerprints.of(reports).stream().map(part).collect(Collectors.joining("；"));
    }

    /** The plan, year and as-of date, when all reports share them (a batch may mix packs or dates). */
    private static String title(List<Report> reports) {
        Report r = reports.get(0);
        boolean same = reports.stream().allMatch(x -> x.packTitle().equals(r.packTitle()) && x.year() == r.year()
                && x.asOf().equals(r.asOf()));
        return same ? "《" + r.packTitle() + "》落实情况　考核年度 " + r.year() + "　检查截至 " + r.asOf()
                : "落实情况检查（" + reports.size() + " 个台账文件）";
    }

    /**
     * Widths of the 整改清单 columns ({@link FollowUpList#COLUMNS}): 131.5 units with 来源文件, so that the sheet fits a
     * landscape A4 page at 9 pt or more ({@link PrintedSheet#printedPoints}); long text wraps.
     */
    static final double[] GAP_WIDTHS = {7, 4.5, 6.5, 12, 4.5, 13, 14, 14, 7, 4.5, 5.5, 11, 5, 10.5};
    /** The width of 来源文件 in the 整改清单: a file name wraps, in full, at its / and - as LibreOffice breaks it. */
    static final double SOURCE_WIDTH = 12;
    /**
     * The width of 来源文件 where the other columns leave room (全部结果, 记录提示): a typical path takes two or three
     * lines, not five, so that a sheet of many short rows is not made tall by its file names alone.
     */
    static final double WIDE_SOURCE_WIDTH = 15;

    private static void gaps(Worksheet ws, List<Report> reports, boolean batch) {
        List<String> headers = FollowUpList.headers(batch);
        List<List<String>> rows = FollowUpList.rows(reports, batch);
        PrintedSheet sheet = new PrintedSheet(ws, widths(batch, SOURCE_WIDTH, GAP_WIDTHS));
        sheet.header(0, headers);
        for (int r = 0; r < rows.size(); r++) {
            sheet.row(r + 1, rows.get(r));
        }
        // The columns to fill in: shaded so they stand out, and formatted for what will be typed there.
        int fill = headers.indexOf(FollowUpList.TO_FILL.get(0));
        int deadline = headers.indexOf("完成时限");
        for (int r = 1; r <= rows.size(); r++) {
            for (int c = fill; c < headers.size(); c++) {
                var style = ws.style(r, c).fillColor("FFF8E1");
                if (c == deadline) {
                    style.format(DATE_FORMAT);
                }
                style.set();
            }
        }
        // Rows added below the list by hand get the same formats.
        ws.style(deadline).format(DATE_FORMAT).set();
        page(sheet, reports, headers.size(), rows.size(), batch);
    }

    /** The columns of the 人工核验 sheet after 来源文件; the last three are left to fill in. */
    static final List<String> MANUAL_COLUMNS = List.of("条款", "部分", "原文", "核验什么", "已核", "核验情况", "核验人");
    /** 107 units: the sheet prints at 11 pt on landscape A4, and with 来源文件 at 9 pt or more. */
    static final double[] MANUAL_WIDTHS = {5, 10, 30, 28, 5, 22, 7};

    /** Every report's 人工核验 items, once per report; a tick column and two columns to fill in, shaded. */
    private static void manualChecks(Worksheet ws, List<Report> reports, boolean batch) {
        List<String> headers = new ArrayList<>();
        if (batch) {
            headers.add(FollowUpList.SOURCE);
        }
        headers.addAll(MANUAL_COLUMNS);
        PrintedSheet sheet = new PrintedSheet(ws, widths(batch, WIDE_SOURCE_WIDTH, MANUAL_WIDTHS));
        sheet.header(0, headers);
        int tick = headers.indexOf("已核");
        int r = 0;
        for (Report report : reports) {
            for (ManualCheck m : report.manualChecks()) {
                List<String> row = new ArrayList<>();
                if (batch) {
                    row.add(report.source());
                }
                row.addAll(List.of(m.clause(), m.section(), m.sentence(), m.check(), "", "", ""));
                sheet.row(++r, row);
                for (int c = tick; c < headers.size(); c++) {
                    ws.style(r, c).fillColor("FFF8E1").set();
                }
                sheet.centre(r, tick, tick);
            }
        }
        page(sheet, reports, headers.size(), r, batch);
    }

    private static double[] widths(boolean batch, double source, double[] widths) {
        if (!batch) {
            return widths;
        }
        double[] out = new double[widths.length + 1];
        out[0] = source;
        System.arraycopy(widths, 0, out, 1, widths.length);
        return out;
    }

    private static void results(Worksheet ws, List<Report> reports, boolean batch) {
        List<String> headers = new ArrayList<>();
        if (batch) {
            headers.add(FollowUpList.SOURCE);
        }
        headers.addAll(List.of("单位", "单位编号", "规则编号", "条款", "标题", "状态", "证据", "说明"));
        PrintedSheet sheet = new PrintedSheet(ws, widths(batch, WIDE_SOURCE_WIDTH, new double[] {7, 4.5, 7, 5, 20, 7, 16, 36}));
        sheet.header(0, headers);
        int r = 0;
        for (Report report : reports) {
            for (RuleResult res : report.results()) {
                r++;
                List<String> row = new ArrayList<>();
                if (batch) {
                    row.add(report.source());
                }
                Gap gap = res.status() == Status.GAP ? report.gapOf(res.rule().id(), res.unit().getId()) : null;
                row.add(res.unit().getName());
                row.add(res.unit().getId());
                row.add(res.rule().id());
                row.add(res.rule().clause());
                row.add(res.rule().title());
                row.add(gap != null && gap.waived() ? "缺项（已说明）" : res.status().chineseName());
                row.add(String.join("、", res.evidence()));
                row.add(note(res, gap));
                sheet.row(r, row);
            }
        }
        page(sheet, reports, headers.size(), r, batch);
    }

    /** What a reader of one result row needs besides its status. */
    static String note(RuleResult res, Gap gap) {
        return switch (res.status()) {
            case MET -> "";
            case NOT_APPLICABLE -> res.note() == null ? "" : res.note();
            case NOT_DUE -> "尚可完成——" + res.parts().stream().filter(p -> p.status() == Status.NOT_DUE)
                    .map(XlsxReportWriter::openPart).collect(Collectors.joining("；"));
            case GAP -> gap == null ? "" : gap.waived() ? FollowUpList.status(gap) : "应有：" + gap.expected();
        };
    }

    private static String openPart(PartResult p) {
        return p.what() + "：" + p.periodName() + " "
                + p.days().stream().map(Object::toString).collect(Collectors.joining("、"));
    }

    private static void notices(Worksheet ws, List<Report> reports, boolean batch) {
        List<String> headers = new ArrayList<>();
        if (batch) {
            headers.add(FollowUpList.SOURCE);
        }
        headers.addAll(List.of("记录", "类型", "说明"));
        PrintedSheet sheet = new PrintedSheet(ws, widths(batch, WIDE_SOURCE_WIDTH, new double[] {9, 10, 66}));
        sheet.header(0, headers);
        int r = 0;
        for (Report report : reports) {
            for (Notice n : report.notices()) {
                List<String> row = new ArrayList<>();
                if (batch) {
                    row.add(report.source());
                }
                row.add(n.recordId());
                row.add(n.type().chineseName());
                row.add(n.message());
                sheet.row(++r, row);
            }
        }
        page(sheet, reports, headers.size(), r, batch);
    }

    private static void comparison(Worksheet ws, List<Report> reports) {
        Comparison c = Comparison.of(reports);
        List<String> headers = new ArrayList<>(List.of("序号", "单位", "单位编号", "级别", FollowUpList.SOURCE, "缺项",
                "已说明", "未到期", "已落实", "应落实"));
        headers.addAll(c.sections());
        double[] widths = new double[headers.size()];
        double[] fixed = {4, 7, 4.5, 4.5, 20, 4.5, 4.5, 4.5, 4.5, 4.5};
        System.arraycopy(fixed, 0, widths, 0, fixed.length);
        java.util.Arrays.fill(widths, fixed.length, widths.length, 6);
        PrintedSheet sheet = new PrintedSheet(ws, widths);
        sheet.header(0, headers);
        int r = 0;
        for (Comparison.Row row : c.rows()) {
            r++;
            List<Object> cells = new ArrayList<>(List.of(r, row.unit().getName(), row.unit().getId(),
                    row.unit().getLevel().chineseName(), row.source(), row.openGaps(), row.waived(), row.notDue(),
                    row.met(), row.total()));
            for (Comparison.Tally t : row.bySection()) {
                cells.add(t.total() == 0 ? "—" : t.met() + "/" + t.total());
            }
            sheet.row(r, cells);
            // Counts and tallies centred, each in its own bordered cell, so that no number runs into the next.
            sheet.centre(r, 5, headers.size() - 1).centre(r, 0, 0);
        }
        page(sheet, reports, headers.size(), r, true);
        // Below the table, outside its filter: which files must be followed up.
        sheet.line(r + 2, c.filesWithGaps().isEmpty() ? "所有文件都没有缺项"
                : "有缺项的文件（" + c.filesWithGaps().size() + "）：" + String.join("、", c.filesWithGaps()), 11, false);
    }

    /**
     * Frozen header row and an auto-filter over the table; A4 landscape with the header row on every page, the
     * plan, year and as-of date in the page header and the pack's fingerprint in the footer.
     */
    private static void page(PrintedSheet sheet, List<Report> reports, int columns, int rows, boolean batch) {
        Worksheet ws = sheet.worksheet();
        ws.freezePane(0, 1);
        ws.setAutoFilter(0, 0, Math.max(rows, 1), columns - 1);
        sheet.print(PrintedSheet.Orientation.LANDSCAPE, 1, batch ? 3 : 2, reports.isEmpty() ? null : title(reports),
                reports.isEmpty() ? null : Fingerprints.onPaper(reports));
    }
}
