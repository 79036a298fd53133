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
import java.io.InputStream;
import java.util.HexFormat;
import java.util.Map;
import java.util.Properties;
import java.util.zip.CRC32;

/**
 * Computes a pack's {@link PackFingerprint}. JSON files are hashed as their parsed content without
 * {@code $comment}s (and the parameter file without {@code ruleSet}, which says only where the rules are), so a
 * copy of a bundled pack on disk has the bundled pack's hash; DRL files are hashed as text with Unix line ends.
 *
 * <p>A bundled pack's fingerprint is computed when the library is built ({@link BundledFingerprints}) and recorded
 * beside the bundled packs, with a CRC-32 of the files it was computed from; {@link #bundled} takes the recorded one
 * when the files are still those files.
 */
final class Fingerprints {
    /** The record of the bundled packs' fingerprints, in the folder of their parameter files. */
    static final String RECORD = "fingerprints.properties";

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

    /**
     * The fingerprint of a pack on the class path: the one the build recorded for its parameter file when the CRC-32
     * of its files is the recorded one, else computed ({@link #of}). Computing it costs a cold check about 40 ms, a
     * tenth of it: the JSON files written back, the SHA-256 provider set up (docs/performance.md); the CRC-32 costs
     * well under a millisecond. A build without the record (an IDE's), a copy of the folder that shadows it on the
     * class path with other files, or a record of other files: computed, so the fingerprint is always the files'.
     */
    static PackFingerprint bundled(ResourceDir.Classpath dir, String fileName, PackFile parameters, byte[] parameterFile,
                                   RuleSet ruleSet) throws IOException {
        return bundled(recorded(dir), fileName, parameters, parameterFile, ruleSet);
    }

    /** As {@link #bundled(ResourceDir.Classpath, String, PackFile, byte[], RuleSet)}, with the record read. */
    static PackFingerprint bundled(Properties record, String fileName, PackFile parameters, byte[] parameterFile,
                                   RuleSet ruleSet) throws IOException {
        String recorded = record.getProperty(fileName);
        String crc = crc(fileName, parameterFile, ruleSet);
        if (recorded != null && recorded.length() == crc.length() + 1 + 64 && recorded.startsWith(crc + " ")) {
            return new PackFingerprint(parameters.id(), parameters.version(), recorded.substring(crc.length() + 1));
        }
        return of(parameters, parameterFile, ruleSet);
    }

    /** The record line of a pack: the CRC-32 of its files, a space, its fingerprint's SHA-256. */
    static String recordLine(String fileName, PackFile parameters, byte[] parameterFile, RuleSet ruleSet) throws IOException {
        return crc(fileName, parameterFile, ruleSet) + " " + of(parameters, parameterFile, ruleSet).sha256();
    }

    static Properties recorded(ResourceDir.Classpath dir) throws IOException {
        Properties record = new Properties();
        try (InputStream in = ResourceDir.class.getClassLoader().getResourceAsStream(dir.path() + "/" + RECORD)) {
            if (in != null) {
                record.load(in);
            }
        }
        return record;
    }

    /**
     * A CRC-32 of the pack's files as they are, in hex: the parameter file, the rule set's JSON files and its DRL
     * texts, each with its name and length, as {@link #of} takes them in.
     */
    private static String crc(String fileName, byte[] parameterFile, RuleSet ruleSet) throws IOException {
        CRC32 crc = new CRC32();
        add(crc, fileName, parameterFile);
        for (String file : new String[] {"ruleset.json", "clauses.json", "vocabulary.json"}) {
            byte[] bytes = ruleSet.dir().read(file);
            add(crc, file, bytes == null ? new byte[0] : bytes);
        }
        for (Map.Entry<String, String> drl : ruleSet.drl().entrySet()) {
            add(crc, drl.getKey(), drl.getValue().getBytes(StandardCharsets.UTF_8));
        }
        return "%08x".formatted(crc.getValue());
    }

    private static void add(CRC32 crc, String name, byte[] content) {
        crc.update((name + "\u0000" + content.length + "\u0000").getBytes(StandardCharsets.UTF_8));
        crc.update(content);
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
