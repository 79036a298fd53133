package dev.plancheck.model;

import java.util.List;
import java.util.Objects;

/**
 * A named number of days within which a follow-up must come after a triggering record, e.g. relief after a
 * disaster. Rules bind it by id, {@code Deadline(id == "disaster-relief")}, and turn it into the period that
 * applies to one trigger with {@link #after(Activity)}.
 */
public final class Deadline {
    private final String id;
    private final int days;
    private final String description;

    public Deadline(String id, int days, String description) {
        this.id = Objects.requireNonNull(id, "id");
        if (days < 1) {
            throw new IllegalArgumentException("deadline " + id + " must be at least 1 day, was " + days);
        }
        this.days = days;
        this.description = Objects.requireNonNull(description, "description");
    }

    public String getId() {
        return id;
    }

    public int getDays() {
        return days;
    }

    public String getDescription() {
        return description;
    }

    /**
     * The {@code days} days that start on the trigger's day, as "15 日内（含当日）" is counted: a disaster on 07-10
     * with a 15-day deadline must have relief by 07-24.
     */
    public Period after(Activity trigger) {
        return new Period(id + ":" + trigger.getId(), null,
                "自 " + trigger.getDate() + " 起 " + days + " 日",
                List.of(new DateRange(trigger.getDate(), trigger.getDate().plusDays(days - 1L))), null, trigger.getId());
    }
}
