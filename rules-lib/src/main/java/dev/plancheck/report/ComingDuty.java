package dev.plancheck.report;

import dev.plancheck.model.OrgUnit;
import java.time.LocalDate;

/**
 * A part of a duty, not yet met, whose window opens or closes within the "coming due" days after the as-of date.
 * For a period of several ranges, {@code opens} and {@code closes} are those of the range concerned.
 *
 * @param rule       the rule
 * @param unit       the unit that owes it
 * @param what       what is required
 * @param periodName the period's Chinese name
 * @param opens      the first day it can be done
 * @param closes     the last day it can be done
 * @param anchor     the node day, or {@code null}
 */
public record ComingDuty(RuleInfo rule, OrgUnit unit, String what, String periodName, LocalDate opens,
                         LocalDate closes, LocalDate anchor) {
}
