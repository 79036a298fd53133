package dev.plancheck.pack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plancheck.report.PackFingerprint;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;

/**
 * Computes a pack's {@link PackFingerprint}. JSON files are hashed as their parsed content without
 * {@code $comment}s (and the parameter file without {@code ruleSet}, which says only where the rules are), so a
 * copy of a bundled pack on disk has the bundled pack's hash; DRL files are hashed as text with Unix line ends.
 */
final class Fingerprints {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Fingerprints() {
    }

    static PackFingerprint of(PackFile parameters, byte[] parameterFile, RuleSet ruleSet) throws IOException {
        MessageDigest sha = sha256();
        add(sha, "pack.json", json(parameterFile, true));
        for (String file : new String[] {"ruleset.json", "clauses.json", "vocabulary.json"}) {
            byte[] bytes = ruleSet.dir().read(file);
            add(sha, file, bytes == null ? new byte[0] : json(bytes, false));
        }
        for (Map.Entry<String, String> drl : ruleSet.drl().entrySet()) {
            add(sha, drl.getKey(), drl.getValue().replace("\r\n", "\n").getBytes(StandardCharsets.UTF_8));
        }
        return new PackFingerprint(parameters.id(), parameters.version(), HexFormat.of().formatHex(sha.digest()));
    }

    private static void add(MessageDigest sha, String name, byte[] content) {
        // Name and length first, so that no two different sets of files give the same stream of bytes.
        sha.update((name + "\u0000" + content.length + "\u0000").getBytes(StandardCharsets.UTF_8));
        sha.update(content);
    }

    private static byte[] json(byte[] bytes, boolean parameters) throws IOException {
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

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
