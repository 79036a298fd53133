package dev.plancheck.report;

import dev.plancheck.model.Coded;
import dev.plancheck.model.UnitLevel;

/** Whom a rule binds: the subdistrict as a whole, or every community on its own. */
public enum Scope implements Coded {
    /** The subdistrict as a whole (any of its units may carry it out unless the rule names the unit). */
    SUBDISTRICT("subdistrict", "街道"),
    /** Every community, each on its own ("各社区"). */
    EACH_COMMUNITY("community", "各社区");

    private final String code;
    private final String chineseName;

    Scope(String code, String chineseName) {
        this.code = code;
        this.chineseName = chineseName;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public String chineseName() {
        return chineseName;
    }

    /**
     * Whether a rule of this scope binds a unit of that level: the one place that decides it.
     * {@code SUBDISTRICT.appliesTo(UnitLevel.SUBDISTRICT)} is true, {@code SUBDISTRICT.appliesTo(UnitLevel.COMMUNITY)} false.
     */
    public boolean appliesTo(UnitLevel level) {
        return (this == SUBDISTRICT) == (level == UnitLevel.SUBDISTRICT);
    }

    /** The constant for a code, or {@code null}. */
    public static Scope fromCode(String code) {
        return Coded.byCode(Scope.class, code);
    }
}
