package dev.plancheck.pack;

import dev.plancheck.model.Period;
import dev.plancheck.report.PackFingerprint;
import java.time.LocalDate;
import java.util.List;

/**
 * A pack's files, read and checked: its parameters, its rule set, where it was loaded from and its fingerprint. The
 * engine and the authoring kit work on this; embedders see it through {@code dev.plancheck.RulePack}, which hands out
 * only read-only views of it.
 *
 * @param parameters  the parameter file
 * @param ruleSet     the DRL files, clauses and vocabulary
 * @param origin      where the parameter file was read, e.g. {@code classpath:dev/plancheck/packs/dianchang-2023.json}
 * @param fingerprint the pack's id, version and content hash
 * @param periods     every period of the parameter file, resolved for the pack's year: once, when the pack is loaded,
 *                    not for every check (a node day such as the spring festival is an astronomical computation);
 *                    a series declared with {@code every} gives one period per month, quarter…
 */
public record LoadedPack(PackFile parameters, RuleSet ruleSet, String origin, PackFingerprint fingerprint,
                         List<Period> periods) {
    /** The periods are copied: the record is shared by every check and every thread. */
    public LoadedPack {
        periods = List.copyOf(periods);
    }

    /** The pack of these files, its periods resolved for its year. */
    public LoadedPack(PackFile parameters, RuleSet ruleSet, String origin, PackFingerprint fingerprint) {
        this(parameters, ruleSet, origin, fingerprint,
                parameters.periods().values().stream().flatMap(p -> p.periodsIn(parameters.year()).stream()).toList());
    }

    /** The definition a period of {@link #periods} comes from: its own, or the series declared with {@code every}. */
    public PeriodDef periodDef(String periodId) {
        PeriodDef own = parameters.periods().get(periodId);
        if (own != null) {
            return own;
        }
        int dot = periodId.lastIndexOf('.');
        PeriodDef series = dot < 0 ? null : parameters.periods().get(periodId.substring(0, dot));
        return series != null && series.every() != null ? series : null;
    }

    /** The pack's id, e.g. {@code dianchang-2023}. */
    public String id() {
        return parameters.id();
    }

    /** The plan's title. */
    public String title() {
        return parameters.title();
    }

    /** The assessment year. */
    public int year() {
        return parameters.year();
    }

    /** The first day of the assessment year. */
    public LocalDate firstDay() {
        return LocalDate.of(year(), 1, 1);
    }

    /** The last day of the assessment year. */
    public LocalDate lastDay() {
        return LocalDate.of(year(), 12, 31);
    }
}
