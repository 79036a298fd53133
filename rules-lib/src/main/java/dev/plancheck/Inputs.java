package dev.plancheck;

import dev.plancheck.input.Problem;
import dev.plancheck.input.ProblemCode;
import dev.plancheck.text.VisibleText;
import java.io.IOException;
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
import java.util.stream.Stream;

/**
 * The ledger files of a check, folders expanded one level. Only regular files are ever opened: the type of every path
 * is looked up first, so a FIFO cannot block the run and a device or a sparse multi-gigabyte file is refused before a
 * byte is read. Each refused path is a located, coded problem; each skipped folder entry is told with its reason; the
 * other files are still read.
 */
final class Inputs {
    private final List<InputFile> files = new ArrayList<>();
    private final List<Problem> refused = new ArrayList<>();
    private boolean hadFolder;

    private Inputs() {
    }

    static Inputs expand(List<InputFile> given, long maxFileBytes, CheckListener listener) {
        Inputs inputs = new Inputs();
        for (InputFile f : given) {
            if (f.path() == null) {
                inputs.addUpload(f, maxFileBytes, listener);
            } else {
                inputs.add(f.path(), maxFileBytes, listener);
            }
        }
        return inputs;
    }

    List<InputFile> files() {
        return files;
    }

    List<Problem> refused() {
        return refused;
    }

    boolean hadFolder() {
        return hadFolder;
    }

    private void addUpload(InputFile f, long maxFileBytes, CheckListener listener) {
        if (LedgerFormats.forFile(f.name()) == null) {
            refuse(LedgerFormats.unsupported(f.name()), listener);
        } else if (f.content().length > maxFileBytes) {
            refuse(new Problem(ProblemCode.LIMIT_FILE_SIZE, f.name(), 0, 0, "", "文件过大：有 " + f.content().length
                    + " 字节，上限为 " + maxFileBytes + " 字节，未读取（上限可用 --max-file-mb 调整）"), listener);
        } else {
            files.add(f);
        }
    }

