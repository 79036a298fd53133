package dev.plancheck.io.ledger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plancheck.input.Submission;
import dev.plancheck.input.Waiver;
import dev.plancheck.model.Activity;
import dev.plancheck.model.OrgUnit;
import dev.plancheck.model.Vocabulary;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A submission as JSON in the documented input format ({@code docs/input-format.md}): codes, not names; fields in
 * the documented order; one unit or record a line, as the bundled samples are written. The same submission always
 * gives the same bytes (topics and groups follow the vocabulary's order).
 *
 * <pre>{@code
 * Files.writeString(Path.of("ledger.json"), SubmissionJson.write(submission, checker.pack().vocabulary()));
 * }</pre>
 */
public final class SubmissionJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private SubmissionJson() {
    }

    /** The JSON text of {@code s}, ending with a newline. */
    public static String write(Submission s, Vocabulary vocabulary) {
        StringBuilder sb = new StringBuilder("{\n  \"year\": ").append(s.year()).append(",\n  \"units\": [\n");
        for (int i = 0; i < s.units().size(); i++) {
            OrgUnit u = s.units().get(i);
            sb.append("    {").append(member("id", u.getId())).append(", ").append(member("name", u.getName()))
                    .append(", ").append(member("level", u.getLevel().code())).append(attributes(u)).append('}')
                    .append(i + 1 < s.units().size() ? ",\n" : "\n");
        }
        sb.append("  ],\n  \"activities\": [");
        sb.append(s.activities().isEmpty() ? "" : "\n");
        for (int i = 0; i < s.activities().size(); i++) {
            sb.append("    ").append(record(s.activities().get(i), vocabulary))
                    .append(i + 1 < s.activities().size() ? ",\n" : "\n");
        }
        sb.append(s.activities().isEmpty() ? "]\n}\n" : "  ]\n}\n");
        return sb.toString();
    }

    /**
     * Waivers as the JSON file {@link Ledgers#readWaivers} reads:
     * {@code [{"rule": "R8-3", "unit": "HP", "reason": "…", "acceptedBy": "…", "expires": "2024-03-31"}]}.
     */
    public static String writeWaivers(List<Waiver> waivers) {
        StringBuilder sb = new StringBuilder("[");
        sb.append(waivers.isEmpty() ? "" : "\n");
        for (int i = 0; i < waivers.size(); i++) {
            Waiver w = waivers.get(i);
            List<String> m = new ArrayList<>();
            m.add(member("rule", w.ruleId()));
            m.add(member("unit", w.unitId()));
            m.add(member("reason", w.reason()));
            if (w.acceptedBy() != null) {
                m.add(member("acceptedBy", w.acceptedBy()));
            }
            if (w.expires() != null) {
                m.add(member("expires", w.expires().toString()));
            }
            sb.append("  {").append(String.join(", ", m)).append('}').append(i + 1 < waivers.size() ? ",\n" : "\n");
        }
        return sb.append("]\n").toString();
    }

    private static String record(Activity a, Vocabulary v) {
        List<String> m = new ArrayList<>();
        m.add(member("id", a.getId()));
        m.add(member("unit", a.getUnitId()));
        m.add(member("kind", a.getKind()));
        m.add(member("date", a.getDate().toString()));
        if (a.getEndDate() != null) {
            m.add(member("endDate", a.getEndDate().toString()));
        }
        m.add(member("title", a.getTitle()));
        if (!a.getTopics().isEmpty()) {
            m.add(quote("topics") + ": " + array(LedgerTemplate.codesInOrder(a.getTopics(), v.topics())));
        }
        if (!a.getGroups().isEmpty()) {
            m.add(quote("groups") + ": " + array(LedgerTemplate.codesInOrder(a.getGroups(), v.groups())));
        }
        if (a.getParticipants() != null) {
            m.add(quote("participants") + ": " + a.getParticipants());
        }
        if (a.getAmount() != null) {
            BigDecimal n = a.getAmount();
            m.add(quote("amount") + ": " + (n.scale() < 0 ? n.setScale(0) : n).toPlainString());
        }
        if (a.getRelatesTo() != null) {
            m.add(member("relatesTo", a.getRelatesTo()));
        }
        if (a.getHonourLevel() != null) {
            m.add(member("honourLevel", a.getHonourLevel()));
        }
        if (a.getOrganiser() != null) {
            m.add(member("organiser", a.getOrganiser()));
        }
        if (a.getDescription() != null) {
            m.add(member("description", a.getDescription()));
        }
        return "{" + String.join(", ", m) + "}";
    }

    /**
     * A unit's attributes as the ledger gave them, in their order ({@code , "attributes": {"residents": 3200,
     * "day-care": true}}), or nothing when it gives none: a conversion never drops a figure.
     */
    private static String attributes(OrgUnit u) {
        if (u.getAttributes().isEmpty()) {
            return "";
        }
        List<String> m = new ArrayList<>();
        u.getAttributes().forEach((id, value) -> m.add(quote(id) + ": " + (value instanceof BigDecimal n
                ? (n.scale() < 0 ? n.setScale(0) : n).toPlainString() : String.valueOf(value))));
        return ", " + quote("attributes") + ": {" + String.join(", ", m) + "}";
    }

    private static String array(List<String> codes) {
        return "[" + String.join(", ", codes.stream().map(SubmissionJson::quote).toList()) + "]";
    }

    private static String member(String name, String value) {
        return quote(name) + ": " + quote(value);
    }

    private static String quote(String s) {
        try {
            return MAPPER.writeValueAsString(s);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
