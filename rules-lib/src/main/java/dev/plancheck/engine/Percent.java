package dev.plancheck.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A rate of {@code part} to {@code whole} against a minimum percentage. Whether it is met is decided exactly
 * ({@code part × 100 ≥ min × whole}); the rate is shown to one decimal, cut, never rounded up, so that a rate shown
 * as 80.0% has really reached 80% and a shortfall is never shown as 0.0.
 */
record Percent(BigDecimal part, BigDecimal whole, BigDecimal min) {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    boolean met() {
        return part.multiply(HUNDRED).compareTo(min.multiply(whole)) >= 0;
    }

    /** {@code 77.7%} */
    String shown() {
        return value().toPlainString() + "%";
    }

    /** {@code ，尚差 2.3 个百分点}, or nothing when met. */
    String shortfall() {
        return met() ? "" : "，尚差 " + min.subtract(value()).setScale(1, RoundingMode.UNNECESSARY).toPlainString() + " 个百分点";
    }

    private BigDecimal value() {
        return part.multiply(HUNDRED).divide(whole, 1, RoundingMode.DOWN);
    }

    /** {@code 80%}, {@code 66.7%} */
    static String of(BigDecimal min) {
        return min.stripTrailingZeros().toPlainString() + "%";
    }
}
