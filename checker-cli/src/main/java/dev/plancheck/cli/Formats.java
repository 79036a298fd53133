package dev.plancheck.cli;

import dev.plancheck.Report;
import dev.plancheck.io.report.ReportFileFormats;
import dev.plancheck.io.report.ReportFileWriter;
import dev.plancheck.report.TextReportWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/** The report formats of the command line: every format of {@link ReportFileFormats}, to the screen or a file. */
final class Formats {
    private Formats() {
    }

    /** The writer for {@code --format}; {@code detail} lists met items too in the text format. */
    static ReportFileWriter forName(String name, boolean detail) {
        return name.equals("text") && detail ? ReportFileFormats.of(new TextReportWriter(true), "txt")
                : ReportFileFormats.forName(name);
    }

    /** Writes a textual format to the screen (the command's output stream, which is UTF-8). */
    static void print(ReportFileWriter w, List<Report> reports, boolean batch, PrintWriter out) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        w.write(reports, batch, buffer);
        out.print(buffer.toString(StandardCharsets.UTF_8));
    }

    /** Writes to a file, never over anything but a regular file, never half a report ({@link OutputFile}). */
    static void write(ReportFileWriter w, List<Report> reports, boolean batch, Path file) throws IOException {
        OutputFile.write(file, out -> w.write(reports, batch, out));
    }
}
