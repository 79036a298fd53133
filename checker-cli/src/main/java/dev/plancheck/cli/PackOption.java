package dev.plancheck.cli;

import dev.plancheck.PlanChecker;
import dev.plancheck.Problem;
import dev.plancheck.RulePack;
import dev.plancheck.RulePackException;
import java.io.PrintWriter;
import picocli.CommandLine.Option;

/** The {@code --pack} option shared by the subcommands, and turning a broken pack into exit code 3. */
final class PackOption {
    @Option(names = "--pack", paramLabel = "PACK",
            description = "规则包：内置规则包的 id（默认 ${DEFAULT-VALUE}；内置：dianchang-2023、dianchang-2024-demo），"
                    + "或规则包参数文件（或含 pack.json 的文件夹）的路径",
            defaultValue = "dianchang-2023")
    String pack;

    /** The checker for the chosen pack, or {@code null} after printing why the pack is broken. */
    PlanChecker checker(PrintWriter err) {
        try {
            return PlanChecker.create(RulePack.resolve(pack));
        } catch (RulePackException e) {
            err.println("规则包 " + pack + " 有误，无法使用（" + e.problems().size() + " 处）：");
            for (Problem p : e.problems()) {
                err.println("  " + p);
            }
            return null;
        }
    }
}
