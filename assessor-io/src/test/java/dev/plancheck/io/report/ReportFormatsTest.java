package dev.plancheck.io.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plancheck.report.Report;
import dev.plancheck.report.CharacterReportWriter;
import dev.plancheck.report.ReportFormats;
import dev.plancheck.report.ReportWriter;
import dev.plancheck.report.TextReportWriter;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportFormatsTest {
    @Test
    void knows_every_format_the_default_first() {
        // The authoring kit (junit) is not on this module's class path: only what is there is offered.
        assertEquals(List.of("text", "json", "csv", "html", "xlsx"), ReportFormats.names());
        assertEquals(List.of("txt", "json", "csv", "html", "xlsx"),
                ReportFormats.names().stream().map(n -> ReportFormats.forName(n).extension()).toList());
        assertEquals(List.of("xlsx"), ReportFormats.names().stream().map(ReportFormats::forName)
                .filter(ReportWriter::binary).map(ReportWriter::name).toList());
    }

    @Test
    void names_the_known_formats_when_given_an_unknown_one() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ReportFormats.forName("pdf"));
        assertEquals("未知的报告格式 \"pdf\"；可用：text、json、csv、html、xlsx", e.getMessage());
    }

    @Test
    void character_formats_write_their_text_as_utf8_and_text_has_a_detailed_form() throws Exception {
        List<Report> reports = List.of(Samples.report("gaps-meetings"), Samples.waived());
        for (String name : List.of("text", "json", "csv", "html")) {
            StringBuilder expected = new StringBuilder();
            ((CharacterReportWriter) ReportFormats.forName(name)).write(reports, true, expected);
            assertEquals(expected.toString(), Samples.text(ReportFormats.forName(name), reports, true), name);
        }
        StringBuilder detail = new StringBuilder();
        new TextReportWriter(true).write(reports, false, detail);
        assertEquals(detail.toString(), Samples.text(ReportFormats.forName("text").detailed(), reports, false));
        assertTrue(detail.toString().contains("已落实"), "the detailed text lists met duties");
        assertEquals(ReportFormats.forName("json"), ReportFormats.forName("json").detailed());
    }

    @Test
    void leaves_the_stream_open_for_its_owner() throws Exception {
        for (ReportWriter w : ReportFormats.names().stream().map(ReportFormats::forName).toList()) {
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
