package dev.plancheck.cli;

import dev.plancheck.PlanChecker;
import dev.plancheck.Problem;
import dev.plancheck.scenario.CaseOutcome;
import dev.plancheck.scenario.InvalidScenarioException;
import dev.plancheck.scenario.ScenarioRunner;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code checker test PATH…}: runs scenario files against a pack, for rule authors proving their rules. */
@Command(name = "test", mixinStandardHelpOptions = true,
        description = {"运行场景文件，验证规则包中的规则给出预期结果（供规则编写者在启用新规则前使用）。",
                "PATH 是场景文件（.json）或文件夹（递归查找其中的 .json）。"},
        exitCodeListHeading = "%n退出码：%n",
        exitCodeList = {"0:全部场景通过", "1:有场景未通过", "2:场景文件有误", "3:规则包本身有误"})
final class TestCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "场景文件或文件夹")
    List<Path> paths;

    @Mixin
    PackOption packOption;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        PackOption.Loaded loaded = packOption.load(err);
        if (loaded.checker() == null) {
            return loaded.failure().code;
        }
        PlanChecker checker = loaded.checker();
        List<Path> files = new ArrayList<>();
        boolean bad = false;
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.walk(p)) {
                    s.filter(f -> f.toString().endsWith(".json")).sorted().forEach(files::add);
                } catch (IOException e) {
                    err.println(p + "：无法列出文件夹（" + e.getMessage() + "）");
                    bad = true;
                }
            } else if (Files.isRegularFile(p)) {
                files.add(p);
            } else {
                err.println(p + "：文件或文件夹不存在");
                bad = true;
            }
        }
        ScenarioRunner runner = new ScenarioRunner(checker);
        int passed = 0;
        int failed = 0;
        for (Path file : files) {
            try {
                for (CaseOutcome o : runner.run(file)) {
                    if (o.passed()) {
                        passed++;
                        out.println("通过  " + o.rule() + "  " + o.name());
                    } else {
                        failed++;
                        out.println("失败  " + o.rule() + "  " + o.name() + "  (" + o.file() + ":" + o.line() + ")");
                        o.mismatches().forEach(m -> out.println("      " + m.replace("\n", "\n      ")));
                    }
                }
            } catch (InvalidScenarioException e) {
                bad = true;
                err.println(file + " 有误，未运行：");
                for (Problem p : e.problems()) {
                    err.println("  " + p);
                }
            } catch (IOException e) {
                bad = true;
                err.println(file + "：无法读取（" + e.getMessage() + "）");
            }
        }
        out.println("场景：通过 " + passed + "，失败 " + failed + (bad ? "；有文件未能运行，见错误输出" : ""));
        if (bad) {
            return ExitCode.BAD_INPUT.code;
        }
        return failed > 0 ? ExitCode.GAPS.code : ExitCode.OK.code;
    }
}
