package dev.plancheck.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Checks the computed Spring Festival against published dates. Every expected value below was transcribed from a
 * published source, never produced by {@link LunarCalendar}.
 *
 * <p>Source: Hong Kong Observatory, Gregorian-Lunar Calendar Conversion Tables,
 * https://www.hko.gov.hk/tc/gts/time/conversion1_text.htm: the day marked "1st Lunar Month" in each year, read
 * through the verbatim copy of those tables in
 * https://github.com/mayswind/ezbookkeeping/blob/8368b02be8b3ec434bdba356d211e2456ef88c0a/src/lib/calendar/__tests__/chinese_calendar_all_data.txt
 * (the same copy {@code SolarTermsTest} reads). Spot checks against other published lists agree: china.org.cn
 * (http://english.china.org.cn/english/features/China2004/106382.htm) for 2004–2015, and the zodiac year table of
 * chinatravel.com (https://www.chinatravel.com/culture/chinese-zodiac/years) and Wikipedia's "Monkey (zodiac)"
 * for 2004, 2016, 2028 and 2040.
 */
class LunarCalendarTest {

    @ParameterizedTest(name = "春节 {0} = {1}")
    @CsvSource({
        "2000, 2000-02-05", "2001, 2001-01-24", "2002, 2002-02-12", "2003, 2003-02-01", "2004, 2004-01-22",
        "2005, 2005-02-09", "2006, 2006-01-29", "2007, 2007-02-18", "2008, 2008-02-07", "2009, 2009-01-26",
        "2010, 2010-02-14", "2011, 2011-02-03", "2012, 2012-01-23", "2013, 2013-02-10", "2014, 2014-01-31",
        "2015, 2015-02-19", "2016, 2016-02-08", "2017, 2017-01-28", "2018, 2018-02-16", "2019, 2019-02-05",
        "2020, 2020-01-25", "2021, 2021-02-12", "2022, 2022-02-01", "2023, 2023-01-22", "2024, 2024-02-10",
        "2025, 2025-01-29", "2026, 2026-02-17", "2027, 2027-02-06", "2028, 2028-01-26", "2029, 2029-02-13",
        "2030, 2030-02-03", "2031, 2031-01-23", "2032, 2032-02-11", "2033, 2033-01-31", "2034, 2034-02-19",
        "2035, 2035-02-08", "2036, 2036-01-28", "2037, 2037-02-15", "2038, 2038-02-04", "2039, 2039-01-24",
        "2040, 2040-02-12",
    })
    void the_spring_festival_matches_the_hong_kong_observatory_tables(int year, LocalDate published) {
        assertEquals(published, LunarCalendar.springFestival(year));
    }

    /**
     * The new-moon series to a fraction of a second, not only to the day: Meeus, <i>Astronomical Algorithms</i>
     * (2nd ed., 1998), Example 49.a, p. 353 — the new moon of 1977 February, k = −283, JDE 2443192.65118.
     * A periodic term dropped or mistyped moves the instant by seconds to hours, which dates alone rarely show.
     */
    @Test
    void the_new_moon_of_meeus_example_49a_is_computed_to_the_published_five_decimals() {
        assertEquals(2443192.65118, LunarCalendar.newMoonJde(-283), 0.000005);
    }

    /**
     * New moons whose civil date is easy to get wrong, from H. Aslaksen, "The Mathematics of the Chinese Calendar"
     * (http://www.math.nus.edu.sg/aslaksen/calendar/cal2.pdf), Beijing time: 1990-10-18 23:36:31, 24 minutes
     * before midnight (half an hour of error makes it the 19th), and 1991-02-15 01:31:47, which is still the 14th
     * in UTC (the zone matters).
     */
    @ParameterizedTest(name = "new moon on {0}")
    @CsvSource({"1990-10-18", "1991-02-15"})
    void new_moons_near_midnight_are_dated_in_beijing_time(LocalDate published) {
        LocalDate nearest = null;
        for (int k = -140; k <= -100; k++) {
            LocalDate d = LunarCalendar.newMoonDate(k);
            if (Math.abs(d.toEpochDay() - published.toEpochDay()) <= 3) {
                nearest = d;
            }
        }
        assertEquals(published, nearest);
    }

    @Test
    void the_2034_new_year_comes_after_the_leap_eleventh_month_of_2033() {
        // 2033 has a leap 11th month (the "2033 problem"), so 2034's first month is the third after month 11.
        assertEquals(LocalDate.of(2034, 2, 19), LunarCalendar.springFestival(2034));
    }

    @Test
    void years_outside_the_solar_term_range_are_refused() {
        assertThrows(IllegalArgumentException.class, () -> LunarCalendar.springFestival(SolarTerms.MIN_YEAR));
        assertThrows(IllegalArgumentException.class, () -> LunarCalendar.springFestival(SolarTerms.MAX_YEAR + 1));
    }
}
