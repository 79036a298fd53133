package dev.plancheck.cli;

import dev.plancheck.report.Report;
import dev.plancheck.report.ReportWriter;
import dev.plancheck.report.Comparison;
import dev.plancheck.report.JsonReportWriter;
import dev.plancheck.report.TextReportWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes each report as soon as it is made, so that a run over many submissions (an NDJSON file, a folder) holds
 * one submission and its report at a time, plus one small comparison row per unit. The output is byte for byte
 * what the writer gives for the whole list; formats it cannot stream are collected and written at the end.
 */
final class ReportStream {
    private final ReportWriter writer;
    private final boolean batch;
    private final Appendable out;
    private final boolean streams;
    private final List<Report> held = new ArrayList<>();
    private final Comparison.Builder comparison = new Comparison.Builder();
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
        comparison.add(r);
        try {
            String one = single(r);
            if (writer.name().equals("text")) {
                if (count > 1) {
                    out.append('\n');
                }
                out.append(one);
            } else {
                // In the batch object each report sits in the "reports" array, indented by four spaces.
                String object = one.stripTrailing().replace("\n", "\n    ");
                out.append(count == 1 ? "{\n  \"reports\": [\n    " : ",\n    ").append(object);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Ends the output: the held reports, or the comparison that closes a streamed batch. */
    void close() throws IOException {
        if (!streams) {
            out.append(text(held, batch));
        } else if (writer.name().equals("text")) {
            if (count > 0) {
                out.append('\n');
                TextReportWriter.writeComparison(comparison.build(), count, out);
            }
        } else {
            String c = JsonReportWriter.pretty(JsonReportWriter.toJson(comparison.build())).replace("\n", "\n  ");
            out.append(count == 0 ? "{\n  \"reports\": [],\n  \"comparison\": " : "\n  ],\n  \"comparison\": ")
                    .append(c).append("\n}\n");
        }
    }

    private String single(Report r) throws IOException {
        return text(List.of(r), false);
    }

    private String text(List<Report> reports, boolean asBatch) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        writer.write(reports, asBatch, buffer);
        return buffer.toString(StandardCharsets.UTF_8);
    }

    int count() {
        return count;
    }

    int withGaps() {
        return withGaps;
    }
}
