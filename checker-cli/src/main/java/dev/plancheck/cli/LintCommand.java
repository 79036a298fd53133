package dev.plancheck.cli;

import dev.plancheck.RulePack;
import dev.plancheck.lint.LintFinding;
import dev.plancheck.lint.LintResult;
import dev.plancheck.lint.PackLint;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code checker lint PACK}: checks a rule pack without a ledger, for rule authors and for CI. */
@Command(name = "lint", mixinStandardHelpOptions = true,
        description = {"检查规则包本身（不需要台账）：文件与元数据、规则编号唯一、条款原文一字不差、每句原文都有规则落实或列为人工核验、参数有定义且被使用、"
                + "DRL 编译错误和类型错误（文件、行号和编译器的原话）、规则中不得写数字、条件不会为同一要求匹配两次、场景覆盖（每条规则都有落实的场景和缺项的场景）。",
                "PACK 是内置规则包的 id，或规则包参数文件（或含 pack.json 的文件夹）的路径。"},
        exitCodeList = {"0:没有发现问题", "2:用法有误（规则包或场景文件夹不存在）", "3:规则包有问题"})
final class LintCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1", paramLabel = "PACK", description = "规则包 id 或参数文件路径")
    String pack;

    @Option(names = "--scenarios", paramLabel = "DIR",
            description = "场景文件夹（默认：参数文件旁的 scenarios/；内置规则包在代码库中运行时取其测试场景）")
    Path scenarios;

    @Option(names = "--skip-scenarios", description = "不检查场景覆盖，只检查规则包本身")
    boolean skipScenarios;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!RulePack.bundledIds().contains(pack) && !Files.exists(Path.of(pack))) {
            err.println("PACK：没有名为 \"" + pack + "\" 的内置规则包，也没有这个文件或文件夹；内置规则包有："
                    + String.join("、", RulePack.bundledIds()));
            return ExitCode.BAD_INPUT.code;
        }
        if (scenarios != null && !Files.isDirectory(scenarios)) {
            err.println("--scenarios：文件夹 " + scenarios + " 不存在");
            return ExitCode.BAD_INPUT.code;
        }
        LintResult r = PackLint.lint(pack, scenarios, !skipScenarios);
        out.println("规则包：" + (r.fingerprint() == null ? pack : r.fingerprint().toString()));
        boolean loaded = r.rules() > 0 || r.outcome(LintFinding.Check.COMPILE) == LintResult.Outcome.PASSED
                && r.outcome(LintFinding.Check.METADATA) == LintResult.Outcome.PASSED;
        out.println((loaded ? "规则 " + r.rules() + " 条；" : "规则未能加载（见下方问题）；") + (r.scenariosSkipped() ? "未检查场景覆盖"
                : "场景文件 " + r.scenarioFiles() + " 个，场景 " + r.scenarioCases() + " 个"));
        out.println("检查项：" + Arrays.stream(LintFinding.Check.values())
                .filter(c -> c != LintFinding.Check.SCENARIOS || !skipScenarios)
                .map(c -> r.outcome(c).mark() + " " + c.chineseName())
                .collect(Collectors.joining("　")));
        String notRun = r.notRun().entrySet().stream()
                .filter(e -> e.getKey() != LintFinding.Check.SCENARIOS || !skipScenarios)
                .map(e -> e.getKey().chineseName() + "（" + e.getValue() + "）").collect(Collectors.joining("；"));
        if (!notRun.isEmpty()) {
            out.println("未运行或未全部运行：" + notRun);
        }
        if (r.clean()) {
            out.println("没有发现问题");
            return ExitCode.OK.code;
        }
        out.println(r.findings().isEmpty() ? "没有发现问题，但有检查没有运行" : "发现 " + r.findings().size() + " 处问题：");
        r.findings().forEach(f -> out.println("  " + f));
        return ExitCode.BROKEN_PACK.code;
    }
}
