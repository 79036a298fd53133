package dev.plancheck.io.ledger;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;

/**
 * Hostile spreadsheets, made at test time and never committed: a small valid ledger workbook written part by part,
 * so that any part can be swapped for a hostile one (a cell holding {@code 1E999999999}, a zip bomb, a million
 * rows). Big parts are generated as a stream and deflated on the way, never held whole; a zip bomb is made from one
 * deflated chunk repeated, so a gigabyte costs milliseconds. The test classes of the command line and the service
 * use it through this module's test jar.
 */
public final class HostileFiles {
    /** The part of the 活动 sheet. */
    public static final String ACTIVITIES = "xl/worksheets/sheet2.xml";
    /** The part of the shared strings. */
    public static final String SHARED_STRINGS = "xl/sharedStrings.xml";
    private static final String NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static final String HEADER = "记录编号,单位编号,类别,日期,结束日期,标题,主题,对象,参与人数,金额（元）,关联记录,荣誉级别,说明";

    private HostileFiles() {
    }

    /** A text cell written inline. */
    public static String text(String ref, String value) {
        return "<c r=\"" + ref + "\" t=\"inlineStr\"><is><t>" + escape(value) + "</t></is></c>";
    }

    /** A number cell holding exactly {@code raw}, as a file may. */
    public static String number(String ref, String raw) {
        return "<c r=\"" + ref + "\"><v>" + raw + "</v></c>";
    }

    /** A number cell with a date format (style 1, built-in format 14). */
    public static String date(String ref, String raw) {
        return "<c r=\"" + ref + "\" s=\"1\"><v>" + raw + "</v></c>";
    }

    /** A cell showing shared string {@code index}. */
    public static String shared(String ref, int index) {
        return "<c r=\"" + ref + "\" t=\"s\"><v>" + index + "</v></c>";
    }

