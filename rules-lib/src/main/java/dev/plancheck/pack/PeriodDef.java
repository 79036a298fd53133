package dev.plancheck.pack;

import dev.plancheck.calendar.PeriodSpec;
import dev.plancheck.model.Period;

/**
 * A period as the parameter file defines it: id, optional series, Chinese name, description and how its days are
 * found. {@link #in(int)} gives the {@link Period} fact for one year.
 */
public record PeriodDef(String id, String series, String name, String description, PeriodSpec spec) {
    public Period in(int year) {
        return new Period(id, series, name, spec.rangesIn(year),
                spec instanceof PeriodSpec.AroundNode a ? a.node().in(year) : null);
    }
}
