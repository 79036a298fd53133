package dev.plancheck.pack;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.plancheck.report.PackFingerprint;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * Computes a pack's {@link PackFingerprint}. JSON files are hashed as their parsed content without
 * {@code $comment}s (and the parameter file without {@code ruleSet}, which says only where the rules are), so a
 * copy of a bundled pack on disk has the bundled pack's hash; DRL files are hashed as text with Unix line ends.
 */
final class Fingerprints {
    // Streamed, not read into a tree and written back with an ObjectMapper: the same bytes (FingerprintsTest), and
    // every check's start-up no longer builds a mapper and its serializers for it (docs/performance.md, cold start).
    private static final JsonFactory FACTORY = new JsonFactory();

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

    /**
     * The content of a JSON file as Jackson writes it back compactly after reading it into a tree: members in their
     * order, numbers as the tree keeps them (an int, a long or a big integer; any fraction as a double), without any
     * object's {@code $comment} and, for the parameter file, without the top-level {@code ruleSet}. The files were
     * validated before (no duplicate keys, one value).
     */
    static byte[] json(byte[] bytes, boolean parameters) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length);
        try (JsonParser p = FACTORY.createParser(bytes); JsonGenerator g = FACTORY.createGenerator(out)) {
            if (p.nextToken() == null) {
                g.writeNull(); // as the tree of an empty text (a missing node) is written
            } else {
                copy(p, g, parameters);
            }
        }
        return out.toByteArray();
    }

    /** Copies the value at the parser's current token. */
    private static void copy(JsonParser p, JsonGenerator g, boolean dropRuleSet) throws IOException {
        switch (p.currentToken()) {
            case START_OBJECT -> {
                g.writeStartObject();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    p.nextToken();
                    if (name.equals("$comment") || dropRuleSet && name.equals("ruleSet")) {
                        p.skipChildren();
                    } else {
                        g.writeFieldName(name);
                        copy(p, g, false);
                    }
                }
                g.writeEndObject();
            }
            case START_ARRAY -> {
                g.writeStartArray();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    copy(p, g, false);
                }
                g.writeEndArray();
            }
            case VALUE_STRING -> g.writeString(p.getText());
            case VALUE_NUMBER_INT -> {
                switch (p.getNumberType()) {
                    case INT -> g.writeNumber(p.getIntValue());
                    case LONG -> g.writeNumber(p.getLongValue());
                    default -> g.writeNumber(p.getBigIntegerValue());
                }
            }
            case VALUE_NUMBER_FLOAT -> g.writeNumber(p.getDoubleValue());
            case VALUE_TRUE -> g.writeBoolean(true);
            case VALUE_FALSE -> g.writeBoolean(false);
            case VALUE_NULL -> g.writeNull();
            default -> throw new IOException("unexpected " + p.currentToken() + " at " + p.currentLocation());
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
