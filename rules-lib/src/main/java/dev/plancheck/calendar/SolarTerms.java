package dev.plancheck.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * The 24 solar terms (二十四节气): the moments the Sun's apparent geocentric ecliptic longitude
 * reaches a multiple of 15°, and the civil dates of those moments in China Standard Time.
 *
 * <p>Computed, not looked up: the Sun's position comes from the VSOP87 theory as truncated by
 * Jean Meeus (<i>Astronomical Algorithms</i>, 2nd ed., ch. 25 and appendix III), corrected to
 * the FK5 frame, for nutation in longitude (IAU 1980, ch. 22) and for annual aberration. The
 * moment is solved for in Terrestrial Time and converted to UT with the Espenak–Meeus ΔT
 * polynomials. The solar longitude is good to about 1″, i.e. about half a minute of time;
 * for 1900–2040 the ΔT model adds only seconds, while towards 2100 the unknown future
 * ΔT may add a minute or more. A date can therefore only be wrong when the term falls
 * within about a minute of midnight Beijing time.
 *
 * <p>Supported years: {@value #MIN_YEAR} to {@value #MAX_YEAR} inclusive.
 */
public final class SolarTerms {

    /** First supported Gregorian year. */
    public static final int MIN_YEAR = 1900;
    /** Last supported Gregorian year. */
    public static final int MAX_YEAR = 2100;

    /** China Standard Time; mainland China's 1986–1991 summer time is deliberately ignored. */
    private static final ZoneOffset CHINA_STANDARD_TIME = ZoneOffset.ofHours(8);

    private static final double J2000 = 2451545.0;
    private static final double UNIX_EPOCH_JD = 2440587.5;
    private static final double TROPICAL_YEAR_DAYS = 365.2422;
    private static final double MEAN_SOLAR_MOTION_DEG_PER_DAY = 360.0 / TROPICAL_YEAR_DAYS;
    private static final double ARCSEC_PER_DEGREE = 3600.0;

    /** The 24 solar terms in calendar order, from 小寒 in early January to 冬至 in late December. */
    public enum SolarTerm {
        XIAOHAN("小寒", 285), DAHAN("大寒", 300),
        LICHUN("立春", 315), YUSHUI("雨水", 330), JINGZHE("惊蛰", 345), CHUNFEN("春分", 0),
        QINGMING("清明", 15), GUYU("谷雨", 30), LIXIA("立夏", 45), XIAOMAN("小满", 60),
        MANGZHONG("芒种", 75), XIAZHI("夏至", 90), XIAOSHU("小暑", 105), DASHU("大暑", 120),
        LIQIU("立秋", 135), CHUSHU("处暑", 150), BAILU("白露", 165), QIUFEN("秋分", 180),
        HANLU("寒露", 195), SHUANGJIANG("霜降", 210), LIDONG("立冬", 225), XIAOXUE("小雪", 240),
        DAXUE("大雪", 255), DONGZHI("冬至", 270);

        private final String chineseName;
        private final int longitude;

        SolarTerm(String chineseName, int longitude) {
            this.chineseName = chineseName;
            this.longitude = longitude;
        }

        /**
         * The term's name in simplified Chinese.
         *
         * <p>Example: {@code SolarTerm.QINGMING.chineseName()} returns {@code "清明"}.
         *
         * @return the Chinese name
         */
        public String chineseName() {
            return chineseName;
        }

        /**
         * The apparent solar longitude, in whole degrees in [0, 360), that starts the term.
         *
         * <p>Example: {@code SolarTerm.LICHUN.longitude()} returns {@code 315}.
         *
         * @return the ecliptic longitude in degrees
         */
        public int longitude() {
            return longitude;
        }
    }

    private SolarTerms() {
    }

    /**
     * The civil date, in China Standard Time (UTC+8), on which {@code term} begins in
     * Gregorian year {@code year}.
     *
     * <p>Example: {@code SolarTerms.dateOf(2024, SolarTerm.DONGZHI)} returns {@code 2024-12-21}.
     *
     * @param year Gregorian year, {@value #MIN_YEAR} to {@value #MAX_YEAR}
     * @param term the solar term
     * @return the date in Beijing time
     * @throws IllegalArgumentException if {@code year} is outside the supported range
     */
    public static LocalDate dateOf(int year, SolarTerm term) {
        return instantOf(year, term).atOffset(CHINA_STANDARD_TIME).toLocalDate();
    }

    /**
     * The date of 清明 (Qingming, solar longitude 15°) in China Standard Time.
     *
     * <p>Example: {@code SolarTerms.qingming(2025)} returns {@code 2025-04-04}.
     *
     * @param year Gregorian year, {@value #MIN_YEAR} to {@value #MAX_YEAR}
     * @return the date in Beijing time
     * @throws IllegalArgumentException if {@code year} is outside the supported range
     */
    public static LocalDate qingming(int year) {
        return dateOf(year, SolarTerm.QINGMING);
    }

    /**
     * The moment (UTC, to the millisecond) at which {@code term} begins in Gregorian year
     * {@code year}. UT1 is used for UTC; the two never differ by more than 0.9 s.
     *
     * <p>Example: {@code SolarTerms.instantOf(2025, SolarTerm.QINGMING)} returns about
     * {@code 2025-04-04T12:48:28Z}, i.e. 20:48 Beijing time.
     *
     * @param year Gregorian year, {@value #MIN_YEAR} to {@value #MAX_YEAR}
     * @param term the solar term
     * @return the instant the Sun's apparent longitude reaches {@code term.longitude()}
     * @throws IllegalArgumentException if {@code year} is outside the supported range
     */
    public static Instant instantOf(int year, SolarTerm term) {
        Objects.requireNonNull(term, "term");
        if (year < MIN_YEAR || year > MAX_YEAR) {
            throw new IllegalArgumentException("Year " + year + " is outside the supported range "
                    + MIN_YEAR + "-" + MAX_YEAR + " for solar term calculation");
        }
        // 小寒 falls around 6 January and the terms are about 15.2 days apart; the guess only
        // has to be within a few days for the iteration to lock onto the right crossing.
        double guess = LocalDate.of(year, 1, 6).toEpochDay() + UNIX_EPOCH_JD
                + term.ordinal() * TROPICAL_YEAR_DAYS / 24;
        double jde = solveForLongitude(term.longitude(), guess);
        double jdUt = jde - deltaTSeconds(jde) / 86400.0;
        return Instant.ofEpochMilli(Math.round((jdUt - UNIX_EPOCH_JD) * 86_400_000.0));
    }

    /**
     * Newton iteration with the mean solar motion as slope: the true motion differs from it by
     * at most about 3.5 %, so each step shrinks the error about thirty-fold.
     */
    private static double solveForLongitude(double targetDeg, double jde) {
        for (int i = 0; i < 20; i++) {
            double step = signedDegrees(targetDeg - apparentLongitude(jde)) / MEAN_SOLAR_MOTION_DEG_PER_DAY;
            jde += step;
            if (Math.abs(step) < 1e-8) { // about 1 ms
                break;
            }
        }
        return jde;
    }

    /** The Sun's apparent geocentric longitude in degrees [0, 360) at Julian Ephemeris Day {@code jde}. */
    static double apparentLongitude(double jde) {
        double t = (jde - J2000) / 36525.0;      // Julian centuries (TT)
        double tau = t / 10.0;                   // Julian millennia, VSOP87's time argument
        // VSOP87D gives the Earth's heliocentric longitude referred to the mean equinox of date;
        // the Sun is seen from the Earth in the opposite direction.
        double geometric = Math.toDegrees(series(EARTH_L, tau)) + 180.0;
        double fk5 = -0.09033 / ARCSEC_PER_DEGREE;
        double aberration = -20.4898 / series(EARTH_R, tau) / ARCSEC_PER_DEGREE;
        return normalizeDegrees(geometric + fk5 + nutationInLongitudeArcsec(t) / ARCSEC_PER_DEGREE + aberration);
    }

    private static double series(double[][] powers, double tau) {
        double sum = 0;
        double tauPower = 1;
        for (double[] terms : powers) {
            double s = 0;
            for (int k = 0; k < terms.length; k += 3) {
                s += terms[k] * Math.cos(terms[k + 1] + terms[k + 2] * tau);
            }
            sum += s * tauPower;
            tauPower *= tau;
        }
        return sum / 1e8;
    }

    /** Δψ from the 26 largest terms of the IAU 1980 series; the omitted 37 together stay below 0.03″. */
    private static double nutationInLongitudeArcsec(double t) {
        double d = Math.toRadians(297.85036 + 445267.111480 * t - 0.0019142 * t * t + t * t * t / 189474);
        double m = Math.toRadians(357.52772 + 35999.050340 * t - 0.0001603 * t * t - t * t * t / 300000);
        double mPrime = Math.toRadians(134.96298 + 477198.867398 * t + 0.0086972 * t * t + t * t * t / 56250);
        double f = Math.toRadians(93.27191 + 483202.017538 * t - 0.0036825 * t * t + t * t * t / 327270);
        double omega = Math.toRadians(125.04452 - 1934.136261 * t + 0.0020708 * t * t + t * t * t / 450000);
        double sum = 0;
        for (double[] row : NUTATION) {
            double argument = row[0] * d + row[1] * m + row[2] * mPrime + row[3] * f + row[4] * omega;
            sum += (row[5] + row[6] * t) * Math.sin(argument);
        }
        return sum * 1e-4;
    }

    /**
     * TT − UT in seconds, from the Espenak–Meeus polynomials (NASA, "Polynomial expressions for
     * Delta T", 2006). They are fitted to observations up to 2005 and extrapolate after that.
     */
    static double deltaTSeconds(double jde) {
        double y = 2000.0 + (jde - J2000) / 365.25;
        double t;
        if (y < 1900) {
            t = y - 1860;
            return 7.62 + 0.5737 * t - 0.251754 * t * t + 0.01680668 * Math.pow(t, 3)
                    - 0.0004473624 * Math.pow(t, 4) + Math.pow(t, 5) / 233174;
        } else if (y < 1920) {
            t = y - 1900;
            return -2.79 + 1.494119 * t - 0.0598939 * t * t + 0.0061966 * Math.pow(t, 3) - 0.000197 * Math.pow(t, 4);
        } else if (y < 1941) {
            t = y - 1920;
            return 21.20 + 0.84493 * t - 0.076100 * t * t + 0.0020936 * Math.pow(t, 3);
        } else if (y < 1961) {
            t = y - 1950;
            return 29.07 + 0.407 * t - t * t / 233 + Math.pow(t, 3) / 2547;
        } else if (y < 1986) {
            t = y - 1975;
            return 45.45 + 1.067 * t - t * t / 260 - Math.pow(t, 3) / 718;
        } else if (y < 2005) {
            t = y - 2000;
            return 63.86 + 0.3345 * t - 0.060374 * t * t + 0.0017275 * Math.pow(t, 3)
                    + 0.000651814 * Math.pow(t, 4) + 0.00002373599 * Math.pow(t, 5);
        } else if (y < 2050) {
            t = y - 2000;
            return 62.92 + 0.32217 * t + 0.005589 * t * t;
        } else {
            double u = (y - 1820) / 100;
            return -20 + 32 * u * u - 0.5628 * (2150 - y);
        }
    }

    private static double normalizeDegrees(double degrees) {
        double r = degrees % 360.0;
        return r < 0 ? r + 360.0 : r;
    }

    /** Wraps an angle difference into [-180, 180) so the iteration always takes the short way round. */
    private static double signedDegrees(double degrees) {
        double r = normalizeDegrees(degrees);
        return r >= 180.0 ? r - 360.0 : r;
    }

    // Earth's heliocentric longitude L (radians × 1e8) and radius R (AU × 1e8), VSOP87D as
    // truncated in Meeus, appendix III. Each row of a power of tau is a flat list of
    // (A, B, C) triples contributing A·cos(B + C·tau).
    private static final double[][] EARTH_L = {
        { // L0
            175347046, 0, 0, 3341656, 4.6692568, 6283.07585, 34894, 4.62610, 12566.15170,
            3497, 2.7441, 5753.3849, 3418, 2.8289, 3.5231, 3136, 3.6277, 77713.7715,
            2676, 4.4181, 7860.4194, 2343, 6.1352, 3930.2097, 1324, 0.7425, 11506.7698,
            1273, 2.0371, 529.6910, 1199, 1.1096, 1577.3435, 990, 5.233, 5884.927,
            902, 2.045, 26.298, 857, 3.508, 398.149, 780, 1.179, 5223.694,
            753, 2.533, 5507.553, 505, 4.583, 18849.228, 492, 4.205, 775.523,
            357, 2.920, 0.067, 317, 5.849, 11790.629, 284, 1.899, 796.298,
            271, 0.315, 10977.079, 243, 0.345, 5486.778, 206, 4.806, 2544.314,
            205, 1.869, 5573.143, 202, 2.458, 6069.777, 156, 0.833, 213.299,
            132, 3.411, 2942.463, 126, 1.083, 20.775, 115, 0.645, 0.980,
            103, 0.636, 4694.003, 102, 0.976, 15720.839, 102, 4.267, 7.114,
            99, 6.21, 2146.17, 98, 0.68, 155.42, 86, 5.98, 161000.69,
            85, 1.30, 6275.96, 85, 3.67, 71430.70, 80, 1.81, 17260.15,
            79, 3.04, 12036.46, 75, 1.76, 5088.63, 74, 3.50, 3154.69,
            74, 4.68, 801.82, 70, 0.83, 9437.76, 62, 3.98, 8827.39,
            61, 1.82, 7084.90, 57, 2.78, 6286.60, 56, 4.39, 14143.50,
            56, 3.47, 6279.55, 52, 0.19, 12139.55, 52, 1.33, 1748.02,
            51, 0.28, 5856.48, 49, 0.49, 1194.45, 41, 5.37, 8429.24,
            41, 2.40, 19651.05, 39, 6.17, 10447.39, 37, 6.04, 10213.29,
            37, 2.57, 1059.38, 36, 1.71, 2352.87, 36, 1.78, 6812.77,
            33, 0.59, 17789.85, 30, 0.44, 83996.85, 30, 2.74, 1349.87,
            25, 3.16, 4690.48,
        },
        { // L1
            628331966747.0, 0, 0, 206059, 2.678235, 6283.07585, 4303, 2.6351, 12566.1517,
            425, 1.590, 3.523, 119, 5.796, 26.298, 109, 2.966, 1577.344,
            93, 2.59, 18849.23, 72, 1.14, 529.69, 68, 1.87, 398.15,
            67, 4.41, 5507.55, 59, 2.89, 5223.69, 56, 2.17, 155.42,
            45, 0.40, 796.30, 36, 0.47, 775.52, 29, 2.65, 7.11,
            21, 5.34, 0.98, 19, 1.85, 5486.78, 19, 4.97, 213.30,
            17, 2.99, 6275.96, 16, 0.03, 2544.31, 16, 1.43, 2146.17,
            15, 1.21, 10977.08, 12, 2.83, 1748.02, 12, 3.26, 5088.63,
            12, 5.27, 1194.45, 12, 2.08, 4694.00, 11, 0.77, 553.57,
            10, 1.30, 6286.60, 10, 4.24, 1349.87, 9, 2.70, 242.73,
            9, 5.64, 951.72, 8, 5.30, 2352.87, 6, 2.65, 9437.76,
            6, 4.67, 4690.48,
        },
        { // L2
            52919, 0, 0, 8720, 1.0721, 6283.0758, 309, 0.867, 12566.152,
            27, 0.05, 3.52, 16, 5.19, 26.30, 16, 3.68, 155.42,
            10, 0.76, 18849.23, 9, 2.06, 77713.77, 7, 0.83, 775.52,
            5, 4.66, 1577.34, 4, 1.03, 7.11, 4, 3.44, 5573.14,
            3, 5.14, 796.30, 3, 6.05, 5507.55, 3, 1.19, 242.73,
            3, 6.12, 529.69, 3, 0.31, 398.15, 3, 2.28, 553.57,
            2, 4.38, 5223.69, 2, 3.75, 0.98,
        },
        { // L3
            289, 5.844, 6283.076, 35, 0, 0, 17, 5.49, 12566.15,
            3, 5.20, 155.42, 1, 4.72, 3.52, 1, 5.30, 18849.23,
            1, 5.97, 242.73,
        },
        { // L4
            114, 3.142, 0, 8, 4.13, 6283.08, 1, 3.84, 12566.15,
        },
        { // L5
            1, 3.14, 0,
        },
    };

    // Only feeds the aberration term (20.49″/R), so the leading terms of R are ample:
    // what is left out is below 1e-5 AU, i.e. 0.0002″ of aberration.
    private static final double[][] EARTH_R = {
        { // R0
            100013989, 0, 0, 1670700, 3.0984635, 6283.07585, 13956, 3.05525, 12566.15170,
            3084, 5.1985, 77713.7715, 1628, 1.1739, 5753.3849, 1576, 2.8469, 7860.4194,
            925, 5.453, 11506.770, 542, 4.564, 3930.210, 472, 3.661, 5884.927,
            346, 0.964, 5507.553, 329, 5.900, 5223.694, 307, 0.299, 5573.143,
            243, 4.273, 11790.629, 212, 5.847, 1577.344, 186, 5.022, 10977.079,
            175, 3.012, 18849.228,
        },
        { // R1
            103019, 1.107490, 6283.075850, 1721, 1.0644, 12566.1517, 702, 3.142, 0,
        },
        { // R2
            4359, 5.7846, 6283.0758, 124, 5.579, 12566.152,
        },
        { // R3
            145, 4.273, 6283.076,
        },
    };

    // IAU 1980 nutation in longitude (Meeus table 22.A): multiples of D, M, M', F, Ω, then the
    // coefficient of sin(argument) in units of 0.0001″ as (constant, rate per Julian century).
    private static final double[][] NUTATION = {
        {0, 0, 0, 0, 1, -171996, -174.2},
        {-2, 0, 0, 2, 2, -13187, -1.6},
        {0, 0, 0, 2, 2, -2274, -0.2},
        {0, 0, 0, 0, 2, 2062, 0.2},
        {0, 1, 0, 0, 0, 1426, -3.4},
        {0, 0, 1, 0, 0, 712, 0.1},
        {-2, 1, 0, 2, 2, -517, 1.2},
        {0, 0, 0, 2, 1, -386, -0.4},
        {0, 0, 1, 2, 2, -301, 0},
        {-2, -1, 0, 2, 2, 217, -0.5},
        {-2, 0, 1, 0, 0, -158, 0},
        {-2, 0, 0, 2, 1, 129, 0.1},
        {0, 0, -1, 2, 2, 123, 0},
        {2, 0, 0, 0, 0, 63, 0},
        {0, 0, 1, 0, 1, 63, 0.1},
        {2, 0, -1, 2, 2, -59, 0},
        {0, 0, -1, 0, 1, -58, -0.1},
        {0, 0, 1, 2, 1, -51, 0},
        {-2, 0, 2, 0, 0, 48, 0},
        {0, 0, -2, 2, 1, 46, 0},
        {2, 0, 0, 2, 2, -38, 0},
        {0, 0, 2, 2, 2, -31, 0},
        {0, 0, 2, 0, 0, 29, 0},
        {-2, 0, 1, 2, 2, 29, 0},
        {0, 0, 0, 2, 0, 26, 0},
        {-2, 0, 0, 2, 0, -22, 0},
    };
}
