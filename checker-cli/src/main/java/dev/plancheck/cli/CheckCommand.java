package dev.plancheck.cli;

import dev.plancheck.CheckOptions;
import dev.plancheck.InputLimits;
import dev.plancheck.InvalidSubmissionException;
import dev.plancheck.PlanChecker;
import dev.plancheck.RulePack;
import dev.plancheck.RulePackException;
import dev.plancheck.Submission;
import dev.plancheck.report.ReportFormats;
import dev.plancheck.report.ReportWriter;
import dev.plancheck.report.TerminalText;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code checker check PATH…}: checks submission files (or folders of them) and prints the report. */
@Command(name = "check", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"检查提交文件，按单位列出已落实、缺项、未到期和不适用的职责。",
                "PATH 是提交文件（.json，或每行一份提交的 .ndjson），或存放提交文件的文件夹（其中的台账文件逐个检查，*.expected.json 预期结果文件跳过）。"},
        exitCodeListHeading = "%n退出码：%n",
        exitCodeList = {"0:没有缺项", "1:发现缺项", "2:输入或用法有误（其余文件照常检查）", "3:规则包本身有误",
                "70:检查程序内部出错，检查没有完成（不表示有无缺项）"})
final class CheckCommand implements Callable<Integer> {
    private static final DateTimeFormatter STRICT_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "提交文件或文件夹")
    List<Path> paths;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "报告格式：text（中文文本，默认）或 json")
    String format;

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
        ReportWriter writer;
        try {
            writer = ReportFormats.forName(format);
        } catch (IllegalArgumentException e) {
            err.println("--format：" + e.getMessage());
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
                err.println("--as-of：应为 YYYY-MM-DD 格式的真实日期，实际是 \"" + TerminalText.line(InputLimits.echo(asOf)) + "\"");
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
        CheckOptions options = new CheckOptions(asOfDate, comingDays);

        InputFiles inputs = InputFiles.expand(paths, limits.maxFileBytes(), err);
        boolean bad = inputs.refused() > 0;
        int unusable = inputs.refused();
        int[] seen = {0};
        boolean batch = paths.size() > 1 || paths.stream().anyMatch(Files::isDirectory)
                || inputs.inputs().stream().anyMatch(i -> i.kind() == InputFiles.Kind.NDJSON);
        ReportStream reports = new ReportStream(writer, batch, out);
        boolean[] flags = {false, false}; // bad input, a problem with the year
        for (InputFiles.Input input : inputs.inputs()) {
            try {
                Ledgers.each(checker, input, limits, new Ledgers.Visitor() {
                    @Override
                    public void read(Submission submission) {
                        seen[0]++;
                        try {
                            reports.add(checker.check(submission, options));
                        } catch (InvalidSubmissionException e) {
                            invalid(submission.source(), e);
                            seen[0]--;
                        }
                    }

                    @Override
                    public void invalid(String source, InvalidSubmissionException e) {
                        seen[0]++;
                        flags[0] = true;
                        Ledgers.printProblems(err, source, e);
                        flags[1] |= e.problems().stream().anyMatch(p -> p.path().equals("$.year"));
                    }

                    @Override
                    public void unreadable(String source, String reason) {
                        seen[0]++;
                        flags[0] = true;
                        err.println(TerminalText.line(source) + "：" + reason);
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
        boolean yearProblem = flags[1];
        int checkedFiles = seen[0];
        if (yearProblem) {
            err.println("提示：用 --pack 选择与提交年度相符的规则包；内置规则包有 " + RulePack.bundledIds().stream()
                    .map(RulePack::bundled).map(p -> p.id() + "（" + p.year() + " 年：" + p.title() + "）")
                    .collect(Collectors.joining("、")));
        }
        try {
            reports.close();
        } catch (IOException e) {
            err.println("无法写出报告：" + e.getMessage());
            return ExitCode.BAD_INPUT.code;
        }
        if (checkedFiles > 1 || bad) {
            err.println("共 " + checkedFiles + " 个提交文件：" + reports.count() + " 个已检查，其中 "
                    + reports.withGaps() + " 个有缺项；" + (checkedFiles - reports.count()) + " 个有误未检查"
                    + (unusable > 0 ? "；另有 " + unusable + " 个路径无法使用" : ""));
        }
        return ExitCode.of(reports.withGaps() > 0, bad).code;
    }
}
