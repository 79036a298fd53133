package dev.plancheck.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plancheck.model.DateRange;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Series declared once: the periods each {@code every} gives, their due windows, and spans into the next year. */
class SeriesTest {
    private static DateRange r(String from, String to) {
        return new DateRange(LocalDate.parse(from), LocalDate.parse(to));
    }

    private static List<String> windows(Series s, int year) {
        return s.slots(year).stream().map(x -> x.suffix() + " " + x.name() + " " + x.window()).toList();
    }

    @Test
    void every_month_gives_twelve_months_and_february_has_29_days_in_a_leap_year() {
        Series s = new Series(Series.Every.MONTH, null);
        List<Series.Slot> y2023 = s.slots(2023);
        assertEquals(12, y2023.size());
        assertEquals("01 1 月 2023-01-01 至 2023-01-31", windows(s, 2023).get(0));
        assertEquals(r("2023-02-01", "2023-02-28"), y2023.get(1).window());
        assertEquals(r("2024-02-01", "2024-02-29"), s.slots(2024).get(1).window());
        assertEquals(r("2100-02-01", "2100-02-28"), s.slots(2100).get(1).window(), "2100 is not a leap year");
        assertEquals("12 12 月 2023-12-01 至 2023-12-31", windows(s, 2023).get(11));
    }

    @Test
    void every_two_months_quarter_and_half_year_cut_the_year_as_the_written_out_series_do() {
        assertEquals(List.of("01-02 1—2 月 2024-01-01 至 2024-02-29", "03-04 3—4 月 2024-03-01 至 2024-04-30",
                "05-06 5—6 月 2024-05-01 至 2024-06-30", "07-08 7—8 月 2024-07-01 至 2024-08-31",
                "09-10 9—10 月 2024-09-01 至 2024-10-31", "11-12 11—12 月 2024-11-01 至 2024-12-31"),
                windows(new Series(Series.Every.TWO_MONTHS, null), 2024));
        assertEquals("01-02 1—2 月 2023-01-01 至 2023-02-28", windows(new Series(Series.Every.TWO_MONTHS, null), 2023).get(0));
        assertEquals(List.of("Q1 第一季度 2023-01-01 至 2023-03-31", "Q2 第二季度 2023-04-01 至 2023-06-30",
                "Q3 第三季度 2023-07-01 至 2023-09-30", "Q4 第四季度 2023-10-01 至 2023-12-31"),
                windows(new Series(Series.Every.QUARTER, null), 2023));
        assertEquals(List.of("H1 上半年 2023-01-01 至 2023-06-30", "H2 下半年 2023-07-01 至 2023-12-31"),
                windows(new Series(Series.Every.HALF_YEAR, null), 2023));
    }

    @Test
    void a_report_due_the_5th_of_the_next_month_is_counted_from_the_months_last_day_and_decembers_is_due_in_january() {
        Series s = new Series(Series.Every.MONTH, new Series.Due.NextMonthDay(5));
        List<Series.Slot> slots = s.slots(2023);
        assertEquals("01 1 月，次月 5 日前报送 2023-01-31 至 2023-02-05", windows(s, 2023).get(0));
        assertEquals(r("2023-01-01", "2023-01-31"), slots.get(0).covers());
        assertEquals(r("2023-02-28", "2023-03-05"), slots.get(1).window());
        assertEquals(r("2024-02-29", "2024-03-05"), s.slots(2024).get(1).window(), "leap year: February ends on the 29th");
        assertEquals(r("2023-12-31", "2024-01-05"), slots.get(11).window());
        assertNull(s.overlapIn(2023));
    }

    @Test
    void a_quarterly_report_due_10_days_after_the_end_runs_from_the_quarters_last_day() {
        Series s = new Series(Series.Every.QUARTER, new Series.Due.DaysAfterEnd(10));
        assertEquals(List.of("Q1 第一季度，结束后 10 日内报送 2023-03-31 至 2023-04-10",
                "Q2 第二季度，结束后 10 日内报送 2023-06-30 至 2023-07-10",
                "Q3 第三季度，结束后 10 日内报送 2023-09-30 至 2023-10-10",
                "Q4 第四季度，结束后 10 日内报送 2023-12-31 至 2024-01-10"), windows(s, 2023));
        Series half = new Series(Series.Every.HALF_YEAR, new Series.Due.NextMonthDay(15));
        assertEquals(r("2023-12-31", "2024-01-15"), half.slots(2023).get(1).window());
    }

    @Test
    void windows_that_would_share_a_day_are_named_so_that_no_record_counts_for_two_periods() {
        // Due the 28th of the next month: January's report window (01-31..02-28) reaches February's last day.
        String overlap = new Series(Series.Every.MONTH, new Series.Due.NextMonthDay(28)).overlapIn(2023);
        assertEquals("报送时段 2023-01-31 至 2023-02-28 与下一期的 2023-02-28 至 2023-03-28 重叠，同一条记录会计入两期；"
                + "报送期限应早于下一期的最后一天", overlap);
        assertTrue(new Series(Series.Every.MONTH, new Series.Due.DaysAfterEnd(31)).overlapIn(2023) != null);
        assertNull(new Series(Series.Every.MONTH, new Series.Due.NextMonthDay(27)).overlapIn(2023));
        assertNull(new Series(Series.Every.QUARTER, new Series.Due.DaysAfterEnd(89)).overlapIn(2023));
        assertTrue(new Series(Series.Every.QUARTER, new Series.Due.DaysAfterEnd(91)).overlapIn(2023) != null);
    }

    @Test
    void a_winter_that_ends_next_year_is_one_stretch_to_the_29th_of_february_or_the_28th() {
        PeriodSpec winter = new PeriodSpec.IntoNextYear(MonthDay.of(12, 1), MonthDay.of(2, 29));
        assertEquals(List.of(r("2023-12-01", "2024-02-29")), winter.rangesIn(2023));
        assertEquals(List.of(r("2024-12-01", "2025-02-28")), winter.rangesIn(2024));
        assertEquals("12-01 至次年 02-29（跨年，一段，为本年度职责）", winter.describe());
    }

    @Test
    void a_day_in_the_next_year_is_said_as_such() {
        assertEquals("次年 01-05", Series.dayInWords(LocalDate.of(2024, 1, 5), 2023));
        assertEquals("12-31", Series.dayInWords(LocalDate.of(2023, 12, 31), 2023));
    }
}
