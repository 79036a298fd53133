package dev.plancheck.cli;

import dev.plancheck.CheckListener;
import dev.plancheck.CheckOutcome;
import dev.plancheck.CheckRequest;
import dev.plancheck.InputFile;
import dev.plancheck.PlanChecker;
import dev.plancheck.RulePack;
import dev.plancheck.input.InvalidSubmissionException;
import dev.plancheck.input.Problem;
import dev.plancheck.input.ProblemCode;
import dev.plancheck.input.RulePackException;
import dev.plancheck.report.Report;
import dev.plancheck.report.ReportWriter;
import dev.plancheck.text.VisibleText;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * {@code checker check PATH…}: checks ledgers (or folders of them) and writes the report. Its model is made with
 * picocli's programmatic API ({@link #model}), not annotations: a cold check is this command's most common run, and
 * reading annotations cost it about 30 ms ({@link CommandOptions}).
 */
final class CheckCommand implements Callable<Integer> {
    private final CommandSpec spec = CommandSpec.wrapWithoutInspection(this);

    private final PositionalParamSpec pathsArg = PositionalParamSpec.builder().arity("1..*").required(true).paramLabel("PATH")
            .type(List.class).auxiliaryTypes(Path.class).description("台账文件或文件夹").build();
    private final OptionSpec formatOption = OptionSpec.builder("--format").paramLabel("FORMAT").type(String.class)
            .defaultValue("text")
            .description("报告格式：text（中文文本，默认）、json、html（可打印的网页）、xlsx（整改清单，须配合 --output）、csv（缺项清单）或 junit")
            .build();
    private final OptionSpec outputOption = OptionSpec.builder("-o", "--output").paramLabel("FILE").type(Path.class)
            .description("把报告写入文件，而不是打印到屏幕（xlsx 格式必须给出）；只写入普通文件，不会写入符号链接、设备、"
                    + "文件夹或本次读取的文件；- 表示标准输出")
            .build();
    private final OptionSpec detailOption = OptionSpec.builder("--detail").type(boolean.class)
            .description("逐条列出已落实、未到期和不适用的事项（text 格式；默认只计数）").build();
    private final OptionSpec waiversOption = OptionSpec.builder("--waivers").paramLabel("FILE").type(List.class)
            .auxiliaryTypes(Path.class)
            .description("情况说明文件（.json，或含“情况说明”工作表的 .xlsx）：被认可的缺项标为“已说明”，不计入退出码；"
                    + "可给多次，各文件合并，同一规则、同一单位的说明只能有一条")
            .build();
    private final OptionSpec asOfOption = OptionSpec.builder("--as-of").paramLabel("YYYY-MM-DD").type(String.class)
            .description("检查日期：按这一天结束时的情况检查；窗口未过且尚未落实的职责记为“未到期”。默认为考核年度的 12 月 31 日")
            .build();
    private final OptionSpec comingDaysOption = OptionSpec.builder("--coming-days").paramLabel("N").type(Integer.class)
            .description("列出检查日期之后 N 天内开始或截止的未落实事项（默认取规则包参数，2023 年包为 30）").build();
    private final OptionSpec problemsOption = OptionSpec.builder("--problems").paramLabel("FORMAT").type(String.class)
            .defaultValue("text")
            .description("输入问题的格式：text（逐条中文说明，默认）或 json（错误输出中的一个 JSON 对象，每个问题带稳定的代码 code，"
                    + "与检查服务 400 回应的格式相同）")
            .build();
    private final PackOption packOption = new PackOption();
    private final LimitOptions limitOptions = new LimitOptions();

    // The values parsed, taken from the model when the command runs.
    private List<Path> paths;
    private String format;
    private Path output;
    private boolean detail;
    private List<Path> waivers;
    private String asOf;
    private Integer comingDays;
    private String problemsFormat;

    CheckCommand() {
        spec.name("check");
        spec.usageMessage().sortOptions(false)
                .description("检查台账，按单位列出缺项、已说明的缺项和待核对的记录；已落实等事项只计数（--detail 逐条列出）。",
                        "PATH 是台账文件（.json、.xlsx、.csv，或每行一份提交的 .ndjson），或存放台账的文件夹（其中的台账逐个检查，"
                                + "*.expected.json 预期结果文件跳过）。检查多个文件时，最后附各单位对比汇总。")
                .exitCodeList(UsageMessageSpec.keyValuesMap("0:没有缺项（已说明的缺项不计）", "1:发现缺项",
                        "2:输入或用法有误（其余文件照常检查）", "3:规则包本身有误", "70:检查程序内部出错，检查没有完成（不表示有无缺项）",
                        "74:报告文件无法写出"));
        spec.addPositional(pathsArg);
        for (OptionSpec o : new OptionSpec[] {formatOption, outputOption, detailOption, waiversOption, asOfOption,
                comingDaysOption, problemsOption}) {
            spec.addOption(o);
        }
        packOption.addTo(spec);
        limitOptions.addTo(spec);
        spec.mixinStandardHelpOptions(true); // last, as picocli places them for an annotated command
    }

