package dev.plancheck.junit;

import dev.plancheck.report.Gap;
import dev.plancheck.report.PackFingerprint;
import dev.plancheck.report.Report;
import dev.plancheck.report.RuleResult;
import dev.plancheck.report.Status;
import dev.plancheck.text.Markup;
import dev.plancheck.report.CharacterReportWriter;
import dev.plancheck.scenario.CaseOutcome;
import java.io.IOException;
import java.util.List;

/**
 * The report as JUnit XML, the format CI servers (Jenkins, GitLab, GitHub Actions' test reporters) read. Each
 * checked ledger is a {@code <testsuite>}; each rule and unit a {@code <testcase>} named
 * {@code [R1.2-4] 标题 — 电厂街道（DC）} in class {@code dianchang-2023.DC}. An open gap is a {@code <failure>}
 * whose message is what was expected and whose text adds the clause, the original sentence and what was found;
 * a waived gap, a duty not yet due and a duty that does not apply are {@code <skipped>} with the reason; a met duty
 * has no child. The pack's id, version and hash are {@code <properties>} of every suite.
 *
 * <pre>{@code
 * ReportFormats.forName("junit").write(List.of(report), out);          // check
 * JunitXmlReportWriter.writeScenarios("dianchang-2023", pack.fingerprint(), outcomes, List.of(), out); // test
 * }</pre>
 *
 * <p>Output is deterministic: no timestamps, no host names; every {@code time} is {@code 0}.
 */
public final class JunitXmlReportWriter extends CharacterReportWriter {
    @Override
    public String name() {
        return "junit";
    }

    @Override
    public String description() {
        return "JUnit XML，供持续集成服务器读取（每条规则、每个单位一个测试用例）";
    }

    @Override
    public String extension() {
        return "xml";
    }

    @Override
    public String mediaType() {
        return "application/xml; charset=utf-8";
    }

    @Override
    public void write(List<Report> reports, boolean batch, Appendable out) throws IOException {
        int tests = 0;
        int failures = 0;
        int skipped = 0;
        for (Report r : reports) {
            tests += r.results().size();
            failures += r.openGaps().size();
            skipped += r.results().size() - r.summary().met() - r.openGaps().size();
        }
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        out.append("<testsuites name=\"plancheck\" tests=\"").append(String.valueOf(tests))
                .append("\" failures=\"").append(String.valueOf(failures)).append("\" errors=\"0\" skipped=\"")
                .append(String.valueOf(skipped)).append("\" time=\"0\">\n");
        for (Report r : reports) {
            suite(r, out);
        }
        out.append("</testsuites>\n");
    }

    private static void suite(Report r, Appendable out) throws IOException {
        int failures = r.openGaps().size();
        int skipped = r.results().size() - r.summary().met() - failures;
        out.append("  <testsuite name=\"").append(attr(r.source())).append("\" tests=\"")
                .append(String.valueOf(r.results().size())).append("\" failures=\"").append(String.valueOf(failures))
                .append("\" errors=\"0\" skipped=\"").append(String.valueOf(skipped)).append("\" time=\"0\">\n");
        properties(r.fingerprint(), List.of("plan", r.packTitle(), "year", String.valueOf(r.year()),
                "asOf", r.asOf().toString()), out);
        for (RuleResult res : r.results()) {
            String name = "[" + res.rule().id() + "] " + res.rule().title() + " — " + res.unit().getName()
                    + "（" + res.unit().getId() + "）";
            out.append("    <testcase name=\"").append(attr(name)).append("\" classname=\"")
                    .append(attr(r.packId() + "." + res.unit().getId())).append("\" time=\"0\"");
            Gap gap = res.status() == Status.GAP ? r.gapOf(res.rule().id(), res.unit().getId()) : null;
            if (res.status() == Status.MET) {
                out.append("/>\n");
                continue;
            }
            out.append(">\n");
            if (gap != null && !gap.waived()) {
                out.append("      <failure type=\"缺项\" message=\"").append(attr("应有：" + gap.expected())).append("\">")
                        .append(text(gap.clause() + " 原文：" + gap.clauseText() + "\n应有：" + gap.expected()
                                + "\n实有：" + gap.found() + "\n严重程度：" + gap.rule().severity().chineseName()))
                        .append("</failure>\n");
            } else {
                String why = gap != null ? "已说明：" + gap.waiver().reason()
                        : res.status() == Status.NOT_DUE ? "未到期：期限未过，尚可完成"
                        : "不适用：" + (res.note() == null ? "" : res.note());
                out.append("      <skipped message=\"").append(attr(why)).append("\"/>\n");
            }
            out.append("    </testcase>\n");
        }
        out.append("  </testsuite>\n");
    }

