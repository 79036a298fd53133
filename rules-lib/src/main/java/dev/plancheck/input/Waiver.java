package dev.plancheck.input;

import java.time.LocalDate;
import java.util.Objects;

/**
 * An assessor's acceptance of one gap (情况说明): the duty of a rule for one unit was not done, for a reason the
 * assessor accepts, e.g. an activity cancelled by a higher-level notice. A waived gap still appears in every report,
 * marked 已说明 with its reason, but does not count as an open gap. A waiver past its expiry date does not apply
 * and is reported.
 *
 * <pre>{@code
 * new Waiver("R8-3", "HP", "上级通知取消集中活动，改为线上", "王审核", LocalDate.of(2024, 3, 31), "waivers.json:4:5")
 * }</pre>
 *
 * @param ruleId     the rule whose gap is accepted, e.g. {@code R8-3}
 * @param unitId     the unit whose gap is accepted
 * @param reason     why the gap is accepted; required
 * @param acceptedBy who accepted it, or {@code null}
 * @param expires    the last day the waiver applies (checks as of a later day do not apply it), or {@code null}
 * @param source     where the waiver was read, for messages, e.g. {@code waivers.json:4:5} or {@code 情况说明!A3}
 */
public record Waiver(String ruleId, String unitId, String reason, String acceptedBy, LocalDate expires,
                     String source) {
    /** Rule, unit, reason and source are required. */
    public Waiver {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(unitId, "unitId");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(source, "source");
    }

    /** True when the waiver still applies at the end of the given day. */
    public boolean appliesOn(LocalDate day) {
        return expires == null || !day.isAfter(expires);
    }
}
