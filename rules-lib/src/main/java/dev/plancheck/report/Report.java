package dev.plancheck.report;

import dev.plancheck.model.OrgUnit;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The result of checking one submission: for every rule and every unit it applies to a status, the list of gaps,
 * notices about records that were not counted, and what falls due next. Immutable.
 *
 * @param source        the submission's file name (as given) or the name the embedder gave it
 * @param packId        the rule pack's id
 * @param packTitle     the plan's title
 * @param year          the assessment year
 * @param asOf          the day of the check
 * @param comingDueDays how many days ahead {@code comingDue} looks
 * @param units         the submission's units, subdistrict first
 * @param results       one per rule and unit, in rule order then unit order
 * @param gaps          the results with status {@link Status#GAP}, explained; a gap an assessor accepted carries
 *                      its {@link Gap#waiver() waiver} and is still listed here
 * @param notices       records not counted, counted once for two, or used by no rule; waivers not applied
 * @param comingDue     unmet parts whose window opens or closes within {@code comingDueDays} after {@code asOf}
 * @param retiredRules  rules the pack retires for its year, with the reason; they have no results
 * @param fingerprint   which rules judged: the pack's id, version and content hash
 * @param manualChecks  the sentences of the plan the assessor checks by hand (人工核验), in clause order; once per
 *                      report, not per unit
 */
public record Report(String source, String packId, String packTitle, int year, LocalDate asOf, int comingDueDays,
                     List<OrgUnit> units, List<RuleResult> results, List<Gap> gaps, List<Notice> notices,
                     List<ComingDuty> comingDue, List<RetiredRule> retiredRules, PackFingerprint fingerprint,
                     List<ManualCheck> manualChecks) {
    /** The lists are copied: a report does not change when the caller's lists do. */
    public Report {
        // Every report says which rules judged it; the writers print it unconditionally.
        java.util.Objects.requireNonNull(fingerprint, "fingerprint");
        units = List.copyOf(units);
        results = List.copyOf(results);
        gaps = List.copyOf(gaps);
        notices = List.copyOf(notices);
        comingDue = List.copyOf(comingDue);
        retiredRules = List.copyOf(retiredRules);
        manualChecks = List.copyOf(manualChecks);
    }

    /** A report of a pack that declares no 人工核验 sentences. */
    public Report(String source, String packId, String packTitle, int year, LocalDate asOf, int comingDueDays,
                  List<OrgUnit> units, List<RuleResult> results, List<Gap> gaps, List<Notice> notices,
                  List<ComingDuty> comingDue, List<RetiredRule> retiredRules, PackFingerprint fingerprint) {
        this(source, packId, packTitle, year, asOf, comingDueDays, units, results, gaps, notices, comingDue, retiredRules,
                fingerprint, List.of());
    }

    /** How many results have each status, e.g. {@code 已落实 77　缺项 2　未到期 0　不适用 0}; {@code counts()} gives the map. */
    public Summary summary() {
        return Summary.of(results);
    }

    /** How many of the given results have each status, in {@link Status} order, zeros included. */
    public static Map<Status, Integer> countByStatus(List<RuleResult> results) {
        Map<Status, Integer> counts = new EnumMap<>(Status.class);
        for (Status s : Status.values()) {
            counts.put(s, 0);
        }
        for (RuleResult r : results) {
            counts.merge(r.status(), 1, Integer::sum);
        }
        return counts;
    }

    /** True when at least one duty is missing and no waiver accepts it. */
    public boolean hasGaps() {
        return gaps.stream().anyMatch(g -> !g.waived());
    }

    /** The gaps no waiver accepts: what must still be done. */
    public List<Gap> openGaps() {
        return gaps.stream().filter(g -> !g.waived()).toList();
    }

    /** The gaps an assessor accepted with a reason (已说明). */
    public List<Gap> waivedGaps() {
        return gaps.stream().filter(Gap::waived).toList();
    }

    /** The gap of a rule for a unit, or {@code null} when that result is not a gap. */
    public Gap gapOf(String ruleId, String unitId) {
        return gaps.stream().filter(g -> g.ruleId().equals(ruleId) && g.unit().getId().equals(unitId))
                .findFirst().orElse(null);
    }
}
