package dev.plancheck.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plancheck.model.DateRange;
import dev.plancheck.model.OrgUnit;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;

/**
 * The JSON report as it was written before the writer streamed (issue 24, commit 1f76f34): a Jackson tree per report,
 * pretty-printed into a string. Kept, in test code only, as the reference that {@link JsonReportWriterTest} holds the
 * streaming writer to, byte for byte. A deliberate change of the report's layout changes this reference with it.
 */
final class TreeReference {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private TreeReference() {
    }

    /** What {@code JsonReportWriter.write(reports, batch, out)} appended. */
    static String write(List<Report> reports, boolean batch) throws IOException {
        if (!batch && reports.isEmpty()) {
            return "";
        }
        ObjectNode tree;
        if (!batch && reports.size() == 1) {
            tree = toJson(reports.get(0));
        } else {
            tree = MAPPER.createObjectNode();
            ArrayNode array = tree.putArray("reports");
            reports.forEach(r -> array.add(toJson(r)));
            tree.set("comparison", toJson(Comparison.of(reports)));
        }
        return pretty(tree) + "\n";
    }

    /** A JSON value in the report's layout: two-space indent, {@code "name": value}, {@code []} for empty arrays. */
    static String pretty(com.fasterxml.jackson.databind.JsonNode tree) throws IOException {
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter(Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER).withArrayEmptySeparator(""))
                .withArrayIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n"))
                .withObjectIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n"));
        StringWriter buffer = new StringWriter();
        try (JsonGenerator g = MAPPER.getFactory().createGenerator(buffer)) {
            g.setPrettyPrinter(printer);
            MAPPER.writeTree(g, tree);
        }
        return buffer.toString();
    }

    /** The JSON object of one report. */
    static ObjectNode toJson(Report r) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("source", r.source());
        ObjectNode pack = root.putObject("pack");
        pack.put("id", r.packId());
        pack.put("title", r.packTitle());
        pack.put("version", r.fingerprint().version()).put("sha256", r.fingerprint().sha256());
        root.put("year", r.year());
        root.put("asOf", r.asOf().toString());
        ObjectNode summary = root.putObject("summary");
        for (Map.Entry<Status, Integer> e : r.summary().counts().entrySet()) {
            summary.put(e.getKey().name(), e.getValue());
        }
        root.put("openGaps", r.openGaps().size());
        root.put("waivedGaps", r.waivedGaps().size());
        ArrayNode units = root.putArray("units");
        for (OrgUnit u : r.units()) {
            units.addObject().put("id", u.getId()).put("name", u.getName()).put("level", u.getLevel().code());
        }
        ArrayNode results = root.putArray("results");
        for (RuleResult res : r.results()) {
            ObjectNode o = results.addObject();
            o.put("ruleId", res.rule().id());
            o.put("title", res.rule().title());
            o.put("clause", res.rule().clause());
            o.put("unit", res.unit().getId());
            o.put("status", res.status().name());
            strings(o.putArray("evidence"), res.evidence());
            ArrayNode parts = o.putArray("parts");
            for (PartResult p : res.parts()) {
                ObjectNode po = parts.addObject();
                po.put("what", p.what());
                po.put("status", p.status().name());
                if (p.periodId() != null) {
                    po.put("period", p.periodId());
                    po.put("periodName", p.periodName());
                    ArrayNode days = po.putArray("days");
                    for (DateRange d : p.days()) {
                        days.addObject().put("from", d.from().toString()).put("to", d.to().toString());
                    }
                    po.put("min", p.min());
                    if (p.quotaId() != null) {
                        po.put("quota", p.quotaId());
                    }
                }
                strings(po.putArray("evidence"), p.evidence());
                strings(po.putArray("outside"), p.outside());
                po.put("expected", p.expected());
                po.put("found", p.found());
            }
            if (res.note() != null) {
                o.put("note", res.note());
            }
        }
        ArrayNode gaps = root.putArray("gaps");
        for (Gap g : r.gaps()) {
            ObjectNode o = gaps.addObject();
            o.put("ruleId", g.ruleId());
            o.put("title", g.title());
            o.put("clause", g.clause());
            o.put("clauseText", g.clauseText());
            o.put("severity", g.rule().severity().code());
            o.put("unit", g.unit().getId());
            o.put("unitName", g.unit().getName());
            o.put("expected", g.expected());
            o.put("found", g.found());
            strings(o.putArray("evidence"), g.evidence());
            if (g.waived()) {
                ObjectNode w = o.putObject("waiver");
                w.put("reason", g.waiver().reason());
                if (g.waiver().acceptedBy() != null) {
                    w.put("acceptedBy", g.waiver().acceptedBy());
                }
                if (g.waiver().expires() != null) {
                    w.put("expires", g.waiver().expires().toString());
                }
                w.put("source", g.waiver().source());
            }
        }
        ArrayNode notices = root.putArray("notices");
        for (Notice n : r.notices()) {
            ObjectNode notice = notices.addObject().put("type", n.type().name()).put("record", n.recordId())
                    .put("message", n.message());
            if (n.location() != null) {
                notice.put("location", n.location());
            }
        }
        ObjectNode coming = root.putObject("comingDue");
        coming.put("days", r.comingDueDays());
        ArrayNode items = coming.putArray("items");
        for (ComingDuty c : r.comingDue()) {
            ObjectNode o = items.addObject();
            o.put("ruleId", c.rule().id());
            o.put("title", c.rule().title());
            o.put("clause", c.rule().clause());
            o.put("unit", c.unit().getId());
            o.put("what", c.what());
            o.put("periodName", c.periodName());
            o.put("opens", c.opens().toString());
            o.put("closes", c.closes().toString());
            if (c.anchor() != null) {
                o.put("anchor", c.anchor().toString());
            }
        }
        ArrayNode retired = root.putArray("retiredRules");
        for (RetiredRule rr : r.retiredRules()) {
            retired.addObject().put("ruleId", rr.rule().id()).put("title", rr.rule().title())
                    .put("clause", rr.rule().clause()).put("reason", rr.reason());
        }
        ArrayNode manual = root.putArray("manualChecks");
        for (ManualCheck m : r.manualChecks()) {
            manual.addObject().put("clause", m.clause()).put("section", m.section()).put("sentence", m.sentence())
                    .put("check", m.check());
        }
        return root;
    }

    /** The JSON object of a comparison of units. */
    static ObjectNode toJson(Comparison c) {
        ObjectNode root = MAPPER.createObjectNode();
        strings(root.putArray("sections"), c.sections());
        strings(root.putArray("filesWithGaps"), c.filesWithGaps());
        ArrayNode rows = root.putArray("units");
        for (Comparison.Row row : c.rows()) {
            ObjectNode o = rows.addObject();
            o.put("source", row.source());
            o.put("unit", row.unit().getId());
            o.put("unitName", row.unit().getName());
            o.put("level", row.unit().getLevel().code());
            o.put("openGaps", row.openGaps());
            o.put("waivedGaps", row.waived());
            o.put("notDue", row.notDue());
            o.put("met", row.met());
            o.put("total", row.total());
            ArrayNode sections = o.putArray("bySection");
            for (Comparison.Tally t : row.bySection()) {
                sections.addObject().put("section", t.section()).put("met", t.met()).put("total", t.total());
            }
        }
        return root;
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }
}
