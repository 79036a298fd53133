package dev.plancheck.cli;

import dev.plancheck.Report;
import dev.plancheck.report.ReportWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes each report as soon as it is made, so that a run over many submissions (an NDJSON file, a folder) holds
 * one submission and its report at a time, not all of them. The output is byte for byte what the writer gives
 * for the whole list; formats it cannot stream are collected and written at the end.
 */
final class ReportStream {
    private final ReportWriter writer;
    private final boolean batch;
    private final Appendable out;
    private final boolean streams;
    private final List<Report> held = new ArrayList<>();
    private int count;
    private int withGaps;

    ReportStream(ReportWriter writer, boolean batch, Appendable out) {
        this.writer = writer;
        this.batch = batch;
        this.out = out;
        // A single file gives at most one report; a batch of text or JSON can be written piece by piece.
        this.streams = batch && (writer.name().equals("text") || writer.name().equals("json"));
    }

    void add(Report r) {
        count++;
        if (r.hasGaps()) {
            withGaps++;
        }
        if (!streams) {
            held.add(r);
            return;
        }
        try {
            if (writer.name().equals("text")) {
                if (count > 1) {
                    out.append('\n');
                }
                writer.write(List.of(r), false, out);
            } else {
                // The writer's array puts each object on its own lines, indented by two spaces.
                StringBuilder one = new StringBuilder();
                writer.write(List.of(r), false, one);
                String object = one.toString().stripTrailing().replace("\n", "\n  ");
                out.append(count == 1 ? "[\n  " : ",\n  ").append(object);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Ends the output: the held reports, or the end of the streamed array. */
    void close() throws IOException {
        if (!streams) {
            writer.write(held, batch, out);
        } else if (writer.name().equals("json")) {
            out.append(count == 0 ? "[]\n" : "\n]\n");
        }
    }

    int count() {
        return count;
    }

    int withGaps() {
        return withGaps;
    }
}
