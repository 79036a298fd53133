package dev.plancheck.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A named stretch of the assessment year in which a duty must be carried out: the whole year, a node's window,
 * a season, one half of the year, or the days after a disaster. It may consist of several ranges (winter warmth
 * falls in January–February or in December). Rules bind periods by id, e.g. {@code Period(id == "year")}, or by
 * series, e.g. {@code Period(series == "half-year")} to fire once per half.
 */
public final class Period {
    private final String id;
    private final String series;
    private final String name;
    private final List<DateRange> ranges;
    private final LocalDate anchor;
    private final String triggerId;
    /** The assessment year whose duty this is, when its days run past that year's 31 December; otherwise 0. */
    private final int dutyYear;
    /** Said in every part's expected text of every check: made once. */
    private final String days;

    /**
     * @param id     stable id used by rules, e.g. {@code "node.qingming"}
     * @param series the series this period belongs to (e.g. {@code "half-year"}), or {@code null}
     * @param name   Chinese name, e.g. {@code "清明节前后"}
     * @param ranges one or more ranges in ascending order, not overlapping
     * @param anchor the node day the period surrounds, or {@code null}
     */
    public Period(String id, String series, String name, List<DateRange> ranges, LocalDate anchor) {
        this(id, series, name, ranges, anchor, null, 0);
    }

    /**
     * A period of the assessment year {@code year}: when its days run past 31 December of that year (December's
     * report due 5 January, a winter to February), every statement of its days says whose duty it is:
     * {@code 2023-12-31 至 2024-01-05；2023 年度职责}.
     */
    public static Period ofYear(int year, String id, String series, String name, List<DateRange> ranges, LocalDate anchor) {
        boolean beyond = !ranges.isEmpty() && ranges.get(ranges.size() - 1).to().getYear() > year;
        return new Period(id, series, name, ranges, anchor, null, beyond ? year : 0);
    }

    /** A period that follows one triggering record, e.g. the days after a disaster; see {@link Deadline#after}. */
    Period(String id, String series, String name, List<DateRange> ranges, LocalDate anchor, String triggerId) {
        this(id, series, name, ranges, anchor, triggerId, 0);
    }

    private Period(String id, String series, String name, List<DateRange> ranges, LocalDate anchor, String triggerId,
                   int dutyYear) {
        this.id = Objects.requireNonNull(id, "id");
        this.series = series;
        this.name = Objects.requireNonNull(name, "name");
        if (ranges.isEmpty()) {
            throw new IllegalArgumentException("period " + id + " has no days");
        }
        this.ranges = List.copyOf(ranges);
        this.anchor = anchor;
        this.triggerId = triggerId;
        this.dutyYear = dutyYear;
        this.days = this.ranges.stream().map(DateRange::toString).collect(Collectors.joining("、"))
                + (dutyYear == 0 ? "" : "；" + dutyYear + " 年度职责");
    }

    public String getId() {
        return id;
    }

    public String getSeries() {
        return series;
    }

    public String getName() {
        return name;
    }

    public List<DateRange> getRanges() {
        return ranges;
    }

    /** The node day this period surrounds (e.g. Qingming), or {@code null}. */
    public LocalDate getAnchor() {
        return anchor;
    }

    /** The id of the record that started this period (a disaster), or {@code null}. */
    public String getTriggerId() {
        return triggerId;
    }

    /**
     * The assessment year whose duty this is when the period ends after that year's 31 December (it is 未到期 until
     * its last day, and is checked with an as-of date in the next year); 0 for a period inside one year.
     */
    public int getDutyYear() {
        return dutyYear;
    }

    /** The first day of the period. */
    public LocalDate getOpens() {
        return ranges.get(0).from();
    }

    /** The last day of the period: a duty not met by the end of this day is overdue. */
    public LocalDate getCloses() {
        return ranges.get(ranges.size() - 1).to();
    }

    /**
     * True when the activity started inside the period. A record counts in the one period where it starts, so a
     * screening from 06-25 to 07-05 is first-half work only, and relief that began before a disaster is not relief
     * for it (docs/interpretation.md 2.3).
     */
    public boolean covers(Activity activity) {
        // A loop, not a stream: this runs for every candidate of every rule's firing.
        LocalDate date = activity.getDate();
        for (DateRange r : ranges) {
            if (r.contains(date)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The days in Chinese, e.g. {@code 2023-01-01 至 2023-02-28、2023-12-01 至 2023-12-31}; a period that ends in the
     * next year adds whose duty it is: {@code 2023-12-01 至 2024-02-29；2023 年度职责}.
     */
    public String describeDays() {
        return days;
    }

    @Override
    public String toString() {
        return name + "（" + describeDays() + "）";
    }
}
