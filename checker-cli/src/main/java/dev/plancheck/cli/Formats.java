package dev.plancheck.cli;

import dev.plancheck.report.Report;
import dev.plancheck.report.ReportFormats;
import dev.plancheck.report.ReportWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/** The report formats of the command line: every format of {@link ReportFormats}, to the screen or a file. */
final class Formats {
    private Formats() {
    }

    /** The writer for {@code --format}; {@code detail} lists met items too where the format counts them. */
    static ReportWriter forName(String name, boolean detail) {
        ReportWriter w = ReportFormats.forName(name);
        return detail ? w.detailed() : w;
    }

    /** Writes a textual format to the screen (the command's output stream, which is UTF-8). */
    static void print(ReportWriter w, List<Report> reports, boolean batch, PrintWriter out) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        w.write(reports, batch, buffer);
        out.print(buffer.toString(StandardCharsets.UTF_8));
    }

    /** Writes to a file, never over anything but a regular file, never half a report ({@link OutputFile}). */
    static void write(ReportWriter w, List<Report> reports, boolean batch, Path file) throws IOException {
        OutputFile.write(file, out -> w.write(reports, batch, out));
    }
}
