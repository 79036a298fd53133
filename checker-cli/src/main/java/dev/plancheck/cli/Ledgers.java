package dev.plancheck.cli;

import dev.plancheck.input.InputLimits;
import dev.plancheck.input.InvalidSubmissionException;
import dev.plancheck.PlanChecker;
import dev.plancheck.input.Problem;
import dev.plancheck.input.Submission;
import dev.plancheck.text.VisibleText;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the submissions in one input file, one at a time: a JSON file holds one, an NDJSON file one per line.
 * A bad line is reported against its line number and the other lines are still read, so memory is bounded by
 * the largest submission, not by the file.
 */
final class Ledgers {
    /** What became of one submission: read, or not, and why. */
    interface Visitor {
        void read(Submission submission);

        void invalid(String source, InvalidSubmissionException problems);

        void unreadable(String source, String reason);
    }

    private Ledgers() {
    }

    static void each(PlanChecker checker, InputFiles.Input input, InputLimits limits, Visitor visitor) {
        String shown = input.path().toString();
        try {
            switch (input.kind()) {
                case JSON -> {
                    try {
                        visitor.read(checker.read(input.path(), limits));
                    } catch (InvalidSubmissionException e) {
                        visitor.invalid(shown, e);
                    }
                }
                case NDJSON -> lines(checker, input, limits, visitor);
                case XLSX, CSV -> {
                    try {
                        visitor.read(dev.plancheck.io.ledger.Ledgers.read(checker, input.path(), limits));
                    } catch (InvalidSubmissionException e) {
                        visitor.invalid(shown, e);
                    }
                }
            }
        } catch (IOException e) {
            visitor.unreadable(shown, "读取时出错（" + VisibleText.line(String.valueOf(e.getMessage())) + "）");
        }
    }

    private static void lines(PlanChecker checker, InputFiles.Input input, InputLimits limits, Visitor visitor)
            throws IOException {
        String file = input.path().toString();
        int number = 0;
        int submissions = 0;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(input.path()), 64 * 1024)) {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            long total = 0;
            while (true) {
                int b = in.read();
                if (b >= 0 && ++total > limits.maxFileBytes()) {
                    visitor.unreadable(file, "文件过大：超过上限 " + limits.maxFileBytes() + " 字节，第 " + (number + 1)
                            + " 行起未读取（上限可用 --max-file-mb 调整）");
                    return;
                }
                if (b == '\n' || b < 0) {
                    number++;
                    byte[] bytes = line.toByteArray();
                    line.reset();
                    if (!isBlank(bytes)) {
                        submissions++;
                        one(checker, file, number, bytes, limits, visitor);
                    }
                    if (b < 0) {
                        break;
                    }
                } else {
                    line.write(b);
                }
            }
        }
        if (submissions == 0) {
            visitor.unreadable(file, "文件中没有提交（NDJSON 文件应每行一份 JSON 提交）");
        }
    }

    private static void one(PlanChecker checker, String file, int number, byte[] bytes, InputLimits limits,
                            Visitor visitor) {
        String source = file + ":" + number;
        try {
            visitor.read(checker.read(source, bytes, limits));
        } catch (InvalidSubmissionException e) {
            // Problems are located in the line as if it were a file; put them back at the file's line.
            List<Problem> moved = new ArrayList<>();
            for (Problem p : e.problems()) {
                moved.add(new Problem(p.code(), file, number, p.line() <= 1 ? p.column() : 0, p.path(),
                        p.line() > 1 ? p.message() + "（行内第 " + p.line() + " 行）" : p.message()));
            }
            visitor.invalid(source, new InvalidSubmissionException(moved, e.omitted()));
        }
    }

    private static boolean isBlank(byte[] bytes) {
        for (byte b : bytes) {
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    /** Prints a submission's problems, bounded, escaped, and how many more there were. */
    static void printProblems(PrintWriter err, String source, InvalidSubmissionException e) {
        printProblems(err, VisibleText.line(source), e.problems(), e.omitted(), "未检查", e.problems().size());
    }

    /**
     * Prints problems under a heading: at most the first {@code max} of them, each on its own line and escaped, then
     * how many more there were.
     *
     * @param shown   what the problems are about, already escaped for the terminal
     * @param outcome what was not done, e.g. {@code 未检查}
     */
    static void printProblems(PrintWriter err, String shown, List<Problem> problems, int omitted, String outcome, int max) {
        int listed = Math.min(problems.size(), Math.max(max, 1));
        int more = omitted + problems.size() - listed;
        err.println(shown + " 有 " + (problems.size() + omitted) + " 处问题，" + outcome + "：");
        for (Problem p : problems.subList(0, listed)) {
            err.println("  " + VisibleText.line(p.toString()));
        }
        if (more > 0) {
            err.println("  另有 " + more + " 个问题（只列出前 " + listed + " 个；可用 --max-problems 调整）");
        }
    }
}
