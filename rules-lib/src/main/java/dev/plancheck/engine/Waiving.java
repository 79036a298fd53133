package dev.plancheck.engine;

import dev.plancheck.report.Gap;
import dev.plancheck.report.Notice;
import dev.plancheck.report.Report;
import dev.plancheck.input.Waiver;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Applies an assessor's waivers to a report. A waiver for a unit the submission does not have is not for this
 * report and is passed over; one past its expiry on the as-of day is reported and not applied; one naming a rule
 * and unit that has no gap is reported as unused. The gap list keeps every gap, waived or not.
 */
public final class Waiving {
    private Waiving() {
    }

    public static Report apply(Report r, List<Waiver> waivers) {
        if (waivers.isEmpty()) {
            return r;
        }
        List<Gap> gaps = new ArrayList<>(r.gaps());
        List<Notice> extra = new ArrayList<>();
        List<Waiver> sorted = waivers.stream().sorted(Comparator.comparing(Waiver::ruleId, RuleOrder.BY_ID)
                .thenComparing(Waiver::unitId).thenComparing(Waiver::source)).toList();
        for (Waiver w : sorted) {
            if (r.units().stream().noneMatch(u -> u.getId().equals(w.unitId()))) {
                continue;
            }
            String key = w.ruleId() + "/" + w.unitId();
            int at = indexOf(gaps, w);
            if (!w.appliesOn(r.asOf())) {
                extra.add(new Notice(Notice.Type.WAIVER_EXPIRED, key, "情况说明（" + w.source() + "）有效期至 "
                        + w.expires() + "，早于检查日期 " + r.asOf() + "，未采用" + (at >= 0 ? "；该缺项仍计为缺项" : "")));
            } else if (at < 0) {
                extra.add(new Notice(Notice.Type.WAIVER_UNUSED, key, "情况说明（" + w.source() + "）所说明的 "
                        + w.ruleId() + " 对该单位没有缺项，未使用"));
            } else if (gaps.get(at).waived()) {
                extra.add(new Notice(Notice.Type.WAIVER_UNUSED, key, "情况说明（" + w.source() + "）与 "
                        + gaps.get(at).waiver().source() + " 说明的是同一缺项，只采用前者"));
            } else {
                gaps.set(at, gaps.get(at).withWaiver(w));
            }
        }
        List<Notice> notices = new ArrayList<>(r.notices());
        notices.addAll(extra);
        return Reports.withGapsAndNotices(r, gaps, notices);
    }

    private static int indexOf(List<Gap> gaps, Waiver w) {
        for (int i = 0; i < gaps.size(); i++) {
            Gap g = gaps.get(i);
            if (g.ruleId().equals(w.ruleId()) && g.unit().getId().equals(w.unitId())) {
                return i;
            }
        }
        return -1;
    }
}
