package dev.plancheck.model;

import java.util.Objects;

/** A named minimum count from the rule pack's parameters, e.g. {@code Quota(id == "special-meetings.united-front")}. */
public final class Quota {
    private final String id;
    private final int min;
    private final String description;

    public Quota(String id, int min, String description) {
        this.id = Objects.requireNonNull(id, "id");
        if (min < 1) {
            throw new IllegalArgumentException("quota " + id + " must be at least 1, was " + min);
        }
        this.min = min;
        this.description = Objects.requireNonNull(description, "description");
    }

    public String getId() {
        return id;
    }

    public int getMin() {
        return min;
    }

    public String getDescription() {
        return description;
    }

    @Override
    public String toString() {
        return id + "=" + min;
    }
}
