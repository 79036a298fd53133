package dev.plancheck.io.report;

import dev.plancheck.Report;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * Writes reports in one format to a stream of bytes, so that text formats and binary ones (xlsx) have one shape. The
 * command line picks one by name from {@link ReportFileFormats} for {@code --format NAME --output FILE}. Output
 * depends only on the reports; see each format for what "the same" means for it.
 *
 * <pre>{@code
 * ReportFileWriter xlsx = ReportFileFormats.forName("xlsx");
 * try (OutputStream out = Files.newOutputStream(Path.of("整改清单." + xlsx.extension()))) {
 *     xlsx.write(List.of(report), false, out);
 * }
 * }</pre>
 */
public interface ReportFileWriter {
    /** The format's name as given to {@code --format}, e.g. {@code html}. */
    String name();

    /** One line in Chinese saying what the format is for. */
    String description();

    /** The usual file name extension, without the dot, e.g. {@code xlsx}. */
    String extension();

    /** True when the output is not text (it cannot go to a terminal and needs an output file). */
    boolean binary();

    /**
     * Writes the reports of one run, one per submission file, in order. The stream is flushed, not closed.
     *
     * @param batch true when the run was given a folder or several files: the output then also compares the units
     */
    void write(List<Report> reports, boolean batch, OutputStream out) throws IOException;
}
