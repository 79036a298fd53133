package dev.plancheck.cli;

import dev.plancheck.input.InputLimits;
import picocli.CommandLine.Option;

/** Options that raise or lower the {@link InputLimits} for one run; the defaults are the library's. */
final class LimitOptions {
    @Option(names = "--max-file-mb", paramLabel = "MB",
            description = "单个文件的大小上限，单位 MiB（默认 128）")
    Integer maxFileMb;

    @Option(names = "--max-records", paramLabel = "N",
            description = "一份提交中活动记录条数的上限（默认 500000）")
    Integer maxRecords;

    @Option(names = "--max-string-length", paramLabel = "N",
            description = "单个字符串的长度上限，单位字符（默认 10000）")
    Integer maxStringLength;

    @Option(names = "--max-problems", paramLabel = "N",
            description = "每个文件最多列出的问题数，其余只计数（默认 200）")
    Integer maxProblems;

    @Option(names = "--max-unzipped-mb", paramLabel = "MB",
            description = "一个 xlsx 工作簿解压后的大小上限，单位 MiB（默认 64）")
    Integer maxUnzippedMb;

    @Option(names = "--max-waivers", paramLabel = "N",
            description = "一个情况说明文件（或工作表）中说明条数的上限（默认 10000）")
    Integer maxWaivers;

    @Option(names = "--max-waiver-file-mb", paramLabel = "MB",
            description = "JSON 情况说明文件的大小上限，单位 MiB（默认 16）")
    Integer maxWaiverFileMb;

    /** The limits chosen, or why they cannot be used. */
    record Chosen(InputLimits limits, String error) {
        static Chosen error(String message) {
            return new Chosen(null, message);
        }
    }

    /** The limits, or an error message in Chinese when an option is out of range. */
    Chosen limits() {
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
