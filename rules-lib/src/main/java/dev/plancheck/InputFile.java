package dev.plancheck;

import dev.plancheck.input.InvalidSubmissionException;
import dev.plancheck.input.Problem;
import dev.plancheck.input.ProblemCode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One input of a check: a file on disk, or bytes held in memory (an upload) with the file name it came under. The
 * name chooses the format ({@link LedgerFormats}) and names the file in every problem and report.
 *
 * <pre>{@code
 * InputFile.of(Path.of("台账.xlsx"));                       // a file (or, as a ledger, a folder of them)
 * InputFile.of("台账.json", bytes);                         // an upload
 * }</pre>
 *
 * @param name    the file name as the user gave it
 * @param path    the file on disk, or {@code null} for bytes in memory
 * @param content the bytes, or {@code null} for a file on disk
 */
public record InputFile(String name, Path path, byte[] content) {
    /** Exactly one of {@code path} and {@code content}. */
    public InputFile {
        Objects.requireNonNull(name, "name");
        if ((path == null) == (content == null)) {
            throw new IllegalArgumentException("an input is a path or bytes, not both and not neither");
        }
    }

    /** A file on disk, named as the path reads. */
    public static InputFile of(Path path) {
        return new InputFile(path.toString(), path, null);
    }

    /** Bytes in memory, under a file name (which chooses the format). */
    public static InputFile of(String name, byte[] content) {
        return new InputFile(name, null, content);
    }

    /** The file name's extension, lower case, with the dot ({@code .xlsx}); empty when it has none. */
    public String extension() {
        String n = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        if (path != null && path.getFileName() != null) {
            n = path.getFileName().toString();
        }
        int dot = n.lastIndexOf('.');
        return dot < 0 ? "" : n.substring(dot).toLowerCase(Locale.ROOT);
    }

    /** A stream over the whole input; only a regular file is ever opened. */
    public InputStream open() throws IOException {
        return content != null ? new ByteArrayInputStream(content) : Files.newInputStream(path);
    }

    /**
     * The bytes of the input, at most {@code max} of them. A file that is not a regular file (a FIFO would block for
     * ever, {@code /dev/zero} never ends) or is larger than {@code max} is refused before a byte is read, and the size
     * is checked again while reading, in case the file grows.
     *
     * @param option the command-line option that raises the limit, for the message
     * @throws InvalidSubmissionException with the one problem that says why it was not read
     */
    public byte[] bytes(long max, String option) throws IOException, InvalidSubmissionException {
        if (content != null) {
            if (content.length > max) {
                throw refused(tooLarge(content.length, max, option));
            }
            return content;
        }
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(path, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw refused(new Problem(ProblemCode.FILE_NOT_FOUND, name, 0, 0, "", "文件不存在"));
        }
        if (!a.isRegularFile()) {
            throw refused(new Problem(ProblemCode.FILE_NOT_REGULAR, name, 0, 0, "",
                    "不是普通文件（是文件夹、管道、设备或套接字等），未读取"));
        }
        if (a.size() > max) {
            throw refused(tooLarge(a.size(), max, option));
        }
        try (InputStream in = Files.newInputStream(path)) {
            byte[] bytes = in.readNBytes((int) Math.min(max + 1, Integer.MAX_VALUE - 8));
            if (bytes.length > max) {
                throw refused(new Problem(ProblemCode.LIMIT_FILE_SIZE, name, 0, 0, "", "文件过大：读取时超过上限 "
                        + max + " 字节，未读取（上限可用 " + option + " 调整）"));
            }
            return bytes;
        }
    }

    private Problem tooLarge(long size, long max, String option) {
        return new Problem(ProblemCode.LIMIT_FILE_SIZE, name, 0, 0, "", "文件过大：有 " + size + " 字节，上限为 " + max
                + " 字节，未读取（上限可用 " + option + " 调整）");
    }

    private static InvalidSubmissionException refused(Problem p) {
        return new InvalidSubmissionException(List.of(p));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof InputFile f && f.name.equals(name) && Objects.equals(f.path, path)
                && java.util.Arrays.equals(f.content, content);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, path, java.util.Arrays.hashCode(content));
    }

    @Override
    public String toString() {
        return name;
    }
}