    private void add(Path path, long maxFileBytes, CheckListener listener) {
        if (path.toString().isEmpty()) {
            // Path.of("") is the current folder: an empty argument (an unset variable, say) must not check it.
            refuse(new Problem(ProblemCode.FILE_NONE, "\"\"", 0, 0, "", "路径为空（要检查当前文件夹，请写 .）"), listener);
            return;
        }
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(path, BasicFileAttributes.class);
        } catch (IOException e) {
            refuse(reason(path, e), listener);
            return;
        }
        if (!attributes.isDirectory()) {
            Problem wrong = problemWith(path, attributes, maxFileBytes);
            if (wrong == null && LedgerFormats.forFile(name(path)) == null) {
                wrong = notALedger(path);
            }
            if (wrong != null) {
                refuse(wrong, listener);
            } else {
                files.add(InputFile.of(path));
            }
            return;
        }
        hadFolder = true;
        List<Path> entries;
        try (Stream<Path> s = Files.list(path)) {
            entries = s.sorted().toList();
        } catch (IOException e) {
            Problem p = reason(path, e);
            refuse(p.withMessage("无法列出文件夹：" + p.message()), listener);
            return;
        }
        int before = files.size();
        int refusedBefore = refused.size();
        String kinds = LedgerFormats.listed(LedgerFormats.extensions());
        for (Path e : entries) {
            String name = name(e);
            boolean known = LedgerFormats.forFile(name) != null;
            if (name.startsWith("~$")) {
                // Excel and WPS leave "~$台账.xlsx" beside a workbook while it is open: a lock, not a ledger.
                listener.skipped(e, "跳过 " + shown(e) + "（Excel/WPS 打开工作簿时留下的临时锁文件，不是台账）");
            } else if (name.endsWith(".expected.json")) {
                listener.skipped(e, "跳过 " + shown(e) + "（预期结果文件，不是台账）");
            } else if (!known && LedgerFormats.spreadsheetToResave(name) != null && !Files.isDirectory(e)) {
                // A workbook in a format we do not read is a ledger all the same: not checking it is an error.
                refuse(notALedger(e), listener);
            } else if (!known) {
                listener.skipped(e, Files.isDirectory(e) ? subfolder(e) : "跳过 " + shown(e) + "（不是 " + kinds + " 台账文件）");
            } else {
                BasicFileAttributes a;
                try {
                    a = Files.readAttributes(e, BasicFileAttributes.class);
                } catch (IOException x) {
                    refuse(reason(e, x), listener);
                    continue;
                }
                if (a.isDirectory()) {
                    listener.skipped(e, subfolder(e));
                    continue;
                }
                Problem wrong = problemWith(e, a, maxFileBytes);
                if (wrong != null) {
                    refuse(wrong, listener);
                } else {
                    files.add(InputFile.of(e));
                }
            }
        }
        if (files.size() == before && refused.size() == refusedBefore) {
            refuse(new Problem(ProblemCode.FILE_NONE, path.toString(), 0, 0, "", "文件夹中没有台账文件（"
                    + String.join("、", LedgerFormats.extensions().stream().map(x -> "*" + x).toList()) + "）"), listener);
        }
    }

    private static String subfolder(Path p) {
        return "跳过子文件夹 " + shown(p) + "（不递归检查；如需检查请单独给出）";
    }

    private static String shown(Path p) {
        return VisibleText.line(p.toString());
    }

    private static String name(Path p) {
        return p.getFileName() == null ? "" : p.getFileName().toString();
    }

    /** Why a named file is not read: its extension is not one of a ledger's. */
    private static Problem notALedger(Path path) {
        String hint = LedgerFormats.spreadsheetToResave(name(path));
        return new Problem(ProblemCode.FILE_TYPE_UNSUPPORTED, path.toString(), 0, 0, "", "不是台账文件，未读取：台账应为 "
                + LedgerFormats.listed(LedgerFormats.extensions()) + " 文件" + (hint == null ? "" : "；" + hint));
    }

    private void refuse(Problem p, CheckListener listener) {
        refused.add(p);
        listener.refused(p);
    }

    /** Why an existing non-folder cannot be read, or {@code null} when it is a readable regular file within the limit. */
    private static Problem problemWith(Path path, BasicFileAttributes a, long maxFileBytes) {
        if (!a.isRegularFile()) {
            return new Problem(ProblemCode.FILE_NOT_REGULAR, path.toString(), 0, 0, "",
                    "不是普通文件（是管道、设备、套接字等特殊文件），未读取");
        }
        if (!Files.isReadable(path)) {
            return new Problem(ProblemCode.FILE_UNREADABLE, path.toString(), 0, 0, "", "没有读取权限");
        }
        if (a.size() > maxFileBytes) {
            return new Problem(ProblemCode.LIMIT_FILE_SIZE, path.toString(), 0, 0, "", "文件过大：有 " + a.size()
                    + " 字节，上限为 " + maxFileBytes + " 字节，未读取（上限可用 --max-file-mb 调整）");
        }
        return null;
    }

    /** The true reason a path could not be looked up, in Chinese. */
    private static Problem reason(Path path, IOException e) {
        String file = path.toString();
        if (e instanceof NoSuchFileException) {
            if (Files.isSymbolicLink(path)) {
                return new Problem(ProblemCode.FILE_NOT_FOUND, file, 0, 0, "", "是符号链接，但它指向的文件不存在");
            }
            return Files.exists(path, LinkOption.NOFOLLOW_LINKS)
                    ? new Problem(ProblemCode.FILE_UNREADABLE, file, 0, 0, "", "无法访问")
                    : new Problem(ProblemCode.FILE_NOT_FOUND, file, 0, 0, "", "文件或文件夹不存在");
        }
        if (e instanceof AccessDeniedException) {
            return new Problem(ProblemCode.FILE_UNREADABLE, file, 0, 0, "", "没有访问权限（请检查文件及其所在文件夹的权限）");
        }
        if (e instanceof NotDirectoryException) {
            return new Problem(ProblemCode.FILE_NOT_FOUND, file, 0, 0, "", "路径中的某一段不是文件夹");
        }
        String why = e instanceof FileSystemException f && f.getReason() != null ? f.getReason() : String.valueOf(e.getMessage());
        if (why.contains("Too many levels of symbolic links")) {
            return new Problem(ProblemCode.FILE_UNREADABLE, file, 0, 0, "", "符号链接形成循环，找不到真正的文件");
        }
        if (why.contains("File name too long")) {
            return new Problem(ProblemCode.FILE_UNREADABLE, file, 0, 0, "", "路径或文件名过长，操作系统无法打开");
        }
        if (why.contains("Not a directory")) {
            return new Problem(ProblemCode.FILE_NOT_FOUND, file, 0, 0, "", "路径中的某一段不是文件夹");
        }
        return new Problem(ProblemCode.FILE_UNREADABLE, file, 0, 0, "", "无法访问（" + VisibleText.line(why) + "）");
    }
}
