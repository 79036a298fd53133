package dev.plancheck.calendar;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Objects;

/** A node day of the plan: a fixed day of the year (3-05) or a solar term (清明) that moves from year to year. */
public sealed interface NodeDay {
    /** The node's Chinese name, e.g. {@code 学雷锋纪念日}. */
    String name();

    /** The node's day in the given year. */
    LocalDate in(int year);

    /** A short description of how the day is found, e.g. {@code 每年 03-05} or {@code 节气“清明”}. */
    String rule();

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

    /** The Spring Festival (春节, 正月初一), computed for each year by {@link LunarCalendar#springFestival(int)}. */
    record SpringFestival(String name) implements NodeDay {
        public SpringFestival {
            Objects.requireNonNull(name);
        }

        @Override
        public LocalDate in(int year) {
            return LunarCalendar.springFestival(year);
        }

        @Override
        public String rule() {
            return "农历正月初一（按朔日和中气逐年计算，北京时间）";
        }
    }
}
