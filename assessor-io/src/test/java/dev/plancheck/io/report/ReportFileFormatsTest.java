package dev.plancheck.io.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.plancheck.Report;
import dev.plancheck.report.ReportFormats;
import dev.plancheck.report.TextReportWriter;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportFileFormatsTest {
    @Test
    void knows_every_format_the_default_first() {
        assertEquals(List.of("text", "json", "junit", "html", "xlsx", "csv"), ReportFileFormats.names());
        assertEquals(List.of("txt", "json", "xml", "html", "xlsx", "csv"),
                ReportFileFormats.all().stream().map(ReportFileWriter::extension).toList());
        assertEquals(List.of("xlsx"), ReportFileFormats.all().stream().filter(ReportFileWriter::binary)
                .map(ReportFileWriter::name).toList());
    }

    @Test
    void names_the_known_formats_when_given_an_unknown_one() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ReportFileFormats.forName("pdf"));
        assertEquals("未知的报告格式 \"pdf\"；可用：text、json、junit、html、xlsx、csv", e.getMessage());
    }

    @Test
    void text_and_json_are_the_library_writers_output_as_utf8() throws Exception {
        List<Report> reports = List.of(Samples.report("gaps-meetings"), Samples.waived());
        for (String name : List.of("text", "json")) {
            StringBuilder expected = new StringBuilder();
            ReportFormats.forName(name).write(reports, true, expected);
            assertEquals(expected.toString(), Samples.text(ReportFileFormats.forName(name), reports, true), name);
        }
        StringBuilder detail = new StringBuilder();
        new TextReportWriter(true).write(reports, false, detail);
        assertEquals(detail.toString(), Samples.text(ReportFileFormats.of(new TextReportWriter(true), "txt"),
                reports, false));
    }

    @Test
    void leaves_the_stream_open_for_its_owner() throws Exception {
        for (ReportFileWriter w : ReportFileFormats.all()) {
            ClosingWatch out = new ClosingWatch();
            w.write(List.of(Samples.report("gaps-meetings")), false, out);
            assertEquals(false, out.closed, w.name() + " closed the caller's stream");
            out.write('x'); // still writable
        }
    }

    private static final class ClosingWatch extends OutputStream {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        boolean closed;

        @Override
        public void write(int b) {
            if (closed) {
                throw new IllegalStateException("closed");
            }
            bytes.write(b);
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
