package dev.plancheck.io.ledger;

import dev.plancheck.input.InputLimits;
import dev.plancheck.input.InvalidSubmissionException;
import dev.plancheck.PlanChecker;
import dev.plancheck.input.Problem;
import dev.plancheck.input.ProblemCode;
import dev.plancheck.input.Submission;
import dev.plancheck.input.Waiver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Reads a ledger in any of the formats an assessor may be given: JSON ({@code docs/input-format.md}), an xlsx
 * workbook in the layout of {@link LedgerTemplate}, or a CSV file. All three give the same {@link Submission} with
 * the same validation; a bad file throws {@link InvalidSubmissionException} with every problem at once, each naming
 * the file and the place: {@code ledger.json:8:44}, {@code 台账.xlsx: 活动!C12}, {@code 台账.csv:12: C12}.
 *
 * <pre>{@code
 * PlanChecker checker = PlanChecker.create();
 * Submission ledger = Ledgers.read(checker, Path.of("台账.xlsx"));
 * List<Waiver> waivers = Ledgers.readWaivers(checker, Path.of("台账.xlsx"));   // its 情况说明 sheet
 * Report report = checker.check(ledger);
 * }</pre>
 */
public final class Ledgers {
    /** The file extensions read as ledgers, lower case, with the dot. */
    public static final List<String> EXTENSIONS = List.of(".json", ".xlsx", ".csv");

    private Ledgers() {
    }

    /** True when the file's extension is one of {@link #EXTENSIONS} (in any case). */
    public static boolean isLedger(Path file) {
        return EXTENSIONS.contains(extension(file));
    }

    /**
     * Reads and validates a ledger, choosing the format by the file's extension, with the default
     * {@link InputLimits}.
     *
     * @throws InvalidSubmissionException with every problem found, or one saying the file type is not read
     * @throws IOException                when the file cannot be read at all
     */
    public static Submission read(PlanChecker checker, Path file) throws IOException, InvalidSubmissionException {
        return read(checker, file, InputLimits.defaults());
    }

    /**
     * Reads and validates a ledger with the given limits. Only a regular file is opened (a FIFO, a device or a folder
     * is refused at once), and one over {@link InputLimits#maxFileBytes()} is refused before it is read.
     *
     * <pre>{@code
     * Submission ledger = Ledgers.read(checker, Path.of("台账.xlsx"), InputLimits.defaults().withMaxRecords(10_000));
     * }</pre>
     *
     * @throws InvalidSubmissionException with every problem found (at most {@code limits.maxProblems()} listed), or
     *                                    one saying why the file was not read
     * @throws IOException                when the file cannot be read at all
     */
    public static Submission read(PlanChecker checker, Path file, InputLimits limits)
            throws IOException, InvalidSubmissionException {
        String ext = extension(file);
        if (!EXTENSIONS.contains(ext)) {
            throw new InvalidSubmissionException(List.of(unsupported(file.toString(), ext))); // before reading it
        }
        if (ext.equals(".json")) {
            return checker.read(file, limits); // streamed
        }
        return read(checker, file.toString(), bounded(file, limits.maxFileBytes(), "--max-file-mb"), limits);
    }

    /**
     * Reads and validates a ledger held in memory (an upload, say), choosing the format by the extension of
     * {@code fileName}, which also names the file in problems and in the report.
     *
     * <pre>{@code
     * Submission ledger = Ledgers.read(checker, "台账.xlsx", bytes);
     * }</pre>
     *
     * @throws InvalidSubmissionException with every problem found, or one saying the file type is not read
     */
    public static Submission read(PlanChecker checker, String fileName, byte[] content) throws InvalidSubmissionException {
        return read(checker, fileName, content, InputLimits.defaults());
    }

    /**
     * Reads and validates a ledger held in memory with the given limits: records, string length, problems, and for
     * an xlsx workbook what it may inflate to ({@link InputLimits}).
     *
     * @throws InvalidSubmissionException with every problem found, or one saying the file type is not read
     */
    public static Submission read(PlanChecker checker, String fileName, byte[] content, InputLimits limits)
            throws InvalidSubmissionException {
        String ext = extension(fileName);
        if (content.length > limits.maxFileBytes()) {
            throw new InvalidSubmissionException(List.of(tooLarge(fileName, content.length, limits.maxFileBytes(), "--max-file-mb")));
        }
        switch (ext) {
            case ".json":
                return checker.read(fileName, content, limits);
            case ".xlsx":
                return XlsxLedgerReader.read(new LedgerParser(checker.pack()), fileName, content, limits);
            case ".csv":
                return CsvLedgerReader.read(new LedgerParser(checker.pack()), fileName, content, limits);
            default:
                throw new InvalidSubmissionException(List.of(unsupported(fileName, ext)));
        }
    }

    /**
     * Reads waivers: the 情况说明 sheet of an xlsx ledger (none when the sheet is missing or empty), or a JSON file
     * {@code [{"rule": "R8-3", "unit": "HP", "reason": "…", "acceptedBy": "…", "expires": "2024-03-31"}]}. A missing
     * reason or a rule id the pack does not have is a problem; unit ids are for the caller to check against the
     * submissions.
     *
     * @throws InvalidSubmissionException with every problem found, each located
     */
    public static List<Waiver> readWaivers(PlanChecker checker, Path file) throws IOException, InvalidSubmissionException {
        return readWaivers(checker, file, InputLimits.defaults());
    }

