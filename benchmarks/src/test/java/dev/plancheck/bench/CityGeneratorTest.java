package dev.plancheck.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plancheck.PlanChecker;
import dev.plancheck.report.Report;
import dev.plancheck.input.Submission;
import org.junit.jupiter.api.Test;

/** The generator's smoke test (the suite itself does not run in CI). */
class CityGeneratorTest {
    @Test
    void the_same_seed_and_index_give_the_same_bytes_and_another_index_other_bytes() {
        assertArrayEquals(new CityGenerator(42).subdistrict(3, 10, 200), new CityGenerator(42).subdistrict(3, 10, 200));
        assertFalse(java.util.Arrays.equals(new CityGenerator(42).subdistrict(3, 10, 200), new CityGenerator(42).subdistrict(4, 10, 200)));
    }

    @Test
    void a_generated_subdistrict_is_a_valid_ledger_of_about_the_requested_size_that_checks_with_some_gaps() throws Exception {
        PlanChecker checker = PlanChecker.create();
        Submission s = checker.read("S0", new CityGenerator(42).subdistrict(0, 10, 200));
        assertEquals(11, s.units().size());
        int communityRecords = s.activities().size() - 94;
        assertTrue(communityRecords >= 1800 && communityRecords <= 2200, "records: " + communityRecords);
        Report r = checker.check(s);
        assertTrue(r.hasGaps(), "about 5% of each community's own duties are left out");
        assertTrue(r.gaps().size() < r.results().size() / 4, r.gaps().size() + " gaps of " + r.results().size());
    }
}
