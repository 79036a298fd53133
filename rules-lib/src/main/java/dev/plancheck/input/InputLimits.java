package dev.plancheck.input;

/**
 * Bounds on everything an input file controls, so that no file can make a check run out of memory, run for
 * ever or print without end. Every reader applies the same limits (JSON, xlsx, CSV and waiver files); a value over
 * a limit is reported as a located problem that names the limit and how to raise it. Their numbers are listed in
 * {@code docs/input-format.md}, “上限”.
 *
 * <pre>{@code
 * InputLimits limits = InputLimits.defaults().withMaxRecords(1_000_000).withMaxFileBytes(512L << 20);
 * Submission s = checker.read(Path.of("big-ledger.json"), limits);
 * }</pre>
 *
 * @param maxFileBytes       largest ledger file read, in bytes (default 128 MiB; a 200,000-record ledger is about
 *                           50 MiB)
 * @param maxRecords         most activity records in one submission (default 500,000), and most units (the same);
 *                           in a spreadsheet, most filled rows below a sheet's header
 * @param maxStringLength    longest string value, member name or spreadsheet cell text, in characters (default 10,000);
 *                           a waiver's reason too
 * @param maxNumberLength    longest number literal, in characters (default 40), also a number in a workbook's cell
 * @param maxDepth           deepest nesting of objects and arrays (default 32; a submission needs 4)
 * @param maxProblems        most problems listed for one submission; the rest are counted (default 200)
 * @param maxAmount          largest amount of money in yuan, integer part (default 999,999,999,999.99)
 * @param maxUnzippedBytes   most bytes an xlsx workbook may inflate to, all its parts together, counted as they are
 *                           inflated (default 64 MiB; about 100,000 records)
 * @param maxZipEntries      most parts (zip entries) in an xlsx workbook (default 1,000; Excel writes about 15)
 * @param minInflateRatio    smallest ratio of compressed to inflated bytes of a workbook part, once it has inflated
 *                           past 1 MiB: a zip bomb compresses far better than any spreadsheet (default 0.01, the
 *                           value Apache POI's {@code ZipSecureFile} uses)
 * @param maxWaivers         most waivers (情况说明) in one waiver file or sheet (default 10,000)
 * @param maxWaiverFileBytes largest JSON waiver file read, in bytes (default 16 MiB); an xlsx one is a ledger and
 *                           has the ledger's limits
 */
