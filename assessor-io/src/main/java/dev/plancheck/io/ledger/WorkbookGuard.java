package dev.plancheck.io.ledger;

import dev.plancheck.text.VisibleText;
import dev.plancheck.input.InputLimits;
import dev.plancheck.input.Problem;
import dev.plancheck.input.ProblemCode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.archivers.zip.ZipMethod;
import org.apache.commons.compress.utils.InputStreamStatistics;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

/**
 * The guard around the spreadsheet reader: before fastexcel sees a workbook, every part of it is inflated once here
 * (commons-compress, the zip library fastexcel itself uses), counting the bytes actually produced, since the sizes a
 * zip declares can lie. Reading stops, with a located problem, at:
 *
 * <ul>
 *   <li>more parts than {@link InputLimits#maxZipEntries()};</li>
 *   <li>more inflated bytes, all parts together, than {@link InputLimits#maxUnzippedBytes()};</li>
 *   <li>a part that inflates past {@link InputLimits#INFLATE_RATIO_GRACE} with fewer compressed bytes per inflated
 *       byte than {@link InputLimits#minInflateRatio()} (a zip bomb; the guard Apache POI calls ZipSecureFile);</li>
 *   <li>a compression method other than the two Excel uses, or an encrypted part;</li>
 *   <li>whatever {@link XmlScan} finds in an XML part: a cell or shared string too long to be text within
 *       {@link InputLimits#maxStringLength()}, a number longer than {@link InputLimits#maxNumberLength()}, a cell
 *       outside Excel's grid, more filled rows in a sheet than {@link InputLimits#maxRecords()} allows, a sheet too
 *       wide, formulas too costly to expand.</li>
 * </ul>
 *
 * A problem inside a sheet names the sheet and the cell ({@code 活动!F2}); a shared string too long is traced to the
 * first cell that uses it.
 */
final class WorkbookGuard {
    private static final int CHUNK = 64 * 1024;
    /** The parts read to name the sheets are small; a larger one is not read for that. */
    private static final int MAX_INDEX_PART = 1 << 20;

    private WorkbookGuard() {
    }

    /** The bytes of an element (a shared string, a cell) the scan allows: room for a string at the limit, and markup. */
    static long elementCap(InputLimits limits) {
        return 8L * limits.maxStringLength() + 16 * 1024;
    }

