package dev.plancheck.cli;

import dev.plancheck.PlanChecker;
import dev.plancheck.catalogue.Catalogue;
import dev.plancheck.catalogue.CatalogueWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code checker rules}: prints the rule catalogue of a pack, the same Markdown as {@code docs/rules.md}. */
@Command(name = "rules",
        description = {"打印规则包的规则目录（Markdown）：每条规则的条款、原文、范围、严重程度、证据、时段和数量。",
                "默认规则包的输出即 docs/rules.md：./checker rules > docs/rules.md"},
        exitCodeList = {"0:已打印", "2:用法有误（没有这个规则包）", "3:规则包本身有误"})
final class RulesCommand implements Callable<Integer>, CommandOptions {
    @Spec
    CommandSpec spec;

    final PackOption packOption = new PackOption();

    @Override
    public void addSharedOptions(CommandSpec model) {
        packOption.addTo(model);
    }

    @Override
    public Integer call() {
        PackOption.Loaded loaded = packOption.load(spec.commandLine().getErr());
        if (loaded.checker() == null) {
            return loaded.failure().code;
        }
        PlanChecker checker = loaded.checker();
        spec.commandLine().getOut().print(CatalogueWriter.markdown(Catalogue.of(checker)));
        return ExitCode.OK.code;
    }
}
