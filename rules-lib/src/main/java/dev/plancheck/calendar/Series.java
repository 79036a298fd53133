package dev.plancheck.calendar;

import dev.plancheck.model.DateRange;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A series of periods declared once ({@code "every": "quarter"}) instead of written out one by one: the year cut into
 * months, two-month stretches, quarters or halves, optionally with a due day for a report about each of them
 * ({@code "due": {"nextMonthDay": 5}}, {@code "due": {"daysAfterEnd": 10}}).
 *
 * <p>Without a due day a slot's window is the slot itself (a visit each quarter is made within the quarter). With one,
 * the window is that of the report about the slot: from the slot's last day up to the due day, both included, so the
 * report on December 2023 due on 2024-01-05 is counted from 2023-12-31 to 2024-01-05. Windows of one series never
 * share a day (the parameter file is refused otherwise), so no record counts for two of its periods.
 *
 * <pre>
 * new Series(Series.Every.MONTH, new Series.Due.NextMonthDay(5)).slots(2023).get(11).window()
 *     // 2023-12-31 至 2024-01-05
 * </pre>
 */
public record Series(Every every, Due due) {
    public Series {
        Objects.requireNonNull(every, "every");
    }

    /** How the year is cut. */
    public enum Every {
        MONTH("month", 1, "每月"),
        TWO_MONTHS("two-months", 2, "每两个月"),
        QUARTER("quarter", 3, "每季度"),
        HALF_YEAR("half-year", 6, "每半年");

        private static final String[] QUARTERS = {"第一季度", "第二季度", "第三季度", "第四季度"};

        private final String code;
        private final int months;
        private final String words;

        Every(String code, int months, String words) {
            this.code = code;
            this.months = months;
            this.words = words;
        }

        /** The value written in the parameter file, e.g. {@code two-months}. */
        public String code() {
            return code;
        }

        /** In words, e.g. {@code 每季度}. */
        public String words() {
            return words;
        }

        /** The value of {@code code}, or null. */
        public static Every of(String code) {
            for (Every e : values()) {
                if (e.code.equals(code)) {
                    return e;
                }
            }
            return null;
        }

        /**
         * The id suffix of the n-th slot (from 1), as the written-out series of the bundled and sample packs spell it:
         * {@code 01}…{@code 12}, {@code 01-02}…{@code 11-12}, {@code Q1}…{@code Q4}, {@code H1}, {@code H2}.
         */
        String suffix(int n) {
            int first = (n - 1) * months + 1;
            return switch (this) {
                case MONTH -> String.format("%02d", n);
                case TWO_MONTHS -> String.format("%02d-%02d", first, first + 1);
                case QUARTER -> "Q" + n;
                case HALF_YEAR -> "H" + n;
            };
        }

        /** The n-th slot's Chinese name: {@code 1 月}, {@code 1—2 月}, {@code 第一季度}, {@code 上半年}. */
        String slotName(int n) {
            int first = (n - 1) * months + 1;
            return switch (this) {
                case MONTH -> n + " 月";
                case TWO_MONTHS -> first + "—" + (first + 1) + " 月";
                case QUARTER -> QUARTERS[n - 1];
                case HALF_YEAR -> n == 1 ? "上半年" : "下半年";
            };
        }
    }

    /** When the report about a slot is due. */
    public sealed interface Due permits Due.NextMonthDay, Due.DaysAfterEnd {
        /** The last day a report about the slot ending on {@code last} may be made. */
        LocalDate after(LocalDate last);

        /** In words, e.g. {@code 次月 5 日前} or {@code 结束后 10 日内}. */
        String words();

        /** On or before the given day of the month after the slot: "次月5日前". */
        record NextMonthDay(int day) implements Due {
            /** Days every month has: a due day of 29–31 would not exist in February. */
            public static final int MAX = 28;

            public NextMonthDay {
                if (day < 1 || day > MAX) {
                    throw new IllegalArgumentException("day of the next month out of range: " + day);
                }
            }

            @Override
            public LocalDate after(LocalDate last) {
                return YearMonth.from(last).plusMonths(1).atDay(day);
            }

            @Override
            public String words() {
                return "次月 " + day + " 日前";
            }
        }

        /** Within the given number of days after the slot's last day (that day not counted): "结束后10日内". */
        record DaysAfterEnd(int days) implements Due {
            public DaysAfterEnd {
                if (days < 1) {
                    throw new IllegalArgumentException("days after the end must be positive: " + days);
                }
            }

            @Override
            public LocalDate after(LocalDate last) {
                return last.plusDays(days);
            }

            @Override
            public String words() {
                return "结束后 " + days + " 日内";
            }
        }
    }

    /**
     * One period of the series in one year.
     *
     * @param suffix what follows the series id and a dot in the period's id, e.g. {@code Q1}
     * @param name   the Chinese name, e.g. {@code 第一季度}, with the due day when there is one: {@code 第一季度，结束后 10 日内报送}
     * @param covers the days the slot is about, e.g. 2023-01-01 至 2023-03-31
     * @param window the days in which a record counts for it: {@code covers}, or the report's window when due
     */
    public record Slot(String suffix, String name, DateRange covers, DateRange window) {
    }

    /** The slots of {@code year}, in order; the last window may end in the next year. */
    public List<Slot> slots(int year) {
        List<Slot> out = new ArrayList<>();
        int count = 12 / every.months;
        for (int n = 1; n <= count; n++) {
            YearMonth first = YearMonth.of(year, (n - 1) * every.months + 1);
            DateRange covers = new DateRange(first.atDay(1), first.plusMonths(every.months - 1).atEndOfMonth());
            String name = every.slotName(n);
            DateRange window = covers;
            if (due != null) {
                window = new DateRange(covers.to(), due.after(covers.to()));
                name += "，" + due.words() + "报送";
            }
            out.add(new Slot(every.suffix(n), name, covers, window));
        }
        return List.copyOf(out);
    }

    /**
     * Two slots whose windows share a day (a due day so late that the report on one slot is due after the next slot
     * has ended), said in Chinese; null when there are none. Checked in {@code year} and across into the next year.
     */
    public String overlapIn(int year) {
        List<Slot> slots = new ArrayList<>(slots(year));
        slots.add(slots(year + 1).get(0));
        for (int i = 0; i + 1 < slots.size(); i++) {
            DateRange a = slots.get(i).window();
            DateRange b = slots.get(i + 1).window();
            if (!b.from().isAfter(a.to())) {
                return "报送时段 " + a + " 与下一期的 " + b + " 重叠，同一条记录会计入两期；报送期限应早于下一期的最后一天";
            }
        }
        return null;
    }

    /** In words for the catalogue, e.g. {@code 每月一期，各期次月 5 日前报送，报送时段自该期最后一日起至期限当日}. */
    public String describe() {
        if (due == null) {
            return every.words() + "一期，记录计入其所在的一期";
        }
        return every.words() + "一期，各期" + due.words() + "报送，报送时段自该期最后一日起至期限当日";
    }

    /** {@code MM-DD}, with {@code 次年 } in front when the day lies after {@code year}: {@code 次年 01-05}. */
    public static String dayInWords(LocalDate day, int year) {
        String md = String.format("%02d-%02d", day.getMonthValue(), day.getDayOfMonth());
        return day.getYear() > year ? "次年 " + md : md;
    }
}