    /** Why the workbook must not be read, or {@code null} when it is within every limit. */
    static Problem check(String file, byte[] bytes, InputLimits limits) {
        long declared = centralHeaders(bytes);
        if (declared > limits.maxZipEntries()) {
            return new Problem(ProblemCode.LIMIT_ZIP_ENTRIES, file, 0, 0, "", "工作簿的组成部分（zip 条目）过多：有 " + declared + " 个，上限为 "
                    + limits.maxZipEntries() + " 个（Excel 保存的工作簿约有 15 个），未读取；文件可能已损坏或是伪造的");
        }
        try (ZipFile zip = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(bytes)).get()) {
            Inflated inflated = new Inflated();
            int entries = 0;
            for (Enumeration<ZipArchiveEntry> e = zip.getEntries(); e.hasMoreElements(); ) {
                ZipArchiveEntry entry = e.nextElement();
                if (++entries > limits.maxZipEntries()) {
                    return new Problem(ProblemCode.LIMIT_ZIP_ENTRIES, file, 0, 0, "", "工作簿的组成部分（zip 条目）过多：超过上限 "
                            + limits.maxZipEntries() + " 个，未读取；文件可能已损坏或是伪造的");
                }
                Problem p = entry(file, zip, entry, limits, inflated);
                if (p != null) {
                    return p;
                }
            }
            return null;
        } catch (IOException | RuntimeException e) {
            return new Problem(ProblemCode.WORKBOOK_INVALID, file, 0, 0, "", "不是有效的 xlsx 工作簿：zip 结构已损坏，无法读取；请用 Excel 或 WPS 打开后"
                    + "另存为 .xlsx（读取程序原话：" + VisibleText.excerpt(String.valueOf(e.getMessage())) + "）");
        }
    }

    /** The inflated bytes counted so far, all parts together. */
    private static final class Inflated {
        long total;
    }

    private static Problem entry(String file, ZipFile zip, ZipArchiveEntry entry, InputLimits limits, Inflated inflated)
            throws IOException {
        String part = entry.getName();
        int method = entry.getMethod();
        if (method != ZipMethod.STORED.getCode() && method != ZipMethod.DEFLATED.getCode()) {
            return new Problem(ProblemCode.WORKBOOK_INVALID, file, 0, 0, part, "工作簿的这一部分使用了 Excel 不用的压缩方式（" + ZipMethod.getMethodByCode(method)
                    + "），无法读取；请用 Excel 或 WPS 打开后另存为 .xlsx");
        }
        if (entry.getGeneralPurposeBit().usesEncryption()) {
            return new Problem(ProblemCode.WORKBOOK_INVALID, file, 0, 0, part, "工作簿的这一部分是加密的，无法读取；请在 Excel 或 WPS 中取消密码后另存为 .xlsx");
        }
        boolean xml = isXml(part);
        XmlScan scan = xml ? new XmlScan(elementCap(limits), limits.maxNumberLength(), limits.maxRecords() + 2L,
                XmlScan.MAX_SPAN) : null;
        long produced = 0;
        try (InputStream in = zip.getInputStream(entry)) {
            byte[] buf = new byte[CHUNK];
            for (int n; (n = in.read(buf)) > 0; ) {
                produced += n;
                inflated.total += n;
                if (inflated.total > limits.maxUnzippedBytes()) {
                    return new Problem(ProblemCode.LIMIT_UNZIPPED_SIZE, file, 0, 0, part, "工作簿解压后过大：超过上限 " + limits.maxUnzippedBytes()
                            + " 字节（" + (limits.maxUnzippedBytes() >> 20) + " MiB），未读取；一份台账用不到这么多"
                            + "（上限可用 --max-unzipped-mb 调整）");
                }
                if (produced > InputLimits.INFLATE_RATIO_GRACE && in instanceof InputStreamStatistics s
                        && (double) s.getCompressedCount() / s.getUncompressedCount() < limits.minInflateRatio()) {
                    return new Problem(ProblemCode.LIMIT_UNZIPPED_SIZE, file, 0, 0, part, "工作簿的这一部分压缩比异常：" + s.getCompressedCount()
                            + " 字节解压出了 " + s.getUncompressedCount() + " 字节以上（压缩比低于上限 "
                            + limits.minInflateRatio() + "），像是“压缩炸弹”，未读取");
                }
                if (scan != null && !scan.feed(buf, 0, n)) {
                    return located(file, zip, part, scan.stop(), limits);
                }
            }
        }
        return null;
    }

    private static boolean isXml(String part) {
        String n = part.toLowerCase(Locale.ROOT);
        return n.endsWith(".xml") || n.endsWith(".rels");
    }

    /** The problem for what the scan found, at the sheet and cell when they can be named. */
    private static Problem located(String file, ZipFile zip, String part, XmlScan.Stop stop, InputLimits limits) {
        Map<String, String> sheets = sheetNames(zip);
        String sheet = sheets.get(part);
        String cell = stop.cell();
        if (stop.sharedString() >= 0) {
            // A shared string is text some cell shows: find the first that does.
            for (Map.Entry<String, String> s : sheets.entrySet()) {
                String at = firstUse(zip, s.getKey(), stop.sharedString());
                if (at != null) {
                    sheet = s.getValue();
                    cell = at;
                    break;
                }
            }
        }
        String where = sheet == null ? part : cell == null ? sheet : sheet + "!" + cell;
        String what = sheet == null ? "工作簿的这一部分" : "工作表“" + sheet + "”";
        String message = switch (stop.kind()) {
            case ELEMENT_TOO_LONG -> (cell != null || stop.sharedString() >= 0
                    ? "字符串过长：单元格内容超过 " + elementCap(limits) + " 个字节，而文字上限为 " + limits.maxStringLength()
                    + " 个字符（上限可用 --max-string-length 调整）"
                    : "有一段标记或文字过长（超过 " + elementCap(limits) + " 个字节），文件可能已损坏或是伪造的") + "；工作簿未读取";
            case NUMBER_TOO_LONG -> "数字过长：超过上限 " + limits.maxNumberLength() + " 个字符；工作簿未读取";
            case CELL_OUTSIDE_GRID -> "单元格地址超出 Excel 的范围（A1 至 XFD1048576），文件已损坏；工作簿未读取";
            case TOO_MANY_ROWS -> "记录过多：" + what + "有内容的行超过上限 " + limits.maxRecords()
                    + " 条（上限可用 --max-records 调整）；工作簿未读取";
            case SPAN_TOO_LARGE -> what + "的范围过大：各行（每行按此前最宽的一行计）共跨越超过 " + XmlScan.MAX_SPAN
                    + " 个单元格；请删除右侧远处的内容或格式后另存；工作簿未读取";
            case FORMULAS_TOO_COSTLY -> what + "的公式过多或过长：展开共享公式和数组公式要超过 " + XmlScan.FORMULA_WORK
                    + " 步；请把公式“复制—选择性粘贴为数值”后另存；工作簿未读取";
        };
        ProblemCode code = switch (stop.kind()) {
            case ELEMENT_TOO_LONG -> ProblemCode.LIMIT_STRING_LENGTH;
            case NUMBER_TOO_LONG -> ProblemCode.LIMIT_NUMBER_LENGTH;
            case TOO_MANY_ROWS -> ProblemCode.LIMIT_RECORDS;
            case CELL_OUTSIDE_GRID, SPAN_TOO_LARGE, FORMULAS_TOO_COSTLY -> ProblemCode.WORKBOOK_INVALID;
        };
        return new Problem(code, file, 0, 0, where, message);
    }

    /** The first cell of a sheet part that shows shared string {@code index}, or null. */
    private static String firstUse(ZipFile zip, String sheetPart, int index) {
        ZipArchiveEntry entry = zip.getEntry(sheetPart);
        if (entry == null) {
            return null;
        }
        XmlScan seek = XmlScan.seeking(index);
        try (InputStream in = zip.getInputStream(entry)) {
            byte[] buf = new byte[CHUNK];
            for (int n; (n = in.read(buf)) > 0; ) {
                if (!seek.feed(buf, 0, n)) {
                    return seek.found();
                }
            }
        } catch (IOException e) {
            return null;
        }
        return null;
    }

    /**
     * The sheet names by part, e.g. {@code xl/worksheets/sheet3.xml → 活动}, from the workbook and its relationships;
     * empty when they cannot be read within a small bound (the problem is then placed at the part).
     */
    static Map<String, String> sheetNames(ZipFile zip) {
        Map<String, String> byPart = new java.util.LinkedHashMap<>();
        try {
            ZipArchiveEntry workbook = null;
            for (Enumeration<ZipArchiveEntry> e = zip.getEntries(); e.hasMoreElements(); ) {
                ZipArchiveEntry x = e.nextElement();
                if (x.getName().equalsIgnoreCase("xl/workbook.xml")) {
                    workbook = x;
                }
            }
            if (workbook == null) {
                return byPart;
            }
            String dir = workbook.getName().substring(0, workbook.getName().lastIndexOf('/') + 1);
            ZipArchiveEntry rels = zip.getEntry(dir + "_rels/workbook.xml.rels");
            byte[] wb = small(zip, workbook);
            byte[] rl = rels == null ? null : small(zip, rels);
            if (wb == null || rl == null) {
                return byPart;
            }
            Map<String, String> targets = new HashMap<>();
            for (Map<String, String> a : elements(rl, "Relationship")) {
                String target = a.get("Target");
                if (a.get("Id") != null && target != null) {
                    targets.put(a.get("Id"), target.startsWith("/") ? target.substring(1) : dir + target);
                }
            }
            for (Map<String, String> a : elements(wb, "sheet")) {
                String target = targets.get(a.get("id"));
                if (target != null && a.get("name") != null) {
                    byPart.put(target, a.get("name"));
                }
            }
        } catch (IOException | XMLStreamException | RuntimeException e) {
            byPart.clear();
        }
        return byPart;
    }

    private static byte[] small(ZipFile zip, ZipArchiveEntry entry) throws IOException {
        try (InputStream in = zip.getInputStream(entry)) {
            byte[] b = in.readNBytes(MAX_INDEX_PART + 1);
            return b.length > MAX_INDEX_PART ? null : b;
        }
    }

    /** The attributes (by local name) of every element with the given local name. */
    private static List<Map<String, String>> elements(byte[] xml, String name) throws XMLStreamException {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        XMLStreamReader r = f.createXMLStreamReader(new java.io.ByteArrayInputStream(xml));
        List<Map<String, String>> out = new ArrayList<>();
        try {
            while (r.hasNext()) {
                if (r.next() == XMLStreamConstants.START_ELEMENT && r.getLocalName().equals(name)) {
                    Map<String, String> a = new HashMap<>();
                    for (int i = 0; i < r.getAttributeCount(); i++) {
                        a.put(r.getAttributeLocalName(i), r.getAttributeValue(i));
                    }
                    out.add(a);
                }
            }
        } finally {
            r.close();
        }
        return out;
    }

    /** How many central directory headers ({@code PK\1\2}) the bytes hold: an upper bound on the zip's entries. */
    static long centralHeaders(byte[] b) {
        long n = 0;
        for (int i = 0; i + 3 < b.length; i++) {
            if (b[i] == 'P' && b[i + 1] == 'K' && b[i + 2] == 1 && b[i + 3] == 2) {
                n++;
            }
        }
        return n;
    }
}
