package dev.plancheck.cli;

import dev.plancheck.input.InputLimits;
import dev.plancheck.input.InvalidSubmissionException;
import dev.plancheck.PlanChecker;
import dev.plancheck.input.Submission;
import dev.plancheck.text.VisibleText;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code checker validate PATH…}: reads and validates submissions as {@code check} does, without checking the
 * rules, so that a ledger can be corrected before it is assessed.
 */
@Command(name = "validate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"只检查台账文件的格式和内容是否有效（与 check 相同的读取和校验），不按规则检查缺项。",
                "PATH 是台账文件（.json、.xlsx、.csv，或每行一份提交的 .ndjson），或存放台账的文件夹。"},
        exitCodeListHeading = "%n退出码：%n",
        exitCodeList = {"0:全部有效", "2:有无效的提交或无法使用的路径", "3:规则包本身有误",
                "70:检查程序内部出错，检查没有完成"})
final class ValidateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "台账文件或文件夹")
    List<Path> paths;

    @Mixin
    PackOption packOption;

    @Mixin
    LimitOptions limitOptions;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
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
        InputFiles inputs = InputFiles.expand(paths, limits.maxFileBytes(), err);
        int[] counts = {0, 0}; // valid, invalid
        for (InputFiles.Input input : inputs.inputs()) {
            try {
                Ledgers.each(checker, input, limits, new Ledgers.Visitor() {
                    @Override
                    public void read(Submission s) {
                        counts[0]++;
                        out.println(VisibleText.line(s.source()) + "：有效（" + s.units().size() + " 个单位，"
                                + s.activities().size() + " 条记录）");
                    }

                    @Override
                    public void invalid(String source, InvalidSubmissionException e) {
                        counts[1]++;
                        Ledgers.printProblems(err, source, e);
                    }

                    @Override
                    public void unreadable(String source, String reason) {
                        counts[1]++;
                        err.println(VisibleText.line(source) + "：" + reason);
                    }
                });
            } catch (RuntimeException | StackOverflowError e) {
                throw new Crash("校验 " + input.path() + " 时", e);
            }
        }
        if (counts[0] + counts[1] > 1 || counts[1] > 0 || inputs.refused() > 0) {
            err.println("共 " + (counts[0] + counts[1]) + " 份提交：" + counts[0] + " 份有效，" + counts[1] + " 份无效"
                    + (inputs.refused() > 0 ? "；另有 " + inputs.refused() + " 个路径无法使用" : ""));
        }
        return counts[1] > 0 || inputs.refused() > 0 ? ExitCode.BAD_INPUT.code : ExitCode.OK.code;
    }
}
