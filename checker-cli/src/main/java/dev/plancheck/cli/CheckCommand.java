package dev.plancheck.cli;

import dev.plancheck.CheckOptions;
import dev.plancheck.input.InputLimits;
import dev.plancheck.input.InvalidSubmissionException;
import dev.plancheck.report.Notice;
import dev.plancheck.PlanChecker;
import dev.plancheck.report.Report;
import dev.plancheck.RulePack;
import dev.plancheck.input.RulePackException;
import dev.plancheck.input.Submission;
import dev.plancheck.text.VisibleText;
import dev.plancheck.input.Waiver;
import dev.plancheck.report.ReportWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code checker check PATH…}: checks ledgers (or folders of them) and writes the report. */
@Command(name = "check", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"检查台账，按单位列出缺项、已说明的缺项和待核对的记录；已落实等事项只计数（--detail 逐条列出）。",
                "PATH 是台账文件（.json、.xlsx、.csv，或每行一份提交的 .ndjson），或存放台账的文件夹（其中的台账逐个检查，"
                        + "*.expected.json 预期结果文件跳过）。检查多个文件时，最后附各单位对比汇总。"},
        exitCodeList = {"0:没有缺项（已说明的缺项不计）", "1:发现缺项", "2:输入或用法有误（其余文件照常检查）",
                "3:规则包本身有误", "70:检查程序内部出错，检查没有完成（不表示有无缺项）", "74:报告文件无法写出"})
