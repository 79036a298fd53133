package dev.plancheck.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plancheck.report.PackFingerprint;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * A pack's fingerprint hashes its JSON files as Jackson writes them back after reading them into a tree. They are now
 * streamed instead (no mapper at start-up); every fingerprint ever printed must stay the same, so the streamed bytes
 * must be the tree's bytes, on the bundled files and on values that a tree keeps in its own way.
 */
class FingerprintsTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** The fingerprint's JSON as it was made before: read into a tree, comments (and ruleSet) removed, written. */
    private static byte[] throughATree(byte[] bytes, boolean parameters) throws IOException {
        JsonNode root = MAPPER.readTree(bytes);
        dropComments(root);
        if (parameters && root instanceof ObjectNode o) {
            o.remove("ruleSet");
        }
        return MAPPER.writeValueAsBytes(root);
    }

    private static void dropComments(JsonNode node) {
        if (node instanceof ObjectNode o) {
            o.remove("$comment");
        }
        for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
            dropComments(it.next());
        }
    }

    private static void assertSameAsATree(String json, boolean parameters) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        assertEquals(new String(throughATree(bytes, parameters), StandardCharsets.UTF_8),
                new String(Fingerprints.json(bytes, parameters), StandardCharsets.UTF_8), json);
    }

    @Test
    void every_bundled_json_file_gives_the_bytes_its_tree_gave() throws IOException {
        for (String pack : List.of("dianchang-2023", "dianchang-2024-demo")) {
            LoadedPack p = PackLoader.bundled(pack);
            byte[] parameters = read(RuleSet.BUNDLED_ROOT + "/" + pack + ".json");
            assertEquals(new String(throughATree(parameters, true), StandardCharsets.UTF_8),
                    new String(Fingerprints.json(parameters, true), StandardCharsets.UTF_8), pack);
            for (String file : List.of("ruleset.json", "clauses.json", "vocabulary.json")) {
                byte[] bytes = p.ruleSet().dir().read(file);
                if (bytes != null) {
                    assertEquals(new String(throughATree(bytes, false), StandardCharsets.UTF_8),
                            new String(Fingerprints.json(bytes, false), StandardCharsets.UTF_8), pack + " " + file);
                }
            }
        }
    }

    @Test
    void numbers_strings_comments_and_the_rule_set_reference_are_written_as_the_tree_wrote_them() throws IOException {
        assertSameAsATree("{\"$comment\": \"x\", \"a\": 1, \"b\": 2147483648, \"c\": 123456789012345678901234567890,"
                + " \"d\": 0.5, \"e\": 1e3, \"f\": -0.0, \"g\": 12500.50, \"h\": 1.0E-7, \"i\": -12}", false);
        assertSameAsATree("{\"ruleSet\": \"dianchang\", \"nested\": {\"ruleSet\": 1, \"$comment\": [1, {\"$comment\": 2}]},"
                + " \"list\": [{\"$comment\": \"c\", \"k\": null}, true, false, \"文字\\u0001\\\"\\\\/\\t\"]}", true);
        assertSameAsATree("{\"ruleSet\": \"dianchang\"}", false);
        assertSameAsATree("[1, [2, [3, {}]], []]", false);
        assertSameAsATree("\"alone\"", true);
        assertSameAsATree("", false);
        assertSameAsATree("\uFEFF{\"bom\": \"前导\"}", false);
    }

    @Test
    void the_build_records_each_bundled_packs_fingerprint_as_computed_from_its_files_and_loading_gives_it() throws IOException {
        ResourceDir.Classpath root = new ResourceDir.Classpath(RuleSet.BUNDLED_ROOT);
        // The record the build wrote into target/classes is the one its files give now (not an earlier build's).
        assertEquals(BundledFingerprints.record(), new String(read(RuleSet.BUNDLED_ROOT + "/" + Fingerprints.RECORD),
                java.nio.charset.StandardCharsets.ISO_8859_1));
        for (String pack : PackLoader.bundledIds()) {
            LoadedPack p = PackLoader.bundled(pack);
            PackFingerprint computed = Fingerprints.of(p.parameters(), root.read(pack + ".json"), p.ruleSet());
            assertEquals(computed, p.fingerprint(), pack);
            assertEquals(64, p.fingerprint().sha256().length(), pack);
        }
    }

    @Test
    void a_recorded_fingerprint_is_taken_only_while_the_packs_files_are_those_it_was_recorded_from() throws IOException {
        ResourceDir.Classpath root = new ResourceDir.Classpath(RuleSet.BUNDLED_ROOT);
        LoadedPack p = PackLoader.bundled("dianchang-2023");
        byte[] file = root.read("dianchang-2023.json");
        PackFingerprint computed = Fingerprints.of(p.parameters(), file, p.ruleSet());
        String line = Fingerprints.recordLine("dianchang-2023.json", p.parameters(), file, p.ruleSet());
        String crc = line.substring(0, line.indexOf(' '));
        String other = "0".repeat(64);

        // A record for these very files is believed: that is what spares a check the hashing.
        assertEquals(other, Fingerprints.bundled(record("dianchang-2023.json", crc + " " + other), "dianchang-2023.json",
                p.parameters(), file, p.ruleSet()).sha256());
        // A record of other files (one byte of the parameter file changed), of another file name, a malformed record
        // or none at all: the fingerprint is computed from the files.
        byte[] edited = new String(file, java.nio.charset.StandardCharsets.UTF_8).replaceFirst("\"min\": 2", "\"min\": 3")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertNotEquals(new String(file, java.nio.charset.StandardCharsets.UTF_8), new String(edited, java.nio.charset.StandardCharsets.UTF_8));
        PackFingerprint ofEdited = Fingerprints.of(p.parameters(), edited, p.ruleSet());
        assertNotEquals(computed, ofEdited);
        assertEquals(ofEdited, Fingerprints.bundled(record("dianchang-2023.json", line), "dianchang-2023.json",
                p.parameters(), edited, p.ruleSet()));
        assertEquals(computed, Fingerprints.bundled(record("dianchang-2024-demo.json", crc + " " + other), "dianchang-2023.json",
                p.parameters(), file, p.ruleSet()));
        assertEquals(computed, Fingerprints.bundled(record("dianchang-2023.json", crc + " " + "0".repeat(63)), "dianchang-2023.json",
                p.parameters(), file, p.ruleSet()));
        assertEquals(computed, Fingerprints.bundled(new Properties(), "dianchang-2023.json", p.parameters(), file, p.ruleSet()));
    }

    private static Properties record(String key, String value) {
        Properties record = new Properties();
        record.setProperty(key, value);
        return record;
    }

    private static byte[] read(String resource) throws IOException {
        try (InputStream in = FingerprintsTest.class.getClassLoader().getResourceAsStream(resource)) {
            return in.readAllBytes();
        }
    }
}
