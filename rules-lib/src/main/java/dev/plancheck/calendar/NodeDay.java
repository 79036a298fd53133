package dev.plancheck.calendar;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Objects;

/** A node day of the plan: a fixed day of the year (3-05), or a solar term (清明) or lunar festival (重阳) that moves. */
public sealed interface NodeDay {
    /** The node's Chinese name, e.g. {@code 学雷锋纪念日}. */
    String name();

    /** The node's day in the given year. */
    LocalDate in(int year);

    /** A short description of how the day is found, e.g. {@code 每年 03-05} or {@code 节气“清明”}. */
    String rule();

    /** The node's day in the given year as the catalogue prints it, e.g. {@code 2023-10-23}. */
    default String dateIn(int year) {
        return in(year).toString();
    }

    /** A node on the same day every year; 02-29 falls on 02-28 in common years. */
    record Fixed(String name, MonthDay day) implements NodeDay {
        public Fixed {
            Objects.requireNonNull(name);
            Objects.requireNonNull(day);
        }

        @Override
        public LocalDate in(int year) {
            return day.atYear(year);
        }

        @Override
        public String rule() {
            return String.format("每年 %02d-%02d", day.getMonthValue(), day.getDayOfMonth());
        }
    }

    /** A node on the day a solar term begins, in China Standard Time. */
    record Term(String name, SolarTerms.SolarTerm term) implements NodeDay {
        public Term {
            Objects.requireNonNull(name);
            Objects.requireNonNull(term);
        }

        @Override
        public LocalDate in(int year) {
            return SolarTerms.dateOf(year, term);
        }

        @Override
        public String rule() {
            return "节气“" + term.chineseName() + "”（太阳视黄经 " + term.longitude() + "°，北京时间）";
        }
    }

    /**
     * A lunar festival (重阳, 腊八, 除夕 …), computed for each year by {@link LunarCalendar}. In a Gregorian year it
     * names the festival of the lunar year that begins in that year, or with {@code previousLunarYear} of the one
     * that ends in it: 2023's 除夕 is 2024-02-09, or 2023-01-21 with {@code previousLunarYear}.
     */
    record Lunar(String name, LunarFestival festival, boolean previousLunarYear) implements NodeDay {
        public Lunar {
            Objects.requireNonNull(name);
            Objects.requireNonNull(festival);
        }

        /** The lunar year whose festival this node names in Gregorian {@code year}. */
        public int lunarYearIn(int year) {
            return previousLunarYear ? year - 1 : year;
        }

        @Override
        public LocalDate in(int year) {
            return festival.inLunarYear(lunarYearIn(year));
        }

        @Override
        public String rule() {
            String computed = "按朔日和中气逐年计算，北京时间";
            if (festival == LunarFestival.SPRING_FESTIVAL && !previousLunarYear) {
                return "农历" + festival.lunarDate() + "（" + computed + "）";
            }
            String occurrence = previousLunarYear ? "；取在本年结束的农历年（上一农历年）的一次"
                    : festival.inTwelfthMonth() ? "；取在本年开始的农历年的一次，常落在次年" : "";
            return festival.chineseName() + "，农历" + festival.lunarDate() + "（" + computed + occurrence + "）";
        }

        @Override
        public String dateIn(int year) {
            LocalDate day = in(year);
            boolean outside = day.getYear() != year;
            if (!outside && !previousLunarYear) {
                return day.toString();
            }
            return day + "（农历 " + lunarYearIn(year) + " 年的" + festival.chineseName()
                    + (outside ? "，不在 " + year + " 年内" : "") + "）";
        }
    }
}
