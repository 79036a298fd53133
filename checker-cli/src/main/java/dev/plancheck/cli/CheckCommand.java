package dev.plancheck.cli;

import dev.plancheck.CheckOptions;
import dev.plancheck.InvalidSubmissionException;
import dev.plancheck.PlanChecker;
import dev.plancheck.Problem;
import dev.plancheck.Report;
import dev.plancheck.RulePack;
import dev.plancheck.RulePackException;
import dev.plancheck.Submission;
import dev.plancheck.Waiver;
import dev.plancheck.io.report.ReportFileWriter;
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

/** {@code checker check PATH…}: checks ledgers (or folders of them) and writes the report. */
@Command(name = "check", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"检查台账，按单位列出缺项、已说明的缺项和待核对的记录；已落实等事项只计数（--detail 逐条列出）。",
                "PATH 是台账文件（.json、.xlsx 或 .csv），或存放台账的文件夹（其中的台账逐个检查，"
                        + "*.expected.json 预期结果文件跳过）。检查多个文件时，最后附各单位对比汇总。"},
        exitCodeList = {"0:没有缺项（已说明的缺项不计）", "1:发现缺项", "2:输入或用法有误（其余文件照常检查）",
                "3:规则包本身有误", "74:报告文件无法写出"})
final class CheckCommand implements Callable<Integer> {
    private static final DateTimeFormatter STRICT_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "台账文件或文件夹")
    List<Path> paths;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "报告格式：text（中文文本，默认）、json、junit（JUnit XML，供持续集成）、html（可打印的网页）、xlsx（整改清单，须配合 --output）或 csv（缺项清单）")
    String format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "把报告写入文件，而不是打印到屏幕（xlsx 格式必须给出）")
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

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ReportFileWriter writer;
        try {
            writer = Formats.forName(format, detail);
        } catch (IllegalArgumentException e) {
            err.println("--format：" + e.getMessage());
            return ExitCode.BAD_INPUT.code;
        }
        if (writer.binary() && output == null) {
            err.println("--format " + format + "：这是电子表格文件，不能打印到屏幕；请用 --output 给出文件名，如 --output 整改清单.xlsx");
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
        List<Waiver> accepted = List.of();
        if (waivers != null) {
            try {
                accepted = Inputs.readWaivers(checker, waivers);
            } catch (InvalidSubmissionException e) {
                printProblems(err, waivers + " 有 " + e.problems().size() + " 处问题，情况说明无法使用：", e.problems());
                return ExitCode.BAD_INPUT.code;
            } catch (IOException e) {
                err.println(waivers + "：无法读取情况说明（" + e.getMessage() + "）");
                return ExitCode.BAD_INPUT.code;
            }
        }
        CheckOptions options = new CheckOptions(asOfDate, comingDays, accepted);

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
        List<Submission> submissions = new ArrayList<>();
        boolean yearProblem = false;
        for (Path file : files) {
            try {
                submissions.add(Inputs.read(checker, file));
            } catch (InvalidSubmissionException e) {
                bad = true;
                printProblems(err, file + " 有 " + e.problems().size() + " 处问题，未检查：", e.problems());
                // The same validator speaks for every format: in a spreadsheet the year sits in a cell, not at $.year.
                yearProblem |= e.problems().stream().anyMatch(p -> p.path().equals("$.year")
                        || p.message().contains("请选用"));
            } catch (IOException e) {
                bad = true;
                err.println(file + "：无法读取（" + e.getMessage() + "）");
            }
        }
        if (yearProblem) {
            err.println("提示：用 --pack 选择与提交年度相符的规则包；内置规则包有 " + RulePack.bundledIds().stream()
                    .map(RulePack::bundled).map(p -> p.id() + "（" + p.year() + " 年：" + p.title() + "）")
                    .collect(Collectors.joining("、")));
        }
        if (!submissions.isEmpty() && !waiversFitUnits(accepted, submissions, err)) {
            return ExitCode.BAD_INPUT.code;
        }
        List<Report> reports = new ArrayList<>();
        for (Submission s : submissions) {
            try {
                reports.add(checker.check(s, options));
            } catch (InvalidSubmissionException e) {
                bad = true;
                printProblems(err, s.source() + " 有 " + e.problems().size() + " 处问题，未检查：", e.problems());
            } catch (RulePackException e) {
                err.println("规则包 " + checker.pack().id() + " 在检查 " + s.source() + " 时出错：");
                e.problems().forEach(p -> err.println("  " + p));
                return ExitCode.BROKEN_PACK.code;
            }
        }
        // Whatever was said on the error stream so far is said before the report, never in its middle.
        err.flush();
        if (output == null) {
            try {
                Formats.print(writer, reports, batch, out);
            } catch (IOException e) {
                err.println("无法写出报告：" + e.getMessage());
                return ExitCode.OUTPUT_FAILED.code;
            }
            out.flush();
        } else if (!reports.isEmpty() || batch) {
            try {
                Formats.write(writer, reports, batch, output);
                err.println("报告已写入 " + output);
            } catch (IOException e) {
                err.println("无法写出报告文件 " + output + "：" + reason(e));
                return ExitCode.OUTPUT_FAILED.code;
            }
        }
        if (files.size() > 1 || bad) {
            err.println("共 " + files.size() + " 个台账文件：" + reports.size() + " 个已检查，其中 "
                    + reports.stream().filter(Report::hasGaps).count() + " 个有缺项；" + (files.size() - reports.size()) + " 个有误未检查"
                    + (unusable > 0 ? "；另有 " + unusable + " 个路径无法使用" : ""));
        }
        return ExitCode.of(reports, bad).code;
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

    private static void printProblems(PrintWriter err, String heading, List<Problem> problems) {
        err.println(heading);
        problems.forEach(p -> err.println("  " + p));
    }

    /** A waiver must name a unit of at least one checked ledger: otherwise it is a typo, not a waiver. */
    private static boolean waiversFitUnits(List<Waiver> waivers, List<Submission> submissions, PrintWriter err) {
        List<Waiver> stray = waivers.stream().filter(w -> submissions.stream()
                .noneMatch(s -> s.units().stream().anyMatch(u -> u.getId().equals(w.unitId())))).toList();
        for (Waiver w : stray) {
            err.println(w.source() + "：情况说明所指的单位 \"" + w.unitId() + "\" 不在任何所检查的台账中；请核对单位编号");
        }
        return stray.isEmpty();
    }

    /** Adds the ledger files at {@code path}; says what it skips. Returns false when the path is unusable. */
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
                err.println("跳过 " + e + "（预期结果文件，不是台账）");
            } else if (Inputs.isLedger(e)) {
                files.add(e);
            } else {
                err.println("跳过 " + e + "（不是台账文件：" + String.join("、", Inputs.EXTENSIONS) + "）");
            }
        }
        if (files.size() == before) {
            err.println(path + "：文件夹中没有台账文件（" + String.join("、", Inputs.EXTENSIONS) + "）");
            return false;
        }
        return true;
    }
}
