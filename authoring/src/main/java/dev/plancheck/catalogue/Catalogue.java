package dev.plancheck.catalogue;

import dev.plancheck.report.PartResult;
import dev.plancheck.PlanChecker;
import dev.plancheck.report.RuleInfo;
import dev.plancheck.RulePack;
import java.util.List;

/**
 * What a pack's rules require, for the rule catalogue: each rule's metadata with the requirements it records
 * (the period, the minimum count, the quota) when run on an empty ledger. Built by {@link #of(PlanChecker)} and
 * written as Markdown by {@link CatalogueWriter}.
 *
 * @param pack    the pack
 * @param entries one per rule, in id order
 */
public record Catalogue(RulePack pack, List<Entry> entries) {
    /** The entries are copied: a catalogue does not change when the caller's list does. */
    public Catalogue {
        entries = List.copyOf(entries);
    }

    /**
     * The catalogue of a checker's pack: every rule with what it requires.
     *
     * <pre>{@code
     * String markdown = CatalogueWriter.markdown(Catalogue.of(PlanChecker.create()));
     * }</pre>
     */
    public static Catalogue of(PlanChecker checker) {
        var requirements = checker.requirements();
        return new Catalogue(checker.pack(), checker.rules().stream()
                .map(r -> new Entry(r, requirements.get(r.id()))).toList());
    }

    /**
     * One rule of the catalogue.
     *
     * @param rule         the rule's metadata
     * @param requirements the parts of the duty as the rule records them; for a conditional rule, as it records them
     *                     for one triggering record
     */
    public record Entry(RuleInfo rule, List<PartResult> requirements) {
        /** The requirements are copied. */
        public Entry {
            requirements = List.copyOf(requirements);
        }
    }
}
