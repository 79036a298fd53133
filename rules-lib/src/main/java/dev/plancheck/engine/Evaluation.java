package dev.plancheck.engine;

import dev.plancheck.report.ComingDuty;
import dev.plancheck.report.Gap;
import dev.plancheck.report.Notice;
import dev.plancheck.report.PartResult;
import dev.plancheck.input.Problem;
import dev.plancheck.input.ProblemCode;
import dev.plancheck.report.Report;
import dev.plancheck.report.ManualCheck;
import dev.plancheck.report.RetiredRule;
import dev.plancheck.pack.ClauseBook;
import dev.plancheck.report.RuleInfo;
import dev.plancheck.pack.LoadedPack;
import dev.plancheck.input.RulePackException;
import dev.plancheck.report.RuleResult;
import dev.plancheck.report.Status;
import dev.plancheck.input.Submission;
import dev.plancheck.model.Activity;
import dev.plancheck.model.DateRange;
import dev.plancheck.model.OrgUnit;
import dev.plancheck.model.UnitLevel;
import dev.plancheck.model.Vocabulary;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.kie.api.runtime.KieSession;

/** One check of one submission: which records count, running the rules, and assembling the report. */
public final class Evaluation {
    private Evaluation() {
    }

    /**
     * Checks a validated submission.
     *
     * @param asOf          the day of the check (the state at the end of that day)
     * @param comingDueDays days ahead to list coming duties
     */
    public static Report run(CompiledRules rules, LoadedPack pack, Submission submission, LocalDate asOf, int comingDueDays) {
        return run(rules, pack, UnitBinding.of(rules, pack), submission, asOf, comingDueDays);
    }

