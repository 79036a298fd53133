package dev.plancheck.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Days of the Chinese lunisolar calendar: the Spring Festival (春节, the first day of the first month) of any
 * Gregorian year and any day of a regular month, computed the way the calendar is defined (GB/T 33661-2017 《农历的编算和颁行》), not looked up:
 *
 * <ul>
 *   <li>a month starts on the day (Beijing time) of a new moon;</li>
 *   <li>the month that contains the winter solstice (冬至) is month 11;</li>
 *   <li>when 13 months run from one month 11 to the next, the first of them without a principal term (中气:
 *       the solar longitude reaching a multiple of 30°) is the leap month;</li>
 *   <li>month 1 is therefore the second month after month 11, or the third when the leap month falls on
 *       month 11 or 12.</li>
 * </ul>
 *
 * <p>New moons come from Meeus, <i>Astronomical Algorithms</i> (2nd ed., ch. 49: the mean phase with the periodic and
 * planetary corrections, good to well under a minute); terms from {@link SolarTerms}. As with the solar terms, a date
 * can only be wrong when a new moon falls within a minute or so of midnight Beijing time.
 *
 * <p>The same months give any day of a regular month ({@link #dayOf}) and 除夕 ({@link #newYearsEve}); the festivals a
 * pack may name are {@link LunarFestival}.
 *
 * <p>Example: {@code LunarCalendar.springFestival(2023)} returns {@code 2023-01-22}.
 */
public final class LunarCalendar {
    private static final ZoneOffset CHINA_STANDARD_TIME = ZoneOffset.ofHours(8);
    private static final double UNIX_EPOCH_JD = 2440587.5;
    private static final double SYNODIC_MONTH = 29.530588861;

    private LunarCalendar() {
    }

    /**
     * The Gregorian date of the Spring Festival in {@code year}.
     *
     * @param year Gregorian year, {@value SolarTerms#MIN_YEAR} + 1 to {@value SolarTerms#MAX_YEAR}
     * @throws IllegalArgumentException if the year is outside the supported range
     */
    public static LocalDate springFestival(int year) {
        return regularMonth(monthsFromSolstice(year), 1).start();
    }

    /**
     * The Gregorian date of day {@code day} of the regular (never the leap) month {@code month} of the lunar year that
     * begins in Gregorian {@code lunarYear}. Months 11 and 12 of a lunar year fall after the next winter solstice's
     * year begins to be computed, so they need the calendar of {@code lunarYear + 1}.
     *
     * <p>Example: {@code LunarCalendar.dayOf(2023, 9, 9)} (重阳) returns {@code 2023-10-23};
     * {@code LunarCalendar.dayOf(2023, 12, 8)} (腊八) returns {@code 2024-01-18}.
     *
     * @param lunarYear the Gregorian year in which the lunar year's first month begins
     * @param month 1 to 12
     * @param day 1 to the month's length (29 or 30)
     * @throws IllegalArgumentException if the month or day does not exist, or the calendar needed is outside
     *     {@value SolarTerms#MIN_YEAR} + 1 to {@value SolarTerms#MAX_YEAR}
     */
    public static LocalDate dayOf(int lunarYear, int month, int day) {
        if (month < 1 || month > 12) {
            throw new IllegalArgumentException("Lunar month " + month + " does not exist");
        }
        Month m = regularMonth(monthsFromSolstice(month >= 11 ? lunarYear + 1 : lunarYear), month);
        if (day < 1 || day > m.length()) {
            throw new IllegalArgumentException("Lunar month " + month + " of " + lunarYear + " has " + m.length()
                    + " days, not " + day);
        }
        return m.start().plusDays(day - 1);
    }

    /**
     * 除夕: the last day of the lunar year that begins in Gregorian {@code lunarYear}, the day before the next
     * 正月初一 (the 29th or the 30th of the twelfth month). Example: {@code newYearsEve(2022)} returns
     * {@code 2023-01-21}.
     */
    public static LocalDate newYearsEve(int lunarYear) {
        return springFestival(lunarYear + 1).minusDays(1);
    }

    /** A month of the lunar calendar: its number (1–12), whether it is the leap month, its first day and the next's. */
    private record Month(int number, boolean leap, LocalDate start, LocalDate end) {
        int length() {
            return (int) (end.toEpochDay() - start.toEpochDay());
        }
    }

    private static Month regularMonth(List<Month> months, int number) {
        return months.stream().filter(m -> m.number() == number && !m.leap()).findFirst()
                .orElseThrow(() -> new IllegalStateException("no regular month " + number));
    }

    /**
     * The months from the month 11 that holds the winter solstice of {@code year - 1} up to the one before the month
     * 11 that holds the solstice of {@code year}: 12 months, or 13 with the leap month marked.
     */
    private static List<Month> monthsFromSolstice(int year) {
        if (year <= SolarTerms.MIN_YEAR || year > SolarTerms.MAX_YEAR) {
            throw new IllegalArgumentException("Year " + year + " is outside the supported range "
                    + (SolarTerms.MIN_YEAR + 1) + "-" + SolarTerms.MAX_YEAR + " of the lunar calendar");
        }
        LocalDate solstice = SolarTerms.dateOf(year - 1, SolarTerms.SolarTerm.DONGZHI);
        LocalDate nextSolstice = SolarTerms.dateOf(year, SolarTerms.SolarTerm.DONGZHI);
        // Month starts from the month 11 that holds last year's solstice to the one that holds this year's.
        int k = (int) Math.floor((solstice.toEpochDay() + UNIX_EPOCH_JD - 2451550.09766) / SYNODIC_MONTH) - 2;
        while (!newMoonDate(k + 1).isAfter(solstice)) {
            k++;
        }
        List<LocalDate> starts = new ArrayList<>();
        for (int i = 0; starts.isEmpty() || !starts.get(starts.size() - 1).isAfter(nextSolstice); i++) {
            starts.add(newMoonDate(k + i));
        }
        // starts: month 11 (holding the solstice), then the following months, the last one after next solstice.
        int m11Next = 0;
        for (int i = 0; i < starts.size(); i++) {
            if (!starts.get(i).isAfter(nextSolstice)) {
                m11Next = i;
            }
        }
        int leapIndex = -1;
        if (m11Next == 13) {
            List<LocalDate> principal = principalTerms(year);
            for (int i = 1; i < m11Next && leapIndex < 0; i++) {
                if (!holdsPrincipalTerm(starts.get(i), starts.get(i + 1), principal)) {
                    leapIndex = i; // the first month without a principal term repeats the number before it
                }
            }
        }
        List<Month> months = new ArrayList<>();
        int number = 11;
        for (int i = 0; i < m11Next; i++) {
            boolean leap = i == leapIndex;
            if (i > 0 && !leap) {
                number = number % 12 + 1;
            }
            months.add(new Month(number, leap, starts.get(i), starts.get(i + 1)));
        }
        return months;
    }

    private static boolean holdsPrincipalTerm(LocalDate from, LocalDate nextMonth, List<LocalDate> principal) {
        return principal.stream().anyMatch(d -> !d.isBefore(from) && d.isBefore(nextMonth));
    }

    /** The days of the principal terms (solar longitude a multiple of 30°) of the years before and of {@code year}. */
    private static List<LocalDate> principalTerms(int year) {
        List<LocalDate> out = new ArrayList<>();
        for (int y = year - 1; y <= year; y++) {
            for (SolarTerms.SolarTerm t : SolarTerms.SolarTerm.values()) {
                if (t.longitude() % 30 == 0) {
                    out.add(SolarTerms.dateOf(y, t));
                }
            }
        }
        return out;
    }

    /** The civil date, in Beijing time, of the new moon of lunation {@code k} (k = 0 is the new moon of 2000-01-06). */
    static LocalDate newMoonDate(int k) {
        double jde = newMoonJde(k);
        double jdUt = jde - SolarTerms.deltaTSeconds(jde) / 86400.0;
        return Instant.ofEpochMilli(Math.round((jdUt - UNIX_EPOCH_JD) * 86_400_000.0))
                .atOffset(CHINA_STANDARD_TIME).toLocalDate();
    }

    /** Meeus ch. 49: the true new moon of lunation {@code k}, as a Julian Ephemeris Day. */
    static double newMoonJde(int k) {
        double t = k / 1236.85;
        double t2 = t * t;
        double t3 = t2 * t;
        double t4 = t3 * t;
        double jde = 2451550.09766 + SYNODIC_MONTH * k + 0.00015437 * t2 - 0.000000150 * t3 + 0.00000000073 * t4;
        double e = 1 - 0.002516 * t - 0.0000074 * t2;
        double m = Math.toRadians(2.5534 + 29.10535670 * k - 0.0000014 * t2 - 0.00000011 * t3);
        double mp = Math.toRadians(201.5643 + 385.81693528 * k + 0.0107582 * t2 + 0.00001238 * t3 - 0.000000058 * t4);
        double f = Math.toRadians(160.7108 + 390.67050284 * k - 0.0016118 * t2 - 0.00000227 * t3 + 0.000000011 * t4);
        double om = Math.toRadians(124.7746 - 1.56375588 * k + 0.0020672 * t2 + 0.00000215 * t3);
        double c = -0.40720 * Math.sin(mp)
                + 0.17241 * e * Math.sin(m)
                + 0.01608 * Math.sin(2 * mp)
                + 0.01039 * Math.sin(2 * f)
                + 0.00739 * e * Math.sin(mp - m)
                - 0.00514 * e * Math.sin(mp + m)
                + 0.00208 * e * e * Math.sin(2 * m)
                - 0.00111 * Math.sin(mp - 2 * f)
                - 0.00057 * Math.sin(mp + 2 * f)
                + 0.00056 * e * Math.sin(2 * mp + m)
                - 0.00042 * Math.sin(3 * mp)
                + 0.00042 * e * Math.sin(m + 2 * f)
                + 0.00038 * e * Math.sin(m - 2 * f)
                - 0.00024 * e * Math.sin(2 * mp - m)
                - 0.00017 * Math.sin(om)
                - 0.00007 * Math.sin(mp + 2 * m)
                + 0.00004 * Math.sin(2 * mp - 2 * f)
                + 0.00004 * Math.sin(3 * m)
                + 0.00003 * Math.sin(mp + m - 2 * f)
                + 0.00003 * Math.sin(2 * mp + 2 * f)
                - 0.00003 * Math.sin(mp + m + 2 * f)
                + 0.00003 * Math.sin(mp - m + 2 * f)
                - 0.00002 * Math.sin(mp - m - 2 * f)
                - 0.00002 * Math.sin(3 * mp + m)
                + 0.00002 * Math.sin(4 * mp);
        double[][] planetary = {
            {299.77, 0.107408, -0.009173, 0.000325}, {251.88, 0.016321, 0, 0.000165},
            {251.83, 26.651886, 0, 0.000164}, {349.42, 36.412478, 0, 0.000126},
            {84.66, 18.206239, 0, 0.000110}, {141.74, 53.303771, 0, 0.000062},
            {207.14, 2.453732, 0, 0.000060}, {154.84, 7.306860, 0, 0.000056},
            {34.52, 27.261239, 0, 0.000047}, {207.19, 0.121824, 0, 0.000042},
            {291.34, 1.844379, 0, 0.000040}, {161.72, 24.198154, 0, 0.000037},
            {239.56, 25.513099, 0, 0.000035}, {331.55, 3.592518, 0, 0.000023},
        };
        double a = 0;
        for (double[] p : planetary) {
            a += p[3] * Math.sin(Math.toRadians(p[0] + p[1] * k + p[2] * t2));
        }
        return jde + c + a;
    }
}
