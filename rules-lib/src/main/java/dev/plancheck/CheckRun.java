package dev.plancheck;

import dev.plancheck.engine.Reports;
import dev.plancheck.input.InputLimits;
import dev.plancheck.input.InvalidSubmissionException;
import dev.plancheck.input.Problem;
import dev.plancheck.input.ProblemCode;
import dev.plancheck.input.RulePackException;
import dev.plancheck.input.Submission;
import dev.plancheck.input.Waiver;
import dev.plancheck.ledger.Waivers;
import dev.plancheck.report.Notice;
import dev.plancheck.report.Report;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The check pipeline: options, waivers, ledgers read by their registered formats, each submission checked, waivers
 * fitted to the units checked, the outcome decided. The one place every rule about a check's inputs is applied.
 */
final class CheckRun {
    private final PlanChecker checker;
    private final CheckRequest request;
    private final CheckListener listener;
    private final boolean checkRules;
    private final List<Problem> problems = new ArrayList<>();
    private int omitted;
    private int submissions;
    private int checked;
    private int withGaps;
    private boolean broken;

    CheckRun(PlanChecker checker, CheckRequest request, CheckListener listener, boolean checkRules) {
        this.checker = checker;
        this.request = request;
        this.listener = listener;
        this.checkRules = checkRules;
    }

    CheckOutcome run() {
        InputLimits limits = request.limits();
        RulePack pack = checker.pack();
        // Options first: nothing is read when the request itself is wrong.
        LocalDate asOf = null;
        if (request.asOf() != null) {
            asOf = AsOf.parse(request.asOf());
            Problem wrong = asOf == null ? new Problem(ProblemCode.AS_OF_INVALID, "", 0, 0, "asOf",
                    "应为 YYYY-MM-DD 格式的真实日期，实际是 \"" + dev.plancheck.text.VisibleText.excerpt(request.asOf()) + "\"")
                    : AsOf.problem(pack, asOf);
            if (wrong != null) {
                return stop(wrong);
            }
        }
        Integer coming = request.comingDueDays();
        if (coming != null && (coming < 0 || coming > CheckOptions.MAX_COMING_DUE_DAYS)) {
            return stop(new Problem(ProblemCode.OPTION_INVALID, "", 0, 0, "comingDueDays", "应为 0 到 "
                    + CheckOptions.MAX_COMING_DUE_DAYS + " 之间的整数，实际是 " + coming));
        }
        List<Waiver> waivers = waivers(limits);
        if (waivers == null) {
            return outcome(List.of(), false, 0);
        }
        CheckOptions options = new CheckOptions(asOf, coming, waivers);

        Inputs inputs = Inputs.expand(request.ledgers(), limits.maxFileBytes(), listener);
        problems.addAll(inputs.refused());
        Problem stop = listener.beforeReading(inputs.files());
        if (stop != null) {
            return stop(stop);
        }
        boolean batch = request.ledgers().size() > 1 || inputs.hadFolder()
                || inputs.files().stream().anyMatch(f -> LedgerFormats.forFile(f.name()) instanceof NdjsonLedgerFormat);
        // Waivers are fitted to every ledger's units before any report is given, so the reports are held when there
        // are waivers; without them each report is given as it is made.
        boolean hold = !waivers.isEmpty();
        List<Report> held = new ArrayList<>();
        Set<String> unitIds = new LinkedHashSet<>();
        for (InputFile file : inputs.files()) {
            listener.reading(file);
            LedgerFormat format = LedgerFormats.forFile(file.name());
            try {
                format.read(file, checker, limits, new LedgerFormat.Sink() {
                    @Override
                    public void read(Submission s) {
                        if (broken) {
                            return;
                        }
                        submissions++;
                        if (!checkRules) {
                            checked++;
                            listener.valid(s);
                            return;
                        }
                        try {
                            Report r = checker.check(s, options);
                            s.units().forEach(u -> unitIds.add(u.getId()));
                            checked++;
                            if (hold) {
                                held.add(r);
                            } else {
                                give(r);
                            }
                        } catch (InvalidSubmissionException e) {
                            submissions--;
                            invalid(s.source(), e);
                        } catch (RulePackException e) {
                            broken = true;
                            listener.brokenPack(file.name(), e);
                            problems.addAll(e.problems());
                        }
                    }

                    @Override
                    public void invalid(String source, InvalidSubmissionException e) {
                        submissions++;
                        problems.addAll(e.problems());
                        omitted += e.omitted();
                        listener.invalid(source, e);
                    }

                    @Override
                    public void unreadable(Problem problem) {
                        submissions++;
                        problems.add(problem);
                        listener.unreadable(problem);
                    }
                });
            } catch (IOException e) {
                submissions++;
                Problem p = new Problem(ProblemCode.FILE_UNREADABLE, file.name(), 0, 0, "",
                        "读取时出错（" + String.valueOf(e.getMessage()) + "）");
                problems.add(p);
                listener.unreadable(p);
            }
            if (broken) {
                return new CheckOutcome(CheckOutcome.Status.BROKEN_PACK, List.of(), problems, omitted, batch,
                        submissions, checked, withGaps, inputs.refused().size());
            }
            if (checkRules && request.waivers().isEmpty() && format.ledgersCarryWaivers()) {
                ownWaivers(format, file, limits);
            }
        }
        if (!waivers.isEmpty() && submissions > 0) {
            List<Problem> stray = Waivers.strayUnits(waivers, unitIds);
            if (!stray.isEmpty()) {
                problems.addAll(stray);
                return new CheckOutcome(CheckOutcome.Status.BAD_INPUT, List.of(), problems, omitted, batch,
                        submissions, checked, 0, inputs.refused().size());
            }
        }
        for (Report r : quietUnusedWaivers(held)) {
            give(r);
        }
        return outcome(List.of(), batch, inputs.refused().size());
    }

