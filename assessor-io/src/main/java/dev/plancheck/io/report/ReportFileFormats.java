package dev.plancheck.io.report;

import dev.plancheck.Report;
import dev.plancheck.report.JsonReportWriter;
import dev.plancheck.report.JunitXmlReportWriter;
import dev.plancheck.report.ReportWriter;
import dev.plancheck.report.TextReportWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Every report format by name, for files: rules-lib's {@code text}, {@code json} and {@code junit} (as UTF-8) and this module's
 * {@code html}, {@code xlsx} and {@code csv}.
 *
 * <pre>{@code
 * ReportFileFormats.names();                         // [text, json, junit, html, xlsx, csv]
 * ReportFileWriter html = ReportFileFormats.forName("html");
 * html.write(reports, true, out);                    // a batch: the comparison of units comes first
 * ReportFileFormats.of(new TextReportWriter(true), "txt");   // the text report with every met item listed
 * }</pre>
 */
public final class ReportFileFormats {
    private static final Map<String, ReportFileWriter> WRITERS = new LinkedHashMap<>();

    static {
        for (ReportFileWriter w : List.of(of(new TextReportWriter(), "txt"), of(new JsonReportWriter(), "json"),
                of(new JunitXmlReportWriter(), "xml"), of(new HtmlReportWriter(), "html"), new XlsxReportWriter(), of(new CsvReportWriter(), "csv"))) {
            WRITERS.put(w.name(), w);
        }
    }

    private ReportFileFormats() {
    }

    /** The names of the known formats, the default ({@code text}) first. */
    public static List<String> names() {
        return List.copyOf(WRITERS.keySet());
    }

    /** The known formats, in the order of {@link #names()}. */
    public static List<ReportFileWriter> all() {
        return List.copyOf(WRITERS.values());
    }

    /**
     * The writer for a format name.
     *
     * @throws IllegalArgumentException naming the known formats when the name is unknown
     */
    public static ReportFileWriter forName(String name) {
        ReportFileWriter w = WRITERS.get(name);
        if (w == null) {
            throw new IllegalArgumentException("未知的报告格式 \"" + name + "\"；可用：" + String.join("、", names()));
        }
        return w;
    }

    /** A character format written as UTF-8 bytes, e.g. the text report with {@code --detail}. */
    public static ReportFileWriter of(ReportWriter writer, String extension) {
        return new Utf8(Objects.requireNonNull(writer, "writer"), Objects.requireNonNull(extension, "extension"));
    }

    private record Utf8(ReportWriter writer, String extension) implements ReportFileWriter {
        @Override
        public String name() {
            return writer.name();
        }

        @Override
        public String description() {
            return writer.description();
        }

        @Override
        public boolean binary() {
            return false;
        }

        @Override
        public void write(List<Report> reports, boolean batch, OutputStream out) throws IOException {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            writer.write(reports, batch, w);
            w.flush(); // not closed: the stream is the caller's
        }
    }
}
