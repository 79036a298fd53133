package dev.plancheck;

import dev.plancheck.input.Waiver;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * How to check: as of which day, how many days ahead to list what is coming due, and which gaps an assessor has
 * accepted (waivers).
 *
 * <pre>{@code
 * CheckOptions.defaults()                                 // end of the assessment year, the pack's look-ahead
 * CheckOptions.asOf(LocalDate.of(2023, 6, 15)).withComingDueDays(60)
 * CheckOptions.defaults().withWaivers(List.of(new Waiver("R8-3", "HP", "上级通知取消", "王审核", null, "说明.json")))
 * }</pre>
 *
 * @param asOf          the day of the check, or {@code null} for the last day of the assessment year; the check
 *                      sees the state at the end of that day
 * @param comingDueDays days ahead to list coming duties, or {@code null} for the pack's default
 * @param waivers       gaps accepted with a reason; a waiver naming a unit the submission does not have is not
 *                      used for it (one list of waivers may serve several ledgers)
 */
public record CheckOptions(LocalDate asOf, Integer comingDueDays, List<Waiver> waivers) {
    /** Most days ahead that coming duties are listed for: ten years. */
    public static final int MAX_COMING_DUE_DAYS = 3660;
    /** Latest as-of date accepted, in years after the assessment year (the result no longer changes after it). */
    public static final int MAX_YEARS_AFTER = 10;

    public CheckOptions {
        if (comingDueDays != null && (comingDueDays < 0 || comingDueDays > MAX_COMING_DUE_DAYS)) {
            throw new IllegalArgumentException("comingDueDays 应为 0 到 " + MAX_COMING_DUE_DAYS + "：" + comingDueDays);
        }
        waivers = List.copyOf(Objects.requireNonNull(waivers, "waivers"));
    }

    /** Options without waivers. */
    public CheckOptions(LocalDate asOf, Integer comingDueDays) {
        this(asOf, comingDueDays, List.of());
    }

    public static CheckOptions defaults() {
        return new CheckOptions(null, null);
    }

    public static CheckOptions asOf(LocalDate day) {
        return new CheckOptions(day, null);
    }

    public CheckOptions withComingDueDays(int days) {
        return new CheckOptions(asOf, days, waivers);
    }

    /** The same options with these waivers (replacing any given before). */
    public CheckOptions withWaivers(List<Waiver> list) {
        return new CheckOptions(asOf, comingDueDays, list);
    }
}