    /**
     * Checks a validated submission with the units each rule binds worked out beforehand ({@link UnitBinding#of}, once
     * per checker rather than once per check).
     *
     * @param asOf          the day of the check (the state at the end of that day)
     * @param comingDueDays days ahead to list coming duties
     */
    public static Report run(CompiledRules rules, LoadedPack pack, UnitBinding binding, Submission submission, LocalDate asOf,
                             int comingDueDays) {
        int year = pack.year();
        LocalDate first = pack.firstDay();
        LocalDate last = pack.lastDay();

        Vocabulary vocabulary = pack.ruleSet().vocabulary();
        List<Notice> notices = new ArrayList<>();
        List<Activity> countable = new ArrayList<>();
        Set<String> subdistricts = submission.units().stream().filter(u -> u.getLevel() == UnitLevel.SUBDISTRICT)
                .map(OrgUnit::getId).collect(Collectors.toSet());
        // Duplicates and multi-reports are always dated the same day: look only among that day's records, so that a
        // large ledger is not compared record by record with every earlier one.
        // Each entry is a position in `countable`, so that a kept copy replaces the one set aside without a search.
        Map<LocalDate, List<Integer>> countableByDate = new HashMap<>(Math.min(submission.activities().size(), 512) * 2);
        Map<String, Activity> byId = new HashMap<>(submission.activities().size() * 2);
        // Each record's title as copies are compared, normalised once per check, not once per pair of one day.
        Map<Activity, String> titleMemo = new IdentityHashMap<>(submission.activities().size());
        java.util.function.Function<Activity, String> titles = a -> {
            String t = titleMemo.get(a);
            if (t == null) {
                t = Copies.title(a);
                titleMemo.put(a, t);
            }
            return t;
        };
        for (Activity a : submission.activities()) {
            byId.putIfAbsent(a.getId(), a);
        }
        // Records in id order (ids are unique), never file order: which of two duplicates is counted, and the
        // order of everything that follows, must not depend on how the ledger happens to be sorted.
        List<Activity> inIdOrder = new ArrayList<>(submission.activities());
        inIdOrder.sort(BY_ID);
        // The last day that a duty of the year still reaches: December's report due 5 January, a winter to February
        // (a pack's series with a due day, or "endsNextYear"); the year's last day when no duty reaches further.
        LocalDate reach = lateReach(pack);
        for (Activity a : inIdOrder) {
            // A record belongs to the year it starts in. The exceptions are dated after the year: a follow-up that
            // answers a record of the year (relief in January for a disaster on 25 December), which may still count
            // within the answered record's deadline; and, when some duty of the year ends in the next year, any record
            // up to the last day such a duty reaches: it is put to the rules, which count it only inside a period that
            // contains it (and show it as 本时段外 otherwise).
            boolean answersThisYear = a.getDate().isAfter(last) && a.getRelatesTo() != null
                    && byId.containsKey(a.getRelatesTo()) && inYear(byId.get(a.getRelatesTo()), first, last);
            boolean inLateWindow = a.getDate().isAfter(last) && !a.getDate().isAfter(reach);
            if (!inYear(a, first, last) && !answersThisYear && !inLateWindow) {
                notices.add(new Notice(Notice.Type.OUTSIDE_YEAR, a.getId(),
                        "日期 " + a.getDate() + " 不在考核年度 " + year + " 年内，未计入"));
                continue;
            }
            if (a.getDate().isAfter(asOf)) {
                notices.add(new Notice(Notice.Type.FUTURE_DATED, a.getId(),
                        "日期 " + a.getDate() + " 晚于检查日期 " + asOf + "，未计入"));
                continue;
            }
            List<Integer> sameDay = countableByDate.computeIfAbsent(a.getDate(), d -> new ArrayList<>());
            // Loops, not streams: these run for every record, against every countable record of its day.
            int earlierAt = -1;
            for (Integer at : sameDay) {
                if (Copies.oneActivity(countable.get(at), a, titles)) {
                    earlierAt = at;
                    break;
                }
            }
            if (earlierAt >= 0) {
                // One activity counts once. Where the copies name different bodies, it counts for the body whose
                // duty it serves, and the other copy is the one set aside.
                Activity earlier = countable.get(earlierAt);
                Activity kept = Copies.servingCopy(earlier, a, vocabulary);
                Activity dropped = kept == a ? earlier : a;
                if (kept == a) {
                    countable.set(earlierAt, a);
                }
                notices.add(new Notice(Notice.Type.DUPLICATE, dropped.getId(), Copies.duplicateMessage(kept, dropped, vocabulary)));
                continue;
            }
            String suspicion = null;
            for (int i = 0; i < sameDay.size() && suspicion == null; i++) {
                suspicion = Copies.suspicion(countable.get(sameDay.get(i)), a, subdistricts, vocabulary, titles);
            }
            if (suspicion != null) {
                notices.add(new Notice(Notice.Type.SUSPECTED_MULTI_REPORT, a.getId(), suspicion));
            }
            sameDay.add(countable.size());
            countable.add(a);
        }

        // What the rules see: a record of a kind that one body organises is that body's, and a record about a topic
        // is also about the broader topics it implies. Judging copies above used the record as submitted.
        List<Activity> facts = new ArrayList<>(countable.size());
        for (Activity a : countable) {
            facts.add(asJudged(a, vocabulary));
        }
        Counting counting = new Counting(pack);
        Findings findings;
        Map<Activity, Map<String, String>> missingOrganiser = Map.of();
        try (Run run = new Run(rules, pack, binding, asOf, counting)) {
            findings = run.fire(submission.units(), facts);
            List<Activity> noOrganiser = new ArrayList<>();
            for (Activity a : facts) {
                if (a.getOrganiser() == null) {
                    noOrganiser.add(a);
                }
            }
            Set<String> toProbe = noOrganiser.isEmpty() || vocabulary.organisers().isEmpty() ? Set.of() : findings.rulesToProbe();
            if (!toProbe.isEmpty()) {
                // Which unmet duties would a record count for if it named its organiser? Ask the rules, on copies that
                // name each organiser, added to the same session: only the rules with an unmet part fire, and only
                // where the copies changed what they matched.
                // Only the copies that a pattern of those rules reading the organiser could take (ProbeCopies).
                ProbeCopies needed = rules.probeCopies(toProbe);
                Map<Activity, Activity> copies = new IdentityHashMap<>();
                List<Activity> copyFacts = new ArrayList<>();
                for (Activity a : noOrganiser) {
                    for (String body : vocabulary.organisers().keySet()) {
                        if (needed.needs(a, body)) {
                            Activity copy = a.toBuilder().organiser(body).build();
                            copies.put(copy, a);
                            copyFacts.add(copy);
                        }
                    }
                }
                if (!copyFacts.isEmpty()) {
                    List<Activity> probeFacts = new ArrayList<>(facts);
                    probeFacts.addAll(copyFacts);
                    Findings probe = run.probe(copyFacts, probeFacts, toProbe);
                    missingOrganiser = findings.addMissingOrganisers(probe, copies, vocabulary::nameOf);
                }
            }
        }
        missingOrganiser.forEach((a, parts) -> {
            Map<String, List<String>> byBody = new LinkedHashMap<>();
            parts.forEach((part, body) -> byBody.computeIfAbsent(body, b -> new ArrayList<>()).add(part));
            String what = byBody.entrySet().stream().map(e -> "若由" + e.getKey() + "组织，可计入 " + String.join("、", e.getValue()))
                    .collect(Collectors.joining("；"));
            String where = a.getLocation() == null ? "" : a.getLocation() + "：";
            notices.add(new Notice(Notice.Type.MISSING_ORGANISER, a.getId(), where + "没有填写组织方；" + what
                    + "。这些事项只计本组织的记录，确由其组织的请在“组织方”一栏注明", a.getLocation()));
        });

        List<OrgUnit> units = Stream.concat(
                submission.units().stream().filter(u -> u.getLevel() == UnitLevel.SUBDISTRICT),
                submission.units().stream().filter(u -> u.getLevel() == UnitLevel.COMMUNITY)).toList();
        List<Problem> errors = new ArrayList<>(findings.ruleErrors());
        List<RuleResult> results = new ArrayList<>();
        Map<String, String> retiredReasons = pack.parameters().retiredRules();
        List<RetiredRule> retired = new ArrayList<>();
        for (RuleInfo rule : rules.rules()) {
            if (retiredReasons.containsKey(rule.id())) {
                retired.add(new RetiredRule(rule, retiredReasons.get(rule.id())));
                continue;
            }
            Set<String> applicable = new LinkedHashSet<>();
            for (OrgUnit unit : units) {
                if (!rule.scope().appliesTo(unit.getLevel())) {
                    continue;
                }
                applicable.add(unit.getId());
                String notBound = binding.whyNot(rule, unit);
                if (notBound != null) {
                    results.add(new RuleResult(rule, unit, Status.NOT_APPLICABLE, List.of(), List.of(), notBound));
                    continue;
                }
                List<PartResult> parts = findings.parts(rule.id(), unit.getId());
                if (parts.isEmpty()) {
                    if (rule.conditional()) {
                        // Before the year is over, a trigger may still come (or be dated after the as-of day).
                        String none = asOf.isBefore(last) ? "截至检查日（" + asOf + "）没有" : "没有";
                        results.add(new RuleResult(rule, unit, Status.NOT_APPLICABLE, List.of(), List.of(),
                                none + pack.ruleSet().vocabulary().nameOf(rule.trigger()) + "记录，本条不适用"));
                    } else {
                        errors.add(rules.problemAt(ProblemCode.RULE_FAILED, rule.name(), null, "规则 " + rule.id() + " 没有为单位 "
                                + unit.getId() + " 给出任何结果：它的条件没有匹配（是否引用了参数文件中不存在的时段、数量或期限？"
                                + "只在有某类记录时才适用的规则，请用 @trigger 注明该类别，没有这类记录时即为“不适用”）"));
                    }
                    continue;
                }
                results.add(new RuleResult(rule, unit, statusOf(parts), evidenceOf(parts), parts, null));
            }
            for (String recorded : findings.unitsRecorded(rule.id())) {
                if (!applicable.contains(recorded)) {
                    errors.add(rules.problemAt(ProblemCode.RULE_FAILED, rule.name(), null,
                            "规则 " + rule.id() + " 为不在本提交中的单位 " + recorded + " 记录了结果"));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new RulePackException(errors.stream().distinct().toList());
        }

        Set<String> organiserAsked = new HashSet<>();
        missingOrganiser.keySet().forEach(a -> organiserAsked.add(a.getId()));
        for (Activity a : countable) {
            if (!findings.used().contains(a.getId()) && !organiserAsked.contains(a.getId())) {
                if (a.getDate().isAfter(last)) {
                    // Kept for a duty whose window ends in the next year, but no rule looked at it: outside the year.
                    notices.add(new Notice(Notice.Type.OUTSIDE_YEAR, a.getId(), "日期 " + a.getDate() + " 不在考核年度 " + year
                            + " 年内，也没有哪项期限延至次年的职责把它当作证据，未计入"));
                    continue;
                }
                notices.add(new Notice(Notice.Type.UNMATCHED, a.getId(),
                        "没有任何规则把它当作证据：它的类别、议题、对象、级别、组织单位或所属单位不符合任何一条规则的要求，请核对"));
            }
        }
        notices.sort(Comparator.comparing(Notice::recordId).thenComparing(Notice::type));

        List<Gap> gaps = results.stream().filter(r -> r.status() == Status.GAP).map(Evaluation::gapOf).toList();
        return new Report(submission.source(), pack.id(), pack.title(), year, asOf, comingDueDays, units,
                List.copyOf(results), gaps, List.copyOf(notices), coming(results, asOf, comingDueDays, year),
                List.copyOf(retired), pack.fingerprint(), manualChecks(pack.ruleSet().clauses()));
    }

    private static final Comparator<Activity> BY_ID = (a, b) -> a.getId().compareTo(b.getId());

    /** The pack's 人工核验 sentences in clause order: the same for every ledger, listed once per report. */
    private static List<ManualCheck> manualChecks(ClauseBook book) {
        List<ManualCheck> out = new ArrayList<>();
        for (ClauseBook.Clause c : book.clauses().values()) {
            c.manual().forEach(m -> out.add(new ManualCheck(c.id(), c.section(), m.sentence(), m.check())));
        }
        return out;
    }

    /** Runs the rules on the facts, in a session of this thread's own for the run. */
    private static Findings fire(CompiledRules rules, LoadedPack pack, UnitBinding binding, List<OrgUnit> units,
                                 List<Activity> activities, LocalDate asOf, Counting counting) {
        try (Run run = new Run(rules, pack, binding, asOf, counting)) {
            return run.fire(units, activities);
        }
    }

    /**
     * One thread's own session for one check, taken from the rule base's {@link Sessions} and given back when the check
     * is over. The rules run on the facts ({@link #fire}); then, when some duty is unmet, they may run again in the same
     * session on copies added to those facts ({@link #probe}): only what the copies change is worked out again, not the
     * whole ledger.
     */
    private static final class Run implements AutoCloseable {
        private final CompiledRules rules;
        private final LoadedPack pack;
        private final UnitBinding binding;
        private final LocalDate asOf;
        private final Counting counting;
        private final KieSession session;
        /** True while the rules have run to the end every time they were fired: only then is the session reused. */
        private boolean completed = true;

        Run(CompiledRules rules, LoadedPack pack, UnitBinding binding, LocalDate asOf, Counting counting) {
            this.rules = rules;
            this.pack = pack;
            this.binding = binding;
            this.asOf = asOf;
            this.counting = counting;
            this.session = rules.sessions().take();
        }

        /** Inserts the units, the records and the pack's parameters and fires every rule. */
        Findings fire(List<OrgUnit> units, List<Activity> activities) {
            return into(new Findings(rules, asOf, counting), activities, () -> {
                units.forEach(session::insert);
                activities.forEach(session::insert);
                pack.periods().forEach(session::insert);
                pack.parameters().quotas().values().forEach(session::insert);
                pack.parameters().deadlines().values().forEach(session::insert);
                pack.parameters().units().rates().values().forEach(session::insert);
                session.fireAllRules();
            });
        }

        /**
         * After {@link #fire}: adds {@code copies} to the facts and fires, into a probe findings, the matches of the
         * rules named in {@code ruleIds} that the copies made or changed. A match the copies did not touch does not fire
         * again; it holds no copy, so it has nothing to tell the probe. {@code records} are all the records now in the
         * session.
         */
        Findings probe(List<Activity> copies, List<Activity> records, Set<String> ruleIds) {
            return into(Findings.probe(rules, asOf, counting), records, () -> {
                copies.forEach(session::insert);
                session.fireAllRules(match -> ruleIds.contains(Findings.idOf(match.getRule())));
            });
        }

        /** Runs {@code work} on the session with {@code findings} (knowing {@code records}) as the rules' global. */
        private Findings into(Findings findings, List<Activity> records, Runnable work) {
            findings.records(records);
            findings.binding(binding, pack.parameters().units().attributes());
            completed = false;
            try {
                session.setGlobal("findings", findings);
                work.run();
                completed = true;
            } catch (RuntimeException e) {
                // A rule that fails while it runs is the pack's fault, said with its file and line: never a crash.
                throw new RulePackException(List.of(rules.failure(e)));
            }
            return findings;
        }

        @Override
        public void close() {
            rules.sessions().giveBack(session, completed);
        }
    }

    /**
     * What each rule requires, found by running the rules on an empty ledger (one subdistrict, one community, and
     * one record of each kind that triggers a conditional rule). Used for the rule catalogue, so that the
     * catalogue shows the periods and quotas the rules really use.
     */
    public static Map<String, List<PartResult>> requirements(CompiledRules rules, LoadedPack pack) {
        OrgUnit subdistrict = new OrgUnit("S", "街道", UnitLevel.SUBDISTRICT);
        OrgUnit community = new OrgUnit("C", "社区", UnitLevel.COMMUNITY);
        List<Activity> triggers = new ArrayList<>();
        rules.rules().stream().map(RuleInfo::trigger).filter(t -> t != null).distinct().forEach(kind ->
                triggers.add(Activity.builder(TRIGGER_PREFIX + kind).unitId(subdistrict.getId()).kind(kind)
                        .date(LocalDate.of(pack.year(), 7, 1)).title(pack.ruleSet().vocabulary().nameOf(kind)).build()));
        Findings findings = fire(rules, pack, UnitBinding.of(rules, pack), List.of(subdistrict, community), triggers,
                pack.lastDay(), new Counting(pack));
        Map<String, List<PartResult>> out = new LinkedHashMap<>();
        for (RuleInfo rule : rules.rules()) {
            String unit = rule.scope().appliesTo(subdistrict.getLevel()) ? subdistrict.getId() : community.getId();
            out.put(rule.id(), findings.parts(rule.id(), unit));
        }
        return out;
    }

    /** Ids of the synthetic trigger records of {@link #requirements}. */
    public static final String TRIGGER_PREFIX = "trigger-";

    /** The latest last day of the pack's periods, or the year's last day when none ends after it. */
    static LocalDate lateReach(LoadedPack pack) {
        LocalDate reach = pack.lastDay();
        for (var p : pack.periods()) {
            if (p.getCloses().isAfter(reach)) {
                reach = p.getCloses();
            }
        }
        return reach;
    }

    private static boolean inYear(Activity a, LocalDate first, LocalDate last) {
        return !a.getDate().isBefore(first) && !a.getDate().isAfter(last);
    }

    /**
     * The record as the rules judge it: a record of a kind that the vocabulary says one body organises, naming no
     * organiser, is that body's; a record about a topic is also about every broader topic the topic implies.
     */
    static Activity asJudged(Activity a, Vocabulary vocabulary) {
        Vocabulary.Kind kind = vocabulary.kinds().get(a.getKind());
        String organiser = a.getOrganiser() == null && kind != null ? kind.organiser() : a.getOrganiser();
        Set<String> topics = vocabulary.withImplied(a.getTopics());
        if (Objects.equals(organiser, a.getOrganiser()) && topics == a.getTopics()) {
            return a;
        }
        return a.toBuilder().organiser(organiser).topics(topics).build();
    }

    static Status statusOf(List<PartResult> parts) {
        Status status = Status.MET;
        for (PartResult p : parts) {
            if (p.status() == Status.GAP) {
                return Status.GAP;
            }
            if (p.status() == Status.NOT_DUE) {
                status = Status.NOT_DUE;
            }
        }
        return status;
    }

    private static List<String> evidenceOf(List<PartResult> parts) {
        if (parts.size() == 1 && parts.get(0).evidence().size() <= 1) {
            return List.copyOf(parts.get(0).evidence()); // the common case: nothing to merge
        }
        Set<String> ids = new LinkedHashSet<>();
        for (PartResult p : parts) {
            ids.addAll(p.evidence());
        }
        return List.copyOf(ids);
    }

    private static Gap gapOf(RuleResult r) {
        List<PartResult> failing = r.parts().stream().filter(p -> p.status() == Status.GAP).toList();
        String expected = failing.stream().map(PartResult::expected).collect(Collectors.joining("；"));
        // Parts of one rule that share a label (the same duty in each half-year) are told apart by their period.
        boolean sameLabels = failing.stream().map(PartResult::what).distinct().count() < failing.size();
        String found = failing.size() == 1 ? failing.get(0).found()
                : failing.stream().map(p -> (sameLabels ? p.what() + "（" + p.periodName() + "）" : p.what()) + "：" + p.found())
                        .collect(Collectors.joining("；"));
        return new Gap(r.rule(), r.unit(), expected, found, r.evidence(), null);
    }

    /**
     * Unmet parts with a stretch of days that opens or closes within the look-ahead. A period of several ranges
     * (winter: January–February and December) is looked at range by range, so December is announced in November.
     * A stretch that ends after the year (December's report due 5 January) says whose duty it is in its name:
     * {@code 12 月，次月 5 日前报送；2024 年度职责}.
     */
    private static List<ComingDuty> coming(List<RuleResult> results, LocalDate asOf, int days, int year) {
        LocalDate horizon = asOf.plusDays(days);
        List<ComingDuty> out = new ArrayList<>();
        for (RuleResult r : results) {
            for (PartResult p : r.parts()) {
                if (p.status() != Status.NOT_DUE) {
                    continue;
                }
                for (DateRange range : p.days()) {
                    boolean opensSoon = range.from().isAfter(asOf) && !range.from().isAfter(horizon);
                    boolean closesSoon = range.to().isAfter(asOf) && !range.to().isAfter(horizon);
                    if (opensSoon || closesSoon) {
                        String name = range.to().getYear() > year ? p.periodName() + "；" + year + " 年度职责" : p.periodName();
                        out.add(new ComingDuty(r.rule(), r.unit(), p.what(), name, range.from(), range.to(), p.anchor()));
                        break;
                    }
                }
            }
        }
        // List.sort is stable, so ties keep the results' unit order.
        out.sort(Comparator.comparing(ComingDuty::closes).thenComparing(c -> c.rule().id(), RuleOrder.BY_ID));
        return List.copyOf(out);
    }
}
