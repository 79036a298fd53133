package dev.plancheck.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

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
 *
 * <p>The other festivals (元宵 … 除夕) are checked against {@code lunar-festivals-hko.csv} beside this test: HKO's
 * dates from the same copy of the tables, for every lunar year 2000–2099 (its header says how they were read).
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

    /** One row of {@code lunar-festivals-hko.csv}: HKO's date of a festival of a lunar year. */
    static List<Arguments> hkoFestivals() throws IOException {
        Map<String, LunarFestival> byName = Arrays.stream(LunarFestival.values())
                .collect(Collectors.toMap(LunarFestival::chineseName, Function.identity()));
        List<Arguments> rows = new ArrayList<>();
        try (InputStream in = LunarCalendarTest.class.getResourceAsStream("lunar-festivals-hko.csv");
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.startsWith("#") || line.startsWith("lunarYear,")) {
                    continue;
                }
                String[] f = line.split(",");
                rows.add(Arguments.of(Integer.parseInt(f[0]), byName.get(f[1]), LocalDate.parse(f[2])));
            }
        }
        return rows;
    }

    @ParameterizedTest(name = "农历 {0} 年 {1} = {2}")
    @MethodSource("hkoFestivals")
    void every_festival_of_every_lunar_year_matches_the_hong_kong_observatory_tables(
            int lunarYear, LunarFestival festival, LocalDate published) {
        assertEquals(published, festival.inLunarYear(lunarYear));
    }

    @Test
    void the_hko_table_covers_every_festival_of_a_century() throws IOException {
        // So that the test above cannot pass on a truncated or misread file: 100 whole lunar years, every festival.
        List<Arguments> rows = hkoFestivals();
        assertEquals(909, rows.size());
        for (LunarFestival f : LunarFestival.values()) {
            assertEquals(100, rows.stream().filter(a -> a.get()[1] == f
                    && (int) a.get()[0] >= 2000 && (int) a.get()[0] <= 2099).count(), f.name());
        }
    }

    @ParameterizedTest(name = "{1} of lunar {0} = {2}")
    @CsvSource({
        "2023, DRAGON_BOAT, 2023-06-22", "2023, MID_AUTUMN, 2023-09-29", "2023, DOUBLE_NINTH, 2023-10-23",
        "2024, DRAGON_BOAT, 2024-06-10", "2024, MID_AUTUMN, 2024-09-17", "2024, DOUBLE_NINTH, 2024-10-11",
        "2022, NEW_YEARS_EVE, 2023-01-21", "2023, NEW_YEARS_EVE, 2024-02-09",
        // 2023 has a leap second month (闰二月): 端午 is in the regular fifth month all the same.
        "2023, LANTERN, 2023-02-05", "2023, QIXI, 2023-08-22", "2023, LABA, 2024-01-18",
        // 腊月 of lunar 2024 has 29 days: 除夕 is 腊月二十九.
        "2024, NEW_YEARS_EVE, 2025-01-28",
    })
    void pinned_festival_dates_hold(int lunarYear, LunarFestival festival, LocalDate expected) {
        assertEquals(expected, festival.inLunarYear(lunarYear));
    }

    @Test
    void laba_falls_twice_in_2022_and_never_in_2023() {
        // A node names one of them: the lunar year that begins in the plan's year, or the one that ends in it.
        assertEquals(LocalDate.of(2022, 1, 10), new NodeDay.Lunar("腊八", LunarFestival.LABA, true).in(2022));
        assertEquals(LocalDate.of(2022, 12, 30), new NodeDay.Lunar("腊八", LunarFestival.LABA, false).in(2022));
        assertEquals(LocalDate.of(2022, 12, 30), new NodeDay.Lunar("腊八", LunarFestival.LABA, true).in(2023));
        assertEquals(LocalDate.of(2024, 1, 18), new NodeDay.Lunar("腊八", LunarFestival.LABA, false).in(2023));
    }

    @Test
    void a_lunar_node_says_which_festival_and_day_and_which_lunar_year_when_it_matters() {
        NodeDay doubleNinth = new NodeDay.Lunar("重阳节", LunarFestival.DOUBLE_NINTH, false);
        assertEquals("重阳，农历九月初九（按朔日和中气逐年计算，北京时间）", doubleNinth.rule());
        assertEquals("2023-10-23", doubleNinth.dateIn(2023));
        NodeDay eve = new NodeDay.Lunar("除夕", LunarFestival.NEW_YEARS_EVE, false);
        assertEquals("2024-02-09（农历 2023 年的除夕，不在 2023 年内）", eve.dateIn(2023));
        NodeDay lastEve = new NodeDay.Lunar("除夕", LunarFestival.NEW_YEARS_EVE, true);
        assertEquals("2023-01-21（农历 2022 年的除夕）", lastEve.dateIn(2023));
        assertEquals("除夕，农历腊月最后一日（廿九或三十）（按朔日和中气逐年计算，北京时间；取在本年结束的农历年（上一农历年）的一次）",
                lastEve.rule());
        // The Spring Festival reads as it always has: the bundled catalogue is unchanged.
        assertEquals("农历正月初一（按朔日和中气逐年计算，北京时间）",
                new NodeDay.Lunar("春节", LunarFestival.SPRING_FESTIVAL, false).rule());
    }

    @Test
    void days_that_do_not_exist_and_years_without_a_calendar_are_refused() {
        assertThrows(IllegalArgumentException.class, () -> LunarCalendar.dayOf(2023, 13, 1));
        assertThrows(IllegalArgumentException.class, () -> LunarCalendar.dayOf(2024, 12, 30)); // 腊月 of 2024: 29 days
        assertEquals(LocalDate.of(2100, 10, 12), LunarFestival.DOUBLE_NINTH.inLunarYear(2100));
        assertThrows(IllegalArgumentException.class, () -> LunarFestival.LABA.inLunarYear(SolarTerms.MAX_YEAR));
        assertThrows(IllegalArgumentException.class, () -> LunarFestival.NEW_YEARS_EVE.inLunarYear(SolarTerms.MAX_YEAR));
    }

    @Test
    void the_festival_table_in_the_parameter_docs_is_what_the_calendar_computes() throws IOException {
        String doc = Files.readString(Path.of("..", "docs", "parameters.md"), StandardCharsets.UTF_8);
        for (LunarFestival f : LunarFestival.values()) {
            String row = "| `" + f.name() + "` | " + f.chineseName() + " | ";
            assertTrue(doc.contains(row), "docs/parameters.md has a row for " + f);
            String rest = doc.substring(doc.indexOf(row) + row.length());
            String[] cells = rest.substring(0, rest.indexOf('\n')).split(" \\| ");
            assertTrue(cells[0].startsWith(f.lunarDate().replaceAll("（.*", "")), f + ": " + cells[0]);
            assertEquals(f.inLunarYear(2023).toString(), cells[1].trim(), f + " in 2023");
            assertEquals(f.inLunarYear(2024).toString(), cells[2].replace("|", "").trim(), f + " in 2024");
        }
    }
}
