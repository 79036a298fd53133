package dev.plancheck.pack;

/**
 * The longest multi-day activity whose span, not only its first day, counts in a period: a 清明 series from 03-25 to
 * 04-05 overlaps the 清明 window and counts there, while one record from 01-01 to 12-31 counts only where it starts.
 * A pack parameter ({@code "longestSpan": {"days": 15, "description": "…"}}); a pack without it counts every record
 * only in the period where it starts.
 *
 * @param days        the most days, first and last included, a record may run for its span to count
 * @param description why, for the catalogue
 */
public record SpanLimit(int days, String description) {
}
