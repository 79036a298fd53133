package dev.plancheck.scenario;

import dev.plancheck.CheckOptions;
import dev.plancheck.input.InvalidSubmissionException;
import dev.plancheck.PlanChecker;
import dev.plancheck.report.Report;
import dev.plancheck.report.RuleInfo;
import dev.plancheck.input.Submission;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;

/**
 * One case of a scenario file, read and ready to run: its submission, its check date and what it expects of the
 * rule. {@link #judge} compares any report of that submission with the expectations, so the case can be judged
 * against a report made some other way than {@link #run} (a mutated rule set).
 */
public final class ScenarioCase {
    private final String file;
    private final int line;
    private final RuleInfo rule;
    private final String name;
    private final Submission submission;
    private final LocalDate asOf;
    private final Function<Report, List<String>> compare;

    ScenarioCase(String file, int line, RuleInfo rule, String name, Submission submission, LocalDate asOf,
                 Function<Report, List<String>> compare) {
        this.file = file;
        this.line = line;
        this.rule = rule;
        this.name = name;
        this.submission = submission;
        this.asOf = asOf;
        this.compare = compare;
    }

    public String name() {
        return name;
    }

    public int line() {
        return line;
    }

    /** The case's submission: the file's units and the case's activities. */
    public Submission submission() {
        return submission;
    }

    /** The case's check date, or {@code null} for the end of the pack's year. */
    public LocalDate asOf() {
        return asOf;
    }

    /** Checks the case's submission with a checker and compares the report with the case's expectations. */
    public CaseOutcome run(PlanChecker checker) {
        Report report;
        try {
            report = checker.check(submission, new CheckOptions(asOf, null));
        } catch (InvalidSubmissionException e) {
            return new CaseOutcome(file, line, rule.id(), name, List.of("提交无效：" + e.getMessage()));
        } catch (IllegalArgumentException e) {
            // e.g. an asOf before the pack's year: a mismatch of this case, not a crash of the run
            return new CaseOutcome(file, line, rule.id(), name, List.of("无法检查：" + e.getMessage()));
        }
        return judge(report);
    }

    /** Compares a report of this case's submission with the case's expectations. */
    public CaseOutcome judge(Report report) {
        return new CaseOutcome(file, line, rule.id(), name, compare.apply(report));
    }
}
