package dev.plancheck.model;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The official calendar of working days (工作日): Monday to Friday, minus the days off and plus the make-up working days
 * (调休上班日) that the State Council's notice sets for each year. It knows only the years it holds data for and never
 * guesses another: a count that needs a year it does not hold fails with a message saying which year is missing.
 *
 * <pre>{@code
 * WorkCalendar c = pack.deadlines().get("notice-reply").calendar();   // the shipped years and the pack's own
 * c.isWorkingDay(LocalDate.of(2024, 9, 29));              // true: a Sunday made a working day for 国庆节
 * c.afterWorkingDays(LocalDate.of(2024, 9, 26), 10);      // 2024-10-15: the trigger day itself is not counted
 * }</pre>
 */
public final class WorkCalendar {
    /**
     * One year's notice: its title, where it was read, and the days it names, each with the name of its break.
     * {@code offDays} are days off (statutory holidays and weekdays given off in exchange; weekend days inside a break
     * may be listed and change nothing); {@code workDays} are Saturdays or Sundays made working days.
     */
    public record Year(int year, String notice, String source, Map<LocalDate, String> offDays,
                       Map<LocalDate, String> workDays) {
        public Year {
            Objects.requireNonNull(notice, "notice");
            offDays = Collections.unmodifiableSortedMap(new TreeMap<>(offDays));
            workDays = Collections.unmodifiableSortedMap(new TreeMap<>(workDays));
        }
    }

    private final SortedMap<Integer, Year> years;

    public WorkCalendar(Collection<Year> years) {
        TreeMap<Integer, Year> map = new TreeMap<>();
        years.forEach(y -> map.put(y.year(), y));
        this.years = Collections.unmodifiableSortedMap(map);
    }

    /** This calendar with {@code overrides} added: a year given there replaces this calendar's data for that year. */
    public WorkCalendar with(Collection<Year> overrides) {
        TreeMap<Integer, Year> map = new TreeMap<>(years);
        overrides.forEach(y -> map.put(y.year(), y));
        return new WorkCalendar(map.values());
    }

    /** The years this calendar holds a notice for, in order. */
    public SortedMap<Integer, Year> years() {
        return years;
    }

    public boolean covers(int year) {
        return years.containsKey(year);
    }

    /** True for a working day; fails with a Chinese message when the day's year has no data. */
    public boolean isWorkingDay(LocalDate day) {
        Year y = yearOf(day);
        if (y.workDays().containsKey(day)) {
            return true;
        }
        if (y.offDays().containsKey(day)) {
            return false;
        }
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    /**
     * The {@code n}th working day after {@code day}, which itself is not counted (Civil Code art. 201: a period starts
     * on the day after the one it is counted from). Since the result is a working day, a period never ends on a
     * holiday (art. 203). Fails with a Chinese message when a year on the way has no data.
     */
    public LocalDate afterWorkingDays(LocalDate day, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("working days must be at least 1, was " + n);
        }
        LocalDate d = day;
        for (int left = n; left > 0; ) {
            d = d.plusDays(1);
            if (isWorkingDay(d)) {
                left--;
            }
        }
        return d;
    }

    /**
     * The names of the breaks whose days off fell on a weekday in {@code after} (excluded) to {@code through}
     * (included), in order, e.g. {@code [国庆节]}: the breaks that pushed a count in working days later.
     */
    public List<String> breaksBetween(LocalDate after, LocalDate through) {
        Set<String> names = new LinkedHashSet<>();
        for (LocalDate d = after.plusDays(1); !d.isAfter(through); d = d.plusDays(1)) {
            String name = yearOf(d).offDays().get(d);
            if (name != null && d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                names.add(name);
            }
        }
        return List.copyOf(names);
    }

    /** The number of working days in {@code year}. */
    public int workingDaysIn(int year) {
        int count = 0;
        for (LocalDate d = LocalDate.of(year, 1, 1); d.getYear() == year; d = d.plusDays(1)) {
            count += isWorkingDay(d) ? 1 : 0;
        }
        return count;
    }

    private Year yearOf(LocalDate day) {
        Year y = years.get(day.getYear());
        if (y == null) {
            throw new IllegalStateException(missing(day.getYear(), years.keySet()));
        }
        return y;
    }

    /** The message for a year without data, e.g. for lint and for a count that runs into it. */
    public static String missing(int year, Set<Integer> held) {
        return "工作日历没有 " + year + " 年的数据（国务院办公厅关于" + year + "年部分节假日安排的通知），无法按工作日计算期限；"
                + "已有：" + (held.isEmpty() ? "无" : String.join("、", held.stream().map(String::valueOf).toList()))
                + "。请在参数文件的 calendar 中加入该年的放假日和调休上班日";
    }
}
