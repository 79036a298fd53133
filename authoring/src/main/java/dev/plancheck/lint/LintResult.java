package dev.plancheck.lint;

import dev.plancheck.lint.LintFinding.Check;
import dev.plancheck.report.PackFingerprint;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What {@link PackLint} found: the pack it checked and every finding, in check order.
 *
 * <pre>{@code
 * LintResult r = PackLint.lint("sample-data/qingsong-2023/pack", null, true);
 * r.clean();                 // true
 * r.rules();                 // 4
 * r.scenarioCases();         // 12
 * r.notRun();                // {}: every check ran
 * }</pre>
 *
 * A check that could not run (the metadata, when the DRL does not compile; everything but the files, when the pack's
 * files cannot be read) is in {@link #notRun} with the reason, and is never shown as passed.
 *
 * @param pack          the pack's id, or the name the user gave when it could not be loaded
 * @param fingerprint   the pack's fingerprint, or {@code null} when it could not be loaded
 * @param rules         how many rules compiled
 * @param scenarioFiles how many scenario files ran
 * @param scenarioCases how many scenario cases ran
 * @param notRun        the checks that did not run, or ran only in part, each with the reason
 * @param findings      every problem found
 */
public record LintResult(String pack, PackFingerprint fingerprint, int rules, int scenarioFiles, int scenarioCases,
                         Map<Check, String> notRun, List<LintFinding> findings) {
    /** The map and list are copied. */
    public LintResult {
        notRun = Collections.unmodifiableMap(notRun.isEmpty() ? new EnumMap<>(Check.class) : new EnumMap<>(notRun));
        findings = List.copyOf(findings);
    }

    /** True when nothing was found and every check ran (scenario coverage may have been skipped on request). */
    public boolean clean() {
        return findings.isEmpty() && notRun.keySet().stream().allMatch(c -> c == Check.SCENARIOS);
    }

    /** True when scenario coverage was not checked (asked for, no scenario folder, or the pack could not be loaded). */
    public boolean scenariosSkipped() {
        return notRun.containsKey(Check.SCENARIOS);
    }

    /** How a check came out: found something, did not run (or only in part), or ran and found nothing. */
    public Outcome outcome(Check check) {
        if (findings.stream().anyMatch(f -> f.check() == check)) {
            return Outcome.FOUND;
        }
        return notRun.containsKey(check) ? Outcome.NOT_RUN : Outcome.PASSED;
    }

    /** The outcome of one check, with the mark {@code checker lint} shows for it. */
    public enum Outcome {
        /** Ran and found nothing: ✓. */
        PASSED("✓"),
        /** Found something: ✗. */
        FOUND("✗"),
        /** Did not run, or only in part, and found nothing in the part that ran: －. */
        NOT_RUN("－");

        private final String mark;

        Outcome(String mark) {
            this.mark = mark;
        }

        /** The mark shown before the check's name. */
        public String mark() {
            return mark;
        }
    }
}
