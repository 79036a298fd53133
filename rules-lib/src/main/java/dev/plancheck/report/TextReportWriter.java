package dev.plancheck.report;

import dev.plancheck.ComingDuty;
import dev.plancheck.Gap;
import dev.plancheck.Notice;
import dev.plancheck.Report;
import dev.plancheck.RuleResult;
import dev.plancheck.Status;
import dev.plancheck.model.OrgUnit;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The report in Chinese for an assessor: per unit what is missing (each gap with its clause, the original sentence,
 * what was expected and what was found), what is not yet due, what does not apply and what is met; then notices
 * about records that were not counted, and what falls due next.
 */
public final class TextReportWriter implements ReportWriter {
    private static final String RULE = "────────────────────────────────────────";

    @Override
    public String name() {
        return "text";
    }

    @Override
    public String description() {
        return "中文文本报告，供评估人员阅读（默认）";
    }

    @Override
    public void write(List<Report> reports, boolean batch, Appendable out) throws IOException {
        for (int i = 0; i < reports.size(); i++) {
            if (i > 0) {
                out.append('\n');
            }
            write(reports.get(i), out);
        }
    }

    private void write(Report r, Appendable out) throws IOException {
        Map<Status, Integer> s = r.summary();
        out.append("《").append(r.packTitle()).append("》落实情况检查报告\n");
        out.append("提交文件：").append(line(r.source())).append('\n');
        out.append("考核年度：").append(String.valueOf(r.year())).append("　检查截至：").append(r.asOf().toString())
                .append("（当日结束时）　规则包：").append(r.packId()).append('\n');
        out.append("结论：").append(r.hasGaps() ? "有 " + r.gaps().size() + " 项缺项" : "没有缺项").append("　")
                .append(summaryLine(s)).append('\n');

        for (OrgUnit unit : r.units()) {
            List<RuleResult> mine = r.results().stream().filter(x -> x.unit().getId().equals(unit.getId())).toList();
            out.append('\n').append(RULE).append('\n');
            out.append(line(unit.getName())).append("（").append(line(unit.getId())).append("，").append(unit.getLevel().chineseName())
                    .append("）　").append(summaryLine(Report.countByStatus(mine))).append('\n');
            out.append(RULE).append('\n');
            List<Gap> gaps = r.gaps().stream().filter(g -> g.unit().getId().equals(unit.getId())).toList();
            if (!gaps.isEmpty()) {
                out.append("缺项（").append(String.valueOf(gaps.size())).append("）：\n");
                for (Gap g : gaps) {
                    out.append("  ✗ [").append(g.ruleId()).append("] ").append(g.title()).append("　")
                            .append(g.clause()).append("　严重程度：").append(g.rule().severity().chineseName()).append('\n');
                    out.append("      原文：").append(g.clauseText()).append('\n');
                    out.append("      应有：").append(g.expected()).append('\n');
                    out.append("      实有：").append(line(g.found())).append('\n');
                }
            }
            section(out, mine, Status.NOT_DUE, "未到期", "…");
            section(out, mine, Status.NOT_APPLICABLE, "不适用", "–");
            section(out, mine, Status.MET, "已落实", "✓");
        }

        out.append('\n').append(RULE).append('\n');
        out.append("记录提示（").append(String.valueOf(r.notices().size())).append("）");
        if (r.notices().isEmpty()) {
            out.append("：无\n");
        } else {
            out.append("：以下记录未计入或只计一次，请核对\n");
            List<Notice> future = r.notices().stream().filter(n -> n.type() == Notice.Type.FUTURE_DATED).toList();
            for (Notice n : r.notices()) {
                if (n.type() != Notice.Type.FUTURE_DATED) {
                    out.append("  ! ").append(line(n.recordId())).append("【").append(n.type().chineseName()).append("】")
                            .append(line(n.message())).append('\n');
                }
            }
            // A mid-year check of a full ledger would list every later record; one line says the same.
            if (!future.isEmpty()) {
                out.append("  ! 【").append(Notice.Type.FUTURE_DATED.chineseName()).append("】").append(String.valueOf(future.size()))
                        .append(" 条记录的日期晚于检查日期 ").append(r.asOf().toString()).append("，未计入：")
                        .append(line(future.stream().map(Notice::recordId).collect(Collectors.joining("、")))).append('\n');
            }
        }
        out.append("即将到期（").append(r.asOf().toString()).append(" 之后 ").append(String.valueOf(r.comingDueDays()))
                .append(" 天内开始或截止、尚未落实的事项，按截止日排列）");
        if (r.comingDue().isEmpty()) {
            out.append("：无\n");
        } else {
            out.append("：\n");
            for (ComingDuty c : r.comingDue()) {
                out.append("  → ").append(c.opens().toString()).append(" 至 ").append(c.closes().toString()).append("　")
                        .append(line(c.unit().getName())).append("　[").append(c.rule().id()).append("] ").append(c.what())
                        .append("（").append(c.periodName()).append(c.anchor() == null ? "" : "，节点日 " + c.anchor())
                        .append("）\n");
            }
        }
    }

    private static void section(Appendable out, List<RuleResult> results, Status status, String heading, String mark)
            throws IOException {
        List<RuleResult> list = results.stream().filter(x -> x.status() == status).toList();
        if (list.isEmpty()) {
            return;
        }
        out.append(heading).append("（").append(String.valueOf(list.size())).append("）：\n");
        for (RuleResult x : list) {
            out.append("  ").append(mark).append(" [").append(x.rule().id()).append("] ").append(x.rule().title());
            if (status == Status.MET) {
                out.append("　证据：").append(line(String.join("、", x.evidence())));
            } else if (status == Status.NOT_APPLICABLE) {
                out.append("　").append(x.note());
            } else if (status == Status.NOT_DUE) {
                String open = x.parts().stream().filter(p -> p.status() == Status.NOT_DUE)
                        .map(p -> p.what() + "：" + p.periodName() + " " + p.days().stream().map(Object::toString)
                                .collect(Collectors.joining("、")))
                        .collect(Collectors.joining("；"));
                out.append("　尚可完成——").append(open);
            }
            out.append('\n');
        }
    }

    /** Submitted text, escaped so that it cannot act on the terminal or forge a line of the report. */
    private static String line(String submitted) {
        return TerminalText.line(submitted);
    }

    private static String summaryLine(Map<Status, Integer> s) {
        return java.util.Arrays.stream(Status.values())
                .map(st -> st.chineseName() + " " + s.get(st)).collect(Collectors.joining("　"));
    }
}
