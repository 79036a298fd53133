package dev.plancheck.io.report;

import dev.plancheck.report.Gap;
import dev.plancheck.report.Notice;
import dev.plancheck.report.PartResult;
import dev.plancheck.report.Report;
import dev.plancheck.report.RuleResult;
import dev.plancheck.report.Status;
import dev.plancheck.text.VisibleText;
import dev.plancheck.report.Comparison;
import dev.plancheck.report.ReportWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.dhatim.fastexcel.PaperSize;
import org.dhatim.fastexcel.Position;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * The follow-up list as an xlsx workbook (see {@code docs/report-format.md}), for the assessor to hand over and the
 * units to fill in:
 * <ol>
 *   <li>{@code 整改清单}: one row per gap (the same columns as the csv), with empty, wide, wrapping columns
 *       整改措施, 责任人 and 完成时限 (date-formatted) to fill in;</li>
 *   <li>{@code 全部结果}: every result of every unit, status in Chinese;</li>
 *   <li>{@code 记录提示}: the notices;</li>
 *   <li>{@code 单位对比}, for a batch only: the comparison of units, most open gaps first.</li>
 * </ol>
 * Each sheet has a bold, frozen header row with an auto-filter, and prints on A4 landscape, one page wide, the header
 * row repeated. Cell contents depend only on the reports; the file is not byte-identical from run to run, because
 * fastexcel stamps the creation time into {@code docProps/core.xml}. Text cells are never formulas, so submitted text
 * cannot become one.
 */
