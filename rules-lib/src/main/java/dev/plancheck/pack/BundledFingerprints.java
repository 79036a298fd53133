package dev.plancheck.pack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Build-time step, not API: records the bundled packs' fingerprints ({@link Fingerprints#RECORD}) in the library's
 * classes folder, so that a check does not hash the bundled pack on every start. Run by the build
 * ({@code exec-maven-plugin} in {@code rules-lib/pom.xml}, after the resources are in place), with that folder as
 * its one argument.
 *
 * <pre>{@code
 * java -cp rules-lib/target/classes:… dev.plancheck.pack.BundledFingerprints rules-lib/target/classes
 * }</pre>
 */
public final class BundledFingerprints {
    private BundledFingerprints() {
    }

    /** Writes the record into {@code args[0]}; a pack that does not load fails the build with its problems. */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: BundledFingerprints CLASSES_FOLDER");
        }
        Path folder = Path.of(args[0]).resolve(RuleSet.BUNDLED_ROOT);
        Files.writeString(folder.resolve(Fingerprints.RECORD), record(), StandardCharsets.ISO_8859_1);
    }

    /** The record's text: each bundled pack's parameter file name, its files' CRC-32 and its fingerprint. */
    static String record() throws IOException {
        ResourceDir.Classpath root = new ResourceDir.Classpath(RuleSet.BUNDLED_ROOT);
        List<String> lines = new ArrayList<>();
        lines.add("# Written by the build (dev.plancheck.pack.BundledFingerprints): each bundled pack's parameter file =");
        lines.add("# the CRC-32 of the pack's files, then the SHA-256 of its fingerprint. Not edited by hand.");
        for (String id : PackLoader.bundledIds()) {
            String fileName = id + ".json";
            LoadedPack pack = PackLoader.bundled(id);
            // Computed afresh: the fingerprint the pack was loaded with may be an earlier build's record.
            lines.add(fileName + " = " + Fingerprints.recordLine(fileName, pack.parameters(), root.read(fileName), pack.ruleSet()));
        }
        return String.join("\n", lines) + "\n";
    }
}