    /**
     * Reads waivers with the given limits. Waivers are input like any other: only a regular file is opened (a FIFO,
     * a device or {@code /dev/zero} is refused at once); a JSON waiver file is refused over
     * {@link InputLimits#maxWaiverFileBytes()}, an xlsx one over {@link InputLimits#maxFileBytes()}; at most
     * {@link InputLimits#maxWaivers()} waivers, each reason at most {@link InputLimits#maxStringLength()} characters.
     *
     * @throws InvalidSubmissionException with every problem found, each located, or one saying why it was not read
     */
    public static List<Waiver> readWaivers(PlanChecker checker, Path file, InputLimits limits)
            throws IOException, InvalidSubmissionException {
        String ext = extension(file);
        if (!ext.equals(".xlsx") && !ext.equals(".json")) {
            throw new InvalidSubmissionException(List.of(unsupportedWaivers(file.toString(), ext))); // before reading it
        }
        byte[] content = ext.equals(".json") ? bounded(file, limits.maxWaiverFileBytes(), "--max-waiver-file-mb")
                : bounded(file, limits.maxFileBytes(), "--max-file-mb");
        return readWaivers(checker, file.toString(), content, limits);
    }

    /**
     * Reads waivers held in memory, as {@link #readWaivers(PlanChecker, Path)} does from a file; {@code fileName}
     * chooses the format and names the file in problems.
     *
     * @throws InvalidSubmissionException with every problem found, each located
     */
    public static List<Waiver> readWaivers(PlanChecker checker, String fileName, byte[] content) throws InvalidSubmissionException {
        return readWaivers(checker, fileName, content, InputLimits.defaults());
    }

    /**
     * Reads waivers held in memory with the given limits.
     *
     * @throws InvalidSubmissionException with every problem found, each located
     */
    public static List<Waiver> readWaivers(PlanChecker checker, String fileName, byte[] content, InputLimits limits)
            throws InvalidSubmissionException {
        String ext = extension(fileName);
        switch (ext) {
            case ".xlsx":
                if (content.length > limits.maxFileBytes()) {
                    throw new InvalidSubmissionException(List.of(tooLarge(fileName, content.length, limits.maxFileBytes(), "--max-file-mb")));
                }
                return WaiverReader.fromWorkbook(checker, fileName, content, limits);
            case ".json":
                if (content.length > limits.maxWaiverFileBytes()) {
                    throw new InvalidSubmissionException(List.of(tooLarge(fileName, content.length,
                            limits.maxWaiverFileBytes(), "--max-waiver-file-mb")));
                }
                return WaiverReader.fromJson(checker, fileName, content, limits);
            default:
                throw new InvalidSubmissionException(List.of(unsupportedWaivers(fileName, ext)));
        }
    }

    /**
     * The bytes of a regular file of at most {@code max} bytes. Anything else is refused before a byte is read: a
     * FIFO would block for ever and a device such as {@code /dev/zero} never ends. The size is checked again while
     * reading, in case the file grows.
     */
    static byte[] bounded(Path file, long max, String option) throws IOException, InvalidSubmissionException {
        String name = file.toString();
        java.nio.file.attribute.BasicFileAttributes a;
        try {
            a = Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new InvalidSubmissionException(List.of(new Problem(ProblemCode.FILE_NOT_FOUND, name, 0, 0, "", "文件不存在")));
        }
        if (!a.isRegularFile()) {
            throw new InvalidSubmissionException(List.of(new Problem(ProblemCode.FILE_NOT_REGULAR, name, 0, 0, "",
                    "不是普通文件（是文件夹、管道、设备或套接字等），未读取")));
        }
        if (a.size() > max) {
            throw new InvalidSubmissionException(List.of(tooLarge(name, a.size(), max, option)));
        }
        try (java.io.InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes((int) Math.min(max + 1, Integer.MAX_VALUE - 8));
            if (bytes.length > max) {
                throw new InvalidSubmissionException(List.of(new Problem(ProblemCode.LIMIT_FILE_SIZE, name, 0, 0, "", "文件过大：读取时超过上限 "
                        + max + " 字节，未读取（上限可用 " + option + " 调整）")));
            }
            return bytes;
        }
    }

    private static Problem tooLarge(String name, long size, long max, String option) {
        return new Problem(ProblemCode.LIMIT_FILE_SIZE, name, 0, 0, "", "文件过大：有 " + size + " 字节，上限为 " + max + " 字节，未读取（上限可用 "
                + option + " 调整）");
    }

    private static Problem unsupportedWaivers(String name, String ext) {
        return new Problem(ProblemCode.FILE_TYPE_UNSUPPORTED, name, 0, 0, "", "情况说明只能从 .xlsx 台账的“情况说明”工作表或 .json 文件读取，不能读取“" + ext + "”文件");
    }

    private static Problem unsupported(String name, String ext) {
        String hint = spreadsheetToResave(name);
        return new Problem(ProblemCode.FILE_TYPE_UNSUPPORTED, name, 0, 0, "", "不能读取" + (ext.isEmpty() ? "没有扩展名的" : "“" + ext + "”") + "文件；"
                + (hint != null ? hint : "请提交 .json、.xlsx 或 .csv 文件"));
    }

    /**
     * For a spreadsheet in a format this library does not read (.xls, WPS .et, .ods), how to re-save it as .xlsx;
     * {@code null} for any other file name.
     */
    public static String spreadsheetToResave(String fileName) {
        return switch (extension(fileName)) {
            case ".xls" -> "这是旧版 Excel 97-2003 格式，请“另存为” .xlsx";
            case ".et", ".ods" -> "请在 WPS 或办公软件中“另存为” .xlsx";
            default -> null;
        };
    }

    static String extension(Path file) {
        return extension(file.getFileName() == null ? "" : file.getFileName().toString());
    }

    private static String extension(String fileName) {
        String n = fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
        int dot = n.lastIndexOf('.');
        return dot < 0 ? "" : n.substring(dot).toLowerCase(Locale.ROOT);
    }
}
