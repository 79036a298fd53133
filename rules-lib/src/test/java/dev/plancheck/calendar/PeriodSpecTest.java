package dev.plancheck.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.plancheck.model.DateRange;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import org.junit.jupiter.api.Test;

class PeriodSpecTest {
    private static DateRange r(String from, String to) {
        return new DateRange(LocalDate.parse(from), LocalDate.parse(to));
    }

    @Test
    void winter_months_fall_in_january_february_and_december_of_the_year_with_leap_days() {
        PeriodSpec winter = new PeriodSpec.Months(List.of(12, 1, 2));
        assertEquals(List.of(r("2023-01-01", "2023-02-28"), r("2023-12-01", "2023-12-31")), winter.rangesIn(2023));
        assertEquals(List.of(r("2024-01-01", "2024-02-29"), r("2024-12-01", "2024-12-31")), winter.rangesIn(2024));
        assertEquals(List.of(r("2100-01-01", "2100-02-28"), r("2100-12-01", "2100-12-31")), winter.rangesIn(2100), "2100 is not a leap year");
    }

    @Test
    void a_span_that_crosses_new_year_is_two_ranges_and_february_29_clamps_in_common_years() {
        PeriodSpec span = new PeriodSpec.Span(MonthDay.of(12, 1), MonthDay.of(2, 29));
        assertEquals(List.of(r("2023-01-01", "2023-02-28"), r("2023-12-01", "2023-12-31")), span.rangesIn(2023));
        assertEquals(List.of(r("2024-01-01", "2024-02-29"), r("2024-12-01", "2024-12-31")), span.rangesIn(2024));
    }

    @Test
    void qingming_windows_follow_the_solar_term_year_by_year() {
        PeriodSpec qingming = new PeriodSpec.AroundNode("qingming", new NodeDay.Term("清明节", SolarTerms.SolarTerm.QINGMING), 7, 7);
        assertEquals(List.of(r("2023-03-29", "2023-04-12")), qingming.rangesIn(2023));
        assertEquals(List.of(r("2024-03-28", "2024-04-11")), qingming.rangesIn(2024));
        assertEquals(List.of(r("2025-03-28", "2025-04-11")), qingming.rangesIn(2025));
        assertEquals(List.of(r("2026-03-29", "2026-04-12")), qingming.rangesIn(2026));
    }

    @Test
    void a_window_around_a_node_near_new_year_is_clipped_to_the_assessment_year() {
        PeriodSpec newYear = new PeriodSpec.AroundNode("x", new NodeDay.Fixed("元旦", MonthDay.of(1, 2)), 7, 3);
        assertEquals(List.of(r("2023-01-01", "2023-01-05")), newYear.rangesIn(2023));
        PeriodSpec yearEnd = new PeriodSpec.AroundNode("y", new NodeDay.Fixed("岁末", MonthDay.of(12, 30)), 2, 7);
        assertEquals(List.of(r("2023-12-28", "2023-12-31")), yearEnd.rangesIn(2023));
    }

    @Test
    void a_fixed_node_on_february_29_falls_on_february_28_in_common_years() {
        NodeDay leap = new NodeDay.Fixed("闰日", MonthDay.of(2, 29));
        assertEquals(LocalDate.of(2023, 2, 28), leap.in(2023));
        assertEquals(LocalDate.of(2024, 2, 29), leap.in(2024));
    }

    @Test
    void any_of_merges_ranges_that_touch_or_overlap() {
        PeriodSpec union = new PeriodSpec.AnyOf(List.of(
                new PeriodSpec.Span(MonthDay.of(4, 20), MonthDay.of(5, 31)),
                new PeriodSpec.Months(List.of(6)),
                new PeriodSpec.Months(List.of(9))));
        assertEquals(List.of(r("2023-04-20", "2023-06-30"), r("2023-09-01", "2023-09-30")), union.rangesIn(2023));
    }
}