    /** The command's model, its options in the order the usage lists them. */
    CommandSpec model() {
        return spec;
    }

    @Override
    public Integer call() {
        paths = pathsArg.getValue();
        format = formatOption.getValue();
        output = outputOption.getValue();
        detail = Boolean.TRUE.equals(detailOption.getValue());
        waivers = waiversOption.getValue();
        asOf = asOfOption.getValue();
        comingDays = comingDaysOption.getValue();
        problemsFormat = problemsOption.getValue();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        if (!problemsFormat.equals("text") && !problemsFormat.equals("json")) {
            stderr.println("--problems：应为 text 或 json，实际是 \"" + VisibleText.line(VisibleText.excerpt(problemsFormat)) + "\"");
            return ExitCode.BAD_INPUT.code;
        }
        CheckOutcome[] outcome = {null};
        int code = check(out, problemsFormat.equals("json") ? Problems.silent() : stderr, stderr, outcome);
        if (problemsFormat.equals("json") && outcome[0] != null && !outcome[0].problems().isEmpty()) {
            Problems.printJson(stderr, outcome[0]);
        }
        return code;
    }

    /**
     * The check: problems are printed on {@code err} (a silent writer when they go out as JSON), everything else —
     * skipped files, hints, the summary — on {@code info}.
     */
    private int check(PrintWriter out, PrintWriter err, PrintWriter info, CheckOutcome[] result) {
        if (output != null && output.toString().equals("-")) {
            output = null; // standard output, as without --output
        }
        ReportWriter writer;
        try {
            writer = Formats.forName(format, detail);
        } catch (IllegalArgumentException e) {
            info.println("--format：" + VisibleText.line(VisibleText.excerpt(e.getMessage())));
            return ExitCode.BAD_INPUT.code;
        }
        if (writer.binary() && output == null) {
            info.println("--format " + format + "：这是电子表格文件，不能打印到屏幕；请用 --output 给出文件名，如 --output 整改清单.xlsx");
            return ExitCode.BAD_INPUT.code;
        }
        LimitOptions.Chosen chosen = limitOptions.limits();
        if (chosen.error() != null) {
            info.println(chosen.error());
            return ExitCode.BAD_INPUT.code;
        }
        PackOption.Loaded loaded = packOption.load(info);
        if (loaded.checker() == null) {
            return loaded.failure().code;
        }
        PlanChecker checker = loaded.checker();
        List<InputFile> waiverFiles = waivers == null ? List.of() : waivers.stream().map(InputFile::of).toList();
        CheckRequest request = CheckRequest.ofPaths(paths).withWaivers(waiverFiles).withAsOf(asOf)
                .withComingDueDays(comingDays).withLimits(chosen.limits());
        // Without waivers or an output file each report is written as it is made (ReportStream); otherwise the
        // pipeline gives them once every ledger is read, and they are written together.
        List<Report> held = new ArrayList<>();
        ReportStream[] stream = {null};
        String[] current = {null};
        boolean[] reached = {false}; // the ledgers were reached: the options and the waivers were sound
        CheckOutcome outcome;
        try {
            outcome = checker.run(request, new CheckListener() {
                @Override
                public void skipped(Path file, String message) {
                    info.println(message);
                }

                @Override
                public void refused(Problem p) {
                    err.println(Problems.whole(p));
                }

                @Override
                public Problem beforeReading(List<InputFile> files) {
                    reached[0] = true;
                    if (output == null) {
                        if (waiverFiles.isEmpty()) {
                            stream[0] = new ReportStream(writer, batchOf(files), out);
                        }
                        return null;
                    }
                    List<Path> read = new ArrayList<>(files.stream().map(InputFile::path).toList());
                    waiverFiles.forEach(w -> read.add(w.path()));
                    String wrong = OutputFile.refuse(output, read);
                    return wrong == null ? null
                            : new Problem(ProblemCode.OUTPUT_REFUSED, output.toString(), 0, 0, "output", wrong);
                }

                @Override
                public void invalidWaivers(InputFile file, InvalidSubmissionException e) {
                    Problems.print(err, file.name() + "（情况说明）", e);
                }

                @Override
                public void reading(InputFile file) {
                    current[0] = file.name();
                }

                @Override
                public void invalid(String source, InvalidSubmissionException e) {
                    Problems.print(err, source, e);
                }

                @Override
                public void unreadable(Problem p) {
                    err.println(VisibleText.line(p.file()) + "：" + p.message());
                }

                @Override
                public void note(String text) {
                    info.println(text);
                }

                @Override
                public void report(Report r) {
                    if (stream[0] != null) {
                        stream[0].add(r);
                    } else {
                        held.add(r);
                    }
                }

                @Override
                public void brokenPack(String source, RulePackException e) {
                    err.println("规则包 " + checker.pack().id() + " 在检查 " + VisibleText.line(source) + " 时出错：");
                    e.problems().forEach(p -> err.println("  " + p));
                }
            });
        } catch (RuntimeException | StackOverflowError e) {
            throw new Crash(current[0] == null ? "检查时" : "检查 " + current[0] + " 时", e);
        }
        result[0] = outcome;
        if (outcome.status() == CheckOutcome.Status.BROKEN_PACK) {
            return ExitCode.BROKEN_PACK.code;
        }
        for (Problem p : outcome.problems()) {
            // Problems of the request itself: the options, the output file, waivers that fit no ledger.
            switch (p.code()) {
                case AS_OF_INVALID, AS_OF_BEFORE_YEAR, AS_OF_TOO_LATE -> {
                    err.println("--as-of：" + p.message());
                    return ExitCode.BAD_INPUT.code;
                }
                case OPTION_INVALID -> {
                    err.println("--coming-days：" + p.message());
                    return ExitCode.BAD_INPUT.code;
                }
                case OUTPUT_REFUSED -> {
                    err.println("--output " + VisibleText.line(p.file()) + "：" + p.message());
                    return ExitCode.BAD_INPUT.code;
                }
                case FILE_NONE -> {
                    if (p.path().equals("waivers")) { // the pipeline names the option by the path "waivers"
                        err.println("--waivers：" + p.message());
                        return ExitCode.BAD_INPUT.code;
                    }
                }
                default -> {
                }
            }
        }
        if (!reached[0]) {
            return ExitCode.BAD_INPUT.code; // a waiver file could not be used; its problems were printed
        }
        if (outcome.problems().stream().anyMatch(p -> p.code() == ProblemCode.PACK_YEAR_MISMATCH)) {
            info.println("提示：用 --pack 选择与提交年度相符的规则包；内置规则包有 " + RulePack.bundledIds().stream()
                    .map(RulePack::bundled).map(p -> p.id() + "（" + p.year() + " 年：" + p.title() + "）")
                    .collect(Collectors.joining("、")));
        }
        List<Problem> stray = outcome.problems().stream().filter(p -> p.code() == ProblemCode.WAIVER_UNIT_UNKNOWN).toList();
        if (!stray.isEmpty()) {
            stray.forEach(p -> err.println(p));
            return ExitCode.BAD_INPUT.code;
        }
        // Whatever was said on the error stream so far is said before the report, never in its middle.
        info.flush();
        if (stream[0] != null) {
            try {
                stream[0].close();
            } catch (IOException e) {
                err.println("无法写出报告：" + VisibleText.line(String.valueOf(e.getMessage())));
                return ExitCode.OUTPUT_FAILED.code;
            }
            out.flush();
        } else {
            try {
                if (output == null) {
                    Formats.print(writer, held, outcome.batch(), out);
                    out.flush();
                } else if (!held.isEmpty() || outcome.batch()) {
                    Formats.write(writer, held, outcome.batch(), output);
                    info.println("报告已写入 " + VisibleText.line(output.toString()));
                }
            } catch (IOException e) {
                err.println((output == null ? "无法写出报告：" : "无法写出报告文件 " + VisibleText.line(output.toString()) + "：")
                        + VisibleText.line(reason(e)));
                return ExitCode.OUTPUT_FAILED.code;
            }
        }
        int files = outcome.submissions();
        boolean bad = outcome.status() == CheckOutcome.Status.BAD_INPUT;
        if (files > 1 || bad) {
            info.println("共 " + files + " 个台账文件：" + outcome.checked() + " 个已检查，其中 " + outcome.withGaps()
                    + " 个有缺项；" + (files - outcome.checked()) + " 个有误未检查"
                    + (outcome.unusable() > 0 ? "；另有 " + outcome.unusable() + " 个路径无法使用" : ""));
        }
        return ExitCode.of(outcome.withGaps() > 0, bad).code;
    }

    /** A batch, as the pipeline decides it: several paths, a folder among them, or an NDJSON file. */
    private boolean batchOf(List<InputFile> files) {
        return paths.size() > 1 || paths.stream().anyMatch(Files::isDirectory)
                || files.stream().anyMatch(f -> f.extension().equals(".ndjson"));
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
}
