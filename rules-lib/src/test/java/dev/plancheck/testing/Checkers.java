package dev.plancheck.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plancheck.PlanChecker;
import dev.plancheck.RulePack;
import dev.plancheck.pack.RuleSet;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checkers shared by the tests, so the rules are compiled once per test run rather than once per test class (or,
 * under PIT, which runs each test on its own, once per test).
 */
public final class Checkers {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static PlanChecker dianchang2023;
    private static PlanChecker demo2024;
    private static final Map<String, PlanChecker> FROM_DISK = new HashMap<>();

    private Checkers() {
    }

    public static synchronized PlanChecker dianchang2023() {
        if (dianchang2023 == null) {
            dianchang2023 = PlanChecker.create(RulePack.bundled("dianchang-2023"));
        }
        return dianchang2023;
    }

    public static synchronized PlanChecker demo2024() {
        if (demo2024 == null) {
            demo2024 = PlanChecker.create(RulePack.bundled("dianchang-2024-demo"));
        }
        return demo2024;
    }

    /**
     * A bundled pack copied to disk and compiled from its DRL at run time, as a rule author's pack would be; the
     * bundled pack itself runs from the model compiled at build time.
     */
    public static synchronized PlanChecker fromDisk(String packId) {
        return FROM_DISK.computeIfAbsent(packId, id -> {
            try {
                return PlanChecker.create(RulePack.load(externalCopy(
                        Files.createTempDirectory(Files.createDirectories(Path.of("target")), "pack-copy-"), id)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /**
     * Copies a bundled pack and its rule set into {@code parent}, byte for byte but for the parameter file's
     * {@code ruleSet}, which names the copied folder; returns the copy's parameter file.
     */
    public static Path externalCopy(Path parent, String packId) throws IOException {
        Path dir = Files.createDirectories(parent.resolve(packId));
        String params = read(packId + ".json");
        Matcher m = Pattern.compile("\"ruleSet\": \"([a-z0-9-]+)\"").matcher(params);
        if (!m.find()) {
            throw new IllegalStateException(packId + ".json names no bundled rule set");
        }
        String ruleSet = m.group(1);
        Path rules = Files.createDirectories(dir.resolve(ruleSet));
        String index = read(ruleSet + "/ruleset.json");
        List<String> files = new ArrayList<>(List.of("ruleset.json", "clauses.json", "vocabulary.json"));
        MAPPER.readTree(index).get("files").forEach(f -> files.add(f.asText()));
        for (String file : files) {
            Files.writeString(rules.resolve(file), read(ruleSet + "/" + file));
        }
        Path file = dir.resolve("pack.json");
        Files.writeString(file, m.replaceFirst("\"ruleSet\": \"./" + ruleSet + "\""));
        return file;
    }

    private static String read(String resource) throws IOException {
        try (InputStream in = Checkers.class.getClassLoader().getResourceAsStream(RuleSet.BUNDLED_ROOT + "/" + resource)) {
            if (in == null) {
                throw new IOException("not on the class path: " + RuleSet.BUNDLED_ROOT + "/" + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
