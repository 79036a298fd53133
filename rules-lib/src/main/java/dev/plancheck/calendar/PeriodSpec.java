package dev.plancheck.calendar;

import dev.plancheck.model.DateRange;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * How a period is found in any year, as written in a pack's parameter file. Every spec yields the days it covers
 * inside the assessment year; a spec that runs past the year's ends (winter, a node near New Year) is clipped to
 * the year, since records outside the year do not count. The one exception is {@link IntoNextYear}
 * ({@code "endsNextYear": true}): a duty of the year whose window ends in the next one.
 */
public sealed interface PeriodSpec {
    /** The ranges this spec covers in {@code year}, sorted, merged, clipped to the year; may be empty. */
    List<DateRange> rangesIn(int year);

    /** A short Chinese description for the rule catalogue, e.g. {@code 每年 04-20 至 05-06}. */
    String describe();

    /** From one day of the year to another; when {@code to} comes before {@code from} the span crosses New Year. */
    record Span(MonthDay from, MonthDay to) implements PeriodSpec {
        public Span {
            Objects.requireNonNull(from);
            Objects.requireNonNull(to);
        }

        @Override
        public List<DateRange> rangesIn(int year) {
            LocalDate a = from.atYear(year);
            LocalDate b = to.atYear(year);
            if (!b.isBefore(a)) {
                return List.of(new DateRange(a, b));
            }
            // Crosses New Year: inside one year it is the year's start up to `to`, and `from` up to the year's end.
            return normalise(List.of(new DateRange(LocalDate.of(year, 1, 1), b),
                    new DateRange(a, LocalDate.of(year, 12, 31))), year);
        }

        @Override
        public String describe() {
            String s = String.format("%02d-%02d 至 %02d-%02d", from.getMonthValue(), from.getDayOfMonth(),
                    to.getMonthValue(), to.getDayOfMonth());
            return to.isBefore(from) ? s + "（跨年，年内取两段）" : s;
        }
    }

    /**
     * From a day of the year to a day of the next year, one stretch, not clipped: a winter of 2023-12-01 to
     * 2024-02-29 is one duty of 2023 ({@code "endsNextYear": true}). {@code to} must come before {@code from}; a
     * {@code to} of 02-29 is 02-28 when the next year is not a leap year.
     */
    record IntoNextYear(MonthDay from, MonthDay to) implements PeriodSpec {
        public IntoNextYear {
            Objects.requireNonNull(from);
            Objects.requireNonNull(to);
            if (!to.isBefore(from)) {
                throw new IllegalArgumentException("a span into the next year ends before it starts in the year: " + from + " .. " + to);
            }
        }

        @Override
        public List<DateRange> rangesIn(int year) {
            return List.of(new DateRange(from.atYear(year), to.atYear(year + 1)));
        }

        @Override
        public String describe() {
            return String.format("%02d-%02d 至次年 %02d-%02d（跨年，一段，为本年度职责）", from.getMonthValue(), from.getDayOfMonth(),
                    to.getMonthValue(), to.getDayOfMonth());
        }
    }

    /** Whole calendar months, e.g. winter = 12, 1, 2: in one year that is January–February and December. */
    record Months(List<Integer> months) implements PeriodSpec {
        public Months {
            months = List.copyOf(months);
            for (int m : months) {
                if (m < 1 || m > 12) {
                    throw new IllegalArgumentException("month out of range: " + m);
                }
            }
        }

        @Override
        public List<DateRange> rangesIn(int year) {
            List<DateRange> out = new ArrayList<>();
            for (int m : months) {
                YearMonth ym = YearMonth.of(year, m);
                out.add(new DateRange(ym.atDay(1), ym.atEndOfMonth()));
            }
            return normalise(out, year);
        }

        @Override
        public String describe() {
            return months.stream().map(m -> m + " 月").collect(Collectors.joining("、"));
        }
    }

    /** The days around a node day: {@code before} days before it to {@code after} days after it. */
    record AroundNode(String nodeId, NodeDay node, int before, int after) implements PeriodSpec {
        public AroundNode {
            Objects.requireNonNull(nodeId);
            Objects.requireNonNull(node);
            if (before < 0 || after < 0) {
                throw new IllegalArgumentException("days around a node must not be negative");
            }
        }

        @Override
        public List<DateRange> rangesIn(int year) {
            LocalDate day = node.in(year);
            return normalise(List.of(new DateRange(day.minusDays(before), day.plusDays(after))), year);
        }

        @Override
        public String describe() {
            return node.name() + "（" + node.rule() + "）前 " + before + " 日至后 " + after + " 日";
        }
    }

    /** From a node day to a fixed day of the same year: spring from the Spring Festival to 05-31. */
    record FromNode(String nodeId, NodeDay node, MonthDay to) implements PeriodSpec {
        public FromNode {
            Objects.requireNonNull(nodeId);
            Objects.requireNonNull(node);
            Objects.requireNonNull(to);
        }

        @Override
        public List<DateRange> rangesIn(int year) {
            LocalDate first = node.in(year);
            LocalDate last = to.atYear(year);
            // A node day after `to` (重阳 to 09-30, or a lunar day that fell in the next year) leaves no day.
            return last.isBefore(first) ? List.of() : normalise(List.of(new DateRange(first, last)), year);
        }

        @Override
        public String describe() {
            return node.name() + "（" + node.rule() + "）至 " + String.format("%02d-%02d", to.getMonthValue(), to.getDayOfMonth());
        }
    }

    /** Any of several specs: the union of their days. */
    record AnyOf(List<PeriodSpec> parts) implements PeriodSpec {
        public AnyOf {
            parts = List.copyOf(parts);
            if (parts.isEmpty()) {
                throw new IllegalArgumentException("anyOf needs at least one part");
            }
        }

        @Override
        public List<DateRange> rangesIn(int year) {
            List<DateRange> all = new ArrayList<>();
            for (PeriodSpec p : parts) {
                all.addAll(p.rangesIn(year));
            }
            return normalise(all, year);
        }

        @Override
        public String describe() {
            return parts.stream().map(PeriodSpec::describe).collect(Collectors.joining("；或 "));
        }
    }

    /** Clips ranges to the year, sorts them, and merges those that touch or overlap. */
    static List<DateRange> normalise(List<DateRange> ranges, int year) {
        LocalDate first = LocalDate.of(year, 1, 1);
        LocalDate last = LocalDate.of(year, 12, 31);
        List<DateRange> clipped = new ArrayList<>();
        for (DateRange r : ranges) {
            LocalDate a = r.from().isBefore(first) ? first : r.from();
            LocalDate b = r.to().isAfter(last) ? last : r.to();
            if (!b.isBefore(a)) {
                clipped.add(new DateRange(a, b));
            }
        }
        clipped.sort(Comparator.comparing(DateRange::from));
        List<DateRange> merged = new ArrayList<>();
        for (DateRange r : clipped) {
            if (!merged.isEmpty() && !r.from().isAfter(merged.get(merged.size() - 1).to().plusDays(1))) {
                DateRange prev = merged.remove(merged.size() - 1);
                merged.add(new DateRange(prev.from(), r.to().isAfter(prev.to()) ? r.to() : prev.to()));
            } else {
                merged.add(r);
            }
        }
        return List.copyOf(merged);
    }
}
