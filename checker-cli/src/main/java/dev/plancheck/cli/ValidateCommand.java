package dev.plancheck.cli;

import dev.plancheck.input.InputLimits;
import dev.plancheck.input.InvalidSubmissionException;
import dev.plancheck.CheckListener;
import dev.plancheck.CheckOutcome;
import dev.plancheck.CheckRequest;
import dev.plancheck.InputFile;
import dev.plancheck.PlanChecker;
import dev.plancheck.input.Problem;
import dev.plancheck.input.Submission;
import dev.plancheck.text.VisibleText;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code checker validate PATH…}: reads and validates submissions as {@code check} does, without checking the
 * rules, so that a ledger can be corrected before it is assessed.
 */
@Command(name = "validate", sortOptions = false,
        description = {"只检查台账文件的格式和内容是否有效（与 check 相同的读取和校验），不按规则检查缺项。",
                "PATH 是台账文件（.json、.xlsx、.csv，或每行一份提交的 .ndjson），或存放台账的文件夹。"},
        exitCodeListHeading = "%n退出码：%n",
        exitCodeList = {"0:全部有效", "2:有无效的提交或无法使用的路径", "3:规则包本身有误",
                "70:检查程序内部出错，检查没有完成"})
final class ValidateCommand implements Callable<Integer>, CommandOptions {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "台账文件或文件夹")
    List<Path> paths;

    @Option(names = "--problems", paramLabel = "FORMAT", defaultValue = "text",
            description = "问题的格式：text（逐条中文说明，默认）或 json（错误输出中的一个 JSON 对象，每个问题带稳定的代码 code）")
    String problemsFormat;

    final PackOption packOption = new PackOption();

    final LimitOptions limitOptions = new LimitOptions();

    @Override
    public void addSharedOptions(CommandSpec model) {
        packOption.addTo(model);
        limitOptions.addTo(model);
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter info = spec.commandLine().getErr();
        if (!problemsFormat.equals("text") && !problemsFormat.equals("json")) {
            info.println("--problems：应为 text 或 json，实际是 \"" + VisibleText.line(VisibleText.excerpt(problemsFormat)) + "\"");
            return ExitCode.BAD_INPUT.code;
        }
        boolean json = problemsFormat.equals("json");
        PrintWriter err = json ? Problems.silent() : info;
        LimitOptions.Chosen chosen = limitOptions.limits();
        if (chosen.error() != null) {
            info.println(chosen.error());
            return ExitCode.BAD_INPUT.code;
        }
        InputLimits limits = chosen.limits();
        PackOption.Loaded loaded = packOption.load(info);
        if (loaded.checker() == null) {
            return loaded.failure().code;
        }
        PlanChecker checker = loaded.checker();
        String[] current = {null};
        CheckOutcome outcome;
        try {
            outcome = checker.validate(CheckRequest.ofPaths(paths).withLimits(limits), new CheckListener() {
                @Override
                public void skipped(Path file, String message) {
                    info.println(message);
                }

                @Override
                public void refused(Problem p) {
                    err.println(Problems.whole(p));
                }

                @Override
                public void reading(InputFile file) {
                    current[0] = file.name();
                }

                @Override
                public void valid(Submission s) {
                    out.println(VisibleText.line(s.source()) + "：有效（" + s.units().size() + " 个单位，"
                            + s.activities().size() + " 条记录）");
                }

                @Override
                public void invalid(String source, InvalidSubmissionException e) {
                    Problems.print(err, source, e);
                }

                @Override
                public void unreadable(Problem p) {
                    err.println(VisibleText.line(p.file()) + "：" + p.message());
                }
            });
        } catch (RuntimeException | StackOverflowError e) {
            throw new Crash("校验 " + current[0] + " 时", e);
        }
        int valid = outcome.checked();
        int invalid = outcome.submissions() - valid;
        if (json && !outcome.problems().isEmpty()) {
            Problems.printJson(info, outcome);
        }
        if (outcome.submissions() > 1 || invalid > 0 || outcome.unusable() > 0) {
            info.println("共 " + outcome.submissions() + " 份提交：" + valid + " 份有效，" + invalid + " 份无效"
                    + (outcome.unusable() > 0 ? "；另有 " + outcome.unusable() + " 个路径无法使用" : ""));
        }
        return invalid > 0 || outcome.unusable() > 0 ? ExitCode.BAD_INPUT.code : ExitCode.OK.code;
    }
}
