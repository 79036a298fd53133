package dev.plancheck.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plancheck.input.ProblemCode;
import dev.plancheck.ledger.Waivers;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** A waiver's expiry, and the location of a problem with it, as the command line and the service report it. */
class WaiverTest {
    private static Waiver at(String source) {
        return new Waiver("R8-3", "HP", "上级通知取消", null, LocalDate.of(2023, 11, 30), source);
    }

    @Test
    void a_waiver_applies_up_to_and_including_its_last_day() {
        assertTrue(at("w.json:1:2").appliesOn(LocalDate.of(2023, 11, 30)));
        assertFalse(at("w.json:1:2").appliesOn(LocalDate.of(2023, 12, 1)));
        assertTrue(new Waiver("R8-3", "HP", "r", null, null, "w.json:1:2").appliesOn(LocalDate.of(2099, 1, 1)));
    }

    @Test
    void a_problem_is_located_at_the_line_and_column_of_a_json_file() {
        assertEquals(new Problem(ProblemCode.WAIVER_DUPLICATE, "情况说明:v2.json", 4, 5, "", "m"),
                Waivers.problem(at("情况说明:v2.json:4:5"), ProblemCode.WAIVER_DUPLICATE, "m"));
    }

    @Test
    void a_problem_is_located_at_the_cell_of_a_workbook() {
        assertEquals(new Problem(ProblemCode.WAIVER_UNIT_UNKNOWN, "河畔锦华.xlsx", 0, 0, "情况说明!A3", "m"),
                Waivers.problem(at("河畔锦华.xlsx:情况说明!A3"), ProblemCode.WAIVER_UNIT_UNKNOWN, "m"));
    }

    @Test
    void any_other_source_is_taken_as_the_file() {
        assertEquals(new Problem(ProblemCode.WAIVER_UNIT_UNKNOWN, "接口提交", 0, 0, "", "m"),
                Waivers.problem(at("接口提交"), ProblemCode.WAIVER_UNIT_UNKNOWN, "m"));
    }
}
