package dev.plancheck.cli;

import dev.plancheck.PlanChecker;
import dev.plancheck.input.Problem;
import dev.plancheck.input.ProblemCode;
import dev.plancheck.junit.JunitXmlReportWriter;
import dev.plancheck.scenario.CaseOutcome;
import dev.plancheck.scenario.InvalidScenarioException;
import dev.plancheck.scenario.ScenarioAccept;
import dev.plancheck.scenario.ScenarioRunner;
import dev.plancheck.text.VisibleText;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code checker test PATH…}: runs scenario files against a pack, for rule authors proving their rules. */
@Command(name = "test",
        description = {"运行场景文件，验证规则包中的规则给出预期结果（供规则编写者在启用新规则前使用）。",
                "PATH 是场景文件（.json）或文件夹（递归查找其中的 .json）。"},
        exitCodeListHeading = "%n退出码：%n",
        exitCodeList = {"0:全部场景通过", "1:有场景未通过", "2:场景文件有误（包括为另一年度的规则包写的场景）", "3:规则包本身有误"})
final class TestCommand implements Callable<Integer>, CommandOptions {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "场景文件或文件夹")
    List<Path> paths;

    final PackOption packOption = new PackOption();

    @Override
    public void addSharedOptions(CommandSpec model) {
        packOption.addTo(model);
    }

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "输出格式：text（逐条列出，默认）或 junit（JUnit XML，供持续集成服务器读取）")
    String format;

    @Option(names = "--accept",
            description = {"把实际结果写入结果与预期不符的场景：只改写这些场景的 expect（记录提示不符时还有 notices），",
                    "文件的其余内容（顺序、格式）保持原样；逐条打印改动，请用 git diff 复核后再提交"})
    boolean accept;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean junit = format.equals("junit");
        if (!junit && !format.equals("text")) {
            err.println("--format：未知的格式 \"" + format + "\"；可用：text、junit");
            return ExitCode.BAD_INPUT.code;
        }
        PackOption.Loaded loaded = packOption.load(err);
        if (loaded.checker() == null) {
            return loaded.failure().code;
        }
        PlanChecker checker = loaded.checker();
        ScenarioFiles expanded = ScenarioFiles.expand(paths, err);
        List<Path> files = expanded.files();
        boolean bad = expanded.bad();
        if (accept) {
            if (junit) {
                err.println("--accept 不能与 --format junit 同时使用");
                return ExitCode.BAD_INPUT.code;
            }
            return accept(checker, files, bad, out, err);
        }
        ScenarioRunner runner = new ScenarioRunner(checker);
        int passed = 0;
        int failed = 0;
        int otherYear = 0;
        List<CaseOutcome> all = new ArrayList<>();
        List<JunitXmlReportWriter.BrokenFile> broken = new ArrayList<>();
        for (Path file : files) {
            try {
                for (CaseOutcome o : runner.run(file)) {
                    all.add(o);
                    if (junit) {
                        continue;
                    }
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
                broken.add(new JunitXmlReportWriter.BrokenFile(file.toString(),
                        e.problems().stream().map(Problem::toString).collect(Collectors.joining("\n"))));
                // Scenarios of another year fail file by file for the same reason: say it in full once.
                boolean wrongYear = e.problems().stream().anyMatch(p -> p.code() == ProblemCode.SCENARIO_OTHER_YEAR);
                if (wrongYear && otherYear++ > 0) {
                    continue;
                }
                err.println(file + " 有误，未运行：");
                for (Problem p : e.problems()) {
                    err.println("  " + p);
                }
            } catch (IOException e) {
                bad = true;
                broken.add(new JunitXmlReportWriter.BrokenFile(file.toString(), "无法读取：" + e.getMessage()));
                err.println(file + "：无法读取（" + e.getMessage() + "）");
            }
        }
        if (otherYear > 1) {
            err.println("另有 " + (otherYear - 1) + " 个场景文件同样是为另一年度的规则包写的，未运行");
        }
        if (junit) {
            passed = (int) all.stream().filter(CaseOutcome::passed).count();
            failed = all.size() - passed;
            try {
                JunitXmlReportWriter.writeScenarios(checker.pack().id(), checker.pack().fingerprint(), all, broken, out);
            } catch (IOException e) {
                err.println("无法写出结果：" + e.getMessage());
                return ExitCode.OUTPUT_FAILED.code;
            }
            err.println("场景：通过 " + passed + "，失败 " + failed + (bad ? "；有文件未能运行" : ""));
        } else {
            out.println("场景：通过 " + passed + "，失败 " + failed + (bad ? "；有文件未能运行，见错误输出" : ""));
        }
        if (bad) {
            return ExitCode.BAD_INPUT.code;
        }
        return failed > 0 ? ExitCode.GAPS.code : ExitCode.OK.code;
    }

    /**
     * Accepts the actual results into every file whose cases differ, then runs each changed file again: a case that
     * still fails (one that cannot be checked at all) keeps the exit code at 1.
     */
    private int accept(PlanChecker checker, List<Path> files, boolean bad, PrintWriter out, PrintWriter err) {
        int passed = 0;
        int failed = 0;
        int accepted = 0;
        int written = 0;
        for (Path file : files) {
            try {
                ScenarioAccept.Accepted a = ScenarioAccept.accept(checker, file.toString(), Files.readAllBytes(file));
                if (!a.changes().isEmpty()) {
                    Files.write(file, a.json());
                    written++;
                    for (ScenarioAccept.Change c : a.changes()) {
                        out.println("已接受  " + VisibleText.line(file + ":" + c.line() + "  " + c.caseName()) + "  " + c.member());
                        String key = "\"" + c.member() + "\": ";
                        if (c.before() != null) {
                            out.println((key + c.before()).lines().map(l -> "  - " + VisibleText.line(l)).collect(Collectors.joining("\n")));
                        }
                        out.println((key + c.after()).lines().map(l -> "  + " + VisibleText.line(l)).collect(Collectors.joining("\n")));
                    }
                    accepted += (int) a.changes().stream().map(ScenarioAccept.Change::caseName).distinct().count();
                }
                List<CaseOutcome> after = a.changes().isEmpty() ? a.before()
                        : new ScenarioRunner(checker).run(file.toString(), a.json());
                for (CaseOutcome o : after) {
                    if (o.passed()) {
                        passed++;
                    } else {
                        failed++;
                        out.println("失败  " + o.rule() + "  " + VisibleText.line(o.name() + "  (" + o.file() + ":" + o.line() + ")") + "，无法接受：");
                        o.mismatches().forEach(m -> out.println("      " + VisibleText.text(m).replace("\n", "\n      ")));
                    }
                }
            } catch (InvalidScenarioException e) {
                bad = true;
                err.println(file + " 有误，未运行，未改动：");
                for (Problem p : e.problems()) {
                    err.println("  " + p);
                }
            } catch (IOException e) {
                bad = true;
                err.println(file + "：无法读写（" + e.getMessage() + "）");
            }
        }
        out.println("场景：通过 " + passed + "，失败 " + failed + "；接受了 " + accepted + " 个场景的实际结果，改写 " + written + " 个文件"
                + (bad ? "；有文件未能运行，见错误输出" : ""));
        if (bad) {
            return ExitCode.BAD_INPUT.code;
        }
        return failed > 0 ? ExitCode.GAPS.code : ExitCode.OK.code;
    }
}
