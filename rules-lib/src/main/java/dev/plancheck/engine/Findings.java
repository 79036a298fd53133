package dev.plancheck.engine;

import dev.plancheck.PartResult;
import dev.plancheck.RuleInfo;
import dev.plancheck.Status;
import dev.plancheck.model.Activity;
import dev.plancheck.model.OrgUnit;
import dev.plancheck.model.Period;
import dev.plancheck.model.Quota;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kie.api.runtime.rule.RuleContext;

/**
 * The {@code findings} global of every rule file: a rule's consequence reports here, for one unit, what it requires
 * and the candidate records its conditions collected. Which of them count, and whether the duty is met, overdue or
 * not yet due, is decided here the same way for every rule: a candidate counts when it starts in the period (its
 * {@code date}; see {@link Period#covers}), and an unmet part is overdue once the as-of date has reached the period's
 * last day.
 *
 * <pre>
 * rule "R1.2-4 全年专题会议研究统战工作至少2次"
 *     …
 * when
 *     $u : OrgUnit(level == UnitLevel.SUBDISTRICT)
 *     $y : Period(id == "year")
 *     $q : Quota(id == "special-meetings.united-front")
 *     $m : List() from collect( Activity(unitId == $u.id, kind == "special-meeting", topics contains "united-front") )
 * then
 *     findings.atLeast(kcontext, $u, "统战工作专题会议", $y, $q, $m);
 * end
 * </pre>
 *
 * One instance serves one check; it is not shared between threads.
 */
public final class Findings {
    /** What one call recorded, with the order it was made in so that reports are stable. */
    record Recorded(PartResult part, int indexInMatch) {
    }

    private final CompiledRules rules;
    private final LocalDate asOf;
    private final Map<String, Map<String, List<Recorded>>> byRuleAndUnit = new LinkedHashMap<>();
    private final Set<String> used = new HashSet<>();
    private final List<String> ruleErrors = new ArrayList<>();
    private Object lastMatch;
    private int indexInMatch;

    Findings(CompiledRules rules, LocalDate asOf) {
        this.rules = rules;
        this.asOf = asOf;
    }

    /** The unit must have at least one record among {@code candidates} inside {@code period}. */
    public void present(RuleContext kcontext, OrgUnit unit, String what, Period period, List<?> candidates) {
        require(kcontext, unit, what, period, 1, null, candidates);
    }

    /** The unit must have at least {@code quota.min} distinct records among {@code candidates} inside {@code period}. */
    public void atLeast(RuleContext kcontext, OrgUnit unit, String what, Period period, Quota quota, List<?> candidates) {
        require(kcontext, unit, what, period, quota.getMin(), quota.getId(), candidates);
    }

    /**
     * The amounts of the {@code used} records together must not exceed the amounts of the {@code limit} records
     * together (money used from a drive never exceeds money raised). A breach is a gap whatever the date.
     */
    public void notExceeding(RuleContext kcontext, OrgUnit unit, String what, List<?> usedRecords, List<?> limitRecords) {
        List<Activity> spent = sorted(usedRecords);
        List<Activity> raised = sorted(limitRecords);
        BigDecimal spentSum = sum(spent);
        BigDecimal raisedSum = sum(raised);
        boolean ok = spentSum.compareTo(raisedSum) <= 0;
        String expected = what + "：使用金额合计不超过募集金额合计（募集 " + Texts.money(raisedSum) + "）";
        String found = "使用 " + Texts.money(spentSum) + (spent.isEmpty() ? "" : "（" + Texts.ids(spent) + "）")
                + "，募集 " + Texts.money(raisedSum) + (raised.isEmpty() ? "" : "（" + Texts.ids(raised) + "）")
                + (ok ? "" : "，超出 " + Texts.money(spentSum.subtract(raisedSum)));
        List<String> evidence = new ArrayList<>();
        raised.forEach(a -> evidence.add(a.getId()));
        spent.forEach(a -> evidence.add(a.getId()));
        record(kcontext, unit, new PartResult(what, null, "全年", List.of(), null, 0, null, List.copyOf(evidence),
                List.of(), ok ? Status.MET : Status.GAP, expected, found));
        evidence.forEach(used::add);
    }