public record InputLimits(long maxFileBytes, int maxRecords, int maxStringLength, int maxNumberLength, int maxDepth,
                          int maxProblems, long maxAmount, long maxUnzippedBytes, int maxZipEntries,
                          double minInflateRatio, int maxWaivers, long maxWaiverFileBytes) {
    /** How many bytes a workbook part may inflate before {@link #minInflateRatio()} applies to it. */
    public static final long INFLATE_RATIO_GRACE = 1L << 20;

    public InputLimits {
        if (maxFileBytes < 1 || maxRecords < 1 || maxStringLength < 1 || maxNumberLength < 1 || maxDepth < 4
                || maxProblems < 1 || maxAmount < 1 || maxUnzippedBytes < 1 || maxZipEntries < 1
                || !(minInflateRatio >= 0 && minInflateRatio < 1) || maxWaivers < 1 || maxWaiverFileBytes < 1) {
            throw new IllegalArgumentException("输入上限必须为正数（嵌套深度至少为 4，最小压缩比在 0 和 1 之间）：" + this);
        }
    }

    /** The documented defaults (see {@code docs/input-format.md}, “上限”). */
    public static InputLimits defaults() {
        return new InputLimits(128L << 20, 500_000, 10_000, 40, 32, 200, 999_999_999_999L, 64L << 20, 1_000, 0.01,
                10_000, 16L << 20);
    }

    /** A copy with another {@link #maxFileBytes()}. */
    public InputLimits withMaxFileBytes(long bytes) {
        return new InputLimits(bytes, maxRecords, maxStringLength, maxNumberLength, maxDepth, maxProblems,
                maxAmount, maxUnzippedBytes, maxZipEntries, minInflateRatio, maxWaivers, maxWaiverFileBytes);
    }

    /** A copy with another {@link #maxRecords()}. */
    public InputLimits withMaxRecords(int records) {
        return new InputLimits(maxFileBytes, records, maxStringLength, maxNumberLength, maxDepth, maxProblems,
                maxAmount, maxUnzippedBytes, maxZipEntries, minInflateRatio, maxWaivers, maxWaiverFileBytes);
    }

    /** A copy with another {@link #maxStringLength()}. */
    public InputLimits withMaxStringLength(int chars) {
        return new InputLimits(maxFileBytes, maxRecords, chars, maxNumberLength, maxDepth, maxProblems,
                maxAmount, maxUnzippedBytes, maxZipEntries, minInflateRatio, maxWaivers, maxWaiverFileBytes);
    }

    /** A copy with another {@link #maxNumberLength()}. */
    public InputLimits withMaxNumberLength(int chars) {
        return new InputLimits(maxFileBytes, maxRecords, maxStringLength, chars, maxDepth, maxProblems,
                maxAmount, maxUnzippedBytes, maxZipEntries, minInflateRatio, maxWaivers, maxWaiverFileBytes);
    }

    /** A copy with another {@link #maxDepth()}. */
    public InputLimits withMaxDepth(int depth) {
        return new InputLimits(maxFileBytes, maxRecords, maxStringLength, maxNumberLength, depth, maxProblems,
                maxAmount, maxUnzippedBytes, maxZipEntries, minInflateRatio, maxWaivers, maxWaiverFileBytes);
    }

    /** A copy with another {@link #maxProblems()}. */
    public InputLimits withMaxProblems(int problems) {
        return new InputLimits(maxFileBytes, maxRecords, maxStringLength, maxNumberLength, maxDepth, problems,
                maxAmount, maxUnzippedBytes, maxZipEntries, minInflateRatio, maxWaivers, maxWaiverFileBytes);
    }

    /** A copy with another {@link #maxAmount()}. */
    public InputLimits withMaxAmount(long yuan) {
        return new InputLimits(maxFileBytes, maxRecords, maxStringLength, maxNumberLength, maxDepth, maxProblems,
                yuan, maxUnzippedBytes, maxZipEntries, minInflateRatio, maxWaivers, maxWaiverFileBytes);
    }

    /** A copy with another {@link #maxUnzippedBytes()}. */
    public InputLimits withMaxUnzippedBytes(long bytes) {
        return new InputLimits(maxFileBytes, maxRecords, maxStringLength, maxNumberLength, maxDepth, maxProblems,
                maxAmount, bytes, maxZipEntries, minInflateRatio, maxWaivers, maxWaiverFileBytes);
    }

    /** A copy with another {@link #maxZipEntries()}. */
    public InputLimits withMaxZipEntries(int entries) {
        return new InputLimits(maxFileBytes, maxRecords, maxStringLength, maxNumberLength, maxDepth, maxProblems,
                maxAmount, maxUnzippedBytes, entries, minInflateRatio, maxWaivers, maxWaiverFileBytes);
    }

    /** A copy with another {@link #minInflateRatio()}. */
    public InputLimits withMinInflateRatio(double ratio) {
        return new InputLimits(maxFileBytes, maxRecords, maxStringLength, maxNumberLength, maxDepth, maxProblems,
                maxAmount, maxUnzippedBytes, maxZipEntries, ratio, maxWaivers, maxWaiverFileBytes);
    }

    /** A copy with another {@link #maxWaivers()}. */
    public InputLimits withMaxWaivers(int waivers) {
        return new InputLimits(maxFileBytes, maxRecords, maxStringLength, maxNumberLength, maxDepth, maxProblems,
                maxAmount, maxUnzippedBytes, maxZipEntries, minInflateRatio, waivers, maxWaiverFileBytes);
    }

    /** A copy with another {@link #maxWaiverFileBytes()}. */
    public InputLimits withMaxWaiverFileBytes(long bytes) {
        return new InputLimits(maxFileBytes, maxRecords, maxStringLength, maxNumberLength, maxDepth, maxProblems,
                maxAmount, maxUnzippedBytes, maxZipEntries, minInflateRatio, maxWaivers, bytes);
    }
}
