package dev.plancheck.cli;

import dev.plancheck.PlanChecker;
import dev.plancheck.RuleInfo;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code checker rules}: prints the rule catalogue of a pack. */
@Command(name = "rules", mixinStandardHelpOptions = true,
        description = "列出规则包中的全部规则（规则目录）。")
final class RulesCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    PackOption packOption;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PlanChecker checker = packOption.checker(spec.commandLine().getErr());
        if (checker == null) {
            return ExitCode.BROKEN_PACK.code;
        }
        for (RuleInfo r : checker.rules()) {
            out.println(r.id() + "\t" + r.clause() + "\t" + r.scope().chineseName() + "\t" + r.title());
        }
        return ExitCode.OK.code;
    }
}
