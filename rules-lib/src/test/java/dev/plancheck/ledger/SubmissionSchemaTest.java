package dev.plancheck.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.plancheck.model.Vocabulary;
import dev.plancheck.testing.Checkers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** docs/submission.schema.json stays true: every sample validates, broken documents do not, and its codes are the vocabulary's. */
class SubmissionSchemaTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Path SCHEMA = Path.of("..", "docs", "submission.schema.json");
    private final JsonSchema schema = load();

    private static JsonSchema load() {
        try {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(MAPPER.readTree(SCHEMA.toFile()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Path> samples() throws IOException {
        Path root = Path.of("..", "sample-data");
        try (Stream<Path> files = Files.walk(root)) {
            // The schema is the bundled packs' vocabulary; a plan with a pack of its own (sample-data/<plan>/pack, such
            // as qingsong-2023 and baishu-2024) has a vocabulary of its own and is proved by its own tests.
            return files.filter(p -> p.toString().endsWith(".json") && !p.toString().endsWith(".expected.json"))
                    .filter(p -> !Files.isDirectory(root.resolve(root.relativize(p).getName(0)).resolve("pack")))
                    .sorted().toList();
        }
    }

    @TestFactory
    Stream<DynamicTest> every_sample_validates() throws IOException {
        return samples().stream().map(p -> DynamicTest.dynamicTest(p.toString(), () -> {
            Set<ValidationMessage> errors = schema.validate(MAPPER.readTree(p.toFile()));
            assertTrue(errors.isEmpty(), errors.toString());
        }));
    }

    private Set<ValidationMessage> broken(String activityJson) throws IOException {
        ObjectNode doc = (ObjectNode) MAPPER.readTree("""
                {"year": 2023, "units": [{"id": "DC", "name": "电厂街道", "level": "subdistrict"}], "activities": []}""");
        doc.withArray("activities").add(MAPPER.readTree(activityJson));
        return schema.validate(doc);
    }

    /** Each error as "keyword at instance location", e.g. {@code enum $.activities[0].kind}. */
    private static Set<String> summary(Set<ValidationMessage> errors) {
        Set<String> out = new TreeSet<>();
        errors.forEach(e -> out.add(e.getType() + " " + e.getInstanceLocation()));
        return out;
    }

    @Test
    void broken_documents_fail_for_the_reason_they_are_broken() throws IOException {
        String ok = """
                {"id": "a1", "unit": "DC", "kind": "special-meeting", "date": "2023-03-09", "title": "会", "topics": ["united-front"]}""";
        assertEquals(Set.of(), broken(ok));
        assertEquals(Set.of("enum $.activities[0].kind"), summary(broken(ok.replace("special-meeting", "meeting"))), "unknown kind");
        assertEquals(Set.of("enum $.activities[0].topics[0]"), summary(broken(ok.replace("united-front", "united_front"))), "unknown topic");
        assertEquals(Set.of("required $.activities[0]"), summary(broken(ok.replace(", \"title\": \"会\"", ""))), "missing title");
        assertEquals(Set.of("pattern $.activities[0].date"), summary(broken(ok.replace("2023-03-09", "2023/03/09"))), "date format");
        assertEquals(Set.of("additionalProperties $.activities[0]"),
                summary(broken(ok.replace("\"title\"", "\"place\": \"x\", \"title\""))), "unknown field");
        assertEquals(Set.of("required $.activities[0]"), summary(broken(ok.replace(", \"topics\": [\"united-front\"]", ""))),
                "special-meeting requires topics");
        assertEquals(Set.of("required $.activities[0]"), summary(broken("""
                {"id": "d1", "unit": "DC", "kind": "donation-drive", "date": "2023-05-08", "title": "博爱一日捐"}""")),
                "a donation drive requires its amount");
        assertEquals(Set.of("minimum $.activities[0].amount"), summary(broken("""
                {"id": "d1", "unit": "DC", "kind": "donation-drive", "date": "2023-05-08", "title": "捐", "amount": -1}""")),
                "negative amount");
        assertEquals(Set.of("minItems $.units"),
                summary(schema.validate(MAPPER.readTree("{\"year\": 2023, \"units\": [], \"activities\": []}"))), "no units");
        assertEquals(Set.of(), broken(ok.replace("\"title\"", "\"endDate\": null, \"title\"")), "null is the same as leaving a field out");
        assertEquals(Set.of("not $.activities[0].amount"), summary(broken("""
                {"id": "d1", "unit": "DC", "kind": "donation-drive", "date": "2023-05-08", "title": "捐", "amount": null}""")),
                "a required amount may not be null");
    }

    @Test
    void the_schema_lists_exactly_the_vocabularys_codes_and_required_fields() throws IOException {
        Vocabulary v = Checkers.dianchang2023().pack().vocabulary();
        JsonNode activity = MAPPER.readTree(SCHEMA.toFile()).at("/$defs/activity");
        assertEquals(new TreeSet<>(v.kinds().keySet()), strings(activity.at("/properties/kind/enum")));
        assertEquals(new TreeSet<>(v.topics().keySet()), strings(activity.at("/properties/topics/items/enum")));
        assertEquals(new TreeSet<>(v.groups().keySet()), strings(activity.at("/properties/groups/items/enum")));
        assertEquals(new TreeSet<>(v.honourLevels().keySet()), strings(activity.at("/properties/honourLevel/enum")));
        assertEquals(new TreeSet<>(v.organisers().keySet()), strings(activity.at("/properties/organiser/enum")));
        Map<String, List<String>> required = new TreeMap<>();
        for (JsonNode rule : activity.get("allOf")) {
            List<String> fields = new ArrayList<>();
            rule.at("/then/required").forEach(f -> fields.add(f.asText()));
            required.put(rule.at("/if/properties/kind/const").asText(), fields);
        }
        Map<String, List<String>> expected = new TreeMap<>();
        v.kinds().values().stream().filter(k -> !k.requires().isEmpty()).forEach(k -> expected.put(k.code(), k.requires()));
        assertEquals(expected, required);
    }

    /** The codes of an enum; its {@code null} (an optional field left empty) is not a code. */
    private static Set<String> strings(JsonNode array) {
        Set<String> out = new TreeSet<>();
        array.forEach(n -> {
            if (!n.isNull()) {
                out.add(n.asText());
            }
        });
        return out;
    }
}
