package dev.plancheck;

import java.util.List;

/**
 * What a pack's rules require, for the rule catalogue: each rule's metadata with the requirements it records
 * (the period, the minimum count, the quota) when run on an empty ledger. Built by {@link PlanChecker#catalogue()}
 * and written as Markdown by {@link dev.plancheck.catalogue.CatalogueWriter}.
 *
 * @param pack    the pack
 * @param entries one per rule, in id order
 */
public record Catalogue(RulePack pack, List<Entry> entries) {
    /**
     * One rule of the catalogue.
     *
     * @param rule         the rule's metadata
     * @param requirements the parts of the duty as the rule records them; for a conditional rule, as it records them
     *                     for one triggering record
     */
    public record Entry(RuleInfo rule, List<PartResult> requirements) {
    }
}
