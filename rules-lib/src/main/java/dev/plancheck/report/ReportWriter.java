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

    /** Writes the reports of one run (one per submission file), in order. */
    void write(List<Report> reports, Appendable out) throws IOException;
}
