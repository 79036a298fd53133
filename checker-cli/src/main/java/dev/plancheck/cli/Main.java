package dev.plancheck.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * Entry point of {@code ./checker}. Its model is made with picocli's programmatic API, as the {@code check} command's
 * is ({@link CommandOptions}).
 */
public final class Main implements Runnable {
    private final CommandSpec spec = CommandSpec.wrapWithoutInspection(this);

    private Main() {
        spec.name("checker").mixinStandardHelpOptions(true).versionProvider(new Version());
        spec.usageMessage().description("按工作要点逐条检查活动台账（JSON、Excel 或 CSV），列出缺项、已说明的缺项和待核对的记录。")
                .exitCodeList(UsageMessageSpec.keyValuesMap("0:没有缺项", "1:发现缺项", "2:输入或用法有误", "3:规则包本身有误",
                        "70:检查程序内部出错，检查没有完成（不表示有无缺项；加 --debug 可看详细出错位置）", "74:报告文件无法写出"));
    }

    public static void main(String[] args) {
        PrintWriter err = utf8(new FileOutputStream(FileDescriptor.err));
        boolean debug = java.util.Arrays.asList(args).contains("--debug");
        // An Error in another thread (the rule engine's, say) must not leave the main thread waiting for ever.
        Thread.setDefaultUncaughtExceptionHandler((thread, t) -> {
            if (t instanceof Error) {
                Runtime.getRuntime().halt(crash(t, debug, err));
            }
        });
        PackOption.preload(args);
        System.exit(run(args, utf8(new FileOutputStream(FileDescriptor.out)), err));
    }

    /**
     * Runs the command line with the given streams; returns the exit code. {@code --debug}, anywhere among the
     * arguments, adds the stack trace to a crash report.
     */
    static int run(String[] args, PrintWriter out, PrintWriter err) {
        boolean debug = java.util.Arrays.asList(args).contains("--debug");
        String[] rest = java.util.Arrays.stream(args).filter(a -> !a.equals("--debug")).toArray(String[]::new);
        int code;
        try {
            CommandLine cli = commandLine(rest);
            cli.setOut(out);
            cli.setErr(err);
            ChineseHelp.apply(cli);
            cli.setExecutionExceptionHandler((e, line, parsed) -> crash(e, debug, err));
            code = cli.execute(rest);
        } catch (Throwable t) {
            // picocli passes Errors (OutOfMemoryError, StackOverflowError) through; they are crashes too.
            code = crash(t, debug, err);
        }
        out.flush();
        err.flush();
        return code;
    }

    /**
     * The commands, in the order the usage lists them. Each is made only when it is needed: picocli reads an annotated
     * command's annotations when it is made, and reading all nine took about a fifth of a cold check
     * (docs/performance.md); {@code check}, the one a cold start matters most to, has none ({@link CommandOptions}).
     */
    private static final java.util.List<java.util.Map.Entry<String, java.util.function.Supplier<CommandLine>>> COMMANDS =
            java.util.List.of(java.util.Map.entry("check", () -> new CommandLine(new CheckCommand().model())),
                    java.util.Map.entry("validate", () -> annotated(new ValidateCommand())),
                    java.util.Map.entry("template", () -> annotated(new TemplateCommand())),
                    java.util.Map.entry("convert", () -> annotated(new ConvertCommand())),
                    java.util.Map.entry("rules", () -> annotated(new RulesCommand())),
                    java.util.Map.entry("serve", () -> annotated(new ServeCommand())),
                    java.util.Map.entry("test", () -> annotated(new TestCommand())),
                    java.util.Map.entry("mutate", () -> annotated(new MutateCommand())),
                    java.util.Map.entry("lint", () -> annotated(new LintCommand())));

    /**
     * An annotated command, with its shared options ({@link CommandOptions}) added after its own, and then the
     * standard help options.
     */
    private static CommandLine annotated(Object command) {
        CommandLine cli = new CommandLine(command);
        if (command instanceof CommandOptions shared) {
            shared.addSharedOptions(cli.getCommandSpec());
            cli.getCommandSpec().mixinStandardHelpOptions(true); // after them, where picocli placed -h and -V before
        }
        return cli;
    }

    /**
     * The command line for these arguments: with only the command they name when they name one, with every command
     * (and {@code help}) otherwise, so that the usage, {@code help} and the suggestions for a mistyped command see
     * them all.
     */
    static CommandLine commandLine(String[] args) {
        CommandLine cli = new CommandLine(new Main().spec);
        String named = java.util.Arrays.stream(args).filter(a -> !a.startsWith("-")).findFirst().orElse(null);
        var one = COMMANDS.stream().filter(c -> c.getKey().equals(named)).findFirst();
        if (one.isPresent()) {
            cli.addSubcommand(one.get().getValue().get());
        } else {
            COMMANDS.forEach(c -> cli.addSubcommand(c.getValue().get()));
            cli.addSubcommand(new CommandLine.HelpCommand());
        }
        return cli;
    }

    /**
     * Reports a crash in Chinese and returns its exit code. Once the stack has unwound, what the failed check held
     * is garbage, so there is memory to print this even after an OutOfMemoryError.
     */
    static int crash(Throwable t, boolean debug, PrintWriter err) {
        err.println("checker 内部出错，检查没有完成（退出码 " + ExitCode.CRASH.code + "，不表示有无缺项）：" + Crash.describe(t));
        if (debug) {
            t.printStackTrace(err);
        } else {
            err.println("加 --debug 重新运行可看到详细的出错位置；请把这条信息连同输入文件一起交给维护者。");
        }
        err.flush();
        return ExitCode.CRASH.code;
    }

    // The terminal's locale may not be UTF-8 (CI runs with C/POSIX); the reports are Chinese either way.
    private static PrintWriter utf8(FileOutputStream stream) {
        return new PrintWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), true);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "请给出子命令：check、validate、template、convert、rules、serve、test、mutate、lint 或 help");
    }

    /** Prints the version from the jar's manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"checker " + (v == null ? "(开发版)" : v)};
        }
    }
}
