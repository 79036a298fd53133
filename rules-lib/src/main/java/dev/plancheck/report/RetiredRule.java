package dev.plancheck.report;

/**
 * A rule of the rule set that the pack's parameter file retires for its year, with the reason: a duty tied to one
 * year (the 75th anniversary of the 五一口号 in 2023) is not checked in another. Reports list retired rules so that
 * nothing disappears silently.
 *
 * @param rule   the retired rule
 * @param reason why it does not apply in this year, in Chinese
 */
public record RetiredRule(RuleInfo rule, String reason) {
}
