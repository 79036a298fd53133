package dev.plancheck.cli;

import dev.plancheck.PlanChecker;
import dev.plancheck.text.VisibleText;
import dev.plancheck.io.ledger.LedgerTemplate;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code checker template --out FILE.xlsx}: writes the empty ledger template of a pack, generated from the pack. */
@Command(name = "template", sortOptions = false,
        description = {"生成活动台账模板（.xlsx），由规则包生成：考核年度、类别、主题、对象、荣誉级别的下拉列表和填写说明。",
                "填好后用 ./checker check 检查，或用 ./checker convert 转为 JSON。"},
        exitCodeListHeading = "%n退出码：%n",
        exitCodeList = {"0:已生成", "2:用法有误（如文件已存在）", "3:规则包本身有误"})
final class TemplateCommand implements Callable<Integer>, CommandOptions {
    @Spec
    CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "FILE.xlsx", description = "模板文件的路径（.xlsx）")
    Path out;

    @Option(names = "--force", description = "文件已存在时覆盖它")
    boolean force;

    final PackOption packOption = new PackOption();

    @Override
    public void addSharedOptions(CommandSpec model) {
        packOption.addTo(model);
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        String shown = VisibleText.line(out.toString());
        if (out.getFileName() == null || !out.getFileName().toString().toLowerCase().endsWith(".xlsx")) {
            err.println("--out：模板是 .xlsx 工作簿，文件名应以 .xlsx 结尾，实际是 " + shown);
            return ExitCode.BAD_INPUT.code;
        }
        String wrong = OutputFile.refuse(out, List.of());
        if (wrong != null) {
            err.println("--out " + shown + "：" + wrong);
            return ExitCode.BAD_INPUT.code;
        }
        if (Files.exists(out) && !force) {
            err.println(shown + " 已存在，未覆盖（它可能是已填写的台账）；如确要覆盖，请加 --force");
            return ExitCode.BAD_INPUT.code;
        }
        PackOption.Loaded loaded = packOption.load(err);
        if (loaded.checker() == null) {
            return loaded.failure().code;
        }
        PlanChecker checker = loaded.checker();
        try {
            OutputFile.write(out, stream -> LedgerTemplate.write(checker.pack(), stream));
        } catch (IOException e) {
            err.println(shown + "：无法写入（" + VisibleText.line(String.valueOf(e.getMessage())) + "）");
            return ExitCode.BAD_INPUT.code;
        }
        spec.commandLine().getOut().println("已生成台账模板 " + shown + "（规则包 " + checker.pack().id() + "，考核年度 "
                + checker.pack().year() + "）");
        return ExitCode.OK.code;
    }
}
