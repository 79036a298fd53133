package dev.plancheck.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A rule pack on disk whose one rule throws in its consequence: an exception (a bug in the rule: the pack is broken,
 * exit 3) or an {@link Error} (the engine or the JVM failing: a crash, exit 70).
 */
final class CrashingPack {
    private CrashingPack() {
    }

    /** The pack whose rule throws an Error: a crash of the checker, not a result. */
    static Path write(Path dir) throws IOException {
        return write(dir, "LinkageError");
    }

    /** The pack whose rule throws {@code throwable} (a class of java.lang with a message constructor). */
    static Path write(Path dir, String throwable) throws IOException {
        Path rules = Files.createDirectories(dir.resolve("rules"));
        for (String name : new String[] {"clauses.json", "vocabulary.json"}) {
            try (InputStream in = CrashingPack.class.getClassLoader().getResourceAsStream("dev/plancheck/packs/dianchang/" + name)) {
                Files.copy(in, rules.resolve(name));
            }
        }
        Files.writeString(rules.resolve("ruleset.json"), "{\"files\": [\"s01_crash.drl\"]}");
        Files.writeString(rules.resolve("s01_crash.drl"), """
                package dev.plancheck.packs.test;
                import dev.plancheck.model.OrgUnit;
                import dev.plancheck.model.UnitLevel;
                global dev.plancheck.engine.Findings findings;
                rule "R1.2-4 全年专题会议研究统战工作至少2次"
                    @id("R1.2-4") @title("专题会议") @clause("§1.2") @sentence("保证全年专题会议研究统战工作至少2次")
                    @scope("subdistrict") @severity("high") @evidence("special-meeting")
                when
                    $u : OrgUnit(level == UnitLevel.SUBDISTRICT)
                then
                    throw new %s("boom \\u001b[2J");
                end
                """.formatted(throwable), StandardCharsets.UTF_8);
        String params;
        try (InputStream in = CrashingPack.class.getClassLoader().getResourceAsStream("dev/plancheck/packs/dianchang-2023.json")) {
            params = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("\"ruleSet\": \"dianchang\"", "\"ruleSet\": \"./rules\"");
        }
        Path file = dir.resolve("pack.json");
        Files.writeString(file, params, StandardCharsets.UTF_8);
        return file;
    }
}
