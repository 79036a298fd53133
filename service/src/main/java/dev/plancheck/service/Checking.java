package dev.plancheck.service;

import dev.plancheck.input.ProblemCode;
import dev.plancheck.ledger.Waivers;
import dev.plancheck.text.VisibleText;
import dev.plancheck.CheckOptions;
import dev.plancheck.input.InputLimits;
import dev.plancheck.input.InvalidSubmissionException;
import dev.plancheck.PlanChecker;
import dev.plancheck.input.Problem;
import dev.plancheck.report.Report;
import dev.plancheck.input.Submission;
import dev.plancheck.input.Waiver;
import dev.plancheck.io.ledger.Ledgers;
import dev.plancheck.report.ReportFormats;
import dev.plancheck.report.ReportWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One check as the page and the API ask for it: the pack, the as-of date and the uploaded ledgers, all in memory. */
final class Checking {
    /**
     * The limits of every upload: the documented defaults (docs/input-format.md#limits), the figures the service's
     * heap is sized by (docs/service.md#memory).
     */
    static final InputLimits LIMITS = InputLimits.defaults();
    private static final DateTimeFormatter STRICT_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);

    /** One uploaded ledger: its file name (for the format and for messages) and its bytes. */
    record Upload(String name, byte[] content) {
    }

    /** The reports of one request, and whether they form a batch (several files: the units are compared). */
    record Result(List<Report> reports, boolean batch) {
        byte[] write(String format) {
            ReportWriter writer = ReportFormats.forName(format);
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

    /** A strict YYYY-MM-DD date, or null when none is given. */
    static LocalDate asOf(String value, PlanChecker checker) throws Rejection {
        if (value == null || value.isEmpty()) {
            return null;
        }
        LocalDate d;
        try {
            d = LocalDate.parse(value, STRICT_DATE);
        } catch (DateTimeParseException e) {
            throw Rejection.of(400, ProblemCode.AS_OF_INVALID, "asOf", "检查日期应为 YYYY-MM-DD 格式的真实日期，实际是 \"" + VisibleText.excerpt(value) + "\"");
        }
        if (d.getYear() < checker.pack().year()) {
            throw Rejection.of(400, ProblemCode.AS_OF_INVALID, "asOf", "检查日期 " + d + " 早于规则包 " + checker.pack().id() + " 的考核年度 "
                    + checker.pack().year() + " 年");
        }
        return d;
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
     * Reads and checks every upload, applying the waivers (情况说明) of the waiver files. Any problem in any file
     * rejects the whole request with 400 and every problem of every file, so that the caller fixes them all at once.
     */
    static Result run(PlanChecker checker, LocalDate asOf, List<Upload> uploads, List<Upload> waiverFiles) throws Rejection {
        if (uploads.isEmpty()) {
            throw Rejection.of(400, ProblemCode.FILE_NONE, "ledgers", "请选择至少一个台账文件（.xlsx、.csv 或 .json）");
        }
        List<Problem> problems = new ArrayList<>();
        List<Submission> submissions = new ArrayList<>();
        for (Upload u : uploads) {
            try {
                submissions.add(Ledgers.read(checker, u.name(), u.content(), LIMITS));
            } catch (InvalidSubmissionException e) {
                problems.addAll(e.problems());
            }
        }
        List<Waiver> waivers = new ArrayList<>();
        for (Upload u : waiverFiles) {
            try {
                waivers.addAll(Ledgers.readWaivers(checker, u.name(), u.content(), LIMITS));
            } catch (InvalidSubmissionException e) {
                problems.addAll(e.problems());
            }
        }
        // As on the command line: a waiver must name a unit of a checked ledger, otherwise it is a typo.
        for (Waiver w : waivers) {
            if (submissions.stream().noneMatch(s -> s.units().stream().anyMatch(u -> u.getId().equals(w.unitId())))) {
                problems.add(Waivers.problem(w, ProblemCode.WAIVER_UNIT_UNKNOWN, "情况说明所指的单位 \"" + w.unitId() + "\" 不在任何所检查的台账中；请核对单位编号"));
            }
        }
        if (!problems.isEmpty()) {
            throw new Rejection(400, problems);
        }
        CheckOptions options = new CheckOptions(asOf, null, waivers);
        List<Report> reports = new ArrayList<>();
        for (Submission s : submissions) {
            try {
                reports.add(checker.check(s, options));
            } catch (InvalidSubmissionException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) {
            throw new Rejection(400, problems);
        }
        return new Result(reports, uploads.size() > 1);
    }

    /** The last segment of an uploaded file's name: some clients send the whole path of the sender's machine. */
    static String baseName(String fileName) {
        String n = fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
        return n.isBlank() ? "台账" : n;
    }
}
