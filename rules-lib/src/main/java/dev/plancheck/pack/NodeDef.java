package dev.plancheck.pack;

import dev.plancheck.calendar.NodeDay;

/** A node day as the parameter file defines it: id, description and how the day is found. */
public record NodeDef(String id, String description, NodeDay day) {
}
