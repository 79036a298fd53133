package dev.plancheck.model;

import java.time.LocalDate;
import java.util.Objects;

/** A closed range of days, both ends included. */
public record DateRange(LocalDate from, LocalDate to) {
    public DateRange {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("range ends before it starts: " + from + " .. " + to);
        }
    }

    /** True when the range and the days {@code first..last} share at least one day. */
    public boolean overlaps(LocalDate first, LocalDate last) {
        return !last.isBefore(from) && !first.isAfter(to);
    }

    public boolean contains(LocalDate day) {
        return overlaps(day, day);
    }

    /** Chinese rendering, e.g. {@code 2023-04-20 至 2023-05-06}, or a single day. */
    @Override
    public String toString() {
        return from.equals(to) ? from.toString() : from + " 至 " + to;
    }
}
