package dev.plancheck.io.print;

import dev.plancheck.text.VisibleText;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.dhatim.fastexcel.PaperSize;
import org.dhatim.fastexcel.Position;
import org.dhatim.fastexcel.Worksheet;

/**
 * A table on a worksheet that prints on A4 at a size people can read: fixed column widths, every text cell wrapped,
 * every row written with the height its wrapped text needs ({@link TextLines}; Excel, WPS and LibreOffice do not fit
 * row heights themselves when they open a file, and keep them when they save it), thin cell borders (grid lines do not
 * print), and a page set-up that never prints text smaller than {@link #MIN_PRINTED_POINTS}: the sheet is fitted to
 * the page width when that keeps the text at 9 pt or more, and otherwise prints at full size, its columns split over
 * several pages with the title columns repeated.
 *
 * <p>Text cells hold text only, never formulas; one that starts with {@code = + - @} gets the text format so that
 * editing it cannot turn it into a formula, and {@link WorkbookStyles} marks it as Excel marks a typed {@code '=…}.
 * Hidden characters in text are shown as {@code [U+200B]} ({@link VisibleText#text}).
 *
 * <pre>{@code
 * PrintedSheet sheet = new PrintedSheet(wb.newWorksheet("整改清单"), 8, 5, 7, 14);
 * sheet.header(0, List.of("单位", "单位编号", "规则编号", "标题"));
 * sheet.row(1, List.of("电厂街道", "DC", "R1.2-4", "全年专题会议研究统战工作至少2次"));
 * sheet.print(PrintedSheet.Orientation.LANDSCAPE, 1, 2, "《…》落实情况", "规则包 dianchang-2023 …");
 * }</pre>
 */
public final class PrintedSheet {
    /** How the paper lies. */
    public enum Orientation {
        PORTRAIT("portrait", 595.28), LANDSCAPE("landscape", 841.89);

        private final String xml;
        private final double paperWidth;

        Orientation(String xml, double paperWidth) {
            this.xml = xml;
            this.paperWidth = paperWidth;
        }

        /** The width the table may use on A4 this way, in points: the paper less the side margins. */
        public double printableWidth() {
            return paperWidth - 2 * SIDE_MARGIN_INCHES * 72;
        }
    }

    /** The size of cell text: the workbooks' default font, 11 pt 等线 (Excel's and WPS's own default). */
    public static final double FONT_POINTS = 11;
    /**
     * The height of one line of 11 pt text, in points. Chinese fonts need more than 1.3 em: LibreOffice sets 16 pt per
     * line of 11 pt Noto Sans CJK, and Excel's default row for 11 pt 等线 is 14.25 pt.
     */
    public static final double LINE_POINTS = 16;
    /** Space above and below the text in a row, in points. */
    public static final double PADDING_POINTS = 3;
    /** The tallest row a spreadsheet program allows, in points. */
    public static final double MAX_ROW_POINTS = Worksheet.MAX_ROW_HEIGHT;
    /** The smallest text on paper, in points. */
    public static final double MIN_PRINTED_POINTS = 9;
    /**
     * The widest a column-width unit is laid out on paper, in points: LibreOffice sets 7 pt per unit with an 11 pt
     * default font, and about 7.2 across a sheet of many columns (Excel about 6.4).
     */
    public static final double POINTS_PER_UNIT = 7.3;
    /** Left and right margins; the page header and footer sit in the top and bottom ones. */
    static final float SIDE_MARGIN_INCHES = 0.3f;
    static final float TOP_MARGIN_INCHES = 0.65f;
    static final float HEADER_MARGIN_INCHES = 0.25f;

    /** The number format of text cells that could be read as formulas. */
    static final String TEXT_FORMAT = "@";
    static final String HEADER_FILL = "D9E2F3";
    static final String BORDER_COLOUR = "A6A6A6";

    private final Worksheet ws;
    private final double[] widths;

    /** Sets the widths of the columns, from A, in Excel's units. */
    public PrintedSheet(Worksheet ws, double... widths) {
        this.ws = ws;
        this.widths = widths.clone();
        for (int c = 0; c < widths.length; c++) {
            ws.width(c, widths[c]);
        }
    }

    /** The worksheet, for styles of its own (a fill, a date format) on top of those set here. */
    public Worksheet worksheet() {
        return ws;
    }

    /** The width of a column, in units. */
    public double width(int column) {
        return widths[column];
    }

    /** The sum of the column widths, in units. */
    public double totalWidth() {
        return Arrays.stream(widths).sum();
    }

    /** A header row: bold, shaded, wrapped and centred, as tall as its longest header needs. */
    public PrintedSheet header(int row, List<String> headers) {
        row(row, headers);
        ws.range(row, 0, row, headers.size() - 1).style().bold().fillColor(HEADER_FILL).wrapText(true)
                .horizontalAlignment("center").verticalAlignment("center").set();
        return this;
    }

    /**
     * Centres cells of a row (counts, short codes), keeping them wrapped. A style that sets an alignment replaces the
     * cell's whole alignment, wrapping included, so this is the way to change it.
     */
    public PrintedSheet centre(int row, int fromColumn, int toColumn) {
        ws.range(row, fromColumn, row, toColumn).style().wrapText(true).horizontalAlignment("center")
                .verticalAlignment("top").set();
        return this;
    }

