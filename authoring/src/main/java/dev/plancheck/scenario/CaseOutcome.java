package dev.plancheck.scenario;

import java.util.List;

/**
 * The outcome of one case of a scenario file.
 *
 * @param file       the scenario file
 * @param line       the line of the case in the file
 * @param rule       the rule the file tests
 * @param name       the case's name, e.g. {@code reports_gap_when_only_one_special_meeting_is_held}
 * @param mismatches what differed between the expected and the actual result; empty when the case passed
 */
public record CaseOutcome(String file, int line, String rule, String name, List<String> mismatches) {
    /** The mismatches are copied. */
    public CaseOutcome {
        mismatches = List.copyOf(mismatches);
    }

    public boolean passed() {
        return mismatches.isEmpty();
    }
}