    /**
     * A valid record in row {@code r}: a special meeting of DC whose title is shared string 0, with extra cells
     * (which replace the cells of the same column).
     */
    public static String record(int r, String... cells) {
        Map<Character, String> byColumn = new LinkedHashMap<>();
        byColumn.put('A', text("A" + r, "a" + r));
        byColumn.put('B', text("B" + r, "DC"));
        byColumn.put('C', text("C" + r, "专题会议"));
        byColumn.put('D', text("D" + r, "2023-04-13"));
        byColumn.put('F', shared("F" + r, 0));
        byColumn.put('G', text("G" + r, "统战工作"));
        for (String c : cells) {
            byColumn.put(c.charAt(c.indexOf("r=\"") + 3), c);
        }
        StringBuilder sb = new StringBuilder("<row r=\"" + r + "\">");
        byColumn.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> sb.append(e.getValue()));
        return sb.append("</row>").toString();
    }

    /** The 活动 sheet: the header row, then the given rows. */
    public static String activities(String rows) {
        return sheetStart() + headerRow() + rows + "</sheetData></worksheet>";
    }

    private static String sheetStart() {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"" + NS + "\"><sheetData>";
    }

    private static String headerRow() {
        StringBuilder sb = new StringBuilder("<row r=\"1\">");
        String[] h = HEADER.split(",");
        for (int i = 0; i < h.length; i++) {
            sb.append(text((char) ('A' + i) + "1", h[i]));
        }
        return sb.append("</row>").toString();
    }

    /** A valid ledger: the 单位 sheet (year 2023, DC and SL) and one valid record. */
    public static byte[] ledger() {
        return ledger(record(2));
    }

    /** A ledger whose 活动 sheet holds the header and the given rows. */
    public static byte[] ledger(String activityRows) {
        Map<String, byte[]> parts = parts();
        parts.put(ACTIVITIES, utf8(activities(activityRows)));
        return zip(parts);
    }

    /** A ledger with one more part, or a part replaced. */
    public static byte[] ledgerWith(String part, String content) {
        Map<String, byte[]> parts = parts();
        parts.put(part, utf8(content));
        return zip(parts);
    }

    /** The parts of the valid ledger, in the order Excel writes them. */
    public static Map<String, byte[]> parts() {
        Map<String, byte[]> p = new LinkedHashMap<>();
        p.put("[Content_Types].xml", utf8("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
                + "<Override PartName=\"/xl/worksheets/sheet2.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
                + "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
                + "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>"
                + "</Types>"));
        p.put("_rels/.rels", utf8("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>"
                + "</Relationships>"));
        p.put("xl/workbook.xml", utf8("<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"" + NS + "\" "
                + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>"
                + "<sheet name=\"单位\" sheetId=\"1\" r:id=\"rId1\"/><sheet name=\"活动\" sheetId=\"2\" r:id=\"rId2\"/>"
                + "</sheets></workbook>"));
        p.put("xl/_rels/workbook.xml.rels", utf8("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
                + "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet2.xml\"/>"
                + "<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
                + "<Relationship Id=\"rId4\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/>"
                + "</Relationships>"));
        p.put("xl/styles.xml", utf8("<?xml version=\"1.0\" encoding=\"UTF-8\"?><styleSheet xmlns=\"" + NS + "\">"
                + "<cellXfs count=\"2\"><xf numFmtId=\"0\"/><xf numFmtId=\"14\" applyNumberFormat=\"1\"/></cellXfs></styleSheet>"));
        p.put("xl/worksheets/sheet1.xml", utf8(sheetStart()
                + "<row r=\"1\">" + text("A1", "考核年度") + number("B1", "2023") + "</row>"
                + "<row r=\"2\">" + text("A2", "单位编号") + text("B2", "单位名称") + text("C2", "单位级别") + "</row>"
                + "<row r=\"3\">" + text("A3", "DC") + text("B3", "电厂街道") + text("C3", "街道") + "</row>"
                + "<row r=\"4\">" + text("A4", "SL") + text("B4", "松林社区") + text("C4", "社区") + "</row>"
                + "</sheetData></worksheet>"));
        p.put(ACTIVITIES, utf8(activities(record(2))));
        p.put(SHARED_STRINGS, utf8(sharedStrings("党工委专题会议研究统战工作")));
        return p;
    }

    /** The shared strings part holding the given strings, index 0 first. */
    public static String sharedStrings(String... strings) {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"" + NS + "\">");
        for (String s : strings) {
            sb.append("<si><t>").append(escape(s)).append("</t></si>");
        }
        return sb.append("</sst>").toString();
    }

    /** The parts as a zip, each deflated. */
    public static byte[] zip(Map<String, byte[]> parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : parts.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * The valid ledger with one part generated as a stream, piece by piece ({@code piece} gives piece i, null after
     * the last), deflated on the way: a sheet of a million rows is never held as text.
     */
    public static byte[] streamed(String part, IntFunction<String> piece) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : parts().entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                if (e.getKey().equals(part)) {
                    String s;
                    for (int i = 0; (s = piece.apply(i)) != null; i++) {
                        zip.write(utf8(s));
                    }
                } else {
                    zip.write(e.getValue());
                }
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A 活动 sheet of {@code n} records after the header, as {@link #streamed} pieces. */
    public static IntFunction<String> rows(int n) {
        return i -> i == 0 ? sheetStart() + headerRow() : i <= n ? record(i + 1) : i == n + 1 ? "</sheetData></worksheet>" : null;
    }

    /**
     * The valid ledger with {@code part} replaced by a zip bomb: {@code prefix}, then {@code unit} repeated
     * {@code repeats} times, then {@code suffix}, deflated; the chunk of units is deflated once and its bytes repeated
     * (each ends with a full flush, so the copies are a valid stream). The zip declares {@code declaredSize} as the
     * part's size, the truth or a lie.
     */
    public static byte[] bomb(String part, String prefix, String unit, long repeats, String suffix, Long declaredSize) {
        int perChunk = Math.max(1, (1 << 20) / unit.length());
        long chunks = repeats / perChunk;
        long rest = repeats % perChunk;
        byte[] chunkText = utf8(unit.repeat(perChunk));
        byte[] head = deflate(utf8(prefix), false);
        byte[] chunk = deflate(chunkText, false);
        byte[] tail = deflate(utf8(unit.repeat((int) rest) + suffix), true);
        CRC32 crc = new CRC32();
        crc.update(utf8(prefix));
        for (long i = 0; i < chunks; i++) {
            crc.update(chunkText);
        }
        crc.update(utf8(unit.repeat((int) rest) + suffix));
        long size = utf8(prefix).length + chunks * chunkText.length + utf8(unit.repeat((int) rest) + suffix).length;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : parts().entrySet()) {
                if (e.getKey().equals(part)) {
                    continue;
                }
                zip.putArchiveEntry(new ZipArchiveEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeArchiveEntry();
            }
            ZipArchiveEntry entry = new ZipArchiveEntry(part);
            entry.setMethod(ZipEntry.DEFLATED);
            entry.setCrc(crc.getValue());
            entry.setSize(declaredSize == null ? size : declaredSize);
            entry.setCompressedSize(head.length + chunks * chunk.length + tail.length);
            zip.addRawArchiveEntry(entry, new java.io.SequenceInputStream(java.util.Collections.enumeration(
                    java.util.stream.Stream.concat(java.util.stream.Stream.concat(
                                    java.util.stream.Stream.of(new java.io.ByteArrayInputStream(head)),
                                    java.util.stream.LongStream.range(0, chunks).mapToObj(i -> new java.io.ByteArrayInputStream(chunk))),
                            java.util.stream.Stream.of(new java.io.ByteArrayInputStream(tail))).toList())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] deflate(byte[] data, boolean last) {
        Deflater d = new Deflater(Deflater.BEST_COMPRESSION, true);
        d.setInput(data);
        if (last) {
            d.finish();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[64 * 1024];
        while (true) {
            int n = last ? d.deflate(buf) : d.deflate(buf, 0, buf.length, Deflater.FULL_FLUSH);
            out.write(buf, 0, n);
            if (last ? d.finished() : n < buf.length && d.needsInput()) {
                break;
            }
        }
        d.end();
        return out.toByteArray();
    }

    /** The shared string that holds {@code chars} characters of Chinese text, as a stream of pieces. */
    public static IntFunction<String> longSharedString(int chars) {
        int pieceChars = 64 * 1024;
        int pieces = (chars + pieceChars - 1) / pieceChars;
        java.util.Random random = new java.util.Random(17);
        return i -> {
            if (i == 0) {
                return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"" + NS + "\"><si><t>";
            }
            if (i <= pieces) {
                StringBuilder sb = new StringBuilder();
                int n = i < pieces ? pieceChars : chars - (pieces - 1) * pieceChars;
                for (int k = 0; k < n; k++) {
                    sb.append((char) (0x4E00 + random.nextInt(0x5000))); // does not compress like a bomb
                }
                return sb.toString();
            }
            return i == pieces + 1 ? "</t></si></sst>" : null;
        };
    }

    /**
     * A password-protected workbook as Excel saves one: an OLE2 compound file (the old .xls container) whose directory
     * names the stream EncryptedPackage; nothing else of it is read.
     */
    public static byte[] encrypted() {
        byte[] ole2 = oldXls();
        byte[] name = "EncryptedPackage".getBytes(StandardCharsets.UTF_16LE);
        System.arraycopy(name, 0, ole2, 1024, name.length);
        return ole2;
    }

    /** The start of an old Excel 97-2003 workbook (.xls), an OLE2 compound file. */
    public static byte[] oldXls() {
        byte[] ole2 = new byte[4096];
        byte[] magic = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
        System.arraycopy(magic, 0, ole2, 0, 8);
        return ole2;
    }

    /** Writes bytes to a stream, for tests that build files of their own. */
    public static void write(OutputStream out, String s) throws IOException {
        out.write(utf8(s));
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
