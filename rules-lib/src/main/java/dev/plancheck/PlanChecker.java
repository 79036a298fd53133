package dev.plancheck;

import dev.plancheck.engine.CompiledRules;
import dev.plancheck.engine.Evaluation;
import dev.plancheck.engine.Waiving;
import dev.plancheck.input.SubmissionReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/**
 * Checks submissions against a rule pack. Build one per pack and share it: the rules are loaded once (a bundled
 * pack's from the model compiled at build time, another pack's compiled from its DRL), when the
 * checker is created, and a checker is immutable and safe to use from many threads at once.
 *
 * <pre>{@code
 * PlanChecker checker = PlanChecker.create();                    // the bundled 2023 pack
 * Report report = checker.check(Path.of("ledger-2023.json"));    // as of 2023-12-31
 * for (Gap gap : report.gaps()) {
 *     System.out.println(gap.ruleId() + " " + gap.unit().getName() + "：" + gap.expected());
 * }
 * Report june = checker.check(checker.read(Path.of("ledger-2023.json")),
 *         CheckOptions.asOf(LocalDate.of(2023, 6, 15)));         // what is overdue by mid-June
 * }</pre>
 */
public final class PlanChecker {
    private final RulePack pack;
    private final CompiledRules compiled;
    private final SubmissionReader reader;

    private PlanChecker(RulePack pack) {
        this.pack = pack;
        this.compiled = CompiledRules.load(pack.ruleSet());
        List<Problem> unknown = pack.parameters().retiredRules().keySet().stream().sorted()
                .filter(id -> compiled.rule(id) == null)
                .map(id -> new Problem(pack.origin(), 0, 0, "$.retiredRules." + id,
                        "retiredRules 中的规则 " + id + " 不在规则集中")).toList();
        if (!unknown.isEmpty()) {
            throw new RulePackException(unknown);
        }
        this.reader = new SubmissionReader(pack.ruleSet().vocabulary(), pack.year(), pack.id());
    }

    /** A checker for the default bundled pack (电厂街道 2023). */
    public static PlanChecker create() {
        return create(RulePack.bundled());
    }

    /**
     * A checker for the given pack; compiles its rules.
     *
     * @throws RulePackException when a rule does not compile or its metadata is wrong
     */
    public static PlanChecker create(RulePack pack) {
        return new PlanChecker(pack);
    }

    public RulePack pack() {
        return pack;
    }

    /** The pack's rules in id order, with their metadata. */
    public List<RuleInfo> rules() {
        return compiled.rules();
    }

    /**
     * What each rule requires, by rule id: the parts of its duty as it records them when run on an empty ledger (for
     * a conditional rule, for one triggering record), with their periods, minimum counts and quotas. The rule
     * catalogue is made from it.
     *
     * <pre>{@code
     * checker.requirements().get("R1.2-4").get(0).expected();   // "研究统战工作的专题会议：全年（…）内至少 2 条"
     * }</pre>
     */
    public java.util.Map<String, List<PartResult>> requirements() {
        return Evaluation.requirements(compiled, pack);
    }

    /**
     * Reads and validates a submission file with the default {@link InputLimits}.
     *
     * @throws InvalidSubmissionException with every problem in the file, each located
     */
    public Submission read(Path file) throws IOException, InvalidSubmissionException {
        return read(file, InputLimits.defaults());
    }

    /**
     * Reads and validates a submission file, streaming it: memory grows with the records, not with a tree of the
     * whole text. A file over {@link InputLimits#maxFileBytes()} is refused before it is read.
     *
     * @throws InvalidSubmissionException with every problem in the file (at most {@code limits.maxProblems()}
     *                                    listed, the rest counted), each located
     * @throws IOException                when the file cannot be read
     */
    public Submission read(Path file, InputLimits limits) throws IOException, InvalidSubmissionException {
        if (!Files.isRegularFile(file)) {
            // A FIFO or a device would block or never end; only regular files are read.
            throw new InvalidSubmissionException(List.of(new Problem(file.toString(), 0, 0, "",
                    Files.exists(file) ? "不是普通文件（可能是管道、设备或文件夹），未读取" : "文件不存在")));
        }
        long size = Files.size(file);
        if (size > limits.maxFileBytes()) {
            throw new InvalidSubmissionException(List.of(new Problem(file.toString(), 0, 0, "", "文件过大：有 " + size
                    + " 字节，上限为 " + limits.maxFileBytes() + " 字节，未读取（上限可用 --max-file-mb 调整）")));
        }
        return reader.read(file.toString(), () -> Files.newInputStream(file), limits);
    }

    /**
     * Reads and validates a submission from JSON bytes.
     *
     * @param source a name for messages, e.g. the file name
     * @throws InvalidSubmissionException with every problem, each located
     */
    public Submission read(String source, byte[] json) throws InvalidSubmissionException {
        return reader.read(source, json);
    }

    /**
     * Reads and validates a submission from JSON bytes with the given limits.
     *
     * @param source a name for messages, e.g. the file name
     * @throws InvalidSubmissionException with every problem (at most {@code limits.maxProblems()} listed)
     */
    public Submission read(String source, byte[] json, InputLimits limits) throws InvalidSubmissionException {
        return reader.read(source, json, limits);
    }

    /** Reads a file and checks it as of the end of the assessment year. */
    public Report check(Path file) throws IOException, InvalidSubmissionException {
        return check(read(file), CheckOptions.defaults());
    }

    /** Checks a submission as of the end of the assessment year. */
    public Report check(Submission submission) throws InvalidSubmissionException {
        return check(submission, CheckOptions.defaults());
    }

    /**
     * Checks a submission.
     *
     * @throws InvalidSubmissionException when the submission does not fit the pack (year, vocabulary, references)
     * @throws IllegalArgumentException   when the as-of date lies before the assessment year or more than
     *                                    {@link CheckOptions#MAX_YEARS_AFTER} years after it, or a waiver names a
     *                                    rule the pack does not have
     */
    public Report check(Submission submission, CheckOptions options) throws InvalidSubmissionException {
        reader.validate(submission);
        LocalDate asOf = pack.checkDate(options.asOf());
        int coming = options.comingDueDays() == null ? pack.parameters().comingDueDays() : options.comingDueDays();
        List<String> unknown = options.waivers().stream().map(Waiver::ruleId)
                .filter(id -> compiled.rules().stream().noneMatch(r -> r.id().equals(id))).distinct().toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("情况说明所指的规则不在规则包 " + pack.id() + " 中：" + String.join("、", unknown));
        }
        return Waiving.apply(Evaluation.run(compiled, pack, submission, asOf, coming), options.waivers());
    }
}
