package dev.plancheck;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plancheck.input.LocatedJson;
import dev.plancheck.pack.PackFile;
import dev.plancheck.pack.PackLoader;
import dev.plancheck.pack.RuleSet;
import dev.plancheck.model.Period;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A rule pack: the rules of one plan (DRL files, the clauses they cite, the vocabulary of submissions) and the
 * parameters of one assessment year (node days, windows, seasons, quotas, deadlines). Loading a pack checks its
 * files; compiling its rules is the job of {@link PlanChecker}.
 *
 * <pre>{@code
 * RulePack pack2023 = RulePack.bundled();                       // 电厂街道 2023
 * RulePack demo2024 = RulePack.bundled("dianchang-2024-demo");  // same rules, 2024 parameters
 * RulePack mine = RulePack.load(Path.of("my-pack/pack.json"));  // a rule author's pack
 * }</pre>
 */
public final class RulePack {
    private static final String INDEX = RuleSet.BUNDLED_ROOT + "/packs.json";

    private final PackFile parameters;
    private final RuleSet ruleSet;
    private final String origin;
    private final PackFingerprint fingerprint;

    private RulePack(PackLoader.Loaded loaded) {
        this.parameters = loaded.parameters();
        this.ruleSet = loaded.ruleSet();
        this.origin = loaded.origin();
        this.fingerprint = loaded.fingerprint();
    }

    /** The default bundled pack: 电厂街道's 2023 plan. */
    public static RulePack bundled() {
        return bundled(bundledIds().get(0));
    }

    /**
     * A pack bundled in this library, by id.
     *
     * @throws RulePackException when there is no such pack (the message lists the bundled ids) or it is broken
     */
    public static RulePack bundled(String id) {
        if (!bundledIds().contains(id)) {
            throw new RulePackException(List.of(new Problem(id, 0, 0, "",
                    "没有名为 \"" + id + "\" 的内置规则包；内置规则包有：" + String.join("、", bundledIds())
                            + "；也可以给出规则包参数文件的路径")));
        }
        return new RulePack(PackLoader.bundled(id));
    }

    /** The ids of the bundled packs, the default first. */
    public static List<String> bundledIds() {
        List<String> ids = bundledIds;
        if (ids == null) {
            synchronized (RulePack.class) {
                if (bundledIds == null) {
                    bundledIds = bundledIndex();
                }
                ids = bundledIds;
            }
        }
        return ids;
    }

    // Read once, on first use. Not a static initializer: a broken index would turn into ExceptionInInitializerError
    // once and NoClassDefFoundError ever after; here every call reports the same RulePackException.
    private static volatile List<String> bundledIds;

    /**
     * A pack from its parameter file on disk. The file's {@code ruleSet} names a bundled rule set
     * ({@code "dianchang"}) or a folder relative to the file ({@code "./rules"}).
     *
     * @throws RulePackException with every problem found in the pack's files
     */
    public static RulePack load(Path parameterFile) {
        return new RulePack(PackLoader.load(parameterFile));
    }

    /** A bundled pack when {@code idOrPath} is a bundled id, otherwise the pack whose parameter file is at that path. */
    public static RulePack resolve(String idOrPath) {
        return bundledIds().contains(idOrPath) ? bundled(idOrPath) : load(Path.of(idOrPath));
    }

    private static List<String> bundledIndex() {
        try (InputStream in = RulePack.class.getClassLoader().getResourceAsStream(INDEX)) {
            if (in == null) {
                throw new RulePackException(List.of(new Problem("classpath:" + INDEX, 0, 0, "", "内置规则包索引不存在")));
            }
            List<Problem> problems = new ArrayList<>();
            LocatedJson doc = LocatedJson.parse("classpath:" + INDEX, in.readAllBytes(), problems);
            if (doc == null || !doc.root().path("packs").isArray()) {
                throw new RulePackException(problems.isEmpty()
                        ? List.of(new Problem("classpath:" + INDEX, 0, 0, "$.packs", "应为规则包 id 的数组")) : problems);
            }
            List<String> ids = new ArrayList<>();
            for (JsonNode id : doc.root().get("packs")) {
                ids.add(id.asText());
            }
            return List.copyOf(ids);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The pack's id, e.g. {@code dianchang-2023}. */
    public String id() {
        return parameters.id();
    }

    /** The title of the plan, e.g. {@code 电厂街道2023年度统战群团工作要点}. */
    public String title() {
        return parameters.title();
    }

    /** The assessment year. */
    public int year() {
        return parameters.year();
    }

    /** The first day of the assessment year: records dated before it are outside the year. */
    public LocalDate firstDay() {
        return LocalDate.of(year(), 1, 1);
    }

    /** The last day of the assessment year: records dated after it are outside the year. */
    public LocalDate lastDay() {
        return LocalDate.of(year(), 12, 31);
    }

    /**
     * The day a check looks at: the requested day, or the last day of the year when none is requested. Decided here
     * for every caller.
     *
     * @throws IllegalArgumentException when the requested day lies before the assessment year
     */
    public LocalDate checkDate(LocalDate requested) {
        LocalDate asOf = requested == null ? lastDay() : requested;
        if (asOf.getYear() < year()) {
            throw new IllegalArgumentException("检查日期 " + asOf + " 早于考核年度 " + year() + " 年");
        }
        if (asOf.getYear() > year() + CheckOptions.MAX_YEARS_AFTER) {
            throw new IllegalArgumentException("检查日期 " + asOf + " 晚于考核年度 " + year() + " 年之后 "
                    + CheckOptions.MAX_YEARS_AFTER + " 年");
        }
        return asOf;
    }

    /** Where the pack was loaded from, e.g. {@code classpath:dev/plancheck/packs/dianchang-2023.json}. */
    public String origin() {
        return origin;
    }

    /** The pack's id, declared version and content hash, as every report names them. */
    public PackFingerprint fingerprint() {
        return fingerprint;
    }

    /** The pack's parameters, as read from its parameter file. */
    public PackFile parameters() {
        return parameters;
    }

    /** The pack's rules, clauses and vocabulary. */
    public RuleSet ruleSet() {
        return ruleSet;
    }

    /** Every period of the parameter file, resolved for the pack's year. */
    public List<Period> periods() {
        return parameters.periods().values().stream().map(p -> p.in(year())).toList();
    }

    @Override
    public String toString() {
        return id() + "（" + title() + "，" + year() + " 年）";
    }
}
