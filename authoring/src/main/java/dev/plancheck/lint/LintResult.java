package dev.plancheck.lint;

import dev.plancheck.report.PackFingerprint;
import java.util.List;

/**
 * What {@link PackLint} found: the pack it checked and every finding, in check order.
 *
 * <pre>{@code
 * LintResult r = PackLint.lint("sample-data/qingsong-2023/pack", null, true);
 * r.clean();                 // true
 * r.rules();                 // 4
 * r.scenarioCases();         // 12
 * }</pre>
 *
 * @param pack          the pack's id, or the name the user gave when it could not be loaded
 * @param fingerprint   the pack's fingerprint, or {@code null} when it could not be loaded
 * @param rules         how many rules compiled
 * @param scenarioFiles how many scenario files ran
 * @param scenarioCases how many scenario cases ran
 * @param scenariosSkipped true when scenario coverage was not checked (asked for, or no scenario folder)
 * @param findings      every problem found
 */
public record LintResult(String pack, PackFingerprint fingerprint, int rules, int scenarioFiles, int scenarioCases,
                         boolean scenariosSkipped, List<LintFinding> findings) {
    /** True when nothing was found. */
    public boolean clean() {
        return findings.isEmpty();
    }
}
