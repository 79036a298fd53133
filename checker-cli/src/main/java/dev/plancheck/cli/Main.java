package dev.plancheck.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code ./checker}. */
@Command(name = "checker", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "按工作要点逐条检查活动台账（JSON、Excel 或 CSV），列出缺项、已说明的缺项和待核对的记录。",
        subcommands = {CheckCommand.class, TemplateCommand.class, ConvertCommand.class, RulesCommand.class,
                TestCommand.class, MutateCommand.class, CommandLine.HelpCommand.class},
        exitCodeList = {"0:没有缺项", "1:发现缺项", "2:输入或用法有误", "3:规则包本身有误"})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args, utf8(new FileOutputStream(FileDescriptor.out)), utf8(new FileOutputStream(FileDescriptor.err))));
    }

    /** Runs the command line with the given streams; returns the exit code. */
    static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(out);
        cli.setErr(err);
        ChineseHelp.apply(cli);
        cli.setExecutionExceptionHandler((e, line, parsed) -> {
            err.println("内部错误：" + e);
            err.flush();
            return 70;
        });
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    // The terminal's locale may not be UTF-8 (CI runs with C/POSIX); the reports are Chinese either way.
    private static PrintWriter utf8(FileOutputStream stream) {
        return new PrintWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), true);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "请给出子命令：check、template、convert、rules、test 或 help");
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
