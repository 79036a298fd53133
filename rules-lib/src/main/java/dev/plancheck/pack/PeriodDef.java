package dev.plancheck.pack;

import dev.plancheck.calendar.PeriodSpec;
import dev.plancheck.calendar.Series;
import dev.plancheck.model.Period;
import java.util.List;

/**
 * A period as the parameter file defines it: id, optional series, Chinese name, description and how its days are
 * found. {@link #in(int)} gives the {@link Period} fact for one year. A series declared with {@code every} is one
 * definition that gives several periods ({@link #periodsIn(int)}): ids {@code <id>.01}…, series {@code <id>}, and
 * {@code spec} null.
 */
public record PeriodDef(String id, String series, String name, String description, PeriodSpec spec, Series every) {
    /** A single period. */
    public PeriodDef(String id, String series, String name, String description, PeriodSpec spec) {
        this(id, series, name, description, spec, null);
    }

    /** A series declared once: its periods belong to the series named by {@code id}. */
    public static PeriodDef series(String id, String name, String description, Series every) {
        return new PeriodDef(id, id, name, description, null, every);
    }

    /** The single period of this definition in {@code year}; a series declared with {@code every} has several. */
    public Period in(int year) {
        if (every != null) {
            throw new IllegalStateException("period " + id + " is a series: use periodsIn");
        }
        return Period.ofYear(year, id, series, name, spec.rangesIn(year),
                spec instanceof PeriodSpec.AroundNode a ? a.node().in(year) : null);
    }

    /** Every period this definition gives in {@code year}: one, or one per slot of a series. */
    public List<Period> periodsIn(int year) {
        if (every == null) {
            return List.of(in(year));
        }
        return every.slots(year).stream()
                .map(s -> Period.ofYear(year, id + "." + s.suffix(), id, s.name(), List.of(s.window()), null)).toList();
    }

    /** How the days are found, in words for the catalogue. */
    public String describe() {
        return every == null ? spec.describe() : every.describe();
    }
}
