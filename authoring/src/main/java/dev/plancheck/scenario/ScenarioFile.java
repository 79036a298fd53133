package dev.plancheck.scenario;

import dev.plancheck.PlanChecker;
import dev.plancheck.report.RuleInfo;
import java.util.ArrayList;
import java.util.List;

/**
 * A scenario file read once: the rule it tests and its cases, each with its submission already parsed. Running the
 * same file against several checkers (as rule mutation testing does) reads and validates the JSON only once.
 *
 * <pre>{@code
 * ScenarioFile file = new ScenarioRunner(checker).prepare(Path.of("R1.2-4.json"));
 * List<CaseOutcome> outcomes = file.run(otherChecker);
 * }</pre>
 *
 * @param file  the file, as named in messages
 * @param rule  the rule the file tests
 * @param cases the cases, in file order
 */
public record ScenarioFile(String file, RuleInfo rule, List<ScenarioCase> cases) {
    public ScenarioFile {
        cases = List.copyOf(cases);
    }

    /** Runs every case against a checker of the same pack (same year and vocabulary). */
    public List<CaseOutcome> run(PlanChecker checker) {
        List<CaseOutcome> out = new ArrayList<>();
        for (ScenarioCase c : cases) {
            out.add(c.run(checker));
        }
        return List.copyOf(out);
    }
}
