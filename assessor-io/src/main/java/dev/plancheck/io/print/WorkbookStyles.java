package dev.plancheck.io.print;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

/**
 * Two things fastexcel (0.19) cannot write into a workbook's {@code xl/styles.xml}, added to the finished file:
 * <ul>
 *   <li>the {@code Normal} cell style, pointing at the workbook's default font: without it LibreOffice sets every cell
 *       of the default style in its own default font, 10 pt, whatever the workbook's default font is;</li>
 *   <li>{@code quotePrefix="1"} on the cell styles that {@link PrintedSheet} gave the text format ({@code @}) for text
 *       that looks like a formula, as Excel marks a cell typed as {@code '=…}: the cell is text, shown without the
 *       apostrophe, and stays text when it is edited.</li>
 * </ul>
 * Every other part is copied unchanged, each entry keeping its name and time.
 *
 * <pre>{@code
 * byte[] finished = WorkbookStyles.apply(workbookBytes);
 * }</pre>
 */
public final class WorkbookStyles {
    private static final String STYLES = "xl/styles.xml";
    private static final Pattern TEXT_FORMATS = Pattern.compile("<numFmt numFmtId=\"(\\d+)\" formatCode=\"@\"/>");
    private static final Pattern CELL_FORMATS = Pattern.compile("<cellXfs\\b.*?</cellXfs>", Pattern.DOTALL);
    private static final Pattern FORMAT = Pattern.compile("<xf numFmtId=\"(\\d+)\"");
    /** The built-in number format {@code @}. */
    private static final String BUILT_IN_TEXT = "49";

    private static final String NORMAL = "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>";

    private WorkbookStyles() {
    }

    /** The workbook with the Normal cell style, and every cell style of the text format marked {@code quotePrefix="1"}. */
    public static byte[] apply(byte[] xlsx) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(xlsx.length + 256);
        // Read through the central directory (fastexcel streams its entries, sizes after the data).
        try (ZipFile in = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(xlsx)).get();
             ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipArchiveEntry e : Collections.list(in.getEntriesInPhysicalOrder())) {
                byte[] data;
                try (InputStream part = in.getInputStream(e)) {
                    data = part.readAllBytes();
                }
                if (e.getName().equals(STYLES)) {
                    data = styles(new String(data, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
                }
                ZipEntry copy = new ZipEntry(e.getName());
                copy.setTime(e.getTime());
                zip.putNextEntry(copy);
                zip.write(data);
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    /**
     * {@code styles.xml} with {@code quotePrefix="1"} on the cell formats ({@code cellXfs}) of the text format, and the
     * Normal cell style after them (where the schema puts {@code cellStyles}) unless there is one.
     */
    static String styles(String xml) {
        Set<String> text = new HashSet<>(Set.of(BUILT_IN_TEXT));
        Matcher f = TEXT_FORMATS.matcher(xml);
        while (f.find()) {
            text.add(f.group(1));
        }
        Matcher block = CELL_FORMATS.matcher(xml);
        if (!block.find()) {
            return xml;
        }
        Matcher xf = FORMAT.matcher(block.group());
        StringBuilder patched = new StringBuilder();
        while (xf.find()) {
            xf.appendReplacement(patched, Matcher.quoteReplacement(text.contains(xf.group(1))
                    ? xf.group() + " quotePrefix=\"1\"" : xf.group()));
        }
        xf.appendTail(patched);
        return xml.substring(0, block.start()) + patched + (xml.contains("<cellStyles") ? "" : NORMAL)
                + xml.substring(block.end());
    }
}
