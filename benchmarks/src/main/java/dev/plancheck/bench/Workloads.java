package dev.plancheck.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plancheck.PlanChecker;
import dev.plancheck.report.Report;
import dev.plancheck.RulePack;
import dev.plancheck.input.Submission;
import dev.plancheck.engine.CompiledRules;
import dev.plancheck.engine.NaiveDrools;
import dev.plancheck.pack.LoadedPack;
import dev.plancheck.model.Activity;
import dev.plancheck.model.OrgUnit;
import dev.plancheck.model.UnitLevel;
import dev.plancheck.report.JsonReportWriter;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The three ways of getting through a city file that the suite compares. Each returns the records it handled. */
final class Workloads {
    static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonReportWriter JSON = new JsonReportWriter();

    private Workloads() {
    }

    /** What the checker does for each subdistrict: read and validate, check, write the JSON report (to nowhere). */
    static long endToEnd(PlanChecker checker, Path city) throws Exception {
        long[] records = {0};
        Ndjson.forEachLine(city, (n, line) -> {
            Submission s = checker.read("line " + n, line);
            Report r = checker.check(s);
            writeJson(r);
            records[0] += s.activities().size();
        });
        return records[0];
    }

    /**
     * Writes the JSON report to nowhere as the product writes it for one file (the command line, the service): the
     * format's writer on a byte stream, UTF-8 included, so that what it costs a user shows in the figures.
     */
    static void writeJson(Report r) throws java.io.IOException {
        JSON.write(List.of(r), false, OutputStream.nullOutputStream());
    }

    /** Baseline: Jackson reads the same file into the same records, and nothing else. */
    static long jacksonOnly(Path city) throws Exception {
        long[] records = {0};
        Ndjson.forEachLine(city, (n, line) -> records[0] += jacksonRecords(line).activities().size());
        return records[0];
    }

    /** Second baseline: the records read as in {@link #jacksonOnly}, then one session for the city, rules fired once. */
    static long naiveDrools(CompiledRules rules, LoadedPack pack, Path city) throws Exception {
        List<OrgUnit> units = new ArrayList<>();
        List<Activity> activities = new ArrayList<>();
        Ndjson.forEachLine(city, (n, line) -> {
            Submission s = jacksonRecords(line);
            units.addAll(s.units());
            activities.addAll(s.activities());
        });
        NaiveDrools.fireOnce(rules, pack, units, activities);
        return activities.size();
    }

    static Submission jacksonRecords(byte[] json) throws java.io.IOException {
        JsonNode root = MAPPER.readTree(json);
        List<OrgUnit> units = new ArrayList<>();
        for (JsonNode u : root.get("units")) {
            units.add(new OrgUnit(u.get("id").asText(), u.get("name").asText(),
                    u.get("level").asText().equals("subdistrict") ? UnitLevel.SUBDISTRICT : UnitLevel.COMMUNITY));
        }
        List<Activity> activities = new ArrayList<>();
        for (JsonNode a : root.get("activities")) {
            activities.add(Activity.builder(a.get("id").asText()).unitId(a.get("unit").asText()).kind(a.get("kind").asText())
                    .date(LocalDate.parse(a.get("date").asText()))
                    .endDate(a.has("endDate") ? LocalDate.parse(a.get("endDate").asText()) : null)
                    .title(a.get("title").asText()).topics(strings(a.get("topics"))).groups(strings(a.get("groups")))
                    .participants(a.has("participants") ? a.get("participants").asInt() : null)
                    .amount(a.has("amount") ? new BigDecimal(a.get("amount").asText()) : null)
                    .relatesTo(text(a, "relatesTo")).honourLevel(text(a, "honourLevel"))
                    .organiser(text(a, "organiser")).description(text(a, "description")).build());
        }
        return Submission.of("json", root.get("year").asInt(), units, activities);
    }

    private static String text(JsonNode a, String field) {
        return a.has(field) ? a.get(field).asText() : null;
    }

    private static Set<String> strings(JsonNode array) {
        Set<String> out = new LinkedHashSet<>();
        if (array != null) {
            array.forEach(v -> out.add(v.asText()));
        }
        return out;
    }
}
