package dev.plancheck.io.report;

import dev.plancheck.report.ComingDuty;
import dev.plancheck.report.Gap;
import dev.plancheck.report.ManualCheck;
import dev.plancheck.report.Notice;
import dev.plancheck.report.PartResult;
import dev.plancheck.report.Report;
import dev.plancheck.report.RuleResult;
import dev.plancheck.report.Status;
import dev.plancheck.text.Markup;
import dev.plancheck.text.VisibleText;
import dev.plancheck.input.Waiver;
import dev.plancheck.model.OrgUnit;
import dev.plancheck.report.Comparison;
import dev.plancheck.io.print.Fingerprints;
import dev.plancheck.report.CharacterReportWriter;
import dev.plancheck.report.ReportWriter;
import dev.plancheck.report.TextReportWriter;
import java.io.IOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The report as one self-contained HTML page in Chinese, to read on screen and to print on A4 (see
 * {@code docs/report-format.md}): the plan, pack, year and as-of date; a scorecard per unit; completion per section
 * of the plan as an inline SVG bar chart labelled with numbers; every gap with its clause, the plan's original
 * sentence, expected, found and evidence; gaps accepted with a reason (已说明); the notices; what falls due next; the
 * sentences the assessor checks by hand (人工核验), with a box to tick; and the met, not-due and not-applicable duties folded away in {@code <details>}, their counts in the folded headings.
 * A batch starts with the comparison of its units (on a landscape page when printed), then each report on a new page.
 *
 * <p>Printed, the page leads with the comparison and the gaps: a fold prints only when it is open, or when the reader
 * ticks the page's print option (a check box, no script: CSS {@code :has()}); {@link #detailed()} ({@code --detail})
 * writes every fold open. Every printed page carries the pack's fingerprint in its footer (id, version and the first
 * 12 hex digits of the SHA-256, with the page number); the whole SHA-256 is in each report's facts table.
 *
 * <p>The page loads nothing: no script at all, no external style, font or image. Every submitted text (titles, ids,
 * unit names, file names, messages, reasons) goes through {@link Markup#text}, and control characters are shown, not
 * passed. The output depends only on the reports: no timestamps, no generated ids.
 *
 * <pre>{@code
 * new HtmlReportWriter().write(List.of(report), false, writer);
 * }</pre>
 */
public final class HtmlReportWriter extends CharacterReportWriter {
    private final boolean detail;
    private final boolean listMet;

    /** The report as registered for {@code --format html}: every duty listed, the met, not-due and not-applicable ones folded. */
    public HtmlReportWriter() {
        this(false, true);
    }

    /**
     * @param detail  true to write every fold open, so that it shows and prints ({@code --detail})
     * @param listMet false to count the met duties without listing them (the service's page of a large folder stays
     *                small; the downloadable report lists them)
     */
    public HtmlReportWriter(boolean detail, boolean listMet) {
        this.detail = detail;
        this.listMet = listMet;
    }

    /** The page with every fold open ({@code --detail}). */
    @Override
    public ReportWriter detailed() {
        return detail ? this : new HtmlReportWriter(true, listMet);
    }

    /** Bars of the section chart: geometry in SVG user units. */
    private static final int CHART_WIDTH = 720;
    private static final int LABEL_WIDTH = 250;
    private static final int BAR_WIDTH = 340;
    private static final int ROW_HEIGHT = 26;

    /** Nothing may load or run; only the page's own style sheet applies. */
    static final String POLICY = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

    @Override
    public String name() {
        return "html";
    }

    @Override
    public String description() {
        return "可打印的 HTML 报告：单个文件，不联网，屏幕阅读或 A4 打印";
    }

    @Override
    public String extension() {
        return "html";
    }

    @Override
    public String mediaType() {
        return "text/html; charset=utf-8";
    }

    @Override
    public void write(List<Report> reports, boolean batch, Appendable out) throws IOException {
        Page p = new Page();
        // A batch may mix packs (2023 and the 2024 demo): then the page title names none of them.
        boolean onePlan = !reports.isEmpty()
                && reports.stream().allMatch(r -> r.packTitle().equals(reports.get(0).packTitle()));
        String title = (onePlan ? "《" + reports.get(0).packTitle() + "》" : "") + "落实情况检查报告"
                + (batch ? "（" + reports.size() + " 个台账文件）" : "");
        // The policy is a second line of defence: were some text ever left unescaped, no script would run and
        // nothing would load.
        p.raw("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n")
                .raw("<meta http-equiv=\"Content-Security-Policy\" content=\"").raw(POLICY).raw("\">\n")
                .raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .raw("<meta name=\"generator\" content=\"plancheck\">\n")
                .raw("<title>").text(title).raw("</title>\n<style>\n").raw(STYLE).raw(pageFooter(reports))
                .raw("</style>\n</head>\n<body>\n");
        if (reports.isEmpty()) {
            p.raw("<main>\n<h1>").text(title).raw("</h1>\n<p class=\"verdict\">没有可以检查的台账文件：")
                    .raw("所有文件都有误，问题已在命令行列出。</p>\n</main>\n");
        } else {
            p.raw("<main>\n");
            printOption(p);
            if (batch) {
                comparison(p, reports, title);
            }
            for (int i = 0; i < reports.size(); i++) {
                report(p, reports.get(i), "r" + (i + 1), batch, detail, listMet);
            }
            p.raw("</main>\n");
        }
        p.raw("<footer><p>本报告由 plancheck 生成，内容只取决于提交文件、检查日期和规则包；页面不含脚本，不联网。</p></footer>\n")
                .raw("</body>\n</html>\n");
        out.append(p.toString());
    }

    private static void comparison(Page p, List<Report> reports, String title) {
        Comparison c = Comparison.of(reports);
        p.raw("<section class=\"comparison\" id=\"summary\">\n<h1>").text(title).raw("</h1>\n");
        p.raw("<h2>各单位对比（按缺项由多到少排列）</h2>\n");
        p.raw("<p>").text(reports.size() + " 个台账文件已检查，共 " + c.rows().size() + " 个单位。")
                .raw("各部分一栏为“已落实/应落实”，不适用的不计；“—”表示该部分对该单位没有应落实事项。</p>\n");
        p.raw("<table class=\"compare\">\n<thead><tr><th>序号</th><th class=\"who\">单位／文件</th><th>缺项</th>")
                .raw("<th>已说明</th><th>未到期</th><th>已落实/<wbr>应落实</th>");
        for (String s : c.sections()) {
            p.raw("<th title=\"").text(s).raw("\">").text(shortSection(s)).raw("</th>");
        }
        p.raw("</tr></thead>\n<tbody>\n");
        int n = 0;
        for (Comparison.Row row : c.rows()) {
            int index = reports.indexOf(reports.stream().filter(r -> r.source().equals(row.source())).findFirst()
                    .orElseThrow()) + 1;
            p.raw("<tr").raw(row.openGaps() > 0 ? " class=\"has-gaps\"" : "").raw("><td>").text(String.valueOf(++n))
                    .raw("</td><td class=\"who\">").text(unitName(row.unit())).raw("<br><a class=\"file\" href=\"#r")
                    .text(String.valueOf(index)).raw("\">").text(row.source())
                    .raw("</a></td><td class=\"num gap-count\">").text(String.valueOf(row.openGaps()))
                    .raw("</td><td class=\"num\">").text(String.valueOf(row.waived())).raw("</td><td class=\"num\">")
                    .text(String.valueOf(row.notDue())).raw("</td><td class=\"num\">")
                    .text(row.met() + "/" + row.total()).raw("</td>");
            for (Comparison.Tally t : row.bySection()) {
                p.raw(t.met() < t.total() ? "<td class=\"num short\">" : "<td class=\"num\">")
                        .text(t.total() == 0 ? "—" : t.met() + "/" + t.total()).raw("</td>");
            }
            p.raw("</tr>\n");
        }
        p.raw("</tbody>\n</table>\n<p class=\"legend\">");
        p.text(c.sections().stream().map(s -> shortSection(s) + "：" + s.substring(s.indexOf('、') + 1))
                .collect(Collectors.joining("　"))).raw("</p>\n");
        if (c.filesWithGaps().isEmpty()) {
            p.raw("<p class=\"verdict ok\">所有文件都没有缺项。</p>\n");
        } else {
            p.raw("<p class=\"verdict bad\">有缺项的文件（").text(String.valueOf(c.filesWithGaps().size()))
                    .raw("）：").text(String.join("、", c.filesWithGaps())).raw("</p>\n");
        }
        p.raw("<h2>各文件报告</h2>\n<ol class=\"contents\">\n");
        for (int i = 0; i < reports.size(); i++) {
            Report r = reports.get(i);
            p.raw("<li><a href=\"#r").text(String.valueOf(i + 1)).raw("\">").text(r.source()).raw("</a>　")
                    .text(r.openGaps().isEmpty() ? "没有缺项" : "缺项 " + r.openGaps().size())
                    .text(r.waivedGaps().isEmpty() ? "" : "（另有 " + r.waivedGaps().size() + " 项已说明）").raw("</li>\n");
        }
        p.raw("</ol>\n</section>\n");
    }

    /** The check box that prints the folded duties too; itself not printed. */
    private void printOption(Page p) {
        p.raw("<p class=\"print-option\"><label><input type=\"checkbox\" id=\"print-all\"")
                .raw(detail ? " checked" : "").raw("> 打印时也打印已落实、未到期和不适用的事项</label>")
                .raw("（不勾选时只打印展开了的部分；缺项、记录提示总是打印）</p>\n");
    }

    /**
     * The printed pages' footer: the pack's fingerprint on the left, the page number on the right. A batch of several
     * packs names each. Written as a CSS string, every character but letters, digits and a few signs escaped.
     */
    private static String pageFooter(List<Report> reports) {
        String line = Fingerprints.onPaper(reports);
        return "@page { @bottom-left { content: " + cssString(line) + "; font-size: 9pt; color: #555; }\n"
                + "  @bottom-right { content: \"\\7B2C  \" counter(page) \" \\9875 \\FF0C \\5171  \" counter(pages)"
                + " \" \\9875 \"; font-size: 9pt; color: #555; } }\n";
    }

    /** A CSS string literal of any text: letters, digits, space and {@code . - _} as they are, the rest escaped. */
    static String cssString(String text) {
        StringBuilder sb = new StringBuilder("\"");
        text.codePoints().forEach(cp -> {
            if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9') || cp == ' '
                    || cp == '.' || cp == '-' || cp == '_') {
                sb.appendCodePoint(cp);
            } else {
                sb.append('\\').append(Integer.toHexString(cp).toUpperCase(java.util.Locale.ROOT)).append(' ');
            }
        });
        return sb.append('"').toString();
    }

    private static void report(Page p, Report r, String id, boolean batch, boolean detail, boolean listMet) {
        Map<Status, Integer> s = r.summary().counts();
        List<Gap> open = FollowUpList.byUnit(r, r.openGaps());
        List<Gap> waived = FollowUpList.byUnit(r, r.waivedGaps());
        p.raw("<article class=\"report\" id=\"").text(id).raw("\">\n<header>\n");
        p.raw(batch ? "<h1 class=\"in-batch\">" : "<h1>").raw("《").text(r.packTitle()).raw("》落实情况检查报告</h1>\n");
        p.raw("<table class=\"meta\">\n<tr><th>提交文件</th><td>").text(r.source()).raw("</td></tr>\n")
                .raw("<tr><th>规则包</th><td>").text(Fingerprints.pack(r.fingerprint())).raw("</td></tr>\n")
                .raw("<tr><th>规则包指纹</th><td class=\"hash\">SHA-256 ").text(r.fingerprint().sha256())
                .raw("</td></tr>\n")
                .raw("<tr><th>考核年度</th><td>").text(String.valueOf(r.year())).raw("</td></tr>\n")
                .raw("<tr><th>检查截至</th><td>").text(r.asOf() + "（当日结束时）").raw("</td></tr>\n</table>\n");
        p.raw("<p class=\"verdict ").raw(open.isEmpty() ? "ok" : "bad").raw("\">结论：")
                .text(open.isEmpty() ? "没有缺项" : "有 " + open.size() + " 项缺项，须整改")
                .text(waived.isEmpty() ? "" : "（另有 " + waived.size() + " 项缺项已说明）").raw("<br><span class=\"counts\">")
                .text(countsLine(s, r.waivedGaps().size())).raw("</span></p>\n</header>\n");

        scorecard(p, r);
        chart(p, r, id);

        p.raw("<section class=\"gaps\">\n<h2>缺项（").text(String.valueOf(open.size())).raw("）：须整改</h2>\n");
        if (open.isEmpty()) {
            p.raw("<p class=\"none\">没有缺项。</p>\n");
        }
        gapsByUnit(p, r, open);
        p.raw("</section>\n");

        if (!waived.isEmpty()) {
            p.raw("<section class=\"waived-gaps\">\n<h2>已说明的缺项（").text(String.valueOf(waived.size()))
                    .raw("）：评估人员已认可情况说明，不计为未落实</h2>\n");
            gapsByUnit(p, r, waived);
            p.raw("</section>\n");
        }

        notices(p, r);
        comingDue(p, r);
        manualChecks(p, r);
        folded(p, r, s, detail, listMet);
        p.raw("</article>\n");
    }

    private static void scorecard(Page p, Report r) {
        p.raw("<section class=\"scorecard\">\n<h2>各单位情况</h2>\n<table>\n<thead><tr><th>单位</th><th>已落实</th>")
                .raw("<th>缺项</th><th>已说明</th><th>未到期</th><th>不适用</th><th>合计</th></tr></thead>\n<tbody>\n");
        for (OrgUnit u : r.units()) {
            List<RuleResult> mine = r.results().stream().filter(x -> x.unit().getId().equals(u.getId())).toList();
            Map<Status, Integer> c = Report.countByStatus(mine);
            long waived = r.waivedGaps().stream().filter(g -> g.unit().getId().equals(u.getId())).count();
            long open = c.get(Status.GAP) - waived;
            p.raw("<tr").raw(open > 0 ? " class=\"has-gaps\"" : "").raw("><th scope=\"row\">").text(unitName(u))
                    .raw("</th><td class=\"num\">").text(String.valueOf(c.get(Status.MET)))
                    .raw("</td><td class=\"num gap-count\">").text(String.valueOf(open))
                    .raw("</td><td class=\"num\">").text(String.valueOf(waived))
                    .raw("</td><td class=\"num\">").text(String.valueOf(c.get(Status.NOT_DUE)))
                    .raw("</td><td class=\"num\">").text(String.valueOf(c.get(Status.NOT_APPLICABLE)))
                    .raw("</td><td class=\"num\">").text(String.valueOf(mine.size())).raw("</td></tr>\n");
        }
        p.raw("</tbody>\n</table>\n</section>\n");
    }

    /** Completion per section: one bar per section, met over applicable, the numbers written beside each bar. */
    private static void chart(Page p, Report r, String id) {
        List<Comparison.Tally> tallies = Comparison.tally(r.results(), Comparison.sectionsOf(r));
        int height = tallies.size() * ROW_HEIGHT + 8;
        p.raw("<section class=\"chart\">\n<h2 id=\"").text(id).raw("-chart\">各部分完成情况（已落实/应落实）</h2>\n");
        p.raw("<svg class=\"bars\" role=\"img\" aria-labelledby=\"").text(id).raw("-chart\" viewBox=\"0 0 ")
                .text(CHART_WIDTH + " " + height).raw("\" width=\"").text(String.valueOf(CHART_WIDTH))
                .raw("\" height=\"").text(String.valueOf(height)).raw("\">\n");
        int y = 4;
        for (Comparison.Tally t : tallies) {
            int filled = t.total() == 0 ? 0 : Math.round((float) BAR_WIDTH * t.met() / t.total());
            String label = t.total() == 0 ? "无应落实事项"
                    : t.met() + "/" + t.total() + "（" + Math.round(100f * t.met() / t.total()) + "%）";
            int textY = y + ROW_HEIGHT / 2 + 5;
            p.raw("<g class=\"bar").raw(t.total() > 0 && t.met() < t.total() ? " short" : "").raw("\"><title>")
                    .text(t.section() + "：" + label).raw("</title>")
                    .raw("<text x=\"0\" y=\"").text(String.valueOf(textY)).raw("\">").text(t.section()).raw("</text>")
                    .raw("<rect class=\"track\" x=\"").text(String.valueOf(LABEL_WIDTH)).raw("\" y=\"")
                    .text(String.valueOf(y + 4)).raw("\" width=\"").text(String.valueOf(BAR_WIDTH))
                    .raw("\" height=\"").text(String.valueOf(ROW_HEIGHT - 8)).raw("\"/>")
                    .raw("<rect class=\"done\" x=\"").text(String.valueOf(LABEL_WIDTH)).raw("\" y=\"")
                    .text(String.valueOf(y + 4)).raw("\" width=\"").text(String.valueOf(filled))
                    .raw("\" height=\"").text(String.valueOf(ROW_HEIGHT - 8)).raw("\"/>")
                    .raw("<text class=\"value\" x=\"").text(String.valueOf(LABEL_WIDTH + BAR_WIDTH + 10))
                    .raw("\" y=\"").text(String.valueOf(textY)).raw("\">").text(label).raw("</text></g>\n");
            y += ROW_HEIGHT;
        }
        p.raw("</svg>\n</section>\n");
    }

    private static void gapsByUnit(Page p, Report r, List<Gap> gaps) {
        for (OrgUnit u : r.units()) {
            List<Gap> mine = gaps.stream().filter(g -> g.unit().getId().equals(u.getId())).toList();
            if (mine.isEmpty()) {
                continue;
            }
            p.raw("<h3>").text(unitName(u) + "　" + mine.size() + " 项").raw("</h3>\n");
            for (Gap g : mine) {
                gap(p, g);
            }
        }
    }

    private static void gap(Page p, Gap g) {
        p.raw(g.waived() ? "<div class=\"gap waived\"" : "<div class=\"gap\"").raw(" data-rule=\"").text(g.ruleId())
                .raw("\" data-unit=\"").text(g.unit().getId()).raw("\">\n<p class=\"gap-head\"><span class=\"mark\">")
                .text(g.waived() ? "◇ 已说明" : "✗ 缺项").raw("</span> <span class=\"rule-id\">").text(g.ruleId())
                .raw("</span> <strong class=\"rule-title\">").text(g.title()).raw("</strong> <span class=\"clause\">")
                .text(g.clause()).raw("</span> <span class=\"severity sev-").text(g.rule().severity().code())
                .raw("\">严重程度：").text(g.rule().severity().chineseName()).raw("</span></p>\n<table class=\"fields\">\n");
        field(p, "单位", unitName(g.unit()));
        field(p, "原文", g.clauseText());
        field(p, "应有", g.expected());
        field(p, "实有", g.found());
        field(p, "证据", g.evidence().isEmpty() ? "无" : String.join("、", g.evidence()));
        if (g.waived()) {
            Waiver w = g.waiver();
            field(p, "情况说明", w.reason());
            field(p, "认可人", w.acceptedBy() == null ? "未填写" : w.acceptedBy());
            field(p, "有效期至", w.expires() == null ? "未限定" : w.expires().toString());
            field(p, "说明来源", w.source());
        }
        p.raw("</table>\n</div>\n");
    }

    private static void field(Page p, String name, String value) {
        p.raw("<tr><th>").text(name).raw("</th><td>").text(value).raw("</td></tr>\n");
    }

    private static void notices(Page p, Report r) {
        p.raw("<section class=\"notices\">\n<h2>记录提示（").text(String.valueOf(r.notices().size())).raw("）</h2>\n");
        if (r.notices().isEmpty()) {
            p.raw("<p class=\"none\">无。</p>\n</section>\n");
            return;
        }
        boolean aboutWaivers = r.notices().stream().anyMatch(n -> n.type() == Notice.Type.WAIVER_EXPIRED
                || n.type() == Notice.Type.WAIVER_UNUSED);
        p.raw("<p>").text(aboutWaivers ? "以下记录未计入或只计一次、情况说明未采用，请核对。" : "以下记录未计入或只计一次，请核对。")
                .raw("</p>\n");
        List<Notice> future = r.notices().stream().filter(n -> n.type() == Notice.Type.FUTURE_DATED).toList();
        List<Notice> others = r.notices().stream().filter(n -> n.type() != Notice.Type.FUTURE_DATED).toList();
        if (!others.isEmpty()) {
            // As in the text report: the first few of each kind, the rest counted (the JSON report has them all).
            Map<Notice.Type, Integer> seen = new EnumMap<>(Notice.Type.class);
            noticeTable(p, others.stream()
                    .filter(n -> seen.merge(n.type(), 1, Integer::sum) <= TextReportWriter.NOTICES_PER_KIND).toList());
            seen.forEach((type, count) -> {
                if (count > TextReportWriter.NOTICES_PER_KIND) {
                    p.raw("<p class=\"more\">").text("【" + type.chineseName() + "】" + TextReportWriter.moreOfKind(count))
                            .raw("</p>\n");
                }
            });
        }
        // A mid-year check of a full ledger gives one such notice per later record: folded, counted.
        if (!future.isEmpty()) {
            p.raw("<details class=\"future\"><summary>").text("【" + Notice.Type.FUTURE_DATED.chineseName() + "】"
                    + future.size() + " 条记录的日期晚于检查日期 " + r.asOf() + "，未计入（展开查看）").raw("</summary>\n");
            noticeTable(p, future.stream().limit(TextReportWriter.NOTICES_PER_KIND).toList());
            if (future.size() > TextReportWriter.NOTICES_PER_KIND) {
                p.raw("<p class=\"more\">").text(TextReportWriter.moreOfKind(future.size())).raw("</p>\n");
            }
            p.raw("</details>\n");
        }
        p.raw("</section>\n");
    }

    private static void noticeTable(Page p, List<Notice> notices) {
        p.raw("<table class=\"list\">\n<thead><tr><th>记录</th><th>类型</th><th>说明</th></tr></thead>\n<tbody>\n");
        for (Notice n : notices) {
            p.raw("<tr class=\"notice\"><td class=\"nw\">").text(n.recordId()).raw("</td><td class=\"nw\">")
                    .text(n.type().chineseName())
                    .raw("</td><td>").text(n.message()).raw("</td></tr>\n");
        }
        p.raw("</tbody>\n</table>\n");
    }

    private static void comingDue(Page p, Report r) {
        p.raw("<section class=\"coming\">\n<h2>即将到期</h2>\n<p>")
                .text(r.asOf() + " 之后 " + r.comingDueDays() + " 天内开始或截止、尚未落实的事项，按截止日排列。").raw("</p>\n");
        if (r.comingDue().isEmpty()) {
            p.raw("<p class=\"none\">无。</p>\n</section>\n");
            return;
        }
        p.raw("<table class=\"list\">\n<thead><tr><th>开始</th><th>截止</th><th>单位</th><th>规则</th><th>事项</th>")
                .raw("<th>时段</th></tr></thead>\n<tbody>\n");
        for (ComingDuty c : r.comingDue()) {
            p.raw("<tr class=\"coming-item\"><td class=\"nw\">").text(c.opens().toString()).raw("</td><td class=\"nw\">")
                    .text(c.closes().toString()).raw("</td><td class=\"nw\">").text(c.unit().getName())
                    .raw("</td><td class=\"nw\">").text(c.rule().id()).raw("</td><td>").text(c.what())
                    .raw("</td><td>").text(c.periodName() + (c.anchor() == null ? "" : "（节点日 " + c.anchor() + "）"))
                    .raw("</td></tr>\n");
        }
        p.raw("</tbody>\n</table>\n</section>\n");
    }

    /**
     * The plan's sentences no ledger can prove, once per report, as a printed checklist: clause, sentence, what to look
     * at, and an empty box to tick. The pack wrote them, and they are escaped like everything else.
     */
    private static void manualChecks(Page p, Report r) {
        if (r.manualChecks().isEmpty()) {
            return;
        }
        p.raw("<section class=\"manual\">\n<h2>").text(TextReportWriter.MANUAL_HEADING + "（" + r.manualChecks().size() + "）")
                .raw("</h2>\n<p class=\"fold-note\">").text(TextReportWriter.MANUAL_NOTE + "。").raw("</p>\n")
                .raw("<table class=\"list\">\n<thead><tr><th class=\"nw\">条款</th><th>原文</th><th>核验什么</th><th class=\"nw\">已核</th></tr></thead>\n<tbody>\n");
        for (ManualCheck m : r.manualChecks()) {
            p.raw("<tr class=\"manual-item\"><td class=\"nw\">").text(m.clause()).raw("</td><td>").text(m.sentence())
                    .raw("</td><td>").text(m.check()).raw("</td><td class=\"tick\">□</td></tr>\n");
        }
        p.raw("</tbody>\n</table>\n</section>\n");
    }

    /** Met, not-due and not-applicable duties: counted in the heading, listed inside a fold. */
    private static void folded(Page p, Report r, Map<Status, Integer> s, boolean detail, boolean listMet) {
        p.raw("<section class=\"others\">\n<h2>其他事项</h2>\n<p class=\"fold-note\">")
                .text("已落实 " + s.get(Status.MET) + " 项、未到期 " + s.get(Status.NOT_DUE) + " 项、不适用 "
                        + s.get(Status.NOT_APPLICABLE) + " 项" + (detail ? "，逐条列在下面。"
                        : "，折叠在下面，点击标题展开；打印时只打印展开了的（勾选页首的打印选项可全部打印）。"))
                .raw("</p>\n");
        for (Status status : List.of(Status.NOT_DUE, Status.NOT_APPLICABLE, Status.MET)) {
            List<RuleResult> list = r.results().stream().filter(x -> x.status() == status).toList();
            if (list.isEmpty()) {
                continue;
            }
            if (status == Status.MET && !listMet) {
                p.raw("<p class=\"fold-note met-count\">").text("已落实（" + list.size() + " 项）：此处只计数，逐项清单见完整的 HTML 报告。")
                        .raw("</p>\n");
                continue;
            }
            String last = switch (status) {
                case MET -> "证据";
                case NOT_DUE -> "尚可完成";
                default -> "说明";
            };
            p.raw("<details class=\"fold ").text(status.name().toLowerCase(java.util.Locale.ROOT)).raw("\"")
                    .raw(detail ? " open" : "").raw("><summary>")
                    .text(status.chineseName() + "（" + list.size() + " 项）").raw("</summary>\n")
                    .raw("<table class=\"list\">\n<thead><tr><th>单位</th><th>规则</th><th>标题</th><th>条款</th><th>")
                    .text(last).raw("</th></tr></thead>\n<tbody>\n");
            for (RuleResult x : list) {
                p.raw("<tr class=\"result\"><td class=\"nw\">").text(x.unit().getName()).raw("</td><td class=\"nw\">")
                        .text(x.rule().id()).raw("</td><td>").text(x.rule().title()).raw("</td><td class=\"nw\">")
                        .text(x.rule().clause()).raw("</td><td>").text(lastColumn(x)).raw("</td></tr>\n");
            }
            p.raw("</tbody>\n</table>\n</details>\n");
        }
        p.raw("</section>\n");
    }

    private static String lastColumn(RuleResult x) {
        return switch (x.status()) {
            case MET -> String.join("、", x.evidence());
            case NOT_APPLICABLE -> x.note() == null ? "" : x.note();
            case NOT_DUE -> x.parts().stream().filter(pt -> pt.status() == Status.NOT_DUE)
                    .map(HtmlReportWriter::openPart).collect(Collectors.joining("；"));
            case GAP -> "";
        };
    }

    private static String openPart(PartResult pt) {
        return pt.what() + "：" + pt.periodName() + " "
                + pt.days().stream().map(Object::toString).collect(Collectors.joining("、"));
    }

    private static String countsLine(Map<Status, Integer> s, int waived) {
        return "已落实 " + s.get(Status.MET) + "　缺项 " + (s.get(Status.GAP) - waived)
                + (waived > 0 ? "　已说明 " + waived : "") + "　未到期 " + s.get(Status.NOT_DUE)
                + "　不适用 " + s.get(Status.NOT_APPLICABLE);
    }

    private static String unitName(OrgUnit u) {
        return u.getName() + "（" + u.getId() + "，" + u.getLevel().chineseName() + "）";
    }

    /** {@code 一、统战工作} → {@code 一}. */
    private static String shortSection(String section) {
        int cut = section.indexOf('、');
        return cut > 0 ? section.substring(0, cut) : section;
    }

    /** Markup is added with {@link #raw} (constants only) and every value with {@link #text}, which escapes it. */
    private static final class Page {
        private final StringBuilder sb = new StringBuilder(64 * 1024);

        Page raw(String markup) {
            sb.append(markup);
            return this;
        }

        Page text(String value) {
            sb.append(Markup.text(value));
            return this;
        }

        @Override
        public String toString() {
            return sb.toString();
        }
    }

    private static final String STYLE = """
            :root { --ink: #1b1b1b; --muted: #555; --line: #c9c9c9; --bad: #b3261e; --ok: #1e6b35; --waived: #8a5a00; }
            * { box-sizing: border-box; }
            body { margin: 0 auto; max-width: 60rem; padding: 1.5rem; color: var(--ink); background: #fff;
              font-family: "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei",
                sans-serif;
              font-size: 15px; line-height: 1.6; }
            h1 { font-family: "Noto Serif CJK SC", "Noto Serif SC", "Source Han Serif SC", "SimSun", serif;
              font-size: 1.5rem; margin: 0 0 .75rem; text-align: center; }
            h2 { font-size: 1.15rem; margin: 1.6rem 0 .6rem; padding-bottom: .2rem; border-bottom: 2px solid var(--ink); }
            h3 { font-size: 1rem; margin: 1.1rem 0 .5rem; }
            table { border-collapse: collapse; width: 100%; }
            th, td { border: 1px solid var(--line); padding: .25rem .45rem; text-align: left; vertical-align: top;
              overflow-wrap: anywhere; white-space: pre-wrap; }
            thead th { background: #eef1f6; }
            td.nw, th.nw { white-space: nowrap; overflow-wrap: normal; }
            td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
            table.meta { width: auto; margin: 0 auto .75rem; }
            table.meta th { background: #f5f5f5; }
            .verdict { font-weight: bold; padding: .5rem .75rem; border: 2px solid; }
            .verdict.bad { border-color: var(--bad); color: var(--bad); }
            .verdict.ok { border-color: var(--ok); color: var(--ok); }
            .verdict .counts { font-weight: normal; color: var(--ink); }
            tr.has-gaps .gap-count, td.short { color: var(--bad); font-weight: bold; }
            .scorecard tbody th { font-weight: normal; }
            svg.bars { display: block; max-width: 100%; height: auto; }
            svg.bars text { font-size: 13px; fill: var(--ink); }
            svg.bars .track { fill: #fff; stroke: #777; stroke-width: 1; }
            svg.bars .done { fill: #4a7c59; }
            svg.bars .short .done { fill: #c0713a; }
            .gap { border: 1px solid var(--line); border-left: 6px solid var(--bad); margin: 0 0 .8rem; padding: .4rem .6rem;
              break-inside: avoid; page-break-inside: avoid; }
            .gap.waived { border-left-color: var(--waived); background: #fffaf0; }
            .gap-head { margin: 0 0 .35rem; }
            .gap .mark { font-weight: bold; color: var(--bad); }
            .gap.waived .mark { color: var(--waived); }
            .rule-id { font-family: "Noto Sans Mono CJK SC", monospace; background: #f0f0f0; padding: 0 .3rem; }
            .clause, .severity { color: var(--muted); white-space: nowrap; }
            .sev-high { color: var(--bad); }
            table.fields th { width: 6.5em; background: #f7f7f7; font-weight: normal; white-space: nowrap; }
            table.list { font-size: .92rem; }
            table.compare { font-size: .85rem; }
            table.compare th, table.compare td { padding: .2rem .3rem; }
            table.compare thead th { white-space: nowrap; }
            table.compare .who { white-space: normal; min-width: 12em; }
            table.compare .file { font-size: .85em; color: var(--muted); }
            td.tick { width: 3em; text-align: center; font-size: 1.2em; }
            td.hash { font-family: "Noto Sans Mono CJK SC", monospace; font-size: .9em; }
            .print-option { margin: 0 0 1rem; padding: .3rem .6rem; background: #f3f6fb; border: 1px solid var(--line);
              font-size: .9rem; color: var(--muted); }
            .print-option label { color: var(--ink); cursor: pointer; }
            .legend, .fold-note, .none, footer { color: var(--muted); font-size: .9rem; }
            details { margin: .4rem 0; }
            summary { cursor: pointer; font-weight: bold; padding: .2rem 0; }
            .contents a, .compare a { color: inherit; }
            footer { margin-top: 2rem; border-top: 1px solid var(--line); }
            h1.in-batch { border-top: 3px double var(--ink); padding-top: 1rem; margin-top: 2rem; }
            @page { size: A4; margin: 16mm 14mm 16mm 14mm; }
            @page wide { size: A4 landscape; margin: 14mm 14mm 16mm 14mm; }
            @media print {
              body { max-width: none; padding: 0; font-size: 10.5pt; }
              h2, h3 { break-after: avoid; page-break-after: avoid; }
              tr, .chart, .verdict { break-inside: avoid; page-break-inside: avoid; }
              .report { break-before: page; page-break-before: always; }
              main > .report:first-child { break-before: auto; page-break-before: auto; }
              h1.in-batch { border-top: none; margin-top: 0; }
              * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
              a { text-decoration: none; }
              summary { list-style: none; }
              summary::-webkit-details-marker { display: none; }
              .print-option { display: none; }
              body:has(#print-all:checked) details.fold::details-content { content-visibility: visible; display: block; }
              section.comparison { page: wide; }
              table.compare { font-size: 9.5pt; }
              table.compare .file { font-size: 9pt; }
              svg.bars text { font-size: 13.5px; }
            }
            """;
}
