package dev.plancheck.cli;

import picocli.CommandLine.Model.CommandSpec;

/**
 * A command with options shared among commands ({@link PackOption}, {@link LimitOptions}). Those, the root command
 * and the {@code check} command are made with picocli's programmatic API rather than its annotations: the first
 * reflective read of each annotation type makes the JDK generate a proxy class at run time, which the JDK 25 AOT
 * cache does not keep, and the annotations cost a cold check about 30 ms (docs/performance.md). The other commands
 * keep their annotations and take their shared options from here: {@link Main} adds them once picocli has read the
 * command, after the command's own options (as their {@code @Mixin} fields, last or in sorted usage, placed them),
 * and then the standard help options ({@code -h}, {@code -V}), which such a command therefore does not ask for in its
 * {@code @Command}.
 */
interface CommandOptions {
    /** Adds this command's shared options to its model. */
    void addSharedOptions(CommandSpec spec);
}
