package dev.plancheck.cli;

import dev.plancheck.text.VisibleText;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The ledger files named on the command line, folders expanded one level. Only regular files are ever opened:
 * the type of every path is looked up first, so a FIFO cannot block the run and a device or a sparse
 * multi-gigabyte file is refused before a byte is read. Each refused path is reported with its true reason,
 * and the other files are still checked.
 */
final class InputFiles {
    /** The ledger formats, by file name extension. */
    enum Kind {
        JSON(".json"), NDJSON(".ndjson"), XLSX(".xlsx"), CSV(".csv");

        final String extension;

        Kind(String extension) {
            this.extension = extension;
        }

        static Kind of(Path file) {
            String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
            for (Kind k : values()) {
                if (name.endsWith(k.extension)) {
                    return k;
                }
            }
            return null;
        }
    }

    /** A regular file to read, with its format. */
    record Input(Path path, Kind kind) {
    }

    private final List<Input> inputs = new ArrayList<>();
    private int refused;

    private InputFiles() {
    }

    /** The files to read; a path or folder entry that cannot be used is printed with its reason on {@code err}. */
    static InputFiles expand(List<Path> paths, long maxFileBytes, PrintWriter err) {
        InputFiles files = new InputFiles();
        for (Path p : paths) {
            files.add(p, maxFileBytes, err);
        }
        return files;
    }

    List<Input> inputs() {
        return inputs;
    }

    /** How many paths or folder entries could not be used. */
    int refused() {
        return refused;
    }

    private void add(Path path, long maxFileBytes, PrintWriter err) {
        if (path.toString().isEmpty()) {
            // Path.of("") is the current folder: an empty argument (an unset variable, say) must not check it.
            refuse(path, "路径为空（要检查当前文件夹，请写 .）", err);
            return;
        }
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(path, BasicFileAttributes.class);
        } catch (IOException e) {
            refuse(path, reason(path, e), err);
            return;
        }
        if (!attributes.isDirectory()) {
            String wrong = problemWith(path, attributes, maxFileBytes);
            if (wrong == null && Kind.of(path) == null) {
                wrong = notALedger(path);
            }
            if (wrong != null) {
                refuse(path, wrong, err);
            } else {
                inputs.add(new Input(path, Kind.of(path)));
            }
            return;
        }
        List<Path> entries;
        try (Stream<Path> s = Files.list(path)) {
            entries = s.sorted().toList();
        } catch (IOException e) {
            refuse(path, "无法列出文件夹：" + reason(path, e), err);
            return;
        }
        int before = inputs.size();
        int refusedBefore = refused;
        for (Path e : entries) {
            String name = e.getFileName().toString();
            Kind kind = Kind.of(e);
            if (name.startsWith("~$")) {
                // Excel and WPS leave "~$台账.xlsx" beside a workbook while it is open: a lock, not a ledger.
                err.println("跳过 " + shown(e) + "（Excel/WPS 打开工作簿时留下的临时锁文件，不是台账）");
            } else if (name.endsWith(".expected.json")) {
                err.println("跳过 " + shown(e) + "（预期结果文件，不是台账）");
            } else if (kind == null && dev.plancheck.io.ledger.Ledgers.spreadsheetToResave(name) != null && !Files.isDirectory(e)) {
                // A workbook in a format we do not read is a ledger all the same: not checking it is an error.
                refuse(e, notALedger(e), err);
            } else if (kind == null) {
                if (Files.isDirectory(e)) {
                    err.println("跳过子文件夹 " + shown(e) + "（不递归检查；如需检查请单独给出）");
                } else {
                    err.println("跳过 " + shown(e) + "（不是 .json、.ndjson、.xlsx 或 .csv 台账文件）");
                }
            } else {
                BasicFileAttributes a;
                try {
                    a = Files.readAttributes(e, BasicFileAttributes.class);
                } catch (IOException x) {
                    refuse(e, reason(e, x), err);
                    continue;
                }
                if (a.isDirectory()) {
                    err.println("跳过子文件夹 " + shown(e) + "（不递归检查；如需检查请单独给出）");
                    continue;
                }
                String wrong = problemWith(e, a, maxFileBytes);
                if (wrong != null) {
                    refuse(e, wrong, err);
                } else {
                    inputs.add(new Input(e, kind));
                }
            }
        }
        if (inputs.size() == before && refused == refusedBefore) {
            refuse(path, "文件夹中没有台账文件（*.json、*.ndjson、*.xlsx、*.csv）", err);
        }
    }

    /** Why a named file is not read: its extension is not one of a ledger's. */
    private static String notALedger(Path path) {
        String name = path.getFileName() == null ? "" : path.getFileName().toString();
        String hint = dev.plancheck.io.ledger.Ledgers.spreadsheetToResave(name);
        return "不是台账文件，未读取：台账应为 .json、.ndjson、.xlsx 或 .csv 文件" + (hint == null ? "" : "；" + hint);
    }

    private void refuse(Path path, String reason, PrintWriter err) {
        refused++;
        err.println((path.toString().isEmpty() ? "\"\"" : shown(path)) + "：" + reason);
    }

    /** Why an existing non-folder cannot be read, or {@code null} when it is a readable regular file within the limit. */
    private static String problemWith(Path path, BasicFileAttributes a, long maxFileBytes) {
        if (!a.isRegularFile()) {
            return "不是普通文件（是管道、设备、套接字等特殊文件），未读取";
        }
        if (!Files.isReadable(path)) {
            return "没有读取权限";
        }
        if (a.size() > maxFileBytes) {
            return "文件过大：有 " + a.size() + " 字节，上限为 " + maxFileBytes + " 字节，未读取（上限可用 --max-file-mb 调整）";
        }
        return null;
    }

    /** The true reason a path could not be looked up, in Chinese. */
    private static String reason(Path path, IOException e) {
        if (e instanceof NoSuchFileException) {
            if (Files.isSymbolicLink(path)) {
                return "是符号链接，但它指向的文件不存在";
            }
            return Files.exists(path, LinkOption.NOFOLLOW_LINKS) ? "无法访问" : "文件或文件夹不存在";
        }
        if (e instanceof AccessDeniedException) {
            return "没有访问权限（请检查文件及其所在文件夹的权限）";
        }
        if (e instanceof NotDirectoryException) {
            return "路径中的某一段不是文件夹";
        }
        String why = e instanceof FileSystemException f && f.getReason() != null ? f.getReason() : String.valueOf(e.getMessage());
        if (why.contains("Too many levels of symbolic links")) {
            return "符号链接形成循环，找不到真正的文件";
        }
        if (why.contains("File name too long")) {
            return "路径或文件名过长，操作系统无法打开";
        }
        if (why.contains("Not a directory")) {
            return "路径中的某一段不是文件夹";
        }
        return "无法访问（" + VisibleText.line(why) + "）";
    }

    /** A path as shown in a message: a file name can hold control characters too. */
    static String shown(Path path) {
        return VisibleText.line(path.toString());
    }
}
