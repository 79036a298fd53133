package dev.plancheck;

import dev.plancheck.input.InputLimits;
import dev.plancheck.input.InvalidSubmissionException;
import dev.plancheck.input.Problem;
import dev.plancheck.input.ProblemCode;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * NDJSON: one JSON submission per line. A bad line is reported against its line number and the other lines are
 * still read, so memory is bounded by the largest submission, not by the file.
 */
final class NdjsonLedgerFormat implements LedgerFormat {
    @Override
    public String name() {
        return "ndjson";
    }

    @Override
    public List<String> extensions() {
        return List.of(".ndjson");
    }

    @Override
    public void read(InputFile input, PlanChecker checker, InputLimits limits, Sink sink) throws IOException {
        String file = input.name();
        int number = 0;
        int submissions = 0;
        try (InputStream in = new BufferedInputStream(input.open(), 64 * 1024)) {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            long total = 0;
            while (true) {
                int b = in.read();
                if (b >= 0 && ++total > limits.maxFileBytes()) {
                    sink.unreadable(new Problem(ProblemCode.LIMIT_FILE_SIZE, file, 0, 0, "", "文件过大：超过上限 "
                            + limits.maxFileBytes() + " 字节，第 " + (number + 1) + " 行起未读取（上限可用 --max-file-mb 调整）"));
                    return;
                }
                if (b == '\n' || b < 0) {
                    number++;
                    byte[] bytes = line.toByteArray();
                    line.reset();
                    if (!isBlank(bytes)) {
                        submissions++;
                        one(checker, file, number, bytes, limits, sink);
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
            sink.unreadable(new Problem(ProblemCode.FILE_NONE, file, 0, 0, "", "文件中没有提交（NDJSON 文件应每行一份 JSON 提交）"));
        }
    }

    private static void one(PlanChecker checker, String file, int number, byte[] bytes, InputLimits limits, Sink sink) {
        String source = file + ":" + number;
        try {
            sink.read(checker.read(source, bytes, limits));
        } catch (InvalidSubmissionException e) {
            // Problems are located in the line as if it were a file; put them back at the file's line.
            List<Problem> moved = new ArrayList<>();
            for (Problem p : e.problems()) {
                moved.add(new Problem(p.code(), file, number, p.line() <= 1 ? p.column() : 0, p.path(),
                        p.line() > 1 ? p.message() + "（行内第 " + p.line() + " 行）" : p.message()));
            }
            sink.invalid(source, new InvalidSubmissionException(moved, e.omitted()));
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
}
