package dev.plancheck;

/**
 * Bounds on everything an input file controls, so that no file can make a check run out of memory, run for
 * ever or print without end. Every reader applies the same limits; a value over a limit is reported as a located
 * problem that names the limit and how to raise it.
 *
 * <pre>{@code
 * InputLimits limits = InputLimits.defaults().withMaxRecords(1_000_000).withMaxFileBytes(512L << 20);
 * Submission s = checker.read(Path.of("big-ledger.json"), limits);
 * }</pre>
 *
 * @param maxFileBytes    largest file read, in bytes (default 128 MiB; a 200,000-record ledger is about 50 MiB)
 * @param maxRecords      most activity records in one submission (default 500,000), and most units (the same)
 * @param maxStringLength longest string value or member name, in characters (default 10,000)
 * @param maxNumberLength longest number literal, in characters (default 40)
 * @param maxDepth        deepest nesting of objects and arrays (default 32; a submission needs 4)
 * @param maxProblems     most problems listed for one submission; the rest are counted (default 200)
 * @param maxAmount       largest amount of money in yuan, integer part (default 999,999,999,999.99)
 */
public record InputLimits(long maxFileBytes, int maxRecords, int maxStringLength, int maxNumberLength, int maxDepth,
                          int maxProblems, long maxAmount) {
    /** Longest value echoed back in a message before it is cut, in characters. */
    public static final int ECHO_LENGTH = 60;

    public InputLimits {
        if (maxFileBytes < 1 || maxRecords < 1 || maxStringLength < 1 || maxNumberLength < 1 || maxDepth < 4
                || maxProblems < 1 || maxAmount < 1) {
            throw new IllegalArgumentException("输入上限必须为正数（嵌套深度至少为 4）：" + this);
        }
    }

    /** The documented defaults (see {@code docs/input-format.md}, “上限”). */
    public static InputLimits defaults() {
        return new InputLimits(128L << 20, 500_000, 10_000, 40, 32, 200, 999_999_999_999L);
    }

    public InputLimits withMaxFileBytes(long bytes) {
        return new InputLimits(bytes, maxRecords, maxStringLength, maxNumberLength, maxDepth, maxProblems, maxAmount);
    }

    public InputLimits withMaxRecords(int records) {
        return new InputLimits(maxFileBytes, records, maxStringLength, maxNumberLength, maxDepth, maxProblems, maxAmount);
    }

    public InputLimits withMaxStringLength(int chars) {
        return new InputLimits(maxFileBytes, maxRecords, chars, maxNumberLength, maxDepth, maxProblems, maxAmount);
    }

    public InputLimits withMaxNumberLength(int chars) {
        return new InputLimits(maxFileBytes, maxRecords, maxStringLength, chars, maxDepth, maxProblems, maxAmount);
    }

    public InputLimits withMaxDepth(int depth) {
        return new InputLimits(maxFileBytes, maxRecords, maxStringLength, maxNumberLength, depth, maxProblems, maxAmount);
    }

    public InputLimits withMaxProblems(int problems) {
        return new InputLimits(maxFileBytes, maxRecords, maxStringLength, maxNumberLength, maxDepth, problems, maxAmount);
    }

    public InputLimits withMaxAmount(long yuan) {
        return new InputLimits(maxFileBytes, maxRecords, maxStringLength, maxNumberLength, maxDepth, maxProblems, yuan);
    }

    /**
     * A submitted value cut to a readable length for a message: the first {@link #ECHO_LENGTH} characters, then
     * how long it really was. Never cuts a surrogate pair in two.
     */
    public static String echo(String value) {
        if (value.length() <= ECHO_LENGTH) {
            return value;
        }
        int cut = ECHO_LENGTH;
        if (Character.isHighSurrogate(value.charAt(cut - 1))) {
            cut--;
        }
        return value.substring(0, cut) + "…（共 " + value.length() + " 个字符）";
    }
}
