package dev.plancheck;

import dev.plancheck.input.InputLimits;
import dev.plancheck.input.InvalidSubmissionException;
import dev.plancheck.input.Problem;
import dev.plancheck.input.ProblemCode;
import dev.plancheck.input.RulePackException;
import dev.plancheck.input.Submission;
import dev.plancheck.input.Waiver;
import dev.plancheck.report.Gap;
import dev.plancheck.report.PartResult;
import dev.plancheck.report.Report;
import dev.plancheck.report.RuleInfo;
import dev.plancheck.engine.CompiledRules;
import dev.plancheck.engine.UnitBinding;
import dev.plancheck.engine.Evaluation;
import dev.plancheck.engine.Waiving;
import dev.plancheck.ledger.SubmissionReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
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
    /** Which units each rule binds ({@code @appliesTo}), worked out once for the checker. */
    private final UnitBinding binding;

    private PlanChecker(RulePack pack) {
        this.pack = pack;
        this.compiled = CompiledRules.load(pack.contents().ruleSet());
        List<Problem> unknown = pack.retiredRules().keySet().stream().sorted()
                .filter(id -> compiled.rule(id) == null)
                .map(id -> new Problem(ProblemCode.PACK_INVALID, pack.origin(), 0, 0, "$.retiredRules." + id,
                        "retiredRules 中的规则 " + id + " 不在规则集中")).toList();
        if (!unknown.isEmpty()) {
            throw new RulePackException(unknown);
        }
        this.binding = UnitBinding.of(compiled, pack.contents()); // an @appliesTo naming no declared condition fails here, not in a check
        this.reader = new SubmissionReader(pack.vocabulary(), pack.year(), pack.id(), pack.unitAttributes());
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
        return Evaluation.requirements(compiled, pack.contents());
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
     * Reads and validates a ledger file of one submission in any registered format, chosen by its extension: JSON
     * (streamed: memory grows with the records, not with a tree of the whole text), and xlsx or CSV when plancheck-io
     * is on the class path ({@link LedgerFormats}). Only a regular file is opened, and one over
     * {@link InputLimits#maxFileBytes()} is refused before it is read.
     *
     * @throws InvalidSubmissionException with every problem in the file (at most {@code limits.maxProblems()}
     *                                    listed, the rest counted), each located; or one saying why it was not read
     * @throws IOException                when the file cannot be read
     */
    public Submission read(Path file, InputLimits limits) throws IOException, InvalidSubmissionException {
        LedgerFormat format = LedgerFormats.forFile(file.toString());
        if (format == null) {
            throw new InvalidSubmissionException(List.of(LedgerFormats.unsupported(file.toString())));
        }
        return one(format, InputFile.of(file), limits);
    }

    /**
     * Reads and validates a ledger of one submission held in memory (an upload) or on disk, in any registered format
     * chosen by its name's extension.
     *
     * @throws InvalidSubmissionException with every problem, each located; or one saying why it was not read
     */
    public Submission read(InputFile input, InputLimits limits) throws IOException, InvalidSubmissionException {
        if (input.path() != null) {
            return read(input.path(), limits);
        }
        LedgerFormat format = LedgerFormats.forFile(input.name());
        if (format == null) {
            throw new InvalidSubmissionException(List.of(LedgerFormats.unsupported(input.name())));
        }
        if (input.content().length > limits.maxFileBytes()) {
            input.bytes(limits.maxFileBytes(), "--max-file-mb"); // throws, saying how large it is
        }
        return one(format, input, limits);
    }

    /** Reads the waivers (情况说明) of a waiver file in any registered format that holds them (JSON; xlsx with plancheck-io). */
    public List<Waiver> readWaivers(Path file) throws IOException, InvalidSubmissionException {
        return readWaivers(InputFile.of(file), InputLimits.defaults());
    }

    /**
     * Reads the waivers of a waiver file or upload with the given limits: a rule the pack does not have, the same rule
     * and unit twice, or a missing reason is a located problem; whether the units are in a ledger is for a check to
     * say ({@link #run(CheckRequest)}).
     *
     * @throws InvalidSubmissionException with every problem found, each located, or one saying why it was not read
     */
    public List<Waiver> readWaivers(InputFile input, InputLimits limits) throws IOException, InvalidSubmissionException {
        LedgerFormat format = LedgerFormats.forFile(input.name());
        if (format == null || !format.readsWaivers()) {
            throw new InvalidSubmissionException(List.of(LedgerFormats.unsupportedWaivers(input.name())));
        }
        return format.readWaivers(input, this, limits);
    }

    /** The first submission a format reads from an input, or its problems. */
    private Submission one(LedgerFormat format, InputFile input, InputLimits limits)
            throws IOException, InvalidSubmissionException {
        Submission[] one = new Submission[1];
        InvalidSubmissionException[] wrong = new InvalidSubmissionException[1];
        format.read(input, this, limits, new LedgerFormat.Sink() {
            @Override
            public void read(Submission submission) {
                if (one[0] == null && wrong[0] == null) {
                    one[0] = submission;
                }
            }

            @Override
            public void invalid(String source, InvalidSubmissionException problems) {
                if (one[0] == null && wrong[0] == null) {
                    wrong[0] = problems;
                }
            }

            @Override
            public void unreadable(Problem problem) {
                invalid(problem.file(), new InvalidSubmissionException(List.of(problem)));
            }
        });
        if (wrong[0] != null) {
            throw wrong[0];
        }
        return one[0];
    }

    /** Reads a JSON submission file, streamed; the JSON format's reader. */
    Submission readJson(Path file, InputLimits limits) throws IOException, InvalidSubmissionException {
        if (!Files.isRegularFile(file)) {
            // A FIFO or a device would block or never end; only regular files are read.
            throw new InvalidSubmissionException(List.of(Files.exists(file)
                    ? new Problem(ProblemCode.FILE_NOT_REGULAR, file.toString(), 0, 0, "", "不是普通文件（可能是管道、设备或文件夹），未读取")
                    : new Problem(ProblemCode.FILE_NOT_FOUND, file.toString(), 0, 0, "", "文件不存在")));
        }
        long size = Files.size(file);
        if (size > limits.maxFileBytes()) {
            throw new InvalidSubmissionException(List.of(new Problem(ProblemCode.LIMIT_FILE_SIZE, file.toString(), 0, 0, "", "文件过大：有 " + size
                    + " 字节，上限为 " + limits.maxFileBytes() + " 字节，未读取（上限可用 --max-file-mb 调整）")));
        }
        return reader.read(file.toString(), () -> Files.newInputStream(file), limits);
    }

    /**
     * Runs the check pipeline: every rule about a check's inputs (the as-of date and its bounds, folders and the files
     * skipped in them, formats, limits, waiver files merged and fitted to the units checked) applied once, then every
     * submission checked. The command line and the service are doors onto this; they only translate the outcome.
     *
     * <pre>{@code
     * CheckOutcome o = checker.run(CheckRequest.ofPaths(List.of(Path.of("ledgers/"))).withAsOf("2023-06-15"));
     * o.status();     // NO_GAPS, GAPS, BAD_INPUT or BROKEN_PACK
     * }</pre>
     */
    public CheckOutcome run(CheckRequest request) {
        List<Report> reports = new ArrayList<>();
        CheckOutcome o = run(request, new CheckListener() {
            @Override
            public void report(Report r) {
                reports.add(r);
            }
        });
        return new CheckOutcome(o.status(), o.status() == CheckOutcome.Status.BROKEN_PACK ? List.of() : reports,
                o.problems(), o.omitted(), o.batch(), o.submissions(), o.checked(), o.withGaps(), o.unusable());
    }

    /**
     * Runs the check pipeline, telling {@code listener} what happens as it goes and giving it each report as soon as it
     * is final; the outcome's report list is then empty. Without waivers a report is given as it is made, so a run over
     * a large NDJSON file holds one submission at a time; with waivers the reports are held until every ledger's units
     * are known (a waiver must name a unit of a checked ledger).
     */
    public CheckOutcome run(CheckRequest request, CheckListener listener) {
        return new CheckRun(this, request, listener, true).run();
    }

    /**
     * Reads and validates the request's ledgers as {@link #run(CheckRequest, CheckListener)} does — the same paths,
     * formats, limits and problems — without checking the rules: each valid submission goes to
     * {@link CheckListener#valid}. The outcome's {@code checked} counts the valid ones.
     */
    public CheckOutcome validate(CheckRequest request, CheckListener listener) {
        return new CheckRun(this, request, listener, false).run();
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
        Problem wrongDay = AsOf.problem(pack, options.asOf());
        if (wrongDay != null) {
            throw new IllegalArgumentException(wrongDay.message());
        }
        LocalDate asOf = options.asOf() == null ? pack.lastDay() : options.asOf();
        int coming = options.comingDueDays() == null ? pack.comingDueDays() : options.comingDueDays();
        List<String> unknown = options.waivers().stream().map(Waiver::ruleId)
                .filter(id -> compiled.rules().stream().noneMatch(r -> r.id().equals(id))).distinct().toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("情况说明所指的规则不在规则包 " + pack.id() + " 中：" + String.join("、", unknown));
        }
        return Waiving.apply(Evaluation.run(compiled, pack.contents(), binding, submission, asOf, coming), options.waivers());
    }
}
