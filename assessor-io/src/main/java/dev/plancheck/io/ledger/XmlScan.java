package dev.plancheck.io.ledger;

import java.nio.charset.StandardCharsets;

/**
 * A single pass over the bytes of one XML part of a workbook, as they are inflated, holding nothing but a few
 * counters: it stops at anything that would make the spreadsheet reader build an unbounded value or do unbounded
 * work, before that reader sees the part. It knows just enough of SpreadsheetML to say where: a shared string
 * ({@code <si>}) or a cell ({@code <c r="F2">}) is bounded as a whole, since the reader joins all the text inside
 * one; elsewhere each tag and each run of text is bounded on its own.
 *
 * <p>Found and reported, with the place: an element or tag longer than {@code elementCap} bytes, a number in a cell
 * longer than {@code numberCap} characters (the reader parses it eagerly, in time that grows with the square of its
 * length), a cell outside Excel's grid (A1 to XFD1048576), a sheet with more than {@code maxFilledRows} rows that
 * hold a value, and a sheet spanning more than {@code maxSpan} cells (each row counted to its last cell: the reader
 * allocates each row as wide as the widest row before it), and formulas that would cost the reader more than
 * {@link #FORMULA_WORK} steps to expand (it rewrites a shared formula for every cell that uses it, and looks every
 * cell up among the array formulas).
 */
final class XmlScan {
    /** What stopped the scan. */
    enum Kind { ELEMENT_TOO_LONG, NUMBER_TOO_LONG, CELL_OUTSIDE_GRID, TOO_MANY_ROWS, SPAN_TOO_LARGE, FORMULAS_TOO_COSTLY }

    /**
     * Where and why the scan stopped.
     *
     * @param kind    what was found
     * @param cell    the cell concerned (e.g. {@code F2}), or null
     * @param sharedString the index of the shared string concerned, or -1
     * @param row     the row concerned, or 0
     * @param amount  how long (bytes or characters) or how many, as far as counted
     */
    record Stop(Kind kind, String cell, int sharedString, int row, long amount) {
    }

    private static final int TEXT = 0;
    private static final int MARKUP_START = 1; // just after '<'
    private static final int TAG = 2;
    private static final int QUOTED = 3;
    private static final int COMMENT = 4;
    private static final int CDATA = 5;
    private static final int PI = 6;
    private static final int DECLARATION = 7;
    private static final int MAX_COLUMNS = 16_384;
    private static final int MAX_ROWS = 1_048_576;
    /** The most cells a sheet may span, each row counted as wide as the widest row up to it. */
    static final long MAX_SPAN = 50_000_000;
    /** The most steps the reader may spend expanding formulas in one sheet (about a second's work). */
    static final long FORMULA_WORK = 200_000_000;
    private static final int MAX_SHARED_FORMULAS = 100_000;

    private final long elementCap;
    private final int numberCap;
    private final long maxFilledRows;
    private final long maxSpan;
    private final java.util.Map<Long, Long> sharedFormulaCost = new java.util.HashMap<>();
    /** In "find" mode: the shared string index whose first use is sought, else -1. */
    private final int seek;

    private int state = TEXT;
    private byte quote;
    private long run;
    private final byte[] tag = new byte[256];
    private int tagLength;
    private long tagBytes;
    /** The bytes of a comment, CDATA or PI terminator matched so far. */
    private int endMatched;
    private boolean inCell;
    private boolean inSharedString;
    private boolean inValue;
    private boolean numericCell;
    private boolean sharedIndexCell;
    private long valueLength;
    private long valueNumber;
    private boolean inFormula;
    private boolean formulaIsBase;
    private long formulaSi = -1;
    private long formulaLength;
    private boolean cellHasFormula;
    private long arrayFormulas;
    private long formulaWork;
    private int widest;
    private byte lastTagByte;
    private String cellRef;
    private int sharedIndex = -1;
    private int row;
    private int nextRow = 1;
    private boolean rowHasValue;
    private int rowWidth;
    private long filledRows;
    private long span;
    private Stop stop;
    private String found;

