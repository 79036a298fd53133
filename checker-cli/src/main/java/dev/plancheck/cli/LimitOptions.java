package dev.plancheck.cli;

import dev.plancheck.input.InputLimits;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Options that raise or lower the {@link InputLimits} for one run; the defaults are the library's. Made without
 * annotations ({@link CommandOptions}), as the {@code check} command is.
 */
final class LimitOptions {
    private final OptionSpec maxFileMb = option("--max-file-mb", "MB", "单个文件的大小上限，单位 MiB（默认 128）");
    private final OptionSpec maxRecords = option("--max-records", "N", "一份提交中活动记录条数的上限（默认 500000）");
    private final OptionSpec maxStringLength = option("--max-string-length", "N", "单个字符串的长度上限，单位字符（默认 10000）");
    private final OptionSpec maxProblems = option("--max-problems", "N", "每个文件最多列出的问题数，其余只计数（默认 200）");
    private final OptionSpec maxUnzippedMb = option("--max-unzipped-mb", "MB", "一个 xlsx 工作簿解压后的大小上限，单位 MiB（默认 64）");
    private final OptionSpec maxWaivers = option("--max-waivers", "N", "一个情况说明文件（或工作表）中说明条数的上限（默认 10000）");
    private final OptionSpec maxWaiverFileMb = option("--max-waiver-file-mb", "MB", "JSON 情况说明文件的大小上限，单位 MiB（默认 16）");

    private static OptionSpec option(String name, String label, String description) {
        return OptionSpec.builder(name).paramLabel(label).type(Integer.class).description(description).build();
    }

    /** Adds the options to a command's options, in this order. */
    void addTo(CommandSpec command) {
        for (OptionSpec o : new OptionSpec[] {maxFileMb, maxRecords, maxStringLength, maxProblems, maxUnzippedMb, maxWaivers,
                maxWaiverFileMb}) {
            command.addOption(o);
        }
    }

    /** The limits chosen, or why they cannot be used. */
    record Chosen(InputLimits limits, String error) {
        static Chosen error(String message) {
            return new Chosen(null, message);
        }
    }

    /** The limits, or an error message in Chinese when an option is out of range. */
    Chosen limits() {
        Integer maxFileMb = this.maxFileMb.getValue();
        Integer maxRecords = this.maxRecords.getValue();
        Integer maxStringLength = this.maxStringLength.getValue();
        Integer maxProblems = this.maxProblems.getValue();
        Integer maxUnzippedMb = this.maxUnzippedMb.getValue();
        Integer maxWaivers = this.maxWaivers.getValue();
        Integer maxWaiverFileMb = this.maxWaiverFileMb.getValue();
        InputLimits l = InputLimits.defaults();
        if (maxFileMb != null) {
            if (maxFileMb < 1 || maxFileMb > 64 * 1024) {
                return Chosen.error("--max-file-mb：应为 1 到 65536 之间的整数，实际是 " + maxFileMb);
            }
            l = l.withMaxFileBytes((long) maxFileMb << 20);
        }
        if (maxRecords != null) {
            if (maxRecords < 1) {
                return Chosen.error("--max-records：应为正整数，实际是 " + maxRecords);
            }
            l = l.withMaxRecords(maxRecords);
        }
        if (maxStringLength != null) {
            if (maxStringLength < 1 || maxStringLength > 100_000_000) {
                return Chosen.error("--max-string-length：应为 1 到 100000000 之间的整数，实际是 " + maxStringLength);
            }
            l = l.withMaxStringLength(maxStringLength);
        }
        if (maxProblems != null) {
            if (maxProblems < 1) {
                return Chosen.error("--max-problems：应为正整数，实际是 " + maxProblems);
            }
            l = l.withMaxProblems(maxProblems);
        }
        if (maxUnzippedMb != null) {
            if (maxUnzippedMb < 1 || maxUnzippedMb > 64 * 1024) {
                return Chosen.error("--max-unzipped-mb：应为 1 到 65536 之间的整数，实际是 " + maxUnzippedMb);
            }
            l = l.withMaxUnzippedBytes((long) maxUnzippedMb << 20);
        }
        if (maxWaivers != null) {
            if (maxWaivers < 1) {
                return Chosen.error("--max-waivers：应为正整数，实际是 " + maxWaivers);
            }
            l = l.withMaxWaivers(maxWaivers);
        }
        if (maxWaiverFileMb != null) {
            if (maxWaiverFileMb < 1 || maxWaiverFileMb > 64 * 1024) {
                return Chosen.error("--max-waiver-file-mb：应为 1 到 65536 之间的整数，实际是 " + maxWaiverFileMb);
            }
            l = l.withMaxWaiverFileBytes((long) maxWaiverFileMb << 20);
        }
        return new Chosen(l, null);
    }
}
