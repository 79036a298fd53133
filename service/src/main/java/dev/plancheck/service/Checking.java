package dev.plancheck.service;

import dev.plancheck.input.ProblemCode;
import dev.plancheck.text.VisibleText;
import dev.plancheck.input.InputLimits;
import dev.plancheck.CheckOutcome;
import dev.plancheck.CheckRequest;
import dev.plancheck.InputFile;
import dev.plancheck.PlanChecker;
import dev.plancheck.report.Report;
import dev.plancheck.report.ReportFormats;
import dev.plancheck.report.ReportWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/** One check as the page and the API ask for it: the pack, the as-of date and the uploaded ledgers, all in memory. */
final class Checking {
    /**
     * The limits of every upload: the documented defaults (docs/input-format.md#limits), the figures the service's
     * heap is sized by (docs/service.md#memory).
     */
    static final InputLimits LIMITS = InputLimits.defaults();

    /** One uploaded ledger: its file name (for the format and for messages) and its bytes. */
    record Upload(String name, byte[] content) {
    }

    /** The reports of one request, and whether they form a batch (several files: the units are compared). */
    record Result(List<Report> reports, boolean batch) {
        byte[] write(String format) {
            return write(ReportFormats.forName(format));
        }

        byte[] write(ReportWriter writer) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try {
                writer.write(reports, batch, out);
            } catch (IOException e) {
                throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
            }
            return out.toByteArray();
        }
    }

    private Checking() {
    }

    /** The checker of a pack id ({@code null} or empty: the default pack), or 404. */
    static PlanChecker checker(Map<String, PlanChecker> checkers, String packId) throws Rejection {
        if (packId == null || packId.isEmpty()) {
            return checkers.values().iterator().next();
        }
        PlanChecker c = checkers.get(packId);
        if (c == null) {
            throw Rejection.of(404, ProblemCode.REQUEST_NOT_FOUND, "pack", "没有名为 \"" + packId + "\" 的规则包；可用的规则包有："
                    + String.join("、", checkers.keySet()));
        }
        return c;
    }

    /** A report format name, checked before any work is done. */
    static String format(String value, String fallback) throws Rejection {
        String f = value == null || value.isEmpty() ? fallback : value;
        if (!ReportFormats.names().contains(f)) {
            throw Rejection.of(400, ProblemCode.FORMAT_UNKNOWN, "format", "未知的报告格式 \"" + VisibleText.excerpt(f) + "\"；可用：" + String.join("、", ReportFormats.names()));
        }
        return f;
    }

    /**
     * Reads and checks every upload through the runtime's check pipeline, applying the waivers (情况说明) of the waiver
     * files. Any problem in any input rejects the whole request with 400 and every problem of every file, each with
     * its code, so that the caller fixes them all at once.
     */
    static Result run(PlanChecker checker, String asOf, List<Upload> uploads, List<Upload> waiverFiles) throws Rejection {
        if (uploads.isEmpty()) {
            throw Rejection.of(400, ProblemCode.FILE_NONE, "ledgers", "请选择至少一个台账文件（.xlsx、.csv 或 .json）");
        }
        CheckRequest request = CheckRequest.of(uploads.stream().map(u -> InputFile.of(u.name(), u.content())).toList())
                .withWaivers(waiverFiles.stream().map(u -> InputFile.of(u.name(), u.content())).toList())
                .withAsOf(asOf == null || asOf.isEmpty() ? null : asOf).withLimits(LIMITS);
        CheckOutcome outcome = checker.run(request);
        switch (outcome.status()) {
            case BAD_INPUT -> throw new Rejection(400, outcome.problems(), outcome.omitted());
            case BROKEN_PACK -> throw new Rejection(500, outcome.problems());
            default -> {
                return new Result(outcome.reports(), outcome.batch());
            }
        }
    }

    /** The last segment of an uploaded file's name: some clients send the whole path of the sender's machine. */
    static String baseName(String fileName) {
        String n = fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
        return n.isBlank() ? "台账" : n;
    }
}
