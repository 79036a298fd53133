package dev.plancheck.model;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An organisational unit of the submission: the subdistrict or one of its communities.
 *
 * <p>Named {@code OrgUnit} and matched in rules as {@code OrgUnit(level == UnitLevel.COMMUNITY)}; a property
 * called {@code unit} would break Drools' executable model, so activities refer to it as {@code unitId}.
 *
 * <p>A unit may state the attributes its pack declares ({@code unitAttributes}): a {@link java.math.BigDecimal} for a
 * number, a {@link Boolean} for yes/no, by attribute id. They decide which units a rule binds ({@code @appliesTo}) and
 * feed rates ({@code findings.ratioAtLeast}).
 */
public final class OrgUnit {
    private final String id;
    private final String name;
    private final UnitLevel level;
    private final Map<String, Object> attributes;

    /** A unit that states no attributes. */
    public OrgUnit(String id, String name, UnitLevel level) {
        this(id, name, level, Map.of());
    }

    /**
     * A unit with its attributes, e.g. {@code Map.of("residents", 3200, "day-care", true)}; the map is copied, in its
     * order, whole numbers ({@code Integer}, {@code Long}) as {@link java.math.BigDecimal}. The pack's validation
     * takes a number as a {@code BigDecimal} and a yes/no as a {@code Boolean}.
     */
    public OrgUnit(String id, String name, UnitLevel level, Map<String, ?> attributes) {
        this.id = Objects.requireNonNull(id, "id");
        this.name = Objects.requireNonNull(name, "name");
        this.level = Objects.requireNonNull(level, "level");
        Map<String, Object> copy = new LinkedHashMap<>();
        // Numbers of any type are kept as BigDecimal, as a ledger gives them: Map.of("residents", 3200) works too.
        attributes.forEach((k, v) -> copy.put(k, v instanceof Integer || v instanceof Long
                ? BigDecimal.valueOf(((Number) v).longValue()) : v));
        this.attributes = Collections.unmodifiableMap(copy);
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

    /** The attributes the unit states, by id; read-only, empty when it states none. */
    public Map<String, Object> getAttributes() {
        return attributes;
    }

    @Override
    public String toString() {
        return name + "（" + id + "）";
    }
}
