package dev.plancheck.cli;

import dev.plancheck.CheckOutcome;
import dev.plancheck.input.InvalidSubmissionException;
import dev.plancheck.report.JsonReportWriter;
import dev.plancheck.input.Problem;
import dev.plancheck.text.VisibleText;
import java.io.PrintWriter;
import java.util.List;

/** How the command line prints problems: bounded, escaped, under a heading, with how many more there were. */
final class Problems {
    private Problems() {
    }

    /** Prints a submission's problems. */
    static void print(PrintWriter err, String source, InvalidSubmissionException e) {
        print(err, VisibleText.line(source), e.problems(), e.omitted(), "未检查", e.problems().size());
    }

    /**
     * Prints problems under a heading: at most the first {@code max} of them, each on its own line and escaped, then
     * how many more there were.
     *
     * @param shown   what the problems are about, already escaped for the terminal
     * @param outcome what was not done, e.g. {@code 未检查}
     */
    static void print(PrintWriter err, String shown, List<Problem> problems, int omitted, String outcome, int max) {
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

    /** A writer that says nothing: problems go out as JSON at the end instead ({@code --problems json}). */
    static PrintWriter silent() {
        return new PrintWriter(java.io.Writer.nullWriter());
    }

    /** Every problem of a run as one JSON object, with its code: the shape of the service's error bodies. */
    static void printJson(PrintWriter err, CheckOutcome outcome) {
        try {
            err.print(JsonReportWriter.pretty(JsonReportWriter.toJson(outcome.problems(), outcome.omitted())));
            err.println();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A problem of a whole file or path, as {@code file：message}. */
    static String whole(Problem p) {
        return (p.file().isEmpty() ? "\"\"" : p.file()) + "：" + p.message();
    }
}
