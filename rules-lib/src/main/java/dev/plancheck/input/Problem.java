package dev.plancheck.input;

import dev.plancheck.text.VisibleText;
import java.util.Comparator;
import java.util.Objects;

/**
 * One thing wrong with an input: its stable {@link ProblemCode code}, where it is and what was expected. Programs
 * decide by the code (an exit code, an HTTP status, a hint); the Chinese message is for people and may be reworded.
 *
 * <p>{@link #toString()} gives {@code file:line:column: $.json.path: message}, the shape editors and terminals
 * turn into links, e.g. {@code gaps.json:14:17: $.activities[2].date: 日期 "2023-02-30" 不存在，应为 YYYY-MM-DD 格式的真实日期}.
 *
 * @param code    what kind of problem it is, e.g. {@link ProblemCode#DATE_INVALID}; never {@code null}
 * @param file    the file as the user named it
 * @param line    1-based line, or 0 when the problem concerns the whole file
 * @param column  1-based column, or 0 when unknown
 * @param path    JSON path of the value, e.g. {@code $.activities[2].date}, or {@code ""} for the whole file
 * @param message what was found and what was expected, in Chinese
 */
public record Problem(ProblemCode code, String file, int line, int column, String path, String message) {
    /** Orders problems by file, then position, then path. */
    public static final Comparator<Problem> IN_FILE_ORDER = Comparator.comparing(Problem::file)
            .thenComparingInt(Problem::line).thenComparingInt(Problem::column).thenComparing(Problem::path)
            .thenComparing(Problem::message);

    /** File, path and message are kept with every hidden character shown ({@link VisibleText#line}): a problem is always safe to print. */
    public Problem {
        Objects.requireNonNull(code, "code");
        file = VisibleText.line(Objects.requireNonNull(file, "file"));
        path = VisibleText.line(Objects.requireNonNull(path, "path"));
        message = VisibleText.line(Objects.requireNonNull(message, "message"));
    }

    /** The same problem with another message (the code and the place are kept). */
    public Problem withMessage(String newMessage) {
        return new Problem(code, file, line, column, path, newMessage);
    }

    /** The same problem at another place, e.g. a line of an NDJSON file moved back to the file's own line. */
    public Problem at(String newFile, int newLine, int newColumn) {
        return new Problem(code, newFile, newLine, newColumn, path, message);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(file);
        if (line > 0) {
            sb.append(':').append(line);
            if (column > 0) {
                sb.append(':').append(column);
            }
        }
        sb.append(": ");
        if (!path.isEmpty()) {
            sb.append(path).append(": ");
        }
        return sb.append(message).toString();
    }
}
