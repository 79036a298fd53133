package dev.plancheck.cli;

import dev.plancheck.input.InputLimits;
import dev.plancheck.input.InvalidSubmissionException;
import dev.plancheck.InputFile;
import dev.plancheck.LedgerFormats;
import dev.plancheck.PlanChecker;
import dev.plancheck.input.Problem;
import dev.plancheck.input.ProblemCode;
import dev.plancheck.ledger.Waivers;
import dev.plancheck.input.Submission;
import dev.plancheck.text.VisibleText;
import dev.plancheck.input.Waiver;
import dev.plancheck.io.ledger.LedgerTemplate;

import dev.plancheck.io.ledger.SubmissionJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code checker convert IN --to json|xlsx}: reads a ledger (json, xlsx or csv), validates it as {@code check} would,
 * and writes it in the other format. The 情况说明 of an xlsx ledger go into the xlsx output, or beside a JSON output
 * as {@code NAME.waivers.json}, never dropped; {@code --waivers FILE.json} puts waivers into an xlsx output.
 */
@Command(name = "convert", sortOptions = false,
        description = {"转换台账格式：读取 .json、.xlsx 或 .csv 台账，按检查时的规则校验，写成 JSON 或 xlsx。",
                "输出默认放在输入文件旁，文件名相同、扩展名换为新格式；不会覆盖输入文件。"},
        exitCodeListHeading = "%n退出码：%n",
        exitCodeList = {"0:已转换", "2:输入或用法有误（问题逐条列出，未写出文件）", "3:规则包本身有误"})
