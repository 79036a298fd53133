package dev.plancheck.input;

import dev.plancheck.PlanChecker;
import dev.plancheck.model.Activity;
import dev.plancheck.model.OrgUnit;
import java.util.List;
import java.util.Objects;

/**
 * A submission: one subdistrict's units and its ledger of activities for one assessment year. Read one from JSON
 * with {@link PlanChecker#read}, or build one in code with {@link #of}; either way it is validated against the
 * pack's vocabulary before it is checked.
 *
 * <pre>{@code
 * Submission s = Submission.of("ledger", 2023,
 *         List.of(new OrgUnit("DC", "电厂街道", UnitLevel.SUBDISTRICT), new OrgUnit("C1", "和平社区", UnitLevel.COMMUNITY)),
 *         List.of(Activity.builder("m1").unitId("DC").kind("special-meeting").date(LocalDate.of(2023, 3, 9))
 *                 .title("统战工作专题会议").topics(Set.of("united-front")).build()));
 * }</pre>
 */
public final class Submission {
    private final String source;
    private final int year;
    private final List<OrgUnit> units;
    private final List<Activity> activities;

    private Submission(String source, int year, List<OrgUnit> units, List<Activity> activities) {
        this.source = Objects.requireNonNull(source, "source");
        this.year = year;
        this.units = List.copyOf(units);
        this.activities = List.copyOf(activities);
    }

    /**
     * A submission built in code.
     *
     * @param source a name for messages and reports (a file name, a ledger id)
     */
    public static Submission of(String source, int year, List<OrgUnit> units, List<Activity> activities) {
        return new Submission(source, year, units, activities);
    }

    public String source() {
        return source;
    }

    public int year() {
        return year;
    }

    /** The units in submission order. */
    public List<OrgUnit> units() {
        return units;
    }

    /** The activity records in submission order. */
    public List<Activity> activities() {
        return activities;
    }
}
