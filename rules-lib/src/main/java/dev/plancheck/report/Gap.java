package dev.plancheck.report;

import dev.plancheck.input.Waiver;
import dev.plancheck.model.OrgUnit;
import java.util.List;

/**
 * A duty not met for a unit: which rule and clause, what was expected and what was found.
 *
 * @param rule     the rule that found the gap
 * @param unit     the unit that owes the duty
 * @param expected what the plan requires, in Chinese, e.g. {@code 统战专题会议：全年（2023-01-01 至 2023-12-31）内至少 2 条}
 * @param found    what the submission holds, e.g. {@code 1 条：m1（2023-05-10 统战工作专题会议）}
 * @param evidence ids of the records that were looked at and counted
 * @param waiver   the assessor's acceptance of this gap (情况说明), or {@code null} when the gap is open
 */
public record Gap(RuleInfo rule, OrgUnit unit, String expected, String found, List<String> evidence, Waiver waiver) {
    /** The evidence is copied. */
    public Gap {
        evidence = List.copyOf(evidence);
    }

    /** True when an assessor accepted the gap with a reason: it is still reported, but not as an open gap. */
    public boolean waived() {
        return waiver != null;
    }

    /** The same gap, accepted by the given waiver. */
    public Gap withWaiver(Waiver w) {
        return new Gap(rule, unit, expected, found, evidence, w);
    }

    public String ruleId() {
        return rule.id();
    }

    public String title() {
        return rule.title();
    }

    public String clause() {
        return rule.clause();
    }

    /** The original sentence of the clause the rule enforces. */
    public String clauseText() {
        return rule.sentence();
    }
}
