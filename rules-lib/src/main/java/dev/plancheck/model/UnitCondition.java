package dev.plancheck.model;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A condition on a unit's attribute that decides which units a rule binds ({@code unitConditions} of the parameter
 * file, named by a rule's {@code @appliesTo}): a number at least or below a threshold, or a yes/no that is yes or no.
 *
 * <pre>
 * "unitConditions": { "large-community": { "attribute": "residents", "atLeast": 3000, "description": "常住人口3000人以上的社区" } }
 * </pre>
 *
 * @param id          the condition's id
 * @param attribute   the attribute it reads
 * @param atLeast     for a number: bound when the value is at least this; else {@code null}
 * @param below       for a number: bound when the value is below this; else {@code null}
 * @param is          for a yes/no: bound when the value is this; else {@code null}
 * @param description the condition in the plan's words
 */
public record UnitCondition(String id, UnitAttribute attribute, BigDecimal atLeast, BigDecimal below, Boolean is,
                            String description) {
    public UnitCondition {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(attribute, "attribute");
        Objects.requireNonNull(description, "description");
        if ((atLeast == null ? 0 : 1) + (below == null ? 0 : 1) + (is == null ? 0 : 1) != 1) {
            throw new IllegalArgumentException("condition " + id + " needs exactly one of atLeast, below, is");
        }
    }

    /** Whether a unit meets the condition: true, false, or {@code null} when the unit does not state the attribute. */
    public Boolean test(OrgUnit unit) {
        Object v = unit.getAttributes().get(attribute.id());
        if (v == null) {
            return null;
        }
        if (is != null) {
            return is.equals(v);
        }
        int c = ((BigDecimal) v).compareTo(atLeast != null ? atLeast : below);
        return atLeast != null ? c >= 0 : c < 0;
    }

    /**
     * Why a unit that does not meet the condition is not bound, e.g. {@code 常住人口 2,100 人，未达 3,000 人}; for a
     * yes/no, {@code 有无日间照料中心：无}.
     */
    public String whyNot(OrgUnit unit) {
        Object v = unit.getAttributes().get(attribute.id());
        if (is != null) {
            return attribute.name() + "：" + attribute.describe(v);
        }
        return attribute.name() + " " + attribute.describe(v) + (atLeast != null ? "，未达 " + attribute.describe(atLeast)
                : "，不低于 " + attribute.describe(below));
    }

    /** The condition in words for the catalogue: {@code 常住人口 3,000 人以上}, {@code 有无日间照料中心为“有”}. */
    public String words() {
        if (is != null) {
            return attribute.name() + "为“" + attribute.describe(is) + "”";
        }
        return atLeast != null ? attribute.name() + " " + attribute.describe(atLeast) + "以上"
                : attribute.name() + "不足 " + attribute.describe(below);
    }
}
