package dev.plancheck.io.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plancheck.RulePack;
import dev.plancheck.input.Submission;
import dev.plancheck.model.OrgUnit;
import dev.plancheck.model.UnitLevel;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What {@code convert --to json} writes: a unit's attributes go along with it, as numbers and true/false, in order. */
class SubmissionJsonTest {
    @Test
    void a_units_attributes_are_written_in_their_order_and_a_unit_without_them_gets_no_member() throws Exception {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("residents", new BigDecimal("3200"));
        attributes.put("day-care", true);
        attributes.put("share", new BigDecimal("12.50"));
        Submission s = Submission.of("台账.xlsx", 2024, List.of(new OrgUnit("QH", "青禾街道", UnitLevel.SUBDISTRICT),
                new OrgUnit("HX", "禾香社区", UnitLevel.COMMUNITY, attributes)), List.of());
        String json = SubmissionJson.write(s, RulePack.bundled().vocabulary());
        assertEquals("""
                {
                  "year": 2024,
                  "units": [
                    {"id": "QH", "name": "青禾街道", "level": "subdistrict"},
                    {"id": "HX", "name": "禾香社区", "level": "community", "attributes": {"residents": 3200, "day-care": true, "share": 12.50}}
                  ],
                  "activities": []
                }
                """, json);
        JsonNode parsed = new ObjectMapper().readTree(json);
        assertEquals(3200, parsed.at("/units/1/attributes/residents").intValue());
        assertEquals(true, parsed.at("/units/1/attributes/day-care").booleanValue());
    }
}