    XmlScan(long elementCap, int numberCap, long maxFilledRows, long maxSpan) {
        this(elementCap, numberCap, maxFilledRows, maxSpan, -1);
    }

    private XmlScan(long elementCap, int numberCap, long maxFilledRows, long maxSpan, int seek) {
        this.elementCap = elementCap;
        this.numberCap = numberCap;
        this.maxFilledRows = maxFilledRows;
        this.maxSpan = maxSpan;
        this.seek = seek;
    }

    /** A scan that looks for the first cell using the shared string {@code index}; see {@link #found()}. */
    static XmlScan seeking(int index) {
        return new XmlScan(Long.MAX_VALUE, Integer.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE, index);
    }

    /** What stopped the scan, or null while nothing has. */
    Stop stop() {
        return stop;
    }

    /** In a seeking scan, the first cell that uses the shared string sought, or null. */
    String found() {
        return found;
    }

    /** Scans the next bytes; returns false once the scan has stopped (or, seeking, found). */
    boolean feed(byte[] b, int off, int len) {
        for (int i = off; i < off + len && stop == null && found == null; i++) {
            step(b[i]);
        }
        return stop == null && found == null;
    }

    private void step(byte c) {
        if (++run > elementCap) {
            halt(Kind.ELEMENT_TOO_LONG, run);
            return;
        }
        switch (state) {
            case TEXT -> {
                if (c == '<') {
                    state = MARKUP_START;
                    tagLength = 0;
                    tagBytes = 0;
                    if (!inCell && !inSharedString) {
                        run = 1; // outside a cell or shared string, a run of text ends here
                    }
                } else if (inFormula) {
                    formulaLength++;
                } else if (inValue) {
                    valueLength++;
                    if (numericCell && valueLength > numberCap) {
                        halt(Kind.NUMBER_TOO_LONG, valueLength);
                    } else if (sharedIndexCell) {
                        valueNumber = c >= '0' && c <= '9' && valueNumber < Integer.MAX_VALUE
                                ? valueNumber * 10 + (c - '0') : Long.MAX_VALUE;
                    }
                }
            }
            case MARKUP_START -> {
                if (c == '!') {
                    state = DECLARATION; // decided below: comment, CDATA or a declaration
                    tag[0] = c;
                    tagLength = 1;
                } else if (c == '?') {
                    state = PI;
                    endMatched = 0;
                } else {
                    state = TAG;
                    keep(c);
                }
            }
            case DECLARATION -> {
                keep(c);
                if (tagLength == 3 && tag[1] == '-' && tag[2] == '-') {
                    state = COMMENT;
                    endMatched = 0;
                } else if (tagLength == 8 && new String(tag, 0, 8, StandardCharsets.US_ASCII).equals("![CDATA[")) {
                    state = CDATA;
                    endMatched = 0;
                } else if (c == '>') {
                    closeMarkup();
                }
            }
            case COMMENT -> endsWith(c, "-->");
            case CDATA -> {
                if (inValue) {
                    valueLength++;
                    if (numericCell && valueLength > numberCap) {
                        halt(Kind.NUMBER_TOO_LONG, valueLength);
                    }
                }
                endsWith(c, "]]>");
            }
            case PI -> endsWith(c, "?>");
            case TAG -> {
                if (c == '"' || c == '\'') {
                    state = QUOTED;
                    quote = c;
                    keep(c);
                } else if (c == '>') {
                    tagDone();
                } else {
                    keep(c);
                }
            }
            case QUOTED -> {
                keep(c);
                if (c == quote) {
                    state = TAG;
                }
            }
            default -> throw new IllegalStateException("state " + state);
        }
    }

    private void keep(byte c) {
        tagBytes++;
        lastTagByte = c;
        if (tagLength < tag.length) {
            tag[tagLength++] = c;
        }
    }

