package dev.plancheck.engine;

import dev.plancheck.ComingDuty;
import dev.plancheck.Gap;
import dev.plancheck.Notice;
import dev.plancheck.PartResult;
import dev.plancheck.Problem;
import dev.plancheck.Report;
import dev.plancheck.RuleInfo;
import dev.plancheck.RulePack;
import dev.plancheck.RulePackException;
import dev.plancheck.RuleResult;
import dev.plancheck.Scope;
import dev.plancheck.Status;
import dev.plancheck.Submission;
import dev.plancheck.model.Activity;
import dev.plancheck.model.DateRange;
import dev.plancheck.model.OrgUnit;
import dev.plancheck.model.UnitLevel;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
    public static Report run(CompiledRules rules, RulePack pack, Submission submission, LocalDate asOf, int comingDueDays) {
        int year = pack.year();
        LocalDate first = LocalDate.of(year, 1, 1);
        LocalDate last = LocalDate.of(year, 12, 31);

        List<Notice> notices = new ArrayList<>();
        List<Activity> countable = new ArrayList<>();
        Map<String, String> firstBySameness = new HashMap<>();
        // Records in id order (ids are unique), never file order: which of two duplicates is counted, and the
        // order of everything that follows, must not depend on how the ledger happens to be sorted.
        List<Activity> byId = submission.activities().stream().sorted(Comparator.comparing(Activity::getId)).toList();
        for (Activity a : byId) {
            if (a.getLastDate().isBefore(first) || a.getDate().isAfter(last)) {
                notices.add(new Notice(Notice.Type.OUTSIDE_YEAR, a.getId(),
                        "日期 " + a.getDate() + " 不在考核年度 " + year + " 年内，未计入"));
                continue;
            }
            if (a.getDate().isAfter(asOf)) {
                notices.add(new Notice(Notice.Type.FUTURE_DATED, a.getId(),
                        "日期 " + a.getDate() + " 晚于检查日期 " + asOf + "，未计入"));
                continue;
            }
            String earlier = firstBySameness.putIfAbsent(sameness(a), a.getId());
            if (earlier != null) {
                notices.add(new Notice(Notice.Type.DUPLICATE, a.getId(),
                        "与 " + earlier + " 是同一活动（单位、类别、日期、标题都相同），只计一次"));
                continue;
            }
            countable.add(a);
        }

        Findings findings = fire(rules, pack, submission.units(), countable, asOf);

        List<OrgUnit> units = Stream.concat(
                submission.units().stream().filter(u -> u.getLevel() == UnitLevel.SUBDISTRICT),
                submission.units().stream().filter(u -> u.getLevel() == UnitLevel.COMMUNITY)).toList();
        List<String> errors = new ArrayList<>(findings.ruleErrors());
        List<RuleResult> results = new ArrayList<>();
        for (RuleInfo rule : rules.rules()) {
            Set<String> applicable = new LinkedHashSet<>();
            for (OrgUnit unit : units) {
                boolean applies = (rule.scope() == Scope.SUBDISTRICT) == (unit.getLevel() == UnitLevel.SUBDISTRICT);
                if (!applies) {
                    continue;
                }
                applicable.add(unit.getId());
                List<PartResult> parts = findings.parts(rule.id(), unit.getId());
                if (parts.isEmpty()) {
                    if (rule.conditional()) {
                        results.add(new RuleResult(rule, unit, Status.NOT_APPLICABLE, List.of(), List.of(),
                                "没有" + pack.ruleSet().vocabulary().nameOf(rule.trigger()) + "记录，本条不适用"));
                    } else {
                        errors.add("规则 " + rule.id() + " 没有为单位 " + unit.getId() + " 给出任何结果：它的条件没有匹配"
                                + "（是否引用了参数文件中不存在的时段、数量或期限？）");
                    }
                    continue;
                }
                results.add(new RuleResult(rule, unit, statusOf(parts), evidenceOf(parts), parts, null));
            }
            for (String recorded : findings.unitsRecorded(rule.id())) {
                if (!applicable.contains(recorded)) {
                    errors.add("规则 " + rule.id() + " 为不在本提交中的单位 " + recorded + " 记录了结果");
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new RulePackException(errors.stream().distinct()
                    .map(m -> new Problem(pack.origin(), 0, 0, "", m)).toList());
        }

        for (Activity a : countable) {
            if (!findings.used().contains(a.getId())) {
                notices.add(new Notice(Notice.Type.UNMATCHED, a.getId(),
                        "没有任何规则把它当作证据：它的类别、议题、对象、级别或所属单位不符合任何一条规则的要求，请核对"));
            }
        }
        notices.sort(Comparator.comparing(Notice::recordId).thenComparing(Notice::type));

        List<Gap> gaps = results.stream().filter(r -> r.status() == Status.GAP).map(Evaluation::gapOf).toList();
        return new Report(submission.source(), pack.id(), pack.title(), year, asOf, comingDueDays, units,
                List.copyOf(results), gaps, List.copyOf(notices), coming(results, asOf, comingDueDays));
    }

    private static Findings fire(CompiledRules rules, RulePack pack, List<OrgUnit> units, List<Activity> activities,
                                 LocalDate asOf) {
        Findings findings = new Findings(rules, asOf);
        KieSession session = rules.kieBase().newKieSession();
        try {
            session.setGlobal("findings", findings);
            units.forEach(session::insert);
            activities.forEach(session::insert);
            pack.periods().forEach(session::insert);
            pack.parameters().quotas().values().forEach(session::insert);
            pack.parameters().deadlines().values().forEach(session::insert);
            session.fireAllRules();
        } finally {
            session.dispose();
        }
        return findings;
    }

    /**
     * What each rule requires, found by running the rules on an empty ledger (one subdistrict, one community, and
     * one record of each kind that triggers a conditional rule). Used for the rule catalogue, so that the
     * catalogue shows the periods and quotas the rules really use.
     */
    public static Map<String, List<PartResult>> requirements(CompiledRules rules, RulePack pack) {
        OrgUnit subdistrict = new OrgUnit("S", "街道", UnitLevel.SUBDISTRICT);
        OrgUnit community = new OrgUnit("C", "社区", UnitLevel.COMMUNITY);
        List<Activity> triggers = new ArrayList<>();
        rules.rules().stream().map(RuleInfo::trigger).filter(t -> t != null).distinct().forEach(kind ->
                triggers.add(Activity.builder(TRIGGER_PREFIX + kind).unitId(subdistrict.getId()).kind(kind)
                        .date(LocalDate.of(pack.year(), 7, 1)).title(pack.ruleSet().vocabulary().nameOf(kind)).build()));
        Findings findings = fire(rules, pack, List.of(subdistrict, community), triggers, LocalDate.of(pack.year(), 12, 31));
        Map<String, List<PartResult>> out = new LinkedHashMap<>();
        for (RuleInfo rule : rules.rules()) {
            String unit = rule.scope() == Scope.SUBDISTRICT ? subdistrict.getId() : community.getId();
            out.put(rule.id(), findings.parts(rule.id(), unit));
        }
        return out;
    }

    /** Ids of the synthetic trigger records of {@link #requirements}. */
    public static final String TRIGGER_PREFIX = "trigger-";

    /** Two records are the same activity when unit, kind, date and title (ignoring spacing and case) agree. */
    private static String sameness(Activity a) {
        return a.getUnitId() + "\u0000" + a.getKind() + "\u0000" + a.getDate() + "\u0000"
                + a.getTitle().replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
    }

    static Status statusOf(List<PartResult> parts) {
        if (parts.stream().anyMatch(p -> p.status() == Status.GAP)) {
            return Status.GAP;
        }
        if (parts.stream().anyMatch(p -> p.status() == Status.NOT_DUE)) {
            return Status.NOT_DUE;
        }
        return Status.MET;
    }

    private static List<String> evidenceOf(List<PartResult> parts) {
        Set<String> ids = new LinkedHashSet<>();
        parts.forEach(p -> ids.addAll(p.evidence()));
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
        return new Gap(r.rule(), r.unit(), expected, found, r.evidence());
    }

    /**
     * Unmet parts with a stretch of days that opens or closes within the look-ahead. A period of several ranges
     * (winter: January–February and December) is looked at range by range, so December is announced in November.
     */
    private static List<ComingDuty> coming(List<RuleResult> results, LocalDate asOf, int days) {
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
                        out.add(new ComingDuty(r.rule(), r.unit(), p.what(), p.periodName(), range.from(), range.to(), p.anchor()));
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
