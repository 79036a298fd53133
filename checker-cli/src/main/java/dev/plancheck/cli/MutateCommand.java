package dev.plancheck.cli;

import dev.plancheck.PlanChecker;
import dev.plancheck.input.Problem;
import dev.plancheck.input.RulePackException;
import dev.plancheck.mutation.MutationReport;
import dev.plancheck.mutation.MutationTester;
import dev.plancheck.scenario.InvalidScenarioException;
import dev.plancheck.scenario.ScenarioFile;
import dev.plancheck.scenario.ScenarioRunner;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code checker mutate SCENARIOS…}: rule mutation testing. Weakens each condition of each rule in turn and reports
 * every change that no scenario of the rule notices (the issue's {@code test --mutate}, as its own command).
 */
@Command(name = "mutate",
        description = {"规则变异测试：逐条规则、逐个条件地放宽规则（去掉一个条件、时段换成全年、数量要求减一、期限延长一天），"
                + "重新编译后运行该规则自己的场景，列出没有任何场景察觉的改动（“存活”）。规则没有存活的变异体，才算证明充分。",
                "SCENARIOS 是场景文件（.json）或文件夹（递归查找其中的 .json）。"},
        exitCodeListHeading = "%n退出码：%n",
        exitCodeList = {"0:没有存活的变异体", "1:有存活的变异体，或有场景在未改动的规则上就不通过", "2:场景文件或用法有误",
                "3:规则包本身有误"})
final class MutateCommand implements Callable<Integer>, CommandOptions {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "SCENARIOS", description = "场景文件或文件夹")
    List<Path> paths;

    final PackOption packOption = new PackOption();

    @Override
    public void addSharedOptions(CommandSpec model) {
        packOption.addTo(model);
    }

    @Option(names = "--rule", paramLabel = "ID", split = ",", description = "只变异这些规则（逗号分隔的 id，如 R1.2-1,R7.2-2）")
    Set<String> rules;

    @Option(names = "--threads", paramLabel = "N", description = "并行线程数（默认为处理器核数）")
    Integer threads;

    @Option(names = "--all", description = "也列出被场景发现的变异体及发现它的场景")
    boolean all;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        PackOption.Loaded loaded = packOption.load(err);
        if (loaded.checker() == null) {
            return loaded.failure().code;
        }
        PlanChecker checker = loaded.checker();
        if (threads != null && threads < 1) {
            err.println("--threads 应为正整数");
            return ExitCode.BAD_INPUT.code;
        }
        if (rules != null) {
            List<String> unknown = rules.stream().sorted().filter(id -> checker.rules().stream().noneMatch(r -> r.id().equals(id))).toList();
            if (!unknown.isEmpty()) {
                err.println("--rule：规则包 " + checker.pack().id() + " 中没有规则 " + String.join("、", unknown));
                return ExitCode.BAD_INPUT.code;
            }
        }
        ScenarioFiles expanded = ScenarioFiles.expand(paths, err);
        List<Path> files = expanded.files();
        boolean bad = expanded.bad();
        ScenarioRunner runner = new ScenarioRunner(checker);
        List<ScenarioFile> scenarios = new ArrayList<>();
        for (Path file : files) {
            try {
                scenarios.add(runner.prepare(file));
            } catch (InvalidScenarioException e) {
                bad = true;
                err.println(file + " 有误：");
                for (Problem p : e.problems()) {
                    err.println("  " + p);
                }
            } catch (IOException e) {
                bad = true;
                err.println(file + "：无法读取（" + e.getMessage() + "）");
            }
        }
        if (bad) {
            err.println("场景文件有误，未做变异测试");
            return ExitCode.BAD_INPUT.code;
        }
        MutationReport report;
        try {
            MutationTester tester = new MutationTester(checker.pack(), scenarios, id -> rules == null || rules.contains(id));
            report = tester.run(threads == null ? Runtime.getRuntime().availableProcessors() : threads);
        } catch (RulePackException e) {
            err.println("规则包 " + checker.pack().id() + " 有误，无法做变异测试（" + e.problems().size() + " 处）：");
            e.problems().forEach(p -> err.println("  " + p));
            return ExitCode.BROKEN_PACK.code;
        }
        report.write(out, all);
        return report.clean() ? ExitCode.OK.code : ExitCode.GAPS.code;
    }
}
