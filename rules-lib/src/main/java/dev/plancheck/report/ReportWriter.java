package dev.plancheck.report;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * Writes the reports of one run in one format, as bytes: the text and JSON of this library, and the formats other
 * modules register (JUnit XML from the authoring kit; HTML, xlsx and CSV from the assessors' formats). Every format is
 * one implementation, found by name in {@link ReportFormats}; a module adds one by listing it in
 * {@code META-INF/services/dev.plancheck.report.ReportWriter}. Output depends only on the reports, so the same input
 * gives byte-identical output.
 *
 * <pre>{@code
 * ReportWriter json = ReportFormats.forName("json");
 * json.write(List.of(report), false, System.out);
 * ReportFormats.forName("text").detailed().write(reports, true, out);   // every met item listed too
 * }</pre>
 */
public interface ReportWriter {
    /** The format's name as given to {@code --format} and {@code format=}, e.g. {@code text}. */
    String name();

    /** One line in Chinese saying what the format is for. */
    String description();

    /** The usual file name extension, without the dot, e.g. {@code xlsx}. */
    String extension();

    /** The media type of the output, e.g. {@code text/plain; charset=utf-8}. */
    String mediaType();

    /** True when the output is not text: it cannot go to a terminal and needs an output file. */
    default boolean binary() {
        return false;
    }

    /**
     * Writes the reports of one run, one per submission, in order. The stream is flushed, not closed. With no report
     * (every file was invalid) a writer writes nothing, or an empty batch where its format has one.
     *
     * @param batch true when the run was given a folder or several files: the output then also compares the units,
     *              so that programs see one shape for a batch whatever number of its files could be checked
     */
    void write(List<Report> reports, boolean batch, OutputStream out) throws IOException;

    /**
     * The same format listing every duty, met, not due and not applicable ones too, where the format counts them
     * only ({@code --detail}); a format that always lists everything returns itself.
     */
    default ReportWriter detailed() {
        return this;
    }
}
