package dev.plancheck.cli;

import dev.plancheck.CheckOptions;
import dev.plancheck.InvalidSubmissionException;
import dev.plancheck.PlanChecker;
import dev.plancheck.Problem;
import dev.plancheck.Report;
import dev.plancheck.RulePack;
import dev.plancheck.RulePackException;
import dev.plancheck.report.ReportFormats;
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
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code checker check PATH…}: checks submission files (or folders of them) and prints the report. */
@Command(name = "check", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"检查提交文件，按单位列出已落实、缺项、未到期和不适用的职责。",
                "PATH 是提交文件（.json），或存放提交文件的文件夹（其中的 *.json 逐个检查，*.expected.json 预期结果文件跳过）。"},
        exitCodeListHeading = "%n退出码：%n",
        exitCodeList = {"0:没有缺项", "1:发现缺项", "2:输入或用法有误（其余文件照常检查）", "3:规则包本身有误"})
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
                asOfDate = LocalDate.parse(asOf, STRICT_DATE);
            } catch (DateTimeParseException e) {
                err.println("--as-of：应为 YYYY-MM-DD 格式的真实日期，实际是 \"" + asOf + "\"");
                return ExitCode.BAD_INPUT.code;
            }
        }
        if (comingDays != null && comingDays < 0) {
            err.println("--coming-days：应为不小于 0 的整数，实际是 " + comingDays);
            return ExitCode.BAD_INPUT.code;
        }
        PackOption.Loaded loaded = packOption.load(err);
        if (loaded.checker() == null) {
            return loaded.failure().code;
        }
        PlanChecker checker = loaded.checker();
        if (asOfDate != null && asOfDate.getYear() < checker.pack().year()) {
            err.println("--as-of：检查日期 " + asOfDate + " 早于规则包 " + checker.pack().id() + " 的考核年度 " + checker.pack().year() + " 年");
            return ExitCode.BAD_INPUT.code;
        }
        CheckOptions options = new CheckOptions(asOfDate, comingDays);

        boolean bad = false;
        int unusable = 0;
        List<Path> files = new ArrayList<>();
        for (Path p : paths) {
            if (!expand(p, files, err)) {
                bad = true;
                unusable++;
            }
        }
        boolean batch = paths.size() > 1 || paths.stream().anyMatch(Files::isDirectory);
        List<Report> reports = new ArrayList<>();
        boolean yearProblem = false;
        for (Path file : files) {
            try {
                reports.add(checker.check(checker.read(file), options));
            } catch (InvalidSubmissionException e) {
                bad = true;
                err.println(file + " 有 " + e.problems().size() + " 处问题，未检查：");
                for (Problem p : e.problems()) {
                    err.println("  " + p);
                    yearProblem |= p.path().equals("$.year");
                }
            } catch (IOException e) {
                bad = true;
                err.println(file + "：无法读取（" + e.getMessage() + "）");
            } catch (RulePackException e) {
                err.println("规则包 " + checker.pack().id() + " 在检查 " + file + " 时出错：");
                e.problems().forEach(p -> err.println("  " + p));
                return ExitCode.BROKEN_PACK.code;
            }
        }
        if (yearProblem) {
            err.println("提示：用 --pack 选择与提交年度相符的规则包；内置规则包有 " + RulePack.bundledIds().stream()
                    .map(RulePack::bundled).map(p -> p.id() + "（" + p.year() + " 年：" + p.title() + "）")
                    .collect(Collectors.joining("、")));
        }
        try {
            writer.write(reports, batch, out);
        } catch (IOException e) {
            err.println("无法写出报告：" + e.getMessage());
            return ExitCode.BAD_INPUT.code;
        }
        if (files.size() > 1 || bad) {
            err.println("共 " + files.size() + " 个提交文件：" + reports.size() + " 个已检查，其中 "
                    + reports.stream().filter(Report::hasGaps).count() + " 个有缺项；" + (files.size() - reports.size()) + " 个有误未检查"
                    + (unusable > 0 ? "；另有 " + unusable + " 个路径无法使用" : ""));
        }
        return ExitCode.of(reports, bad).code;
    }

    /** Adds the submission files at {@code path}; says what it skips. Returns false when the path is unusable. */
    private static boolean expand(Path path, List<Path> files, PrintWriter err) {
        if (Files.isRegularFile(path)) {
            files.add(path);
            return true;
        }
        if (!Files.isDirectory(path)) {
            err.println(path + "：文件或文件夹不存在");
            return false;
        }
        List<Path> entries;
        try (Stream<Path> s = Files.list(path)) {
            entries = s.sorted().toList();
        } catch (IOException e) {
            err.println(path + "：无法列出文件夹（" + e.getMessage() + "）");
            return false;
        }
        int before = files.size();
        for (Path e : entries) {
            String name = e.getFileName().toString();
            if (Files.isDirectory(e)) {
                err.println("跳过子文件夹 " + e + "（不递归检查；如需检查请单独给出）");
            } else if (name.endsWith(".expected.json")) {
                err.println("跳过 " + e + "（预期结果文件，不是提交）");
            } else if (name.endsWith(".json")) {
                files.add(e);
            } else {
                err.println("跳过 " + e + "（不是 .json 文件）");
            }
        }
        if (files.size() == before) {
            err.println(path + "：文件夹中没有提交文件（*.json）");
            return false;
        }
        return true;
    }
}
