package dev.plancheck.io.report;

import dev.plancheck.report.Gap;
import dev.plancheck.report.Report;
import dev.plancheck.input.Waiver;
import dev.plancheck.model.OrgUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows of the follow-up list (整改清单), shared by the xlsx and csv writers so that both have the same columns
 * and order: per report, the open gaps unit by unit, then the gaps accepted with a reason (已说明), unit by unit.
 */
final class FollowUpList {
    /** The columns every row has; a batch adds {@link #SOURCE} in front. */
    static final List<String> COLUMNS = List.of("单位", "单位编号", "规则编号", "标题", "条款", "原文", "应有", "实有",
            "证据", "严重程度", "状态", "整改措施", "责任人", "完成时限");
    static final String SOURCE = "来源文件";
    /** The columns left empty for the assessor and the unit to fill in. */
    static final List<String> TO_FILL = List.of("整改措施", "责任人", "完成时限");

    private FollowUpList() {
    }

    static List<String> headers(boolean batch) {
        List<String> h = new ArrayList<>();
        if (batch) {
            h.add(SOURCE);
        }
        h.addAll(COLUMNS);
        return h;
    }

    /** The gaps of a report in follow-up order: open ones first, each group unit by unit, then by rule. */
    static List<Gap> ordered(Report r) {
        List<Gap> out = new ArrayList<>();
        out.addAll(byUnit(r, r.openGaps()));
        out.addAll(byUnit(r, r.waivedGaps()));
        return out;
    }

    static List<Gap> byUnit(Report r, List<Gap> gaps) {
        List<Gap> out = new ArrayList<>();
        for (OrgUnit u : r.units()) {
            gaps.stream().filter(g -> g.unit().getId().equals(u.getId())).forEach(out::add);
        }
        return out;
    }

    /** One row per gap of every report, the columns of {@link #headers}; the columns to fill in are empty. */
    static List<List<String>> rows(List<Report> reports, boolean batch) {
        List<List<String>> rows = new ArrayList<>();
        for (Report r : reports) {
            for (Gap g : ordered(r)) {
                List<String> row = new ArrayList<>();
                if (batch) {
                    row.add(r.source());
                }
                row.add(g.unit().getName());
                row.add(g.unit().getId());
                row.add(g.ruleId());
                row.add(g.title());
                row.add(g.clause());
                row.add(g.clauseText());
                row.add(g.expected());
                row.add(g.found());
                row.add(String.join("、", g.evidence()));
                row.add(g.rule().severity().chineseName());
                row.add(status(g));
                TO_FILL.forEach(c -> row.add(""));
                rows.add(row);
            }
        }
        return rows;
    }

    /** {@code 缺项}, or {@code 已说明：reason（认可人：…，有效期至 …）}. */
    static String status(Gap g) {
        if (!g.waived()) {
            return "缺项";
        }
        return "已说明：" + g.waiver().reason() + waiverDetails(g.waiver());
    }

    /** {@code （认可人：…，有效期至 …）}, or empty when the waiver names neither. */
    static String waiverDetails(Waiver w) {
        List<String> parts = new ArrayList<>();
        if (w.acceptedBy() != null) {
            parts.add("认可人：" + w.acceptedBy());
        }
        if (w.expires() != null) {
            parts.add("有效期至 " + w.expires());
        }
        return parts.isEmpty() ? "" : "（" + String.join("，", parts) + "）";
    }
}
