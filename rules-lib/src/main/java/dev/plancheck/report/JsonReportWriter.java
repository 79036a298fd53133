package dev.plancheck.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import dev.plancheck.input.Problem;
import dev.plancheck.model.DateRange;
import dev.plancheck.model.OrgUnit;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;

/**
 * The report as JSON for other programs (see {@code docs/report-format.md}): one object for a run on one file; for a
 * batch (a folder or several files) an object with the {@code reports} in order and the {@code comparison} of their
 * units. Members always come in the same order; empty arrays are written {@code []}.
 */
public final class JsonReportWriter extends CharacterReportWriter {
    /**
     * Made on first use: the format registry makes every writer, and building a mapper (with the serializers it loads)
     * was a noticeable part of a cold check in the text format (docs/performance.md, cold start).
     */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    }

    /** What writing a report needs, also made on first use: a generator's factory and the printer, but no mapper. */
    private static final class Streaming {
        static final JsonFactory FACTORY = new JsonFactory();
        /** The layout's printer; each generator takes its own {@link DefaultPrettyPrinter#createInstance() copy}. */
        static final DefaultPrettyPrinter PRINTER = new DefaultPrettyPrinter(Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER).withArrayEmptySeparator(""))
                .withArrayIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n"))
                .withObjectIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n"));
    }

    @Override
    public String name() {
        return "json";
    }

    @Override
    public String description() {
        return "JSON，供其他系统读取（一个文件一个对象，多个文件为数组）";
    }

    @Override
    public String extension() {
        return "json";
    }

    @Override
    public String mediaType() {
        return "application/json; charset=utf-8";
    }

    @Override
    public void write(List<Report> reports, boolean batch, Appendable out) throws IOException {
        if (!batch && reports.isEmpty()) {
            return; // the one file could not be checked; its problems went to the error stream
        }
        try (JsonGenerator g = generator(out)) {
            if (!batch && reports.size() == 1) {
                write(g, reports.get(0));
            } else {
                g.writeStartObject();
                g.writeArrayFieldStart("reports");
                for (Report r : reports) {
                    write(g, r);
                }
                g.writeEndArray();
                g.writeFieldName("comparison");
                write(g, Comparison.of(reports));
                g.writeEndObject();
            }
            g.writeRaw('\n');
        }
    }

    /**
     * A generator in the report's layout that writes into {@code out}: straight into a {@link Writer}, else through
     * {@link AppendableWriter}. Closing it hands over what it buffered and leaves {@code out} open and unflushed, as
     * appending a finished string would; after a failure it adds no closing brackets, so a broken report does not
     * end like a whole one.
     */
    private static JsonGenerator generator(Appendable out) throws IOException {
        Writer w = out instanceof Writer writer ? writer : new AppendableWriter(out);
        JsonGenerator g = Streaming.FACTORY.createGenerator(w)
                .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                .disable(JsonGenerator.Feature.FLUSH_PASSED_TO_STREAM)
                .disable(JsonGenerator.Feature.AUTO_CLOSE_JSON_CONTENT);
        g.setPrettyPrinter(Streaming.PRINTER.createInstance());
        return g;
    }

    /** Characters for an {@link Appendable} that is not a {@link Writer}, such as a {@link StringBuilder}. */
    private static final class AppendableWriter extends Writer {
        private final Appendable out;

        AppendableWriter(Appendable out) {
            this.out = out;
        }

        @Override
        public void write(char[] chars, int offset, int length) throws IOException {
            if (out instanceof StringBuilder sb) {
                sb.append(chars, offset, length);
            } else {
                out.append(new String(chars, offset, length)); // a copy: the generator reuses its buffer
            }
        }

        @Override
        public void write(String text, int offset, int length) throws IOException {
            out.append(text, offset, offset + length);
        }

        @Override
        public void write(int c) throws IOException {
            out.append((char) c);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    /**
     * Problems as JSON, the one shape the command line ({@code --problems json}) and the service (its error bodies)
     * give them in: {@code {"problems": [{"code", "file", "line", "column", "path", "message"}], "omitted": 0}}.
     *
     * @param omitted problems found and not listed
     */
    public static ObjectNode toJson(List<Problem> problems, int omitted) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        ArrayNode array = root.putArray("problems");
        for (Problem p : problems) {
            ObjectNode o = array.addObject();
            o.put("code", p.code().name());
            o.put("file", p.file());
            o.put("line", p.line());
            o.put("column", p.column());
            o.put("path", p.path());
            o.put("message", p.message());
        }
        root.put("omitted", omitted);
        return root;
    }

    /** A JSON value in the report's layout: two-space indent, {@code "name": value}, {@code []} for empty arrays. */
    public static String pretty(com.fasterxml.jackson.databind.JsonNode tree) throws IOException {
        StringWriter buffer = new StringWriter();
        try (JsonGenerator g = Json.MAPPER.getFactory().createGenerator(buffer)) {
            g.setPrettyPrinter(Streaming.PRINTER.createInstance());
            Json.MAPPER.writeTree(g, tree);
        }
        return buffer.toString();
    }

    /**
     * The JSON object of one report, as {@link #write(List, boolean, Appendable)} writes it (the same code writes
     * both: the tree is read back from the written tokens).
     */
    public static ObjectNode toJson(Report r) {
        return tree(g -> write(g, r));
    }

    /** The JSON object of a comparison of units, as a batch's {@code comparison}. */
    public static ObjectNode toJson(Comparison c) {
        return tree(g -> write(g, c));
    }

    private interface Layout {
        void write(JsonGenerator g) throws IOException;
    }

    private static ObjectNode tree(Layout layout) {
        try (TokenBuffer tokens = new TokenBuffer(Json.MAPPER, false)) {
            layout.write(tokens);
            return Json.MAPPER.readTree(tokens.asParser());
        } catch (IOException e) {
            throw new UncheckedIOException(e); // tokens in memory: no I/O to fail
        }
    }

    /** One report: the layout of docs/report-format.md, written in this one place. */
    private static void write(JsonGenerator g, Report r) throws IOException {
        g.writeStartObject();
        g.writeStringField("source", r.source());
        g.writeObjectFieldStart("pack");
        g.writeStringField("id", r.packId());
        g.writeStringField("title", r.packTitle());
        g.writeStringField("version", r.fingerprint().version());
        g.writeStringField("sha256", r.fingerprint().sha256());
        g.writeEndObject();
        g.writeNumberField("year", r.year());
        g.writeStringField("asOf", r.asOf().toString());
        g.writeObjectFieldStart("summary");
        for (Map.Entry<Status, Integer> e : r.summary().counts().entrySet()) {
            g.writeNumberField(e.getKey().name(), e.getValue());
        }
        g.writeEndObject();
        g.writeNumberField("openGaps", r.openGaps().size());
        g.writeNumberField("waivedGaps", r.waivedGaps().size());
        g.writeArrayFieldStart("units");
        for (OrgUnit u : r.units()) {
            g.writeStartObject();
            g.writeStringField("id", u.getId());
            g.writeStringField("name", u.getName());
            g.writeStringField("level", u.getLevel().code());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("results");
        for (RuleResult res : r.results()) {
            g.writeStartObject();
            g.writeStringField("ruleId", res.rule().id());
            g.writeStringField("title", res.rule().title());
            g.writeStringField("clause", res.rule().clause());
            g.writeStringField("unit", res.unit().getId());
            g.writeStringField("status", res.status().name());
            strings(g, "evidence", res.evidence());
            g.writeArrayFieldStart("parts");
            for (PartResult p : res.parts()) {
                write(g, p);
            }
            g.writeEndArray();
            if (res.note() != null) {
                g.writeStringField("note", res.note());
            }
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("gaps");
        for (Gap gap : r.gaps()) {
            write(g, gap);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("notices");
        for (Notice n : r.notices()) {
            g.writeStartObject();
            g.writeStringField("type", n.type().name());
            g.writeStringField("record", n.recordId());
            g.writeStringField("message", n.message());
            if (n.location() != null) {
                g.writeStringField("location", n.location());
            }
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeObjectFieldStart("comingDue");
        g.writeNumberField("days", r.comingDueDays());
        g.writeArrayFieldStart("items");
        for (ComingDuty c : r.comingDue()) {
            g.writeStartObject();
            g.writeStringField("ruleId", c.rule().id());
            g.writeStringField("title", c.rule().title());
            g.writeStringField("clause", c.rule().clause());
            g.writeStringField("unit", c.unit().getId());
            g.writeStringField("what", c.what());
            g.writeStringField("periodName", c.periodName());
            g.writeStringField("opens", c.opens().toString());
            g.writeStringField("closes", c.closes().toString());
            if (c.anchor() != null) {
                g.writeStringField("anchor", c.anchor().toString());
            }
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
        g.writeArrayFieldStart("retiredRules");
        for (RetiredRule rr : r.retiredRules()) {
            g.writeStartObject();
            g.writeStringField("ruleId", rr.rule().id());
            g.writeStringField("title", rr.rule().title());
            g.writeStringField("clause", rr.rule().clause());
            g.writeStringField("reason", rr.reason());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("manualChecks");
        for (ManualCheck m : r.manualChecks()) {
            g.writeStartObject();
            g.writeStringField("clause", m.clause());
            g.writeStringField("section", m.section());
            g.writeStringField("sentence", m.sentence());
            g.writeStringField("check", m.check());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void write(JsonGenerator g, PartResult p) throws IOException {
        g.writeStartObject();
        g.writeStringField("what", p.what());
        g.writeStringField("status", p.status().name());
        if (p.periodId() != null) {
            g.writeStringField("period", p.periodId());
            g.writeStringField("periodName", p.periodName());
            g.writeArrayFieldStart("days");
            for (DateRange d : p.days()) {
                g.writeStartObject();
                g.writeStringField("from", d.from().toString());
                g.writeStringField("to", d.to().toString());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeNumberField("min", p.min());
            if (p.quotaId() != null) {
                g.writeStringField("quota", p.quotaId());
            }
        }
        strings(g, "evidence", p.evidence());
        strings(g, "outside", p.outside());
        g.writeStringField("expected", p.expected());
        g.writeStringField("found", p.found());
        g.writeEndObject();
    }

    private static void write(JsonGenerator g, Gap gap) throws IOException {
        g.writeStartObject();
        g.writeStringField("ruleId", gap.ruleId());
        g.writeStringField("title", gap.title());
        g.writeStringField("clause", gap.clause());
        g.writeStringField("clauseText", gap.clauseText());
        g.writeStringField("severity", gap.rule().severity().code());
        g.writeStringField("unit", gap.unit().getId());
        g.writeStringField("unitName", gap.unit().getName());
        g.writeStringField("expected", gap.expected());
        g.writeStringField("found", gap.found());
        strings(g, "evidence", gap.evidence());
        if (gap.waived()) {
            g.writeObjectFieldStart("waiver");
            g.writeStringField("reason", gap.waiver().reason());
            if (gap.waiver().acceptedBy() != null) {
                g.writeStringField("acceptedBy", gap.waiver().acceptedBy());
            }
            if (gap.waiver().expires() != null) {
                g.writeStringField("expires", gap.waiver().expires().toString());
            }
            g.writeStringField("source", gap.waiver().source());
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    /** A comparison of units: a batch's {@code comparison}. */
    private static void write(JsonGenerator g, Comparison c) throws IOException {
        g.writeStartObject();
        strings(g, "sections", c.sections());
        strings(g, "filesWithGaps", c.filesWithGaps());
        g.writeArrayFieldStart("units");
        for (Comparison.Row row : c.rows()) {
            g.writeStartObject();
            g.writeStringField("source", row.source());
            g.writeStringField("unit", row.unit().getId());
            g.writeStringField("unitName", row.unit().getName());
            g.writeStringField("level", row.unit().getLevel().code());
            g.writeNumberField("openGaps", row.openGaps());
            g.writeNumberField("waivedGaps", row.waived());
            g.writeNumberField("notDue", row.notDue());
            g.writeNumberField("met", row.met());
            g.writeNumberField("total", row.total());
            g.writeArrayFieldStart("bySection");
            for (Comparison.Tally t : row.bySection()) {
                g.writeStartObject();
                g.writeStringField("section", t.section());
                g.writeNumberField("met", t.met());
                g.writeNumberField("total", t.total());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void strings(JsonGenerator g, String name, List<String> values) throws IOException {
        g.writeArrayFieldStart(name);
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }
}