public final class XlsxReportWriter implements ReportWriter {
    static final String GAPS = "整改清单";
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
        Workbook wb = new Workbook(new NonClosing(out), "plancheck", "1.0");
        wb.setGlobalDefaultFont("等线", 11);
        if (!reports.isEmpty()) {
            wb.properties().setTitle(title(reports));
        }
        gaps(wb.newWorksheet(GAPS), reports, batch);
        results(wb.newWorksheet(RESULTS), reports, batch);
        notices(wb.newWorksheet(NOTICES), reports, batch);
        if (batch) {
            comparison(wb.newWorksheet(COMPARISON), reports);
        }
        wb.finish();
        out.flush();
    }

    /** The plan, year and as-of date, when all reports share them (a batch may mix packs or dates). */
    private static String title(List<Report> reports) {
        Report r = reports.get(0);
        boolean same = reports.stream().allMatch(x -> x.packTitle().equals(r.packTitle()) && x.year() == r.year()
                && x.asOf().equals(r.asOf()));
        return same ? "《" + r.packTitle() + "》落实情况　考核年度 " + r.year() + "　检查截至 " + r.asOf()
                : "落实情况检查（" + reports.size() + " 个台账文件）";
    }

    private static void gaps(Worksheet ws, List<Report> reports, boolean batch) {
        List<String> headers = FollowUpList.headers(batch);
        List<List<String>> rows = FollowUpList.rows(reports, batch);
        header(ws, headers);
        for (int r = 0; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            cells(ws, r + 1, row);
        }
        int first = batch ? 1 : 0;
        double[] widths = {10, 8, 9, 28, 7, 36, 36, 40, 14, 8, 24, 30, 14, 12};
        if (batch) {
            ws.width(0, 24);
        }
        for (int i = 0; i < widths.length; i++) {
            ws.width(first + i, widths[i]);
        }
        // The columns to fill in: shaded so they stand out, and formatted for what will be typed there.
        int fill = headers.indexOf(FollowUpList.TO_FILL.get(0));
        for (int r = 1; r <= rows.size(); r++) {
            for (int c = fill; c < headers.size(); c++) {
                boolean date = headers.get(c).equals("完成时限");
                var style = ws.style(r, c).wrapText(true).verticalAlignment("top").fillColor("FFF8E1");
                if (date) {
                    style.format(DATE_FORMAT);
                }
                style.set();
            }
        }
        // Rows added below the list by hand get the same formats.
        ws.style(headers.indexOf("完成时限")).format(DATE_FORMAT).set();
        page(ws, reports, headers.size(), rows.size());
    }

    private static void results(Worksheet ws, List<Report> reports, boolean batch) {
        List<String> headers = new ArrayList<>();
        if (batch) {
            headers.add(FollowUpList.SOURCE);
        }
        headers.addAll(List.of("单位", "单位编号", "规则编号", "条款", "标题", "状态", "证据", "说明"));
        header(ws, headers);
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
                cells(ws, r, row);
            }
        }
        double[] widths = {10, 8, 9, 7, 36, 12, 24, 60};
        int first = batch ? 1 : 0;
        if (batch) {
            ws.width(0, 24);
        }
        for (int i = 0; i < widths.length; i++) {
            ws.width(first + i, widths[i]);
        }
        page(ws, reports, headers.size(), r);
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
        header(ws, headers);
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
                cells(ws, ++r, row);
            }
        }
        int first = batch ? 1 : 0;
        if (batch) {
            ws.width(0, 24);
        }
        ws.width(first, 12);
        ws.width(first + 1, 16);
        ws.width(first + 2, 90);
        page(ws, reports, headers.size(), r);
    }

    private static void comparison(Worksheet ws, List<Report> reports) {
        Comparison c = Comparison.of(reports);
        List<String> headers = new ArrayList<>(List.of("序号", "单位", "单位编号", "级别", FollowUpList.SOURCE, "缺项",
                "已说明", "未到期", "已落实", "应落实"));
        headers.addAll(c.sections());
        header(ws, headers);
        int r = 0;
        for (Comparison.Row row : c.rows()) {
            r++;
            ws.value(r, 0, r);
            ws.value(r, 1, VisibleText.text(row.unit().getName()));
            ws.value(r, 2, VisibleText.text(row.unit().getId()));
            ws.value(r, 3, row.unit().getLevel().chineseName());
            ws.value(r, 4, VisibleText.text(row.source()));
            ws.value(r, 5, row.openGaps());
            ws.value(r, 6, row.waived());
            ws.value(r, 7, row.notDue());
            ws.value(r, 8, row.met());
            ws.value(r, 9, row.total());
            for (int i = 0; i < row.bySection().size(); i++) {
                Comparison.Tally t = row.bySection().get(i);
                ws.value(r, 10 + i, t.total() == 0 ? "—" : t.met() + "/" + t.total());
            }
        }
        ws.width(0, 6);
        ws.width(1, 12);
        ws.width(2, 8);
        ws.width(3, 6);
        ws.width(4, 28);
        for (int i = 10; i < headers.size(); i++) {
            ws.width(i, 12);
        }
        page(ws, reports, headers.size(), r);
        // Below the table, outside its filter: which files must be followed up.
        int below = r + 2;
        ws.value(below, 0, c.filesWithGaps().isEmpty() ? "所有文件都没有缺项"
                : "有缺项的文件（" + c.filesWithGaps().size() + "）：" + VisibleText.text(String.join("、", c.filesWithGaps())));
    }

    private static void header(Worksheet ws, List<String> headers) {
        for (int c = 0; c < headers.size(); c++) {
            ws.value(0, c, headers.get(c));
        }
        ws.range(0, 0, 0, headers.size() - 1).style().bold().fillColor("D9E2F3").wrapText(true)
                .verticalAlignment("center").set();
        ws.freezePane(0, 1);
    }

    private static void cells(Worksheet ws, int r, List<String> row) {
        for (int c = 0; c < row.size(); c++) {
            String v = VisibleText.text(Objects.toString(row.get(c), ""));
            if (!v.isEmpty()) {
                ws.value(r, c, v);
            }
            ws.style(r, c).wrapText(true).verticalAlignment("top").set();
        }
    }

    /** Auto-filter over the table; A4 landscape, one page wide, the header row on every page. */
    private static void page(Worksheet ws, List<Report> reports, int columns, int rows) {
        ws.setAutoFilter(0, 0, Math.max(rows, 1), columns - 1);
        ws.pageOrientation("landscape");
        ws.paperSize(PaperSize.A4_PAPER);
        ws.setFitToPage(true);
        ws.fitToWidth((short) 1);
        ws.fitToHeight((short) 0);
        ws.repeatRows(0);
        if (!reports.isEmpty()) {
            // & starts a code in a page header; the title comes from the pack, doubled to be safe all the same.
            ws.header(title(reports).replace("&", "&&"), Position.CENTER);
        }
        ws.footer("第 &P 页，共 &N 页", Position.RIGHT);
    }

    /** fastexcel closes the stream it was given; the caller owns ours. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
