package dev.plancheck.cli;

import java.io.PrintWriter;
import java.util.ListResourceBundle;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * Everything picocli itself would print in English, in Chinese: the usage headings, the standard help and version
 * options, the help command, and the messages for usage errors (unknown option, missing parameter, bad value).
 */
final class ChineseHelp {
    private ChineseHelp() {
    }

    /** Picocli reads the descriptions of its built-in options and of the help command from these keys. */
    static final class Texts extends ListResourceBundle {
        @Override
        protected Object[][] getContents() {
            return new Object[][] {
                {"mixinStandardHelpOptions.help", "显示本命令的用法说明并退出"},
                {"mixinStandardHelpOptions.version", "显示版本并退出"},
                {"helpCommand.help", "显示 help 命令本身的用法说明并退出"},
                {"helpCommand.command", "要查看用法说明的命令"},
            };
        }
    }

    /** Applies the Chinese texts to a command and all its subcommands. */
    static void apply(CommandLine cli) {
        cli.setResourceBundle(new Texts());
        headings(cli);
        cli.setParameterExceptionHandler(ChineseHelp::usageError);
    }

    private static void headings(CommandLine cli) {
        UsageMessageSpec u = cli.getCommandSpec().usageMessage();
        u.synopsisHeading("用法：").descriptionHeading("%n").parameterListHeading("%n参数：%n")
                .optionListHeading("%n选项：%n").commandListHeading("%n命令：%n");
        // picocli prints the heading even when a command lists no exit codes.
        if (!u.exitCodeList().isEmpty()) {
            u.exitCodeListHeading("%n退出码：%n");
        }
        if (cli.getCommandSpec().helpCommand()) {
            u.header("显示某个命令的用法说明。")
                    .description("不给 COMMAND 时显示 checker 本身的用法；给出时显示该命令的用法。");
        }
        cli.getSubcommands().values().stream().distinct().forEach(ChineseHelp::headings);
    }

    /** A usage error: one line saying what is wrong in Chinese, and where to read the usage; exit code 2. */
    private static int usageError(CommandLine.ParameterException e, String[] args) {
        CommandLine cli = e.getCommandLine();
        PrintWriter err = cli.getErr();
        err.println("用法有误：" + describe(e));
        CommandSpec spec = cli.getCommandSpec();
        String name = spec.qualifiedName(" ");
        err.println("用 " + (name.equals("checker") ? "./checker --help" : "./checker help " + spec.name()) + " 查看用法");
        err.flush();
        return ExitCode.BAD_INPUT.code;
    }

    static String describe(CommandLine.ParameterException e) {
        if (e instanceof CommandLine.UnmatchedArgumentException u) {
            String what = u.getUnmatched().stream().map(s -> "\"" + s + "\"").collect(Collectors.joining("、"));
            boolean option = u.getUnmatched().stream().allMatch(s -> s.startsWith("-"));
            String hint = u.getSuggestions().isEmpty() ? "" : "；您是否想用：" + String.join("、", u.getSuggestions());
            if (!option && u.getCommandLine().getParent() == null) {
                return "未知的命令 " + what + "；可用的命令：" + String.join("、", u.getCommandLine().getSubcommands().keySet());
            }
            return (option ? "未知的选项 " : "多余或未知的参数 ") + what + hint;
        }
        // An option that is not required and yet missing was given without its value (decided by the option's own
        // spec, never by picocli's English message).
        if (e instanceof CommandLine.MissingParameterException m && m.getMissing().size() == 1
                && m.getMissing().get(0) instanceof CommandLine.Model.OptionSpec missing && !missing.required()) {
            CommandLine.Model.OptionSpec o = (CommandLine.Model.OptionSpec) m.getMissing().get(0);
            return "选项 " + o.longestName() + " 后面缺少取值 " + o.paramLabel();
        }
        if (e instanceof CommandLine.MissingParameterException m) {
            return "缺少必需的" + m.getMissing().stream().map(a -> a.isOption()
                    ? "选项 " + ((CommandLine.Model.OptionSpec) a).longestName() + " " + a.paramLabel()
                    : "参数 " + a.paramLabel()).collect(Collectors.joining("、"));
        }
        if (e instanceof CommandLine.OverwrittenOptionException o) {
            CommandLine.Model.ArgSpec arg = o.getOverwritten();
            String name = arg.isOption() ? ((CommandLine.Model.OptionSpec) arg).longestName() : arg.paramLabel();
            return (arg.isOption() ? "选项 " : "参数 ") + name + " 只能给一次";
        }
        if (e instanceof CommandLine.MaxValuesExceededException) {
            return "参数过多（" + e.getMessage() + "）";
        }
        if (e.getArgSpec() != null && e.getValue() != null) {
            String name = e.getArgSpec().isOption() ? ((CommandLine.Model.OptionSpec) e.getArgSpec()).longestName()
                    : e.getArgSpec().paramLabel();
            Class<?> type = e.getArgSpec().type();
            String expected = type == Integer.class || type == int.class ? "整数" : e.getArgSpec().paramLabel();
            return name + " 的值 \"" + e.getValue() + "\" 无效，应为" + expected;
        }
        String m = e.getMessage();
        if (m != null && m.startsWith("Missing required subcommand")) {
            return "请给出子命令";
        }
        if (m != null && m.startsWith("Expected parameter for option")) {
            return "选项缺少取值（" + m + "）";
        }
        return m;
    }
}