final class ConvertCommand implements Callable<Integer>, CommandOptions {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "IN", description = "要转换的台账（.json、.xlsx 或 .csv）")
    Path in;

    @Option(names = "--to", required = true, paramLabel = "FORMAT", description = "输出格式：json 或 xlsx")
    String to;

    @Option(names = "--out", paramLabel = "FILE", description = "输出文件；默认为输入文件旁的同名 .json 或 .xlsx 文件")
    Path out;

    @Option(names = "--force", description = "输出文件已存在时覆盖它（输入文件永远不会被覆盖）")
    boolean force;

    @Option(names = "--waivers", paramLabel = "FILE.json",
            description = "把情况说明文件（JSON）写入 xlsx 的“情况说明”表（仅用于 --to xlsx）")
    Path waiversFile;

    final PackOption packOption = new PackOption();

    @Override
    public void addSharedOptions(CommandSpec model) {
        packOption.addTo(model);
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        String format = to.toLowerCase(Locale.ROOT);
        // Every path and value echoed on the terminal is shown as check shows it (VisibleText).
        String shownIn = VisibleText.line(in.toString());
        if (!format.equals("json") && !format.equals("xlsx")) {
            err.println("--to：输出格式应为 json 或 xlsx，实际是 \"" + VisibleText.line(VisibleText.excerpt(to)) + "\"");
            return ExitCode.BAD_INPUT.code;
        }
        if (waiversFile != null && !format.equals("xlsx")) {
            err.println("--waivers：情况说明只能写入 xlsx（--to xlsx）；JSON 台账的情况说明请另存为 JSON 文件");
            return ExitCode.BAD_INPUT.code;
        }
        if (in.toString().isEmpty()) {
            err.println("IN：路径为空");
            return ExitCode.BAD_INPUT.code;
        }
        if (!Files.isRegularFile(in)) {
            err.println(shownIn + "：" + (Files.exists(in) ? "不是普通文件（是文件夹、管道、设备或套接字等），未读取" : "文件不存在"));
            return ExitCode.BAD_INPUT.code;
        }
        if (LedgerFormats.forFile(in.toString()) == null || in.toString().toLowerCase(Locale.ROOT).endsWith(".ndjson")) {
            err.println(shownIn + "：只能转换 .json、.xlsx、.csv 文件");
            return ExitCode.BAD_INPUT.code;
        }
        Path target = out != null ? out : withExtension(in, "." + format);
        Path waiversTarget = withExtension(target, ".waivers.json");
        String shownTarget = VisibleText.line(target.toString());
        List<Path> inputs = waiversFile == null ? List.of(in) : List.of(in, waiversFile);
        if (same(target, in)) {
            err.println("输出文件与输入文件相同（" + shownIn + "），不会覆盖输入；请用 --out 指定另一个文件");
            return ExitCode.BAD_INPUT.code;
        }
        String wrong = OutputFile.refuse(target, inputs);
        if (wrong != null) {
            err.println(shownTarget + "：" + wrong);
            return ExitCode.BAD_INPUT.code;
        }
        if (Files.exists(target) && !force) {
            err.println(shownTarget + " 已存在，未覆盖；如确要覆盖，请加 --force，或用 --out 指定另一个文件");
            return ExitCode.BAD_INPUT.code;
        }
        PackOption.Loaded loaded = packOption.load(err);
        if (loaded.checker() == null) {
            return loaded.failure().code;
        }
        PlanChecker checker = loaded.checker();
        InputLimits limits = InputLimits.defaults();

        Submission submission;
        List<Waiver> waivers = List.of();
        try {
            List<Problem> problems = new ArrayList<>();
            int omitted = 0;
            submission = null;
            try {
                submission = checker.read(in, limits);
            } catch (InvalidSubmissionException e) {
                problems.addAll(e.problems());
                omitted += e.omitted();
            }
            List<Path> waiverSources = new ArrayList<>();
            if (LedgerFormats.forFile(in.toString()).ledgersCarryWaivers()) {
                waiverSources.add(in);
            }
            if (waiversFile != null) {
                waiverSources.add(waiversFile);
            }
            List<Waiver> read = new ArrayList<>();
            for (Path source : waiverSources) {
                try {
                    read.addAll(checker.readWaivers(InputFile.of(source), limits));
                } catch (InvalidSubmissionException e) {
                    problems.addAll(e.problems());
                    omitted += e.omitted();
                }
            }
            if (submission != null) {
                problems.addAll(Waivers.strayUnits(read, submission.units().stream().map(u -> u.getId()).toList()));
            }
            waivers = read;
            if (!problems.isEmpty()) {
                String what = waiversFile == null ? shownIn : shownIn + " 和 " + VisibleText.line(waiversFile.toString());
                Problems.print(err, what, problems, omitted, "未转换", limits.maxProblems());
                return ExitCode.BAD_INPUT.code;
            }
        } catch (IOException e) {
            err.println(shownIn + "：无法读取（" + VisibleText.line(String.valueOf(e.getMessage())) + "）");
            return ExitCode.BAD_INPUT.code;
        }
        boolean waiversBeside = format.equals("json") && !waivers.isEmpty();
        if (waiversBeside) {
            String beside = same(waiversTarget, in) ? "是输入文件" : OutputFile.refuse(waiversTarget, inputs);
            if (beside != null || (Files.exists(waiversTarget) && !force)) {
                err.println(VisibleText.line(waiversTarget.toString()) + (beside != null ? "：" + beside
                        : " 已存在，未覆盖") + "（" + shownIn + " 的“情况说明”要写到这里）；如确要覆盖，请加 --force");
                return ExitCode.BAD_INPUT.code;
            }
        }
        PrintWriter stdout = spec.commandLine().getOut();
        Submission converted = submission;
        List<Waiver> sheet = waivers;
        try {
            if (format.equals("json")) {
                byte[] json = SubmissionJson.write(converted, checker.pack().vocabulary()).getBytes(StandardCharsets.UTF_8);
                OutputFile.write(target, stream -> stream.write(json));
            } else {
                OutputFile.write(target, stream -> LedgerTemplate.write(checker.pack(), converted, sheet, stream));
            }
            stdout.println("已转换 " + shownIn + " → " + shownTarget + "（" + submission.units().size() + " 个单位，"
                    + submission.activities().size() + " 条记录）");
            if (waiversBeside) {
                byte[] json = SubmissionJson.writeWaivers(sheet).getBytes(StandardCharsets.UTF_8);
                OutputFile.write(waiversTarget, stream -> stream.write(json));
                stdout.println("“情况说明”表的 " + waivers.size() + " 条说明不属于 JSON 提交格式，已另存为 "
                        + VisibleText.line(waiversTarget.toString()));
            }
        } catch (IOException e) {
            err.println(shownTarget + "：无法写入（" + VisibleText.line(String.valueOf(e.getMessage())) + "）");
            return ExitCode.BAD_INPUT.code;
        }
        return ExitCode.OK.code;
    }

    /** The path with its extension replaced: {@code a/台账.xlsx} → {@code a/台账.json}. */
    static Path withExtension(Path file, String extension) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return file.resolveSibling((dot < 0 ? name : name.substring(0, dot)) + extension);
    }

    private static boolean same(Path a, Path b) {
        try {
            if (Files.exists(a) && Files.exists(b)) {
                return Files.isSameFile(a, b);
            }
        } catch (IOException e) {
            // fall through to comparing the paths
        }
        return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    }
}
