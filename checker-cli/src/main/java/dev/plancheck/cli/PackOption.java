package dev.plancheck.cli;

import dev.plancheck.input.InputLimits;
import dev.plancheck.PlanChecker;
import dev.plancheck.input.Problem;
import dev.plancheck.RulePack;
import dev.plancheck.input.RulePackException;
import dev.plancheck.text.VisibleText;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --pack} option shared by the subcommands: a missing pack is a usage error, a broken one exit code 3. */
final class PackOption {
    @Option(names = "--pack", paramLabel = "PACK",
            description = "规则包：内置规则包的 id（默认 ${DEFAULT-VALUE}；内置：dianchang-2023、dianchang-2024-demo），"
                    + "或规则包参数文件（或含 pack.json 的文件夹）的路径",
            defaultValue = "dianchang-2023")
    String pack;

    private static final java.util.Map<String, PlanChecker> BUNDLED = new java.util.concurrent.ConcurrentHashMap<>();

    /** A checker, or the exit code saying why there is none (after printing the reason). */
    record Loaded(PlanChecker checker, ExitCode failure) {
    }

    Loaded load(PrintWriter err) {
        String shown = VisibleText.line(VisibleText.excerpt(pack));
        if (pack.isEmpty()) {
            err.println("--pack：为空；请给出内置规则包的 id（" + String.join("、", RulePack.bundledIds()) + "）或规则包的路径");
            return new Loaded(null, ExitCode.BAD_INPUT);
        }
        if (!RulePack.bundledIds().contains(pack) && !Files.exists(Path.of(pack))) {
            err.println("--pack：没有名为 \"" + shown + "\" 的内置规则包，也没有这个文件或文件夹；内置规则包有："
                    + String.join("、", RulePack.bundledIds()));
            return new Loaded(null, ExitCode.BAD_INPUT);
        }
        if (!RulePack.bundledIds().contains(pack) && !Files.isDirectory(Path.of(pack)) && !Files.isRegularFile(Path.of(pack))) {
            err.println("--pack：" + shown + " 不是普通文件或文件夹（是管道、设备或套接字等），未读取");
            return new Loaded(null, ExitCode.BAD_INPUT);
        }
        try {
            if (RulePack.bundledIds().contains(pack)) {
                // A bundled pack never changes: compile it once per process (tests run the command many times).
                return new Loaded(BUNDLED.computeIfAbsent(pack, id -> PlanChecker.create(RulePack.bundled(id))), null);
            }
            return new Loaded(PlanChecker.create(RulePack.resolve(pack)), null);
        } catch (RulePackException e) {
            err.println("规则包 " + shown + " 有误，无法使用（" + e.problems().size() + " 处）：");
            for (Problem p : e.problems()) {
                err.println("  " + p);
            }
            return new Loaded(null, ExitCode.BROKEN_PACK);
        }
    }
}