    /**
     * The unit must have at least {@code quota.min} distinct records among {@code candidates} inside {@code period},
     * each attended by at least {@code attendance.min} people (the records' {@code participants}). A record with
     * fewer people, or with no count, is named in what was found but does not count: a participation threshold.
     *
     * <pre>
     * findings.attendedAtLeast(kcontext, $u, "居民议事会", $y, $q, $people, $m);   // 4 meetings of 15 or more
     * </pre>
     */
    public void attendedAtLeast(RuleContext kcontext, OrgUnit unit, String what, Period period, Quota quota,
                                Quota attendance, List<?> candidates) {
        List<Activity> all = sorted(candidates);
        List<Activity> inPeriod = all.stream().filter(period::covers).toList();
        List<Activity> counted = inPeriod.stream()
                .filter(a -> a.getParticipants() != null && a.getParticipants() >= attendance.getMin()).toList();
        List<Activity> tooFew = inPeriod.stream().filter(a -> !counted.contains(a)).toList();
        List<Activity> outside = all.stream().filter(a -> !period.covers(a)).toList();
        int min = quota.getMin();
        Status status = counted.size() >= min ? Status.MET
                : asOf.isBefore(period.getCloses()) ? Status.NOT_DUE : Status.GAP;
        String expected = what + "：" + period.getName() + "（" + period.describeDays() + "）内至少 " + min
                + " 条，每条参加人数不少于 " + attendance.getMin() + " 人";
        String found = counted.isEmpty() ? "没有符合条件的记录" : counted.size() + " 条：" + withPeople(counted);
        if (!tooFew.isEmpty()) {
            found += "；参加人数不足 " + attendance.getMin() + " 人的另有 " + tooFew.size() + " 条：" + withPeople(tooFew);
        }
        if (!outside.isEmpty()) {
            found += "；本时段外另有 " + outside.size() + " 条：" + Texts.records(outside);
        }
        List<String> notCounted = new ArrayList<>();
        tooFew.forEach(a -> notCounted.add(a.getId()));
        outside.forEach(a -> notCounted.add(a.getId()));
        record(kcontext, unit, new PartResult(what, period.getId(), period.getName(), period.getRanges(),
                period.getAnchor(), min, quota.getId(), counted.stream().map(Activity::getId).toList(),
                List.copyOf(notCounted), status, expected, found));
        all.forEach(a -> used.add(a.getId()));
    }

    private static String withPeople(List<Activity> records) {
        return String.join("、", records.stream().map(a -> a.getId() + "（" + a.getDate() + " " + a.getTitle() + "，"
                + (a.getParticipants() == null ? "未填人数" : a.getParticipants() + " 人") + "）").toList());
    }

    /**
     * Each {@code limit} record (a drive) against the {@code used} records that name it in {@code relatesTo}: money
     * is checked against the drive it came from, one part per drive. A breach is a gap whatever the date.
     */
    public void notExceedingEach(RuleContext kcontext, OrgUnit unit, String what, List<?> usedRecords, List<?> limitRecords) {
        List<Activity> spentAll = sorted(usedRecords);
        for (Activity drive : sorted(limitRecords)) {
            List<Activity> spent = spentAll.stream().filter(a -> drive.getId().equals(a.getRelatesTo())).toList();
            BigDecimal spentSum = sum(spent);
            BigDecimal raisedSum = sum(List.of(drive));
            boolean ok = spentSum.compareTo(raisedSum) <= 0;
            String label = what + "（" + drive.getId() + "）";
            String expected = label + "：使用金额合计不超过该次募集金额（" + drive.getId() + " 募集 " + Texts.money(raisedSum) + "）";
            String found = "使用 " + Texts.money(spentSum) + (spent.isEmpty() ? "" : "（" + Texts.ids(spent) + "）")
                    + "，募集 " + Texts.money(raisedSum) + "（" + drive.getId() + "）"
                    + (ok ? "" : "，超出 " + Texts.money(spentSum.subtract(raisedSum)));
            List<String> evidence = new ArrayList<>();
            evidence.add(drive.getId());
            spent.forEach(a -> evidence.add(a.getId()));
            record(kcontext, unit, new PartResult(label, null, "全年", List.of(), null, 0, null, List.copyOf(evidence),
                    List.of(), ok ? Status.MET : Status.GAP, expected, found));
            evidence.forEach(used::add);
        }
    }

