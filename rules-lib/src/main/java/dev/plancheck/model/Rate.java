package dev.plancheck.model;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A named minimum percentage from the rule pack's parameters ({@code rates}), e.g.
 * {@code Rate(id == "union-membership")}: {@code "union-membership": { "min": 80, "description": "工会入会率达到80%以上" }}.
 * The rate verbs {@code findings.ratioAtLeast} and {@code findings.shareAtLeast} compare with it.
 */
public final class Rate {
    private final String id;
    private final BigDecimal min;
    private final String description;

    /** @param min a percentage above 0 and at most 100, with at most one decimal, e.g. {@code 80} or {@code 66.7} */
    public Rate(String id, BigDecimal min, String description) {
        this.id = Objects.requireNonNull(id, "id");
        if (min.signum() <= 0 || min.compareTo(BigDecimal.valueOf(100)) > 0 || min.stripTrailingZeros().scale() > 1) {
            throw new IllegalArgumentException("rate " + id + " must be above 0 and at most 100, one decimal at most, was " + min);
        }
        this.min = min.stripTrailingZeros().scale() < 0 ? min.setScale(0) : min.stripTrailingZeros();
        this.description = Objects.requireNonNull(description, "description");
    }

    public String getId() {
        return id;
    }

    /** The minimum, in percent. */
    public BigDecimal getMin() {
        return min;
    }

    public String getDescription() {
        return description;
    }

    @Override
    public String toString() {
        return id + "=" + min.toPlainString() + "%";
    }
}
