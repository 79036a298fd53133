package dev.plancheck.cli;

import dev.plancheck.Report;
import dev.plancheck.report.ReportFormats;
import dev.plancheck.report.ReportWriter;
import dev.plancheck.report.TextReportWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/** The report formats of the command line. */
final class Formats {
    private Formats() {
    }

    interface Writer {
        boolean binary();

        void write(List<Report> reports, boolean batch, PrintWriter out) throws IOException;

        void write(List<Report> reports, boolean batch, Path file) throws IOException;
    }

    static Writer forName(String name, boolean detail) {
        ReportWriter w = name.equals("text") ? new TextReportWriter(detail) : ReportFormats.forName(name);
        return new Writer() {
            @Override
            public boolean binary() {
                return false;
            }

            @Override
            public void write(List<Report> reports, boolean batch, PrintWriter out) throws IOException {
                w.write(reports, batch, out);
            }

            @Override
            public void write(List<Report> reports, boolean batch, Path file) throws IOException {
                StringBuilder sb = new StringBuilder();
                w.write(reports, batch, sb);
                java.nio.file.Files.writeString(file, sb);
            }
        };
    }
}
