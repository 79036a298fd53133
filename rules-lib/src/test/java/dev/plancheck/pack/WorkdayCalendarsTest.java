package dev.plancheck.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plancheck.model.Activity;
import dev.plancheck.model.Deadline;
import dev.plancheck.model.WorkCalendar;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The shipped calendar of working days (the State Council's notices for 2023–2026) and counting with it. */
class WorkdayCalendarsTest {
    private static final WorkCalendar CAL = WorkdayCalendars.shipped();

    private static LocalDate d(String text) {
        return LocalDate.parse(text);
    }

    @Test
    void ships_the_notices_of_2023_to_2026_and_no_other_year() {
        assertEquals(List.of(2023, 2024, 2025, 2026), List.copyOf(CAL.years().keySet()));
        assertEquals("国务院办公厅关于2024年部分节假日安排的通知", CAL.years().get(2024).notice());
        assertFalse(CAL.covers(2027), "no 2027 notice was available; it must not be invented");
    }

    @Test
    void national_day_2024_is_off_from_the_1st_to_the_7th_with_sunday_29_september_and_saturday_12_october_working() {
        for (LocalDate day = d("2024-10-01"); !day.isAfter(d("2024-10-07")); day = day.plusDays(1)) {
            assertFalse(CAL.isWorkingDay(day), day.toString());
        }
        assertTrue(CAL.isWorkingDay(d("2024-09-29")), "Sunday made a working day");
        assertTrue(CAL.isWorkingDay(d("2024-10-12")), "Saturday made a working day");
        assertTrue(CAL.isWorkingDay(d("2024-09-30")));
        assertTrue(CAL.isWorkingDay(d("2024-10-08")));
        assertFalse(CAL.isWorkingDay(d("2024-09-28")), "an ordinary Saturday");
        assertFalse(CAL.isWorkingDay(d("2024-10-13")), "an ordinary Sunday");
    }

    @Test
    void the_2023_mid_autumn_and_national_day_break_runs_29_september_to_6_october_with_the_7th_and_8th_working() {
        for (LocalDate day = d("2023-09-29"); !day.isAfter(d("2023-10-06")); day = day.plusDays(1)) {
            assertFalse(CAL.isWorkingDay(day), day.toString());
        }
        assertTrue(CAL.isWorkingDay(d("2023-10-07")), "Saturday made a working day");
        assertTrue(CAL.isWorkingDay(d("2023-10-08")), "Sunday made a working day");
        assertTrue(CAL.isWorkingDay(d("2023-09-28")));
        assertTrue(CAL.isWorkingDay(d("2023-10-09")));
    }

    @Test
    void each_year_has_its_number_of_working_days_weekdays_less_weekdays_off_plus_make_up_days() {
        assertEquals(Map.of(2023, 249, 2024, 251, 2025, 248, 2026, 248),
                Map.of(2023, CAL.workingDaysIn(2023), 2024, CAL.workingDaysIn(2024), 2025, CAL.workingDaysIn(2025),
                        2026, CAL.workingDaysIn(2026)));
    }

    @Test
    void ten_working_days_from_a_day_before_national_day_skip_the_break_and_count_the_make_up_days() {
        // 09-27 1, 09-29 (Sun, working) 2, 09-30 3, [10-01…10-07 off], 10-08 4 … 10-11 7, 10-12 (Sat, working) 8, 10-14 9, 10-15 10
        assertEquals(d("2024-10-15"), CAL.afterWorkingDays(d("2024-09-26"), 10));
        assertEquals(List.of("国庆节"), CAL.breaksBetween(d("2024-09-26"), d("2024-10-15")));
        // 09-28 1, [09-29…10-06 off], 10-07 (Sat) 2, 10-08 (Sun) 3, 10-09…10-13 4…8, 10-16 9, 10-17 10
        assertEquals(d("2023-10-17"), CAL.afterWorkingDays(d("2023-09-27"), 10));
        // The day counted from is not counted, even when it is a working day (Civil Code art. 201).
        assertEquals(d("2024-03-05"), CAL.afterWorkingDays(d("2024-03-04"), 1));
        // Counted from a Friday, one working day is the next Monday.
        assertEquals(d("2024-03-11"), CAL.afterWorkingDays(d("2024-03-08"), 1));
    }

    @Test
    void the_report_states_the_day_the_deadline_ends_and_the_break_that_pushed_it_on() {
        Deadline deadline = new Deadline("reply", 10, "接到通知后 10 个工作日内答复", CAL);
        Activity notice = Activity.builder("n1").unitId("DC").kind("notice").title("通知").date(d("2024-09-26")).build();
        var period = deadline.after(notice);
        assertEquals("自 2024-09-26 起 10 个工作日（至 2024-10-15，国庆节假期顺延）", period.getName());
        assertEquals("2024-09-26 至 2024-10-15", period.describeDays());
        Activity quiet = Activity.builder("n2").unitId("DC").kind("notice").title("通知").date(d("2024-03-04")).build();
        assertEquals("自 2024-03-04 起 10 个工作日（至 2024-03-18）", deadline.after(quiet).getName());
        assertEquals("10 个工作日", deadline.length());
        assertEquals("15 日", new Deadline("relief", 15, "…").length());
    }

    @Test
    void a_count_that_runs_into_a_year_without_data_fails_naming_the_year_and_never_falls_back_to_calendar_days() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> CAL.afterWorkingDays(d("2026-12-28"), 10));
        assertTrue(e.getMessage().contains("工作日历没有 2027 年的数据"), e.getMessage());
        assertTrue(e.getMessage().contains("calendar"), e.getMessage());
    }
}
