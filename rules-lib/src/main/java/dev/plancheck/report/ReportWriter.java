package dev.plancheck.report;

import dev.plancheck.Report;
import java.io.IOException;
import java.util.List;

/**
 * Writes reports in one format. Output depends only on the reports, so the same input gives byte-identical output.
 *
 * <pre>{@code
 * ReportWriter json = ReportFormats.forName("json");
 * json.write(List.of(report), writer);
 * }</pre>
 */
public interface ReportWriter {
    /** The format's name as given to {@code --format}, e.g. {@code text}. */
    String name();

    /** One line saying what the format is for. */
    String description();

    /**
     * Writes the reports of one run, one per submission file, in order. With no report (every file was invalid)
     * a writer writes nothing, or an empty batch where its format has one.
     *
     * @param batch true when the run was given a folder or several files, so that programs reading the output see
     *              one shape for a batch whatever number of its files could be checked
     */
    void write(List<Report> reports, boolean batch, Appendable out) throws IOException;

    /** Writes reports; more than one is a batch. */
    default void write(List<Report> reports, Appendable out) throws IOException {
        write(reports, reports.size() != 1, out);
    }
}
