package dev.plancheck.scenario;

import dev.plancheck.CheckOptions;
import dev.plancheck.input.InvalidSubmissionException;
import dev.plancheck.PlanChecker;
import dev.plancheck.report.Report;
import dev.plancheck.report.RuleInfo;
import dev.plancheck.input.Submission;
import java.time.LocalDate;
import java.util.List;

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
    private final List<ScenarioRunner.Expected> expected;
    private final List<String[]> notices;

    ScenarioCase(String file, int line, RuleInfo rule, String name, Submission submission, LocalDate asOf,
                 List<ScenarioRunner.Expected> expected, List<String[]> notices) {
        this.file = file;
        this.line = line;
        this.rule = rule;
        this.name = name;
        this.submission = submission;
        this.asOf = asOf;
        this.expected = List.copyOf(expected);
        this.notices = List.copyOf(notices);
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

    /** The rule the case tests. */
    public RuleInfo rule() {
        return rule;
    }

    /**
     * The report of the case's submission, checked on the case's date.
     *
     * @throws InvalidSubmissionException when the checker's pack does not accept the submission
     * @throws IllegalArgumentException   when the case's date cannot be a check date of the pack (before its year)
     */
    public Report report(PlanChecker checker) throws InvalidSubmissionException {
        return checker.check(submission, new CheckOptions(asOf, null));
    }

    /** Checks the case's submission with a checker and compares the report with the case's expectations. */
    public CaseOutcome run(PlanChecker checker) {
        Report report;
        try {
            report = report(checker);
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
        List<String> mismatches = new java.util.ArrayList<>(resultMismatches(report));
        mismatches.addAll(noticeMismatches(report));
        return new CaseOutcome(file, line, rule.id(), name, mismatches);
    }

    /** What differs in the rule's results (the {@code expect} list). */
    List<String> resultMismatches(Report report) {
        return ScenarioRunner.compareResults(rule, report, expected);
    }

    /** What differs in the notices (the {@code notices} list). */
    List<String> noticeMismatches(Report report) {
        return ScenarioRunner.compareNotices(report, notices);
    }

    /** The case's expectations of the rule's results, by unit. */
    List<ScenarioRunner.Expected> expected() {
        return expected;
    }
}
