package dev.plancheck;

import dev.plancheck.input.Problem;
import dev.plancheck.input.ProblemCode;
import dev.plancheck.input.RulePackException;
import dev.plancheck.model.Deadline;
import dev.plancheck.model.Period;
import dev.plancheck.model.Quota;
import dev.plancheck.model.UnitAttribute;
import dev.plancheck.model.Vocabulary;
import dev.plancheck.pack.LoadedPack;
import dev.plancheck.pack.PackLoader;
import dev.plancheck.report.PackFingerprint;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;


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
    private final LoadedPack contents;

    private RulePack(LoadedPack contents) {
        this.contents = contents;
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
            throw new RulePackException(List.of(new Problem(ProblemCode.PACK_NOT_FOUND, id, 0, 0, "",
                    "没有名为 \"" + id + "\" 的内置规则包；内置规则包有：" + String.join("、", bundledIds())
                            + "；也可以给出规则包参数文件的路径")));
        }
        return new RulePack(PackLoader.bundled(id));
    }

    /** The ids of the bundled packs, the default first. */
    public static List<String> bundledIds() {
        return PackLoader.bundledIds();
    }

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

    /** The pack's id, e.g. {@code dianchang-2023}. */
    public String id() {
        return contents.id();
    }

    /** The title of the plan, e.g. {@code 电厂街道2023年度统战群团工作要点}. */
    public String title() {
        return contents.title();
    }

    /** The assessment year. */
    public int year() {
        return contents.year();
    }

    /** The first day of the assessment year: records dated before it are outside the year. */
    public LocalDate firstDay() {
        return contents.firstDay();
    }

    /** The last day of the assessment year: records dated after it are outside the year. */
    public LocalDate lastDay() {
        return contents.lastDay();
    }

    /** Where the pack was loaded from, e.g. {@code classpath:dev/plancheck/packs/dianchang-2023.json}. */
    public String origin() {
        return contents.origin();
    }

    /** The pack's id, declared version and content hash, as every report names them. */
    public PackFingerprint fingerprint() {
        return contents.fingerprint();
    }

    /** The words a submission to this pack may use (kinds, topics, groups, honour levels, organisers); read-only. */
    public Vocabulary vocabulary() {
        return contents.ruleSet().vocabulary();
    }

    /** The attributes a ledger states of each unit ({@code unitAttributes}), by id; read-only, in file order. */
    public Map<String, UnitAttribute> unitAttributes() {
        return contents.parameters().units().attributes();
    }

    /** Rules of the rule set this pack retires for its year, by id, with the reason; read-only, in file order. */
    public Map<String, String> retiredRules() {
        return contents.parameters().retiredRules();
    }

    /** How many days after the as-of date a report lists coming duties for, unless a check asks otherwise. */
    public int comingDueDays() {
        return contents.parameters().comingDueDays();
    }

    /** Every period of the parameter file, resolved for the pack's year. */
    public List<Period> periods() {
        return contents.periods();
    }

    /** The quotas of the parameter file, by id; read-only. */
    public Map<String, Quota> quotas() {
        return contents.parameters().quotas();
    }

    /** The deadlines of the parameter file, by id; read-only. */
    public Map<String, Deadline> deadlines() {
        return contents.parameters().deadlines();
    }

    /** The rule files, by file name, with their DRL text, in the order the rule set lists them; read-only. */
    public Map<String, String> ruleFiles() {
        return contents.ruleSet().drl();
    }

    /** What the pack is made of, for the checker and the pipeline of this package. */
    LoadedPack contents() {
        return contents;
    }

    @Override
    public String toString() {
        return id() + "（" + title() + "，" + year() + " 年）";
    }
}
