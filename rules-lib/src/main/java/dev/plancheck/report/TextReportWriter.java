package dev.plancheck.report;

import dev.plancheck.text.VisibleText;
import dev.plancheck.input.Waiver;
import dev.plancheck.model.OrgUnit;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The report in Chinese for an assessor, to act on: the conclusion, then every open gap by unit (its clause, the
 * original sentence, what was expected and what was found), the gaps accepted with a reason (已说明), the notices
 * about records that were not counted, and what falls due next; each unit's counts close the report. Met, not-due
 * and not-applicable duties are counted, not listed, unless {@linkplain #TextReportWriter(boolean) detail} is asked
 * for. A batch ends with the comparison of its units, after the last report.
 */
public final class TextReportWriter extends CharacterReportWriter {
    private static final String RULE = "────────────────────────────────────────";
    private static final String DOUBLE_RULE = "════════════════════════════════════════";

    private final boolean detail;

    /** The default report: gaps and notices in full, met items counted. */
    public TextReportWriter() {
        this(false);
    }

    /** @param detail true to list every met, not-due and not-applicable duty of every unit too */
    public TextReportWriter(boolean detail) {
        this.detail = detail;
    }

    @Override
    public String name() {
        return "text";
    }

    @Override
    public String description() {
        return "中文文本报告，供评估人员阅读（默认）";
    }

    @Override
    public String extension() {
        return "txt";
    }

    @Override
    public String mediaType() {
        return "text/plain; charset=utf-8";
    }

    /** The report listing every met, not-due and not-applicable duty too ({@code --detail}). */
    @Override
    public ReportWriter detailed() {
        return detail ? this : new TextReportWriter(true);
    }

    @Override
    public void write(List<Report> reports, boolean batch, Appendable out) throws IOException {
        for (int i = 0; i < reports.size(); i++) {
            if (i > 0) {
                out.append('\n');
            }
            write(reports.get(i), out);
        }
        if (batch && !reports.isEmpty()) {
            out.append('\n');
            writeComparison(Comparison.of(reports), reports.size(), out);
        }
    }

    /**
     * What an as-of date after the year means: every duty is due, unless some of the year's duties have windows that
     * reach into the next year (December's report due 5 January), whose records of the next year count there.
     */
    private static String afterYear(Report r) {
        boolean late = r.results().stream().flatMap(x -> x.parts().stream()).flatMap(p -> p.days().stream())
                .anyMatch(d -> d.to().getYear() > r.year());
        if (!late) {
            return "年度内的职责均已到期；考核年度以外的记录不计入";
        }
        boolean open = r.results().stream().anyMatch(x -> x.status() == Status.NOT_DUE);
        return (open ? "部分 " + r.year() + " 年度职责的期限在次年，尚未到期" : r.year() + " 年度的职责均已到期（含期限在次年的）")
                + "；考核年度以外的记录只在这些职责的次年期限内计入";
    }

    private void write(Report r, Appendable out) throws IOException {
        Map<Status, Integer> s = r.summary().counts();
        out.append("《").append(line(r.packTitle())).append("》落实情况检查报告\n");
        out.append("提交文件：").append(line(r.source())).append('\n');
        out.append("考核年度：").append(String.valueOf(r.year())).append("　检查截至：").append(r.asOf().toString())
                .append("（当日结束时）　规则包：").append(r.packId()).append('\n');
        out.append("规则包指纹：").append(r.fingerprint().toString()).append('\n');
        if (r.asOf().getYear() > r.year()) {
            out.append("说明：检查日期在考核年度 ").append(String.valueOf(r.year())).append(" 年结束之后，").append(afterYear(r)).append('\n');
        }
        List<Gap> open = r.openGaps();
        List<Gap> waived = r.waivedGaps();
        out.append("结论：").append(open.isEmpty() ? "没有缺项" : "有 " + open.size() + " 项缺项")
                .append(waived.isEmpty() ? "" : "（另有 " + waived.size() + " 项缺项已说明）").append("　")
                .append(summaryLine(s, waived.size())).append('\n');

        if (!open.isEmpty()) {
            out.append('\n').append(RULE).append('\n').append("缺项（").append(String.valueOf(open.size()))
                    .append("）：须整改\n").append(RULE).append('\n');
            gapsByUnit(r, open, out);
        }
        if (!waived.isEmpty()) {
            out.append('\n').append(RULE).append('\n').append("已说明的缺项（").append(String.valueOf(waived.size()))
                    .append("）：评估人员已认可情况说明，不计为未落实\n").append(RULE).append('\n');
            gapsByUnit(r, waived, out);
        }

        out.append('\n').append(RULE).append('\n');
        notices(r, out);
        comingDue(r, out);
        retired(r, out);
        manualChecks(r, out);

        out.append('\n').append(RULE).append('\n').append("各单位情况：\n");
        for (OrgUnit unit : r.units()) {
            List<RuleResult> mine = r.results().stream().filter(x -> x.unit().getId().equals(unit.getId())).toList();
            long waivedHere = waived.stream().filter(g -> g.unit().getId().equals(unit.getId())).count();
            out.append("  ").append(unitName(unit)).append("　").append(summaryLine(Report.countByStatus(mine), waivedHere))
                    .append('\n');
            if (detail) {
                section(out, mine, Status.NOT_DUE, "未到期", "…");
                section(out, mine, Status.NOT_APPLICABLE, "不适用", "–");
                section(out, mine, Status.MET, "已落实", "✓");
            }
        }
        if (!detail) {
            out.append("  （已落实、未到期、不适用的事项只计数；加 --detail 逐条列出）\n");
        }
    }

    private static void gapsByUnit(Report r, List<Gap> gaps, Appendable out) throws IOException {
        for (OrgUnit unit : r.units()) {
            List<Gap> mine = gaps.stream().filter(g -> g.unit().getId().equals(unit.getId())).toList();
            if (mine.isEmpty()) {
                continue;
            }
            out.append(unitName(unit)).append("（").append(String.valueOf(mine.size())).append("）：\n");
            for (Gap g : mine) {
                out.append("  ").append(g.waived() ? "◇" : "✗").append(" [").append(g.ruleId()).append("] ")
                        .append(line(g.title())).append("　").append(g.clause()).append("　严重程度：")
                        .append(g.rule().severity().chineseName()).append('\n');
                out.append("      原文：").append(line(g.clauseText())).append('\n');
                out.append("      应有：").append(line(g.expected())).append('\n');
                out.append("      实有：").append(line(g.found())).append('\n');
                if (g.waived()) {
                    Waiver w = g.waiver();
                    out.append("      已说明：").append(line(w.reason()));
                    if (w.acceptedBy() != null) {
                        out.append("（认可人：").append(line(w.acceptedBy())).append("）");
                    }
                    if (w.expires() != null) {
                        out.append("　有效期至 ").append(w.expires().toString());
                    }
                    out.append("　来源：").append(line(w.source())).append('\n');
                }
            }
        }
    }

    private static void notices(Report r, Appendable out) throws IOException {
        out.append("记录提示（").append(String.valueOf(r.notices().size())).append("）");
        if (r.notices().isEmpty()) {
            out.append("：无\n");
            return;
        }
        boolean aboutWaivers = r.notices().stream().anyMatch(n -> n.type() == Notice.Type.WAIVER_EXPIRED
                || n.type() == Notice.Type.WAIVER_UNUSED);
        out.append(aboutWaivers ? "：以下记录未计入或只计一次、情况说明未采用，请核对\n" : "：以下记录未计入或只计一次，请核对\n");
        List<Notice> future = r.notices().stream().filter(n -> n.type() == Notice.Type.FUTURE_DATED).toList();
        Map<Notice.Type, Integer> shown = new java.util.EnumMap<>(Notice.Type.class);
        for (Notice n : r.notices()) {
            if (n.type() != Notice.Type.FUTURE_DATED && shown.merge(n.type(), 1, Integer::sum) <= NOTICES_PER_KIND) {
                out.append("  ! ").append(line(n.recordId())).append("【").append(n.type().chineseName()).append("】")
                        .append(line(n.message())).append('\n');
            }
        }
        for (Map.Entry<Notice.Type, Integer> e : shown.entrySet()) {
            if (e.getValue() > NOTICES_PER_KIND) {
                out.append("  ! 【").append(e.getKey().chineseName()).append("】").append(moreOfKind(e.getValue()))
                        .append('\n');
            }
        }
        // A mid-year check of a full ledger would list every later record; one line says the same.
        if (!future.isEmpty()) {
            out.append("  ! 【").append(Notice.Type.FUTURE_DATED.chineseName()).append("】").append(String.valueOf(future.size()))
                    .append(" 条记录的日期晚于检查日期 ").append(r.asOf().toString()).append("，未计入：")
                    .append(line(future.stream().limit(NOTICES_PER_KIND).map(Notice::recordId).collect(Collectors.joining("、"))))
                    .append(future.size() > NOTICES_PER_KIND ? "等（" + moreOfKind(future.size()) + "）" : "").append('\n');
        }
    }

    /**
     * How many notices of one kind the text and HTML reports list; the rest are counted ({@link #moreOfKind}). The
     * JSON report lists them all.
     */
    public static final int NOTICES_PER_KIND = 20;

    /** What follows the first {@link #NOTICES_PER_KIND} notices of a kind: {@code 另有 N 条同类提示（只列出前 20 条；JSON 格式的报告列出全部）}. */
    public static String moreOfKind(int total) {
        return "另有 " + (total - NOTICES_PER_KIND) + " 条同类提示（只列出前 " + NOTICES_PER_KIND + " 条；JSON 格式的报告列出全部）";
    }

    private static void comingDue(Report r, Appendable out) throws IOException {
        out.append("即将到期（").append(r.asOf().toString()).append(" 之后 ").append(String.valueOf(r.comingDueDays()))
                .append(" 天内开始或截止、尚未落实的事项，按截止日排列）");
        if (r.comingDue().isEmpty()) {
            out.append("：无\n");
            return;
        }
        out.append("：\n");
        for (ComingDuty c : r.comingDue()) {
            out.append("  → ").append(c.opens().toString()).append(" 至 ").append(c.closes().toString()).append("　")
                    .append(line(c.unit().getName())).append("　[").append(c.rule().id()).append("] ").append(line(c.what()))
                    .append("（").append(line(c.periodName())).append(c.anchor() == null ? "" : "，节点日 " + c.anchor())
                    .append("）\n");
        }
    }

    /** The comparison of the units of a batch, as it closes the text report of the batch. */
    public static void writeComparison(Comparison c, int reports, Appendable out) throws IOException {
        out.append(DOUBLE_RULE).append('\n');
        out.append("汇总：").append(String.valueOf(reports)).append(" 个台账文件已检查，共 ")
                .append(String.valueOf(c.rows().size())).append(" 个单位；按缺项由多到少排列\n");
        out.append("（已落实/应落实，不适用的不计；分部分：").append(String.join("　", c.sections())).append("）\n");
        out.append(DOUBLE_RULE).append('\n');
        int i = 0;
        for (Comparison.Row row : c.rows()) {
            out.append(String.format("%3d. ", ++i)).append("缺项 ").append(String.valueOf(row.openGaps()));
            if (row.waived() > 0) {
                out.append("（另 ").append(String.valueOf(row.waived())).append(" 项已说明）");
            }
            out.append("　已落实 ").append(String.valueOf(row.met())).append("/").append(String.valueOf(row.total()));
            if (row.notDue() > 0) {
                out.append("　未到期 ").append(String.valueOf(row.notDue()));
            }
            out.append("　").append(unitName(row.unit())).append("　").append(line(row.source())).append("　｜ ")
                    .append(row.bySection().stream().filter(t -> t.total() > 0)
                            .map(t -> shortSection(t.section()) + " " + t.met() + "/" + t.total())
                            .collect(Collectors.joining("　"))).append('\n');
        }
        out.append(c.filesWithGaps().isEmpty() ? "所有文件都没有缺项\n"
                : "有缺项的文件（" + c.filesWithGaps().size() + "）：" + line(String.join("、", c.filesWithGaps())) + "\n");
    }

    /** {@code 一、统战工作} → {@code 一}. */
    private static String shortSection(String section) {
        int cut = section.indexOf('、');
        return cut > 0 ? section.substring(0, cut) : section;
    }

    private static String unitName(OrgUnit unit) {
        return line(unit.getName()) + "（" + line(unit.getId()) + "，" + unit.getLevel().chineseName() + "）";
    }

    /** Rules the pack retires for its year: listed so that a duty never disappears from a report unexplained. */
    private static void retired(Report r, Appendable out) throws IOException {
        if (r.retiredRules().isEmpty()) {
            return;
        }
        out.append("本年度不检查的规则（").append(String.valueOf(r.retiredRules().size())).append("）：\n");
        for (RetiredRule rr : r.retiredRules()) {
            out.append("  ○ [").append(rr.rule().id()).append("] ").append(line(rr.rule().title())).append("　")
                    .append(rr.rule().clause()).append("　原因：").append(line(rr.reason())).append('\n');
        }
    }

    /**
     * The sentences no ledger can prove, once per report: the assessor checks them by hand and ticks them off. The
     * report judges none of them, so the conclusion and the counts leave them out.
     */
    private static void manualChecks(Report r, Appendable out) throws IOException {
        if (r.manualChecks().isEmpty()) {
            return;
        }
        out.append('\n').append(RULE).append('\n').append(MANUAL_HEADING).append("（")
                .append(String.valueOf(r.manualChecks().size())).append("）：").append(MANUAL_NOTE).append('\n')
                .append(RULE).append('\n');
        for (ManualCheck m : r.manualChecks()) {
            out.append("  □ ").append(m.clause()).append("　").append(line(m.section())).append('\n');
            out.append("      原文：").append(line(m.sentence())).append('\n');
            out.append("      核验：").append(line(m.check())).append('\n');
        }
    }

    /** The heading of the 人工核验 list in every format. */
    public static final String MANUAL_HEADING = "人工核验";

    /** What the 人工核验 list is, said under its heading in every format. */
    public static final String MANUAL_NOTE = "台账无法证明的原句，由评估人员查看材料后逐项核对；本报告不判定它们，也不计入上面的结论";

    private static void section(Appendable out, List<RuleResult> results, Status status, String heading, String mark)
            throws IOException {
        List<RuleResult> list = results.stream().filter(x -> x.status() == status).toList();
        if (list.isEmpty()) {
            return;
        }
        out.append(heading).append("（").append(String.valueOf(list.size())).append("）：\n");
        for (RuleResult x : list) {
            out.append("  ").append(mark).append(" [").append(x.rule().id()).append("] ").append(line(x.rule().title()));
            if (status == Status.MET) {
                out.append("　证据：").append(line(String.join("、", x.evidence())));
            } else if (status == Status.NOT_APPLICABLE) {
                out.append("　").append(line(x.note()));
            } else if (status == Status.NOT_DUE) {
                String open = x.parts().stream().filter(p -> p.status() == Status.NOT_DUE)
                        .map(p -> p.what() + "：" + p.periodName() + " " + p.days().stream().map(Object::toString)
                                .collect(Collectors.joining("、")))
                        .collect(Collectors.joining("；"));
                out.append("　尚可完成——").append(line(open));
            }
            out.append('\n');
        }
    }

    /**
     * Submitted text shown visibly escaped, so that it can neither move the cursor nor forge a report line. Texts the
     * engine builds (应有, 未到期, 即将到期) carry record titles, and a pack from disk brings its own titles and clause
     * text, so they go through here too.
     */
    private static String line(String submitted) {
        return VisibleText.line(submitted);
    }

    /** The count of each status; a gap count says how many of those gaps are 已说明, so it never reads as open. */
    private static String summaryLine(Map<Status, Integer> s, long waived) {
        return java.util.Arrays.stream(Status.values())
                .map(st -> st.chineseName() + " " + s.get(st)
                        + (st == Status.GAP && waived > 0 ? "（其中已说明 " + waived + "）" : ""))
                .collect(Collectors.joining("　"));
    }
}