    private void endsWith(byte c, String terminator) {
        if (c == terminator.charAt(endMatched)) {
            endMatched++;
            if (endMatched == terminator.length()) {
                closeMarkup();
            }
        } else if (c == terminator.charAt(0)) {
            // "]]]>" ends a CDATA section too: after "]]" a third "]" leaves the last two still matched.
            endMatched = endMatched >= 2 && terminator.charAt(0) == terminator.charAt(1) ? 2 : 1;
        } else {
            endMatched = 0;
        }
    }

    private void closeMarkup() {
        state = TEXT;
        if (!inCell && !inSharedString) {
            run = 0;
        }
    }

    /** A start or end tag is complete: its first bytes are in {@link #tag}. */
    private void tagDone() {
        state = TEXT;
        boolean end = tagLength > 0 && tag[0] == '/';
        boolean empty = tagBytes > 0 && lastTagByte == '/';
        String name = name(end ? 1 : 0);
        if (end) {
            switch (name) {
                case "c" -> endCell();
                case "si" -> inSharedString = false;
                case "v" -> endValue();
                case "f" -> endFormula();
                case "row" -> endRow();
                default -> {
                }
            }
        } else {
            switch (name) {
                case "row" -> {
                    startRow();
                    if (empty) {
                        endRow();
                    }
                }
                case "c" -> {
                    startCell();
                    if (empty) {
                        endCell();
                    }
                }
                case "si" -> {
                    sharedIndex++;
                    inSharedString = !empty;
                }
                case "v" -> {
                    if (inCell && !empty) {
                        inValue = true;
                        valueLength = 0;
                        valueNumber = 0;
                    }
                }
                case "is" -> {
                    if (inCell) {
                        rowHasValue = true;
                    }
                }
                case "f" -> {
                    if (inCell) {
                        startFormula();
                        if (empty) {
                            endFormula();
                        }
                    }
                }
                default -> {
                }
            }
        }
        if (!inCell && !inSharedString) {
            run = 0;
        }
    }

    private String name(int from) {
        int i = from;
        int start = from;
        while (i < tagLength && tag[i] != ' ' && tag[i] != '\t' && tag[i] != '\r' && tag[i] != '\n' && tag[i] != '/') {
            if (tag[i] == ':') {
                start = i + 1; // a namespace prefix, e.g. x:c
            }
            i++;
        }
        return new String(tag, start, i - start, StandardCharsets.US_ASCII);
    }

    /** The value of an attribute among the tag's first bytes, or null. */
    private String attribute(String attr) {
        for (int i = 1; i + attr.length() + 2 < tagLength; i++) {
            byte before = tag[i - 1];
            if ((before == ' ' || before == '\t' || before == '\r' || before == '\n') && matches(i, attr)
                    && tag[i + attr.length()] == '=') {
                int q = i + attr.length() + 1;
                byte quoteChar = tag[q];
                if (quoteChar != '"' && quoteChar != '\'') {
                    return null;
                }
                for (int j = q + 1; j < tagLength; j++) {
                    if (tag[j] == quoteChar) {
                        return new String(tag, q + 1, j - q - 1, StandardCharsets.UTF_8);
                    }
                }
                return null;
            }
        }
        return null;
    }