    private void require(RuleContext kcontext, OrgUnit unit, String what, Period period, int min, String quotaId,
                         List<?> candidates) {
        List<Activity> all = sorted(candidates);
        List<Activity> counted = all.stream().filter(period::covers).toList();
        List<Activity> outside = all.stream().filter(a -> !period.covers(a)).toList();
        Status status;
        if (counted.size() >= min) {
            status = Status.MET;
        } else if (asOf.isBefore(period.getCloses())) {
            status = Status.NOT_DUE;
        } else {
            status = Status.GAP;
        }
        String expected = what + "：" + period.getName() + "（" + period.describeDays() + "）内至少 " + min + " 条";
        String found = counted.isEmpty() ? "没有符合条件的记录" : counted.size() + " 条：" + Texts.records(counted);
        if (!outside.isEmpty()) {
            found += "；本时段外另有 " + outside.size() + " 条：" + Texts.records(outside);
        }
        record(kcontext, unit, new PartResult(what, period.getId(), period.getName(), period.getRanges(),
                period.getAnchor(), min, quotaId, counted.stream().map(Activity::getId).toList(),
                outside.stream().map(Activity::getId).toList(), status, expected, found));
        all.forEach(a -> used.add(a.getId()));
        if (period.getTriggerId() != null) {
            used.add(period.getTriggerId());
        }
    }

    private void record(RuleContext kcontext, OrgUnit unit, PartResult part) {
        String id = String.valueOf(kcontext.getRule().getMetaData().get("id"));
        RuleInfo rule = rules.rule(id);
        if (rule == null) {
            ruleErrors.add("规则 \"" + kcontext.getRule().getName() + "\" 的 id 无法识别");
            return;
        }
        if (!rule.scope().appliesTo(unit.getLevel())) {
            ruleErrors.add("规则 " + id + " 的范围是“" + rule.scope().chineseName() + "”，却为" + unit.getLevel().chineseName()
                    + " " + unit.getId() + " 记录了结果；请在条件中限定 OrgUnit(level == …)");
            return;
        }
        if (kcontext.getMatch() != lastMatch) {
            lastMatch = kcontext.getMatch();
            indexInMatch = 0;
        }
        List<Recorded> list = byRuleAndUnit.computeIfAbsent(id, k -> new LinkedHashMap<>())
                .computeIfAbsent(unit.getId(), k -> new ArrayList<>());
        for (Recorded r : list) {
            if (r.part().what().equals(part.what()) && java.util.Objects.equals(r.part().periodId(), part.periodId())) {
                ruleErrors.add("规则 " + id + " 为单位 " + unit.getId() + " 两次记录了同一要求“" + part.what()
                        + "”（" + part.periodName() + "）；请检查条件是否产生了重复匹配");
                return;
            }
        }
        list.add(new Recorded(part, indexInMatch++));
    }

    private static List<Activity> sorted(List<?> records) {
        List<Activity> out = new ArrayList<>();
        for (Object o : records) {
            out.add((Activity) o);
        }
        out.sort(Comparator.comparing(Activity::getDate).thenComparing(Activity::getId));
        return out;
    }

    private static BigDecimal sum(List<Activity> records) {
        BigDecimal total = BigDecimal.ZERO;
        for (Activity a : records) {
            if (a.getAmount() != null) {
                total = total.add(a.getAmount());
            }
        }
        return total;
    }

    /** The parts recorded for a rule and unit, in a stable order: by period, then as the rule recorded them. */
    List<PartResult> parts(String ruleId, String unitId) {
        List<Recorded> list = byRuleAndUnit.getOrDefault(ruleId, Map.of()).getOrDefault(unitId, List.of());
        return list.stream().sorted(Comparator
                        .comparing((Recorded r) -> r.part().opens(), Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(r -> r.part().closes(), Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparingInt(Recorded::indexInMatch)
                        .thenComparing(r -> r.part().what()))
                .map(Recorded::part).toList();
    }

    /** Units for which a rule recorded anything. */
    Set<String> unitsRecorded(String ruleId) {
        return byRuleAndUnit.getOrDefault(ruleId, Map.of()).keySet();
    }

    Set<String> used() {
        return used;
    }

    List<String> ruleErrors() {
        return ruleErrors;
    }
}
