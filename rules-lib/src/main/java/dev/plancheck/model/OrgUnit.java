package dev.plancheck.model;

import java.util.Objects;

/**
 * An organisational unit of the submission: the subdistrict or one of its communities.
 *
 * <p>Named {@code OrgUnit} and matched in rules as {@code OrgUnit(level == UnitLevel.COMMUNITY)}; a property
 * called {@code unit} would break Drools' executable model, so activities refer to it as {@code unitId}.
 */
public final class OrgUnit {
    private final String id;
    private final String name;
    private final UnitLevel level;

    public OrgUnit(String id, String name, UnitLevel level) {
        this.id = Objects.requireNonNull(id, "id");
        this.name = Objects.requireNonNull(name, "name");
        this.level = Objects.requireNonNull(level, "level");
    }

    public String getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public UnitLevel getLevel() {
        return level;
    }

    @Override
    public String toString() {
        return name + "（" + id + "）";
    }
}
