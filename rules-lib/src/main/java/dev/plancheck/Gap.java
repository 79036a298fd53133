package dev.plancheck;

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
 */
public record Gap(RuleInfo rule, OrgUnit unit, String expected, String found, List<String> evidence) {
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