    /**
     * Writes the outcomes of scenario cases ({@code checker test}) as one suite: a case per scenario case, a failed
     * case as a {@code <failure>} listing what differed, a file that could not be run as an {@code <error>}.
     *
     * @param suite       the suite's name, e.g. the pack's id
     * @param fingerprint the pack the scenarios ran against
     * @param outcomes    the cases that ran
     * @param broken      files that could not be run, each with its problems in one message
     */
    public static void writeScenarios(String suite, PackFingerprint fingerprint, List<CaseOutcome> outcomes,
                                      List<BrokenFile> broken, Appendable out) throws IOException {
        long failures = outcomes.stream().filter(o -> !o.passed()).count();
        int tests = outcomes.size() + broken.size();
        String counts = "tests=\"" + tests + "\" failures=\"" + failures + "\" errors=\"" + broken.size()
                + "\" skipped=\"0\" time=\"0\"";
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        out.append("<testsuites name=\"plancheck test\" ").append(counts).append(">\n");
        out.append("  <testsuite name=\"").append(attr(suite)).append("\" ").append(counts).append(">\n");
        properties(fingerprint, List.of(), out);
        for (CaseOutcome o : outcomes) {
            out.append("    <testcase name=\"").append(attr(o.name())).append("\" classname=\"")
                    .append(attr(o.rule())).append("\" file=\"").append(attr(o.file())).append("\" line=\"")
                    .append(String.valueOf(o.line())).append("\" time=\"0\"");
            if (o.passed()) {
                out.append("/>\n");
                continue;
            }
            out.append(">\n      <failure type=\"场景未通过\" message=\"").append(attr(o.mismatches().get(0))).append("\">")
                    .append(text(String.join("\n", o.mismatches()))).append("</failure>\n    </testcase>\n");
        }
        for (BrokenFile b : broken) {
            out.append("    <testcase name=\"").append(attr(b.file())).append("\" classname=\"场景文件\" time=\"0\">\n")
                    .append("      <error type=\"场景文件有误\" message=\"").append(attr(b.message().lines().findFirst().orElse("")))
                    .append("\">").append(text(b.message())).append("</error>\n    </testcase>\n");
        }
        out.append("  </testsuite>\n</testsuites>\n");
    }

    /**
     * A scenario file that could not be run.
     *
     * @param file    the file
     * @param message why, in Chinese, one problem a line
     */
    public record BrokenFile(String file, String message) {
    }

    private static void properties(PackFingerprint f, List<String> more, Appendable out) throws IOException {
        out.append("    <properties>\n");
        property(out, "pack.id", f.id());
        property(out, "pack.version", f.version() == null ? "" : f.version());
        property(out, "pack.sha256", f.sha256());
        for (int i = 0; i + 1 < more.size(); i += 2) {
            property(out, more.get(i), more.get(i + 1));
        }
        out.append("    </properties>\n");
    }

    private static void property(Appendable out, String name, String value) throws IOException {
        out.append("      <property name=\"").append(attr(name)).append("\" value=\"").append(attr(value)).append("\"/>\n");
    }

    private static String attr(String s) {
        return Markup.attribute(s);
    }

    private static String text(String s) {
        return Markup.text(s);
    }
}