    /**
     * A row of values from column A: text (a {@code String}, wrapped), numbers and dates; {@code null} or {@code ""}
     * leaves a cell empty but bordered. The row is as tall as its tallest cell needs.
     */
    public PrintedSheet row(int row, List<?> values) {
        int lines = 1;
        for (int c = 0; c < values.size(); c++) {
            Object v = values.get(c);
            String shown = shown(v);
            if (v instanceof Number n) {
                ws.value(row, c, n instanceof BigDecimal b && b.scale() < 0 ? b.setScale(0) : n);
            } else if (v instanceof LocalDate d) {
                ws.value(row, c, d);
            } else if (!shown.isEmpty()) {
                ws.value(row, c, shown);
            }
            var style = ws.style(row, c).wrapText(true).verticalAlignment("top").borderStyle("thin")
                    .borderColor(BORDER_COLOUR);
            if (v instanceof String && looksLikeFormula(shown)) {
                style.format(TEXT_FORMAT);
            }
            style.set();
            if (c < widths.length) {
                lines = Math.max(lines, TextLines.of(shown, widths[c]));
            }
        }
        ws.rowHeight(row, rowHeight(lines, FONT_POINTS));
        return this;
    }

    /**
     * A paragraph across the whole width of the table (its cells merged), wrapped, in the given font size; a title, a
     * heading or a line of explanation.
     */
    public PrintedSheet line(int row, String text, int fontPoints, boolean bold) {
        String shown = VisibleText.text(text);
        ws.value(row, 0, shown);
        ws.range(row, 0, row, widths.length - 1).merge();
        var style = ws.style(row, 0).wrapText(true).verticalAlignment("top").fontSize(fontPoints);
        if (bold) {
            style.bold();
        }
        if (looksLikeFormula(shown)) {
            style.format(TEXT_FORMAT);
        }
        style.set();
        // Larger type takes proportionally more room across and down.
        double scale = fontPoints / FONT_POINTS;
        ws.rowHeight(row, rowHeight(TextLines.of(shown, totalWidth() / scale), fontPoints));
        return this;
    }

    /**
     * Sets the page: A4 in the given orientation, narrow side margins, the first {@code titleRows} rows (and, when the
     * columns must be split over pages, the first {@code titleColumns} columns) repeated on every page, a header line
     * in the middle of the top margin, {@code footer} on the left of the bottom margin and the page number on the right.
     * Fitted to the page width only when that keeps text at {@link #MIN_PRINTED_POINTS} or more.
     *
     * @param header the page header, or null; {@code &} is escaped
     * @param footer the left footer, or null
     */
    public void print(Orientation orientation, int titleRows, int titleColumns, String header, String footer) {
        ws.paperSize(PaperSize.A4_PAPER);
        ws.pageOrientation(orientation.xml);
        ws.leftMargin(SIDE_MARGIN_INCHES);
        ws.rightMargin(SIDE_MARGIN_INCHES);
        ws.topMargin(TOP_MARGIN_INCHES);
        ws.bottomMargin(TOP_MARGIN_INCHES);
        ws.headerMargin(HEADER_MARGIN_INCHES);
        ws.footerMargin(HEADER_MARGIN_INCHES);
        if (printedPoints(totalWidth(), orientation) >= MIN_PRINTED_POINTS) {
            ws.setFitToPage(true);
            ws.fitToWidth((short) 1);
            ws.fitToHeight((short) 0);
        } else {
            ws.pageScale(100);
            if (titleColumns > 0) {
                ws.repeatCols(0, titleColumns - 1);
            }
        }
        if (titleRows > 0) {
            ws.repeatRows(0, titleRows - 1);
        }
        if (header != null) {
            ws.header(header.replace("&", "&&"), Position.CENTER);
        }
        if (footer != null) {
            ws.footer(footer.replace("&", "&&"), Position.LEFT);
        }
        ws.footer("第 &P 页，共 &N 页", Position.RIGHT);
    }

    /**
     * The size 11 pt text prints at when a table {@code units} wide is fitted to the width of A4, laid out at
     * {@link #POINTS_PER_UNIT}; 11 when it fits without shrinking.
     */
    public static double printedPoints(double units, Orientation orientation) {
        return FONT_POINTS * Math.min(1, orientation.printableWidth() / (units * POINTS_PER_UNIT));
    }

    /** The height, in points, of a row of {@code lines} lines of text of the given size. */
    public static double rowHeight(int lines, double fontPoints) {
        return Math.min(MAX_ROW_POINTS, lines * LINE_POINTS * fontPoints / FONT_POINTS + PADDING_POINTS);
    }

    /** True for text a spreadsheet would take for a formula when it is typed or edited: one starting with = + - @. */
    public static boolean looksLikeFormula(String text) {
        return !text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0;
    }

    /** The text a value shows: text with hidden characters shown, a number in plain form, a date as yyyy-mm-dd. */
    static String shown(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof BigDecimal b) {
            return b.toPlainString();
        }
        return v instanceof String s ? VisibleText.text(s) : v.toString();
    }
}