final class CheckCommand implements Callable<Integer> {
    private static final DateTimeFormatter STRICT_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "台账文件或文件夹")
    List<Path> paths;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "报告格式：text（中文文本，默认）、json、html（可打印的网页）、xlsx（整改清单，须配合 --output）、csv（缺项清单）或 junit")
    String format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "把报告写入文件，而不是打印到屏幕（xlsx 格式必须给出）；只写入普通文件，不会写入符号链接、设备、"
                    + "文件夹或本次读取的文件；- 表示标准输出")
    Path output;

    @Option(names = "--detail", description = "逐条列出已落实、未到期和不适用的事项（text 格式；默认只计数）")
    boolean detail;

    @Option(names = "--waivers", paramLabel = "FILE",
            description = "情况说明文件（.json，或含“情况说明”工作表的 .xlsx）：被认可的缺项标为“已说明”，不计入退出码")
    Path waivers;

    @Option(names = "--as-of", paramLabel = "YYYY-MM-DD",
            description = "检查日期：按这一天结束时的情况检查；窗口未过且尚未落实的职责记为“未到期”。默认为考核年度的 12 月 31 日")
    String asOf;

    @Option(names = "--coming-days", paramLabel = "N",
            description = "列出检查日期之后 N 天内开始或截止的未落实事项（默认取规则包参数，2023 年包为 30）")
    Integer comingDays;

    @Mixin
    PackOption packOption;

    @Mixin
    LimitOptions limitOptions;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (output != null && output.toString().equals("-")) {
            output = null; // standard output, as without --output
        }
        ReportWriter writer;
        try {
            writer = Formats.forName(format, detail);
        } catch (IllegalArgumentException e) {
            err.println("--format：" + VisibleText.line(VisibleText.excerpt(e.getMessage())));
            return ExitCode.BAD_INPUT.code;
        }
        if (writer.binary() && output == null) {
            err.println("--format " + format + "：这是电子表格文件，不能打印到屏幕；请用 --output 给出文件名，如 --output 整改清单.xlsx");
            return ExitCode.BAD_INPUT.code;
        }
        LocalDate asOfDate = null;
        if (asOf != null) {
            try {
                // uuuu alone would take +99999-04-13; only four-digit years are dates an assessor means.
                asOfDate = asOf.matches("\\d{4}-\\d{2}-\\d{2}") ? LocalDate.parse(asOf, STRICT_DATE) : null;
            } catch (DateTimeParseException e) {
                asOfDate = null;
            }
            if (asOfDate == null) {
                err.println("--as-of：应为 YYYY-MM-DD 格式的真实日期，实际是 \"" + VisibleText.line(VisibleText.excerpt(asOf)) + "\"");
                return ExitCode.BAD_INPUT.code;
            }
        }
        if (comingDays != null && (comingDays < 0 || comingDays > CheckOptions.MAX_COMING_DUE_DAYS)) {
            err.println("--coming-days：应为 0 到 " + CheckOptions.MAX_COMING_DUE_DAYS + " 之间的整数，实际是 " + comingDays);
            return ExitCode.BAD_INPUT.code;
        }
        LimitOptions.Chosen chosen = limitOptions.limits();
        if (chosen.error() != null) {
            err.println(chosen.error());
            return ExitCode.BAD_INPUT.code;
        }
        InputLimits limits = chosen.limits();
        PackOption.Loaded loaded = packOption.load(err);
        if (loaded.checker() == null) {
            return loaded.failure().code;
        }
        PlanChecker checker = loaded.checker();
        if (asOfDate != null && asOfDate.getYear() < checker.pack().year()) {
            err.println("--as-of：检查日期 " + asOfDate + " 早于规则包 " + checker.pack().id() + " 的考核年度 " + checker.pack().year() + " 年");
            return ExitCode.BAD_INPUT.code;
        }
        if (asOfDate != null && asOfDate.getYear() > checker.pack().year() + CheckOptions.MAX_YEARS_AFTER) {
            err.println("--as-of：检查日期 " + asOfDate + " 晚于规则包 " + checker.pack().id() + " 的考核年度 " + checker.pack().year()
                    + " 年之后 " + CheckOptions.MAX_YEARS_AFTER + " 年；考核年度结束后检查，结果与年底相同");
            return ExitCode.BAD_INPUT.code;
        }
        List<Waiver> accepted = List.of();
        if (waivers != null && waivers.toString().isEmpty()) {
            err.println("--waivers：路径为空");
            return ExitCode.BAD_INPUT.code;
        }
        if (waivers != null) {
            try {
                accepted = Inputs.readWaivers(checker, waivers, limits);
            } catch (InvalidSubmissionException e) {
                Ledgers.printProblems(err, waivers + "（情况说明）", e);
                return ExitCode.BAD_INPUT.code;
            } catch (IOException e) {
                err.println(VisibleText.line(waivers.toString()) + "：无法读取情况说明（"
                        + VisibleText.line(String.valueOf(e.getMessage())) + "）");
                return ExitCode.BAD_INPUT.code;
            }
        }
        CheckOptions options = new CheckOptions(asOfDate, comingDays, accepted);

        InputFiles inputs = InputFiles.expand(paths, limits.maxFileBytes(), err);
        if (output != null) {
            List<Path> read = new ArrayList<>(inputs.inputs().stream().map(InputFiles.Input::path).toList());
            if (waivers != null) {
                read.add(waivers);
            }
            String wrong = OutputFile.refuse(output, read);
            if (wrong != null) {
                err.println("--output " + VisibleText.line(output.toString()) + "：" + wrong);
                return ExitCode.BAD_INPUT.code;
            }
        }
        boolean bad = inputs.refused() > 0;
        int unusable = inputs.refused();
        boolean batch = paths.size() > 1 || paths.stream().anyMatch(Files::isDirectory)
                || inputs.inputs().stream().anyMatch(i -> i.kind() == InputFiles.Kind.NDJSON);
        // Waivers are checked against every ledger's units before anything is written, so the ledgers are read
        // first when there are waivers; without them each report is written as it is made (ReportStream).
        List<Report> held = new ArrayList<>();
        ReportStream reports = output == null && accepted.isEmpty()
                ? new ReportStream(writer, batch, out) : null;
        Set<String> unitIds = new LinkedHashSet<>();
        int[] seen = {0};
        boolean[] flags = {false, false}; // bad input, a problem with the year
        for (InputFiles.Input input : inputs.inputs()) {
            try {
                Ledgers.each(checker, input, limits, new Ledgers.Visitor() {
                    @Override
                    public void read(Submission submission) {
                        seen[0]++;
                        try {
                            Report r = checker.check(submission, options);
                            submission.units().forEach(u -> unitIds.add(u.getId()));
                            if (reports != null) {
                                reports.add(r);
                            } else {
                                held.add(r);
                            }
                        } catch (InvalidSubmissionException e) {
                            invalid(submission.source(), e);
                            seen[0]--;
                        }
                        if (input.kind() == InputFiles.Kind.XLSX && waivers == null) {
                            sheetOfWaivers(checker, input.path(), limits, err);
                        }
                    }

                    @Override
                    public void invalid(String source, InvalidSubmissionException e) {
                        seen[0]++;
                        flags[0] = true;
                        Ledgers.printProblems(err, source, e);
                        // The same validator speaks for every format: in a spreadsheet the year sits in a cell.
                        flags[1] |= e.problems().stream().anyMatch(p -> p.path().equals("$.year")
                                || p.message().contains("请选用"));
                    }

                    @Override
                    public void unreadable(String source, String reason) {
                        seen[0]++;
                        flags[0] = true;
                        err.println(VisibleText.line(source) + "：" + reason);
                    }
                });
            } catch (RulePackException e) {
                err.println("规则包 " + checker.pack().id() + " 在检查 " + InputFiles.shown(input.path()) + " 时出错：");
                e.problems().forEach(p -> err.println("  " + p));
                return ExitCode.BROKEN_PACK.code;
            } catch (RuntimeException | StackOverflowError e) {
                throw new Crash("检查 " + input.path() + " 时", e);
            }
        }
        bad |= flags[0];
        int checkedFiles = seen[0];
        if (flags[1]) {
            err.println("提示：用 --pack 选择与提交年度相符的规则包；内置规则包有 " + RulePack.bundledIds().stream()
                    .map(RulePack::bundled).map(p -> p.id() + "（" + p.year() + " 年：" + p.title() + "）")
                    .collect(Collectors.joining("、")));
        }
        if (!accepted.isEmpty() && checkedFiles > 0 && !waiversFitUnits(accepted, unitIds, err)) {
            return ExitCode.BAD_INPUT.code;
        }
        List<Report> finished = quietUnusedWaivers(held);
        // Whatever was said on the error stream so far is said before the report, never in its middle.
        err.flush();
        int count;
        long withGaps;
        if (reports != null) {
            try {
                reports.close();
            } catch (IOException e) {
                err.println("无法写出报告：" + VisibleText.line(String.valueOf(e.getMessage())));
                return ExitCode.OUTPUT_FAILED.code;
            }
            out.flush();
            count = reports.count();
            withGaps = reports.withGaps();
        } else {
            count = finished.size();
            withGaps = finished.stream().filter(Report::hasGaps).count();
            try {
                if (output == null) {
                    Formats.print(writer, finished, batch, out);
                    out.flush();
                } else if (!finished.isEmpty() || batch) {
                    Formats.write(writer, finished, batch, output);
                    err.println("报告已写入 " + VisibleText.line(output.toString()));
                }
            } catch (IOException e) {
                err.println((output == null ? "无法写出报告：" : "无法写出报告文件 " + VisibleText.line(output.toString()) + "：")
                        + VisibleText.line(reason(e)));
                return ExitCode.OUTPUT_FAILED.code;
            }
        }
        if (checkedFiles > 1 || bad) {
            err.println("共 " + checkedFiles + " 个台账文件：" + count + " 个已检查，其中 " + withGaps + " 个有缺项；"
                    + (checkedFiles - count) + " 个有误未检查" + (unusable > 0 ? "；另有 " + unusable + " 个路径无法使用" : ""));
        }
        return ExitCode.of(withGaps > 0, bad).code;
    }

    /**
     * In a batch one waiver file serves every ledger: a waiver used by one ledger is not "unused" in the others.
     * A waiver no ledger used is still reported, in every ledger that has its unit.
     */
    private static List<Report> quietUnusedWaivers(List<Report> reports) {
        if (reports.size() < 2) {
            return reports;
        }
        Set<String> used = new LinkedHashSet<>();
        for (Report r : reports) {
            r.waivedGaps().forEach(g -> used.add(g.ruleId() + "/" + g.unit().getId()));
        }
        List<Report> out = new ArrayList<>();
        for (Report r : reports) {
            List<Notice> kept = r.notices().stream()
                    .filter(n -> n.type() != Notice.Type.WAIVER_UNUSED || !used.contains(n.recordId())).toList();
            out.add(kept.size() == r.notices().size() ? r : dev.plancheck.engine.Reports.withGapsAndNotices(r, r.gaps(), kept));
        }
        return out;
    }

    /** An xlsx ledger may carry its own 情况说明 sheet; it is the assessor's to accept, so say that it was not applied. */
    private static void sheetOfWaivers(PlanChecker checker, Path ledger, InputLimits limits, PrintWriter err) {
        try {
            int n = Inputs.readWaivers(checker, ledger, limits).size();
            if (n > 0) {
                err.println("提示：" + VisibleText.line(ledger.toString()) + " 的“情况说明”表有 " + n
                        + " 条说明，未采用；评估人员认可后，用 --waivers " + VisibleText.line(ledger.toString()) + " 采用");
            }
        } catch (IOException | InvalidSubmissionException e) {
            err.println("提示：" + VisibleText.line(ledger.toString()) + " 的“情况说明”表有误，未采用（用 --waivers 指定该文件可看到具体问题）");
        }
    }

    private static String reason(IOException e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "所在文件夹不存在";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "没有写入权限";
        }
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return String.valueOf(e.getMessage());
    }

    /** A waiver must name a unit of at least one checked ledger: otherwise it is a typo, not a waiver. */
    private static boolean waiversFitUnits(List<Waiver> waivers, Set<String> unitIds, PrintWriter err) {
        List<Waiver> stray = waivers.stream().filter(w -> !unitIds.contains(w.unitId())).toList();
        for (Waiver w : stray) {
            err.println(VisibleText.line(w.source()) + ": 情况说明所指的单位 \"" + VisibleText.line(w.unitId())
                    + "\" 不在任何所检查的台账中；请核对单位编号");
        }
        return stray.isEmpty();
    }
}
