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
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The {@code --pack} option shared by the subcommands: a missing pack is a usage error, a broken one exit code 3.
 * Made without annotations ({@link CommandOptions}), as the {@code check} command is.
 */
final class PackOption {
    private final OptionSpec option = OptionSpec.builder("--pack").paramLabel("PACK").type(String.class)
            .description("规则包：内置规则包的 id（默认 ${DEFAULT-VALUE}；内置：dianchang-2023、dianchang-2024-demo），"
                    + "或规则包参数文件（或含 pack.json 的文件夹）的路径")
            .defaultValue(DEFAULT).build();

    /** Adds the option to a command's options. */
    void addTo(CommandSpec command) {
        command.addOption(option);
    }

    /** The pack a command uses without {@code --pack}. */
    static final String DEFAULT = "dianchang-2023";
    /** The commands that load a pack and are run by assessors on a few files: a cold start is most of their time. */
    private static final java.util.Set<String> PRELOADED = java.util.Set.of("check", "validate", "convert", "template", "rules");

    // Package-private for PreloadTest.
    static final java.util.Map<String, PlanChecker> BUNDLED = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * Starts making the checker of the bundled pack that these arguments ask for on a thread of its own, while the main
     * thread reads the command line (picocli reads the commands' annotations) and the options: a cold check then waits
     * for the longer of the two, not for both (docs/performance.md, cold start). Only for a command of
     * {@link #PRELOADED} without a help or version option, and a bundled pack (the default or {@code --pack ID}).
     * It says nothing: when it fails, {@link #load} fails the same way on the main thread and reports it.
     *
     * @return the thread making it, or {@code null} when these arguments need no bundled pack
     */
    static Thread preload(String[] args) {
        String command = null;
        String id = DEFAULT;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("-h") || a.equals("--help") || a.equals("-V") || a.equals("--version")) {
                return null;
            } else if (a.equals("--pack") && i + 1 < args.length) {
                id = args[++i];
            } else if (a.startsWith("--pack=")) {
                id = a.substring("--pack=".length());
            } else if (command == null && !a.startsWith("-")) {
                command = a;
            }
        }
        if (command == null || !PRELOADED.contains(command)) {
            return null;
        }
        String chosen = id;
        Thread t = new Thread(() -> {
            try {
                if (RulePack.bundledIds().contains(chosen)) {
                    BUNDLED.computeIfAbsent(chosen, k -> PlanChecker.create(RulePack.bundled(k)));
                }
            } catch (Throwable ignored) {
                // The main thread meets the same failure in load() and reports it.
            }
        }, "plancheck-preload");
        t.setDaemon(true);
        t.start();
        return t;
    }


    /** A checker, or the exit code saying why there is none (after printing the reason). */
    record Loaded(PlanChecker checker, ExitCode failure) {
    }

    Loaded load(PrintWriter err) {
        String pack = option.getValue();
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
