package dev.plancheck.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A rule author's pack of one DRL file, written to disk: the bundled clauses, vocabulary and 2023 parameters. */
public final class TestPacks {
    /** The package, imports and global every test DRL starts with. */
    public static final String HEADER = """
            package dev.plancheck.packs.test;
            import dev.plancheck.model.Activity;
            import dev.plancheck.model.OrgUnit;
            import dev.plancheck.model.Period;
            import dev.plancheck.model.UnitLevel;
            import java.util.List;
            global dev.plancheck.engine.Findings findings;
            """;

    /**
     * A community's conditional duty, "hold a relief after a disaster", in a file of section 10; {@code %s} is the gate
     * (a line such as {@code exists Activity(unitId == $u.id, kind == "disaster")}).
     */
    public static final String GATED_RELIEF = """
            rule "R10.2-1 灾后社区开展救助"
                @id("R10.2-1") @title("灾后救助") @clause("§10.2") @sentence("做好临时性灾害（疫情、雪灾、洪灾等）救助工作")
                @scope("community") @severity("high") @evidence("…") @trigger("disaster")
            when
                $u : OrgUnit(level == UnitLevel.COMMUNITY)
                $y : Period(id == "year")
            %s
                $ev : List() from collect( Activity(unitId == $u.id, kind == "disaster-relief") )
            then
                findings.present(kcontext, $u, "灾后救助", $y, $ev);
            end
            """;

    private TestPacks() {
    }

    /**
     * The bundled pack's scenario folder, on disk beside the pack's sources (rules-lib's test resources), found from the
     * current folder of any module of the build: the authoring kit's tests run these scenarios.
     */
    public static Path bundledScenarios() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path p = dir.resolve("rules-lib/src/test/resources/dev/plancheck/packs/dianchang/scenarios");
            if (Files.isDirectory(p)) {
                return p;
            }
        }
        throw new IllegalStateException("the bundled pack's scenarios are not under rules-lib/src/test/resources");
    }

    /** Writes the pack into {@code dir} with {@link #HEADER} and {@code drl} as its only rule file; returns pack.json. */
    public static Path write(Path dir, String drlName, String drl) throws IOException {
        Path rules = Files.createDirectories(dir.resolve("rules"));
        copy("clauses.json", rules);
        copy("vocabulary.json", rules);
        Files.writeString(rules.resolve("ruleset.json"), "{\"files\": [\"" + drlName + "\"]}");
        Files.writeString(rules.resolve(drlName), HEADER + drl, StandardCharsets.UTF_8);
        String params;
        try (InputStream in = TestPacks.class.getClassLoader().getResourceAsStream("dev/plancheck/packs/dianchang-2023.json")) {
            params = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("\"ruleSet\": \"dianchang\"", "\"ruleSet\": \"./rules\"");
        }
        Path file = dir.resolve("pack.json");
        Files.writeString(file, params, StandardCharsets.UTF_8);
        return file;
    }

    private static void copy(String name, Path to) throws IOException {
        try (InputStream in = TestPacks.class.getClassLoader().getResourceAsStream("dev/plancheck/packs/dianchang/" + name)) {
            Files.copy(in, to.resolve(name));
        }
    }
}