    private void give(Report r) {
        if (r.hasGaps()) {
            withGaps++;
        }
        listener.report(r);
    }

    /** Every waiver file, read by its format and merged; {@code null} (after telling the listener) when one is wrong. */
    private List<Waiver> waivers(InputLimits limits) {
        List<Waiver> all = new ArrayList<>();
        Map<String, Waiver> seen = new LinkedHashMap<>();
        List<Problem> duplicates = new ArrayList<>();
        boolean bad = false;
        for (InputFile file : request.waivers()) {
            if (file.name().isEmpty()) {
                problems.add(new Problem(ProblemCode.FILE_NONE, "", 0, 0, "waivers", "路径为空"));
                return null;
            }
            LedgerFormat format = LedgerFormats.forFile(file.name());
            try {
                if (format == null || !format.readsWaivers()) {
                    throw new InvalidSubmissionException(List.of(LedgerFormats.unsupportedWaivers(file.name())));
                }
                for (Waiver w : format.readWaivers(file, checker, limits)) {
                    Waiver earlier = seen.putIfAbsent(w.ruleId() + "\u0000" + w.unitId(), w);
                    if (earlier != null) {
                        duplicates.add(Waivers.problem(w, ProblemCode.WAIVER_DUPLICATE, "规则 " + w.ruleId() + "、单位 "
                                + w.unitId() + " 的情况说明与 " + earlier.source() + " 重复；每个缺项只写一条说明"));
                    } else {
                        all.add(w);
                    }
                }
            } catch (InvalidSubmissionException e) {
                bad = true;
                problems.addAll(e.problems());
                omitted += e.omitted();
                listener.invalidWaivers(file, e);
            } catch (IOException e) {
                bad = true;
                Problem p = new Problem(ProblemCode.FILE_UNREADABLE, file.name(), 0, 0, "",
                        "无法读取情况说明（" + String.valueOf(e.getMessage()) + "）");
                problems.add(p);
                listener.unreadable(p);
            }
        }
        if (!duplicates.isEmpty()) {
            bad = true;
            problems.addAll(duplicates);
            listener.invalidWaivers(request.waivers().get(request.waivers().size() - 1),
                    new InvalidSubmissionException(duplicates));
        }
        return bad ? null : all;
    }

    /** A ledger's own waivers are the assessor's to accept: say they were there and were not applied. */
    private void ownWaivers(LedgerFormat format, InputFile file, InputLimits limits) {
        String shown = dev.plancheck.text.VisibleText.line(file.name());
        try {
            int n = format.readWaivers(file, checker, limits).size();
            if (n > 0) {
                listener.note("提示：" + shown + " 的“情况说明”表有 " + n + " 条说明，未采用；评估人员认可后，用 --waivers "
                        + shown + " 采用");
            }
        } catch (IOException | InvalidSubmissionException e) {
            listener.note("提示：" + shown + " 的“情况说明”表有误，未采用（用 --waivers 指定该文件可看到具体问题）");
        }
    }

    /**
     * In a batch one waiver file serves every ledger: a waiver used by one ledger is not "unused" in the others. A
     * waiver no ledger used is still reported, in every ledger that has its unit.
     */
    private static List<Report> quietUnusedWaivers(List<Report> reports) {
        if (reports.size() < 2) {
            return reports;
        }
        Set<String> used = new LinkedHashSet<>();
        for (Report r : reports) {
            r.waivedGaps().forEach(g -> used.add(g.ruleId() + "/" + g.unit().getId()));
        }
        List<Report> out = new ArrayList<>();
        for (Report r : reports) {
            List<Notice> kept = r.notices().stream()
                    .filter(n -> n.type() != Notice.Type.WAIVER_UNUSED || !used.contains(n.recordId())).toList();
            out.add(kept.size() == r.notices().size() ? r : Reports.withGapsAndNotices(r, r.gaps(), kept));
        }
        return out;
    }

    private void invalid(String source, InvalidSubmissionException e) {
        submissions++;
        problems.addAll(e.problems());
        omitted += e.omitted();
        listener.invalid(source, e);
    }

    private CheckOutcome stop(Problem p) {
        problems.add(p);
        return outcome(List.of(), false, 0);
    }

    private CheckOutcome outcome(List<Report> reports, boolean batch, int unusable) {
        CheckOutcome.Status status = !problems.isEmpty() || omitted > 0 || unusable > 0 ? CheckOutcome.Status.BAD_INPUT
                : withGaps > 0 ? CheckOutcome.Status.GAPS : CheckOutcome.Status.NO_GAPS;
        return new CheckOutcome(status, reports, problems, omitted, batch, submissions, checked, withGaps, unusable);
    }
}
