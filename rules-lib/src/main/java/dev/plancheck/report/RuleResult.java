package dev.plancheck.report;

import dev.plancheck.model.OrgUnit;
import java.util.List;

/**
 * The status of one rule for one unit it applies to, with the records that evidence it.
 *
 * @param rule     the rule
 * @param unit     the unit
 * @param status   the status
 * @param evidence ids of the records that counted, over all parts
 * @param parts    the parts of the duty, each with its own status; empty when not applicable
 * @param note     why the rule does not apply, or {@code null}
 */
public record RuleResult(RuleInfo rule, OrgUnit unit, Status status, List<String> evidence, List<PartResult> parts,
                         String note) {
    /** The lists are copied. */
    public RuleResult {
        evidence = List.copyOf(evidence);
        parts = List.copyOf(parts);
    }
}