    private boolean matches(int at, String s) {
        for (int k = 0; k < s.length(); k++) {
            if (tag[at + k] != s.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private void startRow() {
        String r = attribute("r");
        row = r == null ? nextRow : parseNumber(r);
        if (row < 1 || row > MAX_ROWS) {
            cellRef = "A" + (r == null ? "?" : r.length() > 12 ? r.substring(0, 12) + "…" : r);
            halt(Kind.CELL_OUTSIDE_GRID, 0);
            return;
        }
        nextRow = row + 1;
        rowHasValue = false;
        rowWidth = 0;
    }

    private void endRow() {
        if (rowHasValue && ++filledRows > maxFilledRows) {
            cellRef = "A" + row;
            halt(Kind.TOO_MANY_ROWS, filledRows);
            return;
        }
        widest = Math.max(widest, rowWidth);
        span += widest;
        if (span > maxSpan) {
            cellRef = "A" + row;
            halt(Kind.SPAN_TOO_LARGE, span);
        }
    }

    private void startCell() {
        String r = attribute("r");
        String t = attribute("t");
        cellRef = r == null ? null : r.length() > 16 ? r.substring(0, 16) + "…" : r;
        if (r != null) {
            int column = column(r);
            int cellRow = column < 0 ? -1 : parseNumber(r.substring(letters(r)));
            if (column < 0 || column >= MAX_COLUMNS || cellRow < 1 || cellRow > MAX_ROWS) {
                halt(Kind.CELL_OUTSIDE_GRID, 0);
                return;
            }
            rowWidth = Math.max(rowWidth, column + 1);
        } else {
            rowWidth++;
        }
        inCell = true;
        cellHasFormula = false;
        run = tagBytes + 2;
        sharedIndexCell = "s".equals(t);
        numericCell = t == null || t.equals("n") || t.equals("b") || t.equals("d");
    }

    private void endCell() {
        inCell = false;
        inValue = false;
        inFormula = false;
        // The reader looks every cell that is not text and has no formula up among the array formulas.
        if (!cellHasFormula && !sharedIndexCell && arrayFormulas > 0) {
            addFormulaWork(arrayFormulas);
        }
    }

    private void startFormula() {
        cellHasFormula = true;
        String t = attribute("t");
        String si = attribute("si");
        formulaSi = si == null ? -1 : parseNumber(si);
        if ("array".equals(t) && attribute("ref") != null) {
            arrayFormulas++;
        }
        formulaIsBase = "shared".equals(t) && attribute("ref") != null;
        if ("shared".equals(t) && !formulaIsBase) {
            // A cell that uses a shared formula: the reader rewrites the base formula for it.
            Long cost = sharedFormulaCost.get(formulaSi);
            addFormulaWork(cost == null ? 1 : cost);
        }
        inFormula = true;
        formulaLength = 0;
    }

    private void endFormula() {
        if (!inFormula) {
            return;
        }
        inFormula = false;
        if (formulaIsBase && formulaSi >= 0) {
            if (sharedFormulaCost.size() >= MAX_SHARED_FORMULAS && !sharedFormulaCost.containsKey(formulaSi)) {
                halt(Kind.FORMULAS_TOO_COSTLY, formulaWork);
                return;
            }
            // Rewriting copies the text once per cell reference in it: at most its length squared over 4.
            sharedFormulaCost.put(formulaSi, 1 + formulaLength * formulaLength / 4);
        }
    }

    private void addFormulaWork(long steps) {
        formulaWork += steps;
        if (formulaWork > FORMULA_WORK) {
            halt(Kind.FORMULAS_TOO_COSTLY, formulaWork);
        }
    }

    private void endValue() {
        if (!inValue) {
            return;
        }
        inValue = false;
        if (valueLength > 0) {
            rowHasValue = true;
        }
        if (seek >= 0 && sharedIndexCell && valueNumber == seek) {
            found = cellRef;
        }
    }

    private void halt(Kind kind, long amount) {
        stop = new Stop(kind, inCell || kind == Kind.CELL_OUTSIDE_GRID || kind == Kind.TOO_MANY_ROWS
                || kind == Kind.SPAN_TOO_LARGE ? cellRef : null,
                inSharedString ? sharedIndex : -1, row, amount);
    }

    private static int letters(String ref) {
        int i = 0;
        while (i < ref.length() && ref.charAt(i) >= 'A' && ref.charAt(i) <= 'Z') {
            i++;
        }
        return i;
    }

    /** The 0-based column of a reference like {@code XFD7}, or -1 when it is not one (or is far outside the grid). */
    static int column(String ref) {
        int n = letters(ref);
        if (n == 0 || n > 3 || n == ref.length()) {
            return -1;
        }
        int col = 0;
        for (int i = 0; i < n; i++) {
            col = col * 26 + (ref.charAt(i) - 'A' + 1);
        }
        return col - 1;
    }

    private static int parseNumber(String s) {
        if (s.isEmpty() || s.length() > 9) {
            return -1;
        }
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch < '0' || ch > '9') {
                return -1;
            }
            n = n * 10 + (ch - '0');
        }
        return n;
    }
}
