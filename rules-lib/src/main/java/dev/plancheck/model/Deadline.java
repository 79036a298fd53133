package dev.plancheck.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A named number of days within which a follow-up must come after a triggering record, e.g. relief after a
 * disaster, counted in calendar days or in working days (工作日). Rules bind it by id,
 * {@code Deadline(id == "disaster-relief")}, and turn it into the period that applies to one trigger with
 * {@link #after(Activity)}.
 */
public final class Deadline {
    private final String id;
    private final int days;
    private final String description;
    /** The calendar of working days for a deadline in working days, or {@code null} for one in calendar days. */
    private final WorkCalendar calendar;

    /** A deadline in calendar days. */
    public Deadline(String id, int days, String description) {
        this(id, days, description, null);
    }

    /**
     * A deadline in working days when {@code calendar} is given, counted with it; in calendar days when it is null.
     * {@code new Deadline("notice-reply", 10, "…", calendar)}: 10 个工作日.
     */
    public Deadline(String id, int days, String description, WorkCalendar calendar) {
        this.id = Objects.requireNonNull(id, "id");
        if (days < 1) {
            throw new IllegalArgumentException("deadline " + id + " must be at least 1 day, was " + days);
        }
        this.days = days;
        this.description = Objects.requireNonNull(description, "description");
        this.calendar = calendar;
    }

    public String getId() {
        return id;
    }

    /** The number of days, or of working days when {@link #isInWorkingDays()}. */
    public int getDays() {
        return days;
    }

    public String getDescription() {
        return description;
    }

    /** True when the deadline counts working days (工作日) rather than calendar days. */
    public boolean isInWorkingDays() {
        return calendar != null;
    }

    /** The calendar a deadline in working days counts with, or {@code null}. */
    public WorkCalendar calendar() {
        return calendar;
    }

    /** The length in words: {@code 15 日} or {@code 10 个工作日}. */
    public String length() {
        return calendar == null ? days + " 日" : days + " 个工作日";
    }

    /** The same deadline one day (or one working day) longer: what a rule's tests must notice. */
    public Deadline longer() {
        return new Deadline(id, days + 1, description, calendar);
    }

    /**
     * The days within which a follow-up must start.
     * <p>In calendar days: from the trigger's first day to {@code days} days after its last day, both included, as
     * "15 日内（含当日）" is counted. A disaster on 07-10 with a 15-day deadline must have relief by 07-24; a snowstorm
     * from 01-10 to 01-16 by 01-30, and relief given while it lasts counts.
     * <p>In working days: from the trigger's first day to the {@code days}th working day after its last day, which
     * itself is not counted (Civil Code art. 201); days off and make-up working days follow the calendar. A notice on
     * 2024-09-26 with 10 working days must be answered by 2024-10-15 (国庆节 pushes it on). A count that needs a year
     * the calendar has no data for fails, naming the year.
     * <p>Either way a follow-up that starts before the trigger does not answer it.
     */
    public Period after(Activity trigger) {
        LocalDate last = trigger.getLastDate();
        String name;
        LocalDate end;
        if (calendar == null) {
            end = last.plusDays(days - 1L);
            name = last.equals(trigger.getDate())
                    ? "自 " + trigger.getDate() + " 起 " + days + " 日"
                    : "自 " + trigger.getDate() + " 起至其结束（" + last + "）后 " + days + " 日";
        } else {
            end = calendar.afterWorkingDays(last, days);
            List<String> breaks = calendar.breaksBetween(last, end);
            String counted = days + " 个工作日（至 " + end
                    + (breaks.isEmpty() ? "" : "，" + String.join("、", breaks) + "假期顺延") + "）";
            name = last.equals(trigger.getDate())
                    ? "自 " + trigger.getDate() + " 起 " + counted
                    : "自 " + trigger.getDate() + " 起至其结束（" + last + "）后 " + counted;
        }
        return new Period(id + ":" + trigger.getId(), null, name,
                List.of(new DateRange(trigger.getDate(), end)), null, trigger.getId());
    }
}
