package dev.plancheck.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
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

    private static byte[] read(String resource) throws IOException {
        try (InputStream in = FingerprintsTest.class.getClassLoader().getResourceAsStream(resource)) {
            return in.readAllBytes();
        }
    }
}
