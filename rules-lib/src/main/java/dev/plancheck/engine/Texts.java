package dev.plancheck.engine;

import dev.plancheck.model.Activity;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

/** The Chinese phrases of findings, kept in one place so that reports read alike. */
final class Texts {
    private Texts() {
    }

    /** {@code m1（2023-05-10 统战工作专题会议）、m2（…）} */
    static String records(List<Activity> records) {
        StringBuilder s = new StringBuilder(records.size() * 48);
        for (Activity a : records) {
            if (s.length() > 0) {
                s.append('、');
            }
            s.append(a.getId()).append('（');
            date(s, a.getDate()).append(' ').append(a.getTitle()).append('）');
        }
        return s.toString();
    }

    /** Appends {@code day} as {@link LocalDate#toString} writes it, without making a string of it first. */
    static StringBuilder date(StringBuilder s, LocalDate day) {
        int y = day.getYear();
        if (y < 1000 || y > 9999) {
            return s.append(day);
        }
        int m = day.getMonthValue();
        int d = day.getDayOfMonth();
        return s.append(y).append(m < 10 ? "-0" : "-").append(m).append(d < 10 ? "-0" : "-").append(d);
    }

    /** {@code m1（2023-01-01 至 2023-12-31 全年学习活动）}: records with the days they ran. */
    static String spans(List<Activity> records) {
        return records.stream().map(a -> a.getId() + "（" + a.getDate() + " 至 " + a.getLastDate() + " " + a.getTitle() + "）")
                .collect(Collectors.joining("、"));
    }

    /** {@code 12,000.00 元} */
    static String money(BigDecimal amount) {
        // What DecimalFormat("#,##0.00") writes (half-even, as it rounds), without making a format for every amount.
        BigDecimal v = amount.setScale(2, RoundingMode.HALF_EVEN);
        String digits = v.abs().toPlainString();
        int point = digits.indexOf('.');
        StringBuilder s = new StringBuilder(digits.length() + 8);
        if (amount.signum() < 0) {
            s.append('-');
        }
        for (int i = 0; i < point; i++) {
            if (i > 0 && (point - i) % 3 == 0) {
                s.append(',');
            }
            s.append(digits.charAt(i));
        }
        return s.append(digits, point, digits.length()).append(" 元").toString();
    }

    /** A sum of the sum verbs: {@code 200 人次}, or money as {@link #money} writes it. */
    static String measure(BigDecimal value, boolean money) {
        return money ? money(value) : value.toPlainString() + " 人次";
    }

    /** {@code p1（2023-03-01 慰问困难职工，5,000.00 元）} */
    static String withAmounts(List<Activity> records) {
        return records.stream().map(a -> a.getId() + "（" + a.getDate() + " " + a.getTitle() + "，" + money(a.getAmount()) + "）")
                .collect(Collectors.joining("、"));
    }

    static String ids(List<Activity> records) {
        return records.stream().map(Activity::getId).collect(Collectors.joining("、"));
    }
}
