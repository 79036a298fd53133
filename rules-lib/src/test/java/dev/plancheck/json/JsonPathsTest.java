package dev.plancheck.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class JsonPathsTest {
    @Test
    void the_parent_of_a_path_is_the_enclosing_object_or_array() {
        assertEquals("$.activities[3]", JsonPaths.parent("$.activities[3].topics"));
        assertEquals("$.activities", JsonPaths.parent("$.activities[3]"));
        assertEquals("$", JsonPaths.parent("$.activities"));
        assertEquals("$", JsonPaths.parent("$"));
    }

    @Test
    void odd_member_names_are_quoted_and_long_ones_cut() {
        assertEquals("$.units", JsonPaths.child("$", "units"));
        assertEquals("$['a b']", JsonPaths.child("$", "a b"));
        assertEquals("$.activities[2]", JsonPaths.element("$.activities", 2));
    }
}
