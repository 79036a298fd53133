package dev.plancheck.model;

import java.time.LocalDate;
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
     * The days within which a follow-up must start: from the trigger's first day to {@code days} days after its
     * last day, both included, as "15 日内（含当日）" is counted. A disaster on 07-10 with a 15-day deadline must have
     * relief by 07-24; a snowstorm from 01-10 to 01-16 by 01-30, and relief given while it lasts counts. A follow-up
     * that starts before the trigger does not answer it.
     */
    public Period after(Activity trigger) {
        LocalDate last = trigger.getLastDate();
        String name = last.equals(trigger.getDate())
                ? "自 " + trigger.getDate() + " 起 " + days + " 日"
                : "自 " + trigger.getDate() + " 起至其结束（" + last + "）后 " + days + " 日";
        return new Period(id + ":" + trigger.getId(), null, name,
                List.of(new DateRange(trigger.getDate(), last.plusDays(days - 1L))), null, trigger.getId());
    }
}
