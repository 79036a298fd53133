package dev.plancheck.report;

import dev.plancheck.model.DateRange;
import java.time.LocalDate;
import java.util.List;

/**
 * One part of a duty for one unit: e.g. "上半年的专项行动", or "使用金额不超过募集金额". A duty is met when all its
 * parts are.
 *
 * @param what       what is required, in Chinese
 * @param periodId   the period's id in the pack's parameters, or {@code null} for a consistency check
 * @param periodName the period's Chinese name
 * @param days       the days of the period in the assessment year
 * @param anchor     the node day the period surrounds, or {@code null}
 * @param min        how many distinct records are required (0 for a consistency check or a rate); for a sum, the total
 *                   in 人次 or 元
 * @param quotaId    the quota parameter giving {@code min}, or {@code null} when one record suffices; for a rate
 *                   ({@code findings.ratioAtLeast}, {@code shareAtLeast}), the rate parameter
 * @param evidence   ids of the records that count, in date order
 * @param outside    ids of records of the right kind that fell outside the period and did not count
 * @param status     {@link Status#MET}, {@link Status#GAP} or {@link Status#NOT_DUE}
 * @param expected   what was expected, in Chinese
 * @param found      what was found, in Chinese
 */
public record PartResult(String what, String periodId, String periodName, List<DateRange> days, LocalDate anchor,
                         int min, String quotaId, List<String> evidence, List<String> outside, Status status,
                         String expected, String found) {
    /** The lists are copied. */
    public PartResult {
        days = List.copyOf(days);
        evidence = List.copyOf(evidence);
        outside = List.copyOf(outside);
    }

    /** The last day of the period, or {@code null} for a consistency check. */
    public LocalDate closes() {
        return days.isEmpty() ? null : days.get(days.size() - 1).to();
    }

    /** The first day of the period, or {@code null} for a consistency check. */
    public LocalDate opens() {
        return days.isEmpty() ? null : days.get(0).from();
    }
}
