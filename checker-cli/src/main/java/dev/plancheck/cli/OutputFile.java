package dev.plancheck.cli;

import dev.plancheck.text.VisibleText;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.SecureRandom;
import java.util.Collection;
import java.util.HexFormat;

/**
 * A file the command line writes (a report, a converted ledger, a template) so that writing cannot hurt: only a
 * regular file the user named is ever replaced, never what a symbolic link points to, a device, a folder or a file
 * being read in the same run. The content goes to a new temporary file beside the target, created with create-new
 * semantics under a random name (so that no link placed in advance is followed), and is renamed over the target only
 * once complete; on every failure the temporary file is removed. Standard output stays the way to stream a report.
 */
final class OutputFile {
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Writes the content to a stream that the target is made from. */
    @FunctionalInterface
    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private OutputFile() {
    }

    /**
     * Why {@code target} must not be written, in Chinese, or {@code null} when it may be: it is missing, or a
     * regular file (not a symbolic link) that is none of {@code inputs}.
     */
    static String refuse(Path target, Collection<Path> inputs) {
        if (target.toString().isEmpty()) {
            return "路径为空";
        }
        if (Files.isSymbolicLink(target)) {
            return "是符号链接，不会写入（只写入普通文件；要写到它指向的文件，请直接给出那个文件的路径）";
        }
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(target, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return null; // a new file
        } catch (IOException e) {
            return null; // the write itself will say why
        }
        if (a.isDirectory()) {
            return "是文件夹，不会写入；请给出文件名，如 报告.html";
        }
        if (!a.isRegularFile()) {
            return "是设备、管道或套接字等特殊文件，不会写入；要把报告送到屏幕或管道，请不加 --output（或用 --output -）";
        }
        for (Path in : inputs) {
            try {
                if (Files.exists(in) && Files.isSameFile(target, in)) {
                    return "是本次要读取的输入文件（" + VisibleText.line(in.toString()) + "），不会被覆盖；请换一个文件名";
                }
            } catch (IOException e) {
                // an input that cannot be looked at is not the target
            }
        }
        return null;
    }

    /**
     * Writes {@code content} to {@code target} through a temporary file beside it, renamed over the target only when
     * complete. Call {@link #refuse} first; the target is looked at again just before the rename.
     *
     * @throws IOException when the folder is missing or not writable, the disk is full, or the target changed into
     *                     something that must not be replaced
     */
    static void write(Path target, Content content) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        byte[] random = new byte[8];
        RANDOM.nextBytes(random);
        Path tmp = dir.resolve("." + absolute.getFileName() + "." + HexFormat.of().formatHex(random) + ".tmp");
        boolean moved = false;
        try {
            // CREATE_NEW never follows a link and never opens a file that is already there.
            try (OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                content.writeTo(out);
            }
            String wrong = refuse(absolute, java.util.List.of());
            if (wrong != null) {
                throw new IOException(VisibleText.line(target.toString()) + " " + wrong);
            }
            Files.move(tmp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            moved = true;
        } finally {
            if (!moved) {
                Files.deleteIfExists(tmp);
            }
        }
    }
}
