package dev.plancheck.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rule ids sort as people read them: by section, item and number, each as a number, not as text. */
class RuleOrderTest {
    @Test
    void ids_sort_by_section_then_item_then_number_numerically_and_malformed_ids_last() {
        List<String> ids = new ArrayList<>(List.of("R10.1-2", "X-1", "R1.2-10", "R8-12", "R1.10-1", "R2.1-1", "R1.2-4",
                "R8-3", "R1.2-4a", "R9.1-1", "R1.3-1"));
        ids.sort(RuleOrder.BY_ID);
        assertEquals(List.of("R1.2-4", "R1.2-10", "R1.3-1", "R1.10-1", "R2.1-1", "R8-3", "R8-12", "R9.1-1", "R10.1-2",
                "R1.2-4a", "X-1"), ids);
    }

    @Test
    void an_item_outweighs_any_number_and_a_section_any_item() {
        List<String> ids = new ArrayList<>(List.of("R2-1", "R1.2-999", "R1.3-1", "R1-999"));
        ids.sort(RuleOrder.BY_ID);
        assertEquals(List.of("R1-999", "R1.2-999", "R1.3-1", "R2-1"), ids);
    }

    @Test
    void the_clause_of_an_id_is_its_section_and_item() {
        assertEquals("§1.2", RuleOrder.clauseOf("R1.2-4"));
        assertEquals("§8", RuleOrder.clauseOf("R8-3"));
        assertEquals("§10.3", RuleOrder.clauseOf("R10.3-12"));
        assertNull(RuleOrder.clauseOf("R1.2"));
        assertNull(RuleOrder.clauseOf("1.2-4"));
    }
}
