package dev.plancheck.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A format whose output is text: it writes characters, and bytes as UTF-8. Text, JSON, JUnit XML, HTML and CSV are
 * written this way; a character format can also be written to a {@link StringBuilder} or a terminal.
 *
 * <pre>{@code
 * StringBuilder sb = new StringBuilder();
 * new TextReportWriter().write(List.of(report), sb);
 * }</pre>
 */
public abstract class CharacterReportWriter implements ReportWriter {
    /** For subclasses. */
    protected CharacterReportWriter() {
    }

    /**
     * Writes the reports of one run as text.
     *
     * @param batch as in {@link ReportWriter#write(List, boolean, OutputStream)}
     */
    public abstract void write(List<Report> reports, boolean batch, Appendable out) throws IOException;

    /** Writes reports as text; more than one is a batch. */
    public final void write(List<Report> reports, Appendable out) throws IOException {
        write(reports, reports.size() != 1, out);
    }

    @Override
    public final void write(List<Report> reports, boolean batch, OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        write(reports, batch, w);
        w.flush(); // not closed: the stream is the caller's
    }
}
