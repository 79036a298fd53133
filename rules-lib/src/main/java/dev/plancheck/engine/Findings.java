package dev.plancheck.engine;

import dev.plancheck.input.Problem;
import dev.plancheck.input.ProblemCode;
import dev.plancheck.report.PartResult;
import dev.plancheck.report.RuleInfo;
import dev.plancheck.report.Status;
import dev.plancheck.model.Activity;
import dev.plancheck.model.OrgUnit;
import dev.plancheck.model.Period;
import dev.plancheck.model.Quota;
import dev.plancheck.model.Rate;
import dev.plancheck.model.UnitAttribute;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.kie.api.runtime.rule.RuleContext;

/**
 * The {@code findings} global of every rule file: a rule's consequence reports here, for one unit, what it requires
 * and the candidate records its conditions collected. Which of them count, and whether the duty is met, overdue or
 * not yet due, is decided here the same way for every rule (see {@link Counting}): a candidate counts in the period
 * where it starts (a multi-day one, up to the pack's {@code longestSpan}, also where it runs, in one period of a series
 * only); an activity with 0 participants and a payment of 0 yuan were not done; a duty to hold an activity
 * ({@link #held}) counts activities only, not the plans and notices for them. An unmet part is overdue once the as-of
 * date has reached the period's last day.
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
    /**
     * What one call recorded, with the order it was made in so that reports are stable, and the values the rule's
     * variables had (to say which pattern matched twice when a rule records one requirement twice).
     */
    record Recorded(PartResult part, int indexInMatch, org.kie.api.runtime.rule.Match match, List<Activity> candidates) {
    }

    private final CompiledRules rules;
    private final LocalDate asOf;
    private final Counting counting;
    /** Set in a probe run: the records each part would count, by {@link #key}; no part is recorded. */
    private final Map<String, List<Activity>> probed;
    private final Map<String, Map<String, List<Recorded>>> byRuleAndUnit = new LinkedHashMap<>();
    private final Set<String> used = new HashSet<>();
    private final List<Problem> ruleErrors = new ArrayList<>();
    /** The records of the check, among which an {@code exists} gate's records are looked for. */
    private List<Activity> records = List.of();
    /** Which units each rule binds ({@code @appliesTo}); a part for a unit a rule does not bind is not recorded. */
    private UnitBinding binding;
    /** The pack's unit attributes, by id, read by {@link #ratioAtLeast}. */
    private Map<String, UnitAttribute> attributes = Map.of();
    private Object lastMatch;
    private int indexInMatch;
    private org.kie.api.definition.rule.Rule lastRule;
    private String lastRuleId;
    private RuleInfo lastRuleInfo;

    Findings(CompiledRules rules, LocalDate asOf, Counting counting) {
        this(rules, asOf, counting, null);
    }

    private Findings(CompiledRules rules, LocalDate asOf, Counting counting, Map<String, List<Activity>> probed) {
        this.rules = rules;
        this.asOf = asOf;
        this.counting = counting;
        this.probed = probed;
    }

    /**
     * A findings that records nothing but which records each part would count: run on copies of records that name
     * no organiser, one copy per organiser, it tells which duties a record misses only for want of an organiser.
     */
    static Findings probe(CompiledRules rules, LocalDate asOf, Counting counting) {
        return new Findings(rules, asOf, counting, new HashMap<>());
    }

    /** The unit must have at least one record among {@code candidates} inside {@code period}. */
    public void present(RuleContext kcontext, OrgUnit unit, String what, Period period, List<?> candidates) {
        require(kcontext, unit, what, period, 1, null, candidates, false);
    }

    /** The unit must have at least {@code quota.min} distinct records among {@code candidates} inside {@code period}. */
    public void atLeast(RuleContext kcontext, OrgUnit unit, String what, Period period, Quota quota, List<?> candidates) {
        require(kcontext, unit, what, period, quota.getMin(), quota.getId(), candidates, false);
    }

    /**
     * The unit must have held at least one activity among {@code candidates} inside {@code period}: a record of a
     * kind the vocabulary marks {@code "activity": true} (a meeting, a themed activity, a commemoration, a visit…).
     * Plans, notices, censuses and other records about the occasion are named in what was found ("只有方案、通知等记录，
     * 未见活动记录") but do not count. For duties that ask for an event rather than a paper: a commemoration, a node
     * day's activity, "开展各类活动".
     *
     * <pre>
     * $ev : List() from collect( Activity(organiser == "youth-league", topics contains "martyrs-memorial") )
     * findings.held(kcontext, $u, "烈士公祭主题活动", $p, $ev);   // a 工作方案 tagged martyrs-memorial does not count
     * </pre>
     */
    public void held(RuleContext kcontext, OrgUnit unit, String what, Period period, List<?> candidates) {
        require(kcontext, unit, what, period, 1, null, candidates, true);
    }

    /**
     * The amounts of the {@code used} records together must not exceed the amounts of the {@code limit} records
     * together (money used from a drive never exceeds money raised). A breach is a gap whatever the date.
     */
    public void notExceeding(RuleContext kcontext, OrgUnit unit, String what, List<?> usedRecords, List<?> limitRecords) {
        if (probed != null) {
            return;
        }
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
                List.of(), ok ? Status.MET : Status.GAP, expected, found), List.of());
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
        Map<Counting.Verdict, List<Activity>> by = judge(period, all, false);
        List<Activity> inPeriod = new ArrayList<>(by.get(Counting.Verdict.COUNTS));
        inPeriod.addAll(by.get(Counting.Verdict.NOBODY));
        inPeriod.sort(BY_DATE);
        by.get(Counting.Verdict.NOBODY).clear(); // named below with their count of people
        List<Activity> counted = inPeriod.stream()
                .filter(a -> a.getParticipants() != null && a.getParticipants() >= attendance.getMin()).toList();
        Set<Activity> countedSet = identitySet(counted);
        List<Activity> tooFew = inPeriod.stream().filter(a -> !countedSet.contains(a)).toList();
        if (probe(kcontext, unit, what, period, counted)) {
            return;
        }
        int min = quota.getMin();
        Status status = counted.size() >= min ? Status.MET
                : asOf.isBefore(period.getCloses()) ? Status.NOT_DUE : Status.GAP;
        String expected = what + "：" + period.getName() + "（" + period.describeDays() + "）内至少 " + min
                + " 条，每条参加人数不少于 " + attendance.getMin() + " 人";
        String found = counted.isEmpty() ? "没有符合条件的记录" : counted.size() + " 条：" + withPeople(counted);
        if (!tooFew.isEmpty()) {
            found += "；参加人数不足 " + attendance.getMin() + " 人的另有 " + tooFew.size() + " 条：" + withPeople(tooFew);
        }
        found += notCounted(by, false);
        List<String> notCounted = others(all, counted);
        record(kcontext, unit, new PartResult(what, period.getId(), period.getName(), period.getRanges(),
                period.getAnchor(), min, quota.getId(), idsOf(counted),
                List.copyOf(notCounted), status, expected, found), all);
        for (Activity a : all) {
            used.add(a.getId());
        }
    }

    /**
     * The {@code participants} of the records among {@code candidates} inside {@code period}, added up, must be at
     * least {@code quota.min} 人次 ("参训职工累计不少于200人次"). Records are chosen as for {@link #atLeast}: a copy of
     * one activity is one record, a record counts in the period where it starts. A record with no count of people
     * adds nothing and is named in what was found; so is one of 0 people.
     *
     * <pre>
     * $ev : List() from collect( Activity(unitId == $u.id, kind == "staff-training") )
     * findings.participantsAtLeast(kcontext, $u, "职工培训", $y, $q, $ev);   // 累计至少 200 人次
     * </pre>
     */
    public void participantsAtLeast(RuleContext kcontext, OrgUnit unit, String what, Period period, Quota quota,
                                    List<?> candidates) {
        total(kcontext, unit, what, period, quota, candidates, false);
    }

    /**
     * The {@code amount} of the records among {@code candidates} inside {@code period}, added up, must be at least
     * {@code quota.min} 元 ("全年慰问金累计不少于 20000 元"). Records are chosen as for {@link #atLeast}; records stating
     * money are never merged as copies, so two payments of one sum on one day both count. A record with no amount
     * adds nothing and is named in what was found; so is one of 0 yuan.
     */
    public void amountAtLeast(RuleContext kcontext, OrgUnit unit, String what, Period period, Quota quota,
                              List<?> candidates) {
        total(kcontext, unit, what, period, quota, candidates, true);
    }

    private void total(RuleContext kcontext, OrgUnit unit, String what, Period period, Quota quota, List<?> candidates,
                       boolean money) {
        List<Activity> all = sorted(candidates);
        Map<Counting.Verdict, List<Activity>> by = judge(period, all, false);
        List<Activity> inPeriod = by.get(Counting.Verdict.COUNTS);
        List<Activity> counted = inPeriod.stream()
                .filter(a -> money ? a.getAmount() != null : a.getParticipants() != null).toList();
        Set<Activity> countedSet = identitySet(counted);
        List<Activity> unstated = inPeriod.stream().filter(a -> !countedSet.contains(a)).toList();
        if (probe(kcontext, unit, what, period, counted)) {
            return;
        }
        BigDecimal total = BigDecimal.ZERO;
        for (Activity a : counted) {
            total = total.add(money ? a.getAmount() : BigDecimal.valueOf(a.getParticipants()));
        }
        BigDecimal min = BigDecimal.valueOf(quota.getMin());
        boolean met = total.compareTo(min) >= 0;
        Status status = met ? Status.MET : asOf.isBefore(period.getCloses()) ? Status.NOT_DUE : Status.GAP;
        String expected = what + "：" + period.getName() + "（" + period.describeDays() + "）内累计至少 " + Texts.measure(min, money);
        String found = "累计 " + Texts.measure(total, money) + (met ? "" : "，尚差 " + Texts.measure(min.subtract(total), money))
                + (counted.isEmpty() ? "，没有符合条件的记录"
                : "，" + counted.size() + " 条：" + (money ? Texts.withAmounts(counted) : withPeople(counted)));
        if (!unstated.isEmpty()) {
            found += "；未填" + (money ? "金额" : "人数") + "、不计入的另有 " + unstated.size() + " 条：" + Texts.records(unstated);
        }
        found += notCounted(by, false);
        record(kcontext, unit, new PartResult(what, period.getId(), period.getName(), period.getRanges(),
                period.getAnchor(), quota.getMin(), quota.getId(), idsOf(counted),
                others(all, counted), status, expected, found), all);
        for (Activity a : all) {
            used.add(a.getId());
        }
        if (period.getTriggerId() != null) {
            used.add(period.getTriggerId());
        }
    }

    /**
     * A rate from the unit's attributes: {@code numerator} ÷ {@code denominator} (attribute ids of the pack's
     * {@code unitAttributes}, both numbers) must be at least {@code rate.min} percent ("工会入会率达到80%以上"). The
     * figures are those the ledger states of the unit, judged whatever the as-of date. A unit that does not state
     * either figure, or whose denominator is 0, has a gap that says so: a rate that cannot be computed is never met.
     *
     * <pre>
     * $u : OrgUnit(level == UnitLevel.COMMUNITY)
     * $rate : Rate(id == "union-membership")
     * then
     * findings.ratioAtLeast(kcontext, $u, "工会入会率", "union-members", "employees", $rate);   // 会员/职工 ≥ 80%
     * </pre>
     */
    public void ratioAtLeast(RuleContext kcontext, OrgUnit unit, String what, String numerator, String denominator, Rate rate) {
        if (probed != null) {
            return;
        }
        UnitAttribute top = numberAttribute(kcontext, numerator);
        UnitAttribute bottom = numberAttribute(kcontext, denominator);
        if (top == null || bottom == null) {
            return;
        }
        String expected = what + "：" + top.name() + " / " + bottom.name() + "不低于 " + Percent.of(rate.getMin());
        BigDecimal part = (BigDecimal) unit.getAttributes().get(numerator);
        BigDecimal whole = (BigDecimal) unit.getAttributes().get(denominator);
        Status status = Status.GAP;
        String found;
        if (part == null || whole == null) {
            List<String> missing = new ArrayList<>();
            if (part == null) {
                missing.add(top.name());
            }
            if (whole == null) {
                missing.add(bottom.name());
            }
            found = "未填写" + String.join("、", missing) + "，无法计算";
        } else if (whole.signum() == 0) {
            found = bottom.name() + "为 0，无法计算";
        } else {
            Percent p = new Percent(part, whole, rate.getMin());
            status = p.met() ? Status.MET : Status.GAP;
            found = top.name() + " " + UnitAttribute.grouped(part) + " / " + bottom.name() + " " + UnitAttribute.grouped(whole)
                    + " = " + p.shown() + p.shortfall() + (part.compareTo(whole) > 0 ? "（" + top.name() + "大于" + bottom.name() + "，请核对）" : "");
        }
        record(kcontext, unit, new PartResult(what, null, "填报数", List.of(), null, 0, rate.getId(), List.of(), List.of(), status,
                expected, found), List.of());
    }

    /**
     * A rate from records: of the {@code communities} (the community {@link OrgUnit}s the rule collected), the share
     * that have at least one record among {@code candidates} inside {@code period} must be at least {@code rate.min}
     * percent ("80%以上的社区开展重阳敬老活动"). Records count as for {@link #present}; a record of a unit that is not among
     * the communities does not count. What was found names each community with its records, and those without.
     *
     * <pre>
     * $u : OrgUnit(level == UnitLevel.SUBDISTRICT)
     * $cs : List() from collect( OrgUnit(level == UnitLevel.COMMUNITY) )
     * $ev : List() from collect( Activity(kind == "elderly-care-event") )
     * then
     * findings.shareAtLeast(kcontext, $u, "开展重阳敬老活动的社区", $p, $rate, $cs, $ev);
     * </pre>
     */
    public void shareAtLeast(RuleContext kcontext, OrgUnit unit, String what, Period period, Rate rate, List<?> communities,
                             List<?> candidates) {
        List<OrgUnit> units = new ArrayList<>();
        for (Object o : communities) {
            units.add((OrgUnit) o);
        }
        units.sort(Comparator.comparing(OrgUnit::getId));
        Set<String> ids = units.stream().map(OrgUnit::getId).collect(Collectors.toSet());
        List<Activity> all = sorted(candidates);
        Map<Counting.Verdict, List<Activity>> by = judge(period, all, false);
        List<Activity> counted = by.get(Counting.Verdict.COUNTS).stream().filter(a -> ids.contains(a.getUnitId())).toList();
        List<Activity> elsewhere = by.get(Counting.Verdict.COUNTS).stream().filter(a -> !ids.contains(a.getUnitId())).toList();
        if (probe(kcontext, unit, what, period, counted)) {
            return;
        }
        Map<String, List<Activity>> byUnit = new LinkedHashMap<>();
        counted.forEach(a -> byUnit.computeIfAbsent(a.getUnitId(), k -> new ArrayList<>()).add(a));
        List<String> held = new ArrayList<>();
        List<String> notHeld = new ArrayList<>();
        for (OrgUnit c : units) {
            List<Activity> its = byUnit.get(c.getId());
            if (its == null) {
                notHeld.add(c.getId() + " " + c.getName());
            } else {
                held.add(c.getId() + " " + c.getName() + "：" + Texts.records(its));
            }
        }
        String expected = what + "：" + period.getName() + "（" + period.describeDays() + "）内有记录的社区不少于 " + Percent.of(rate.getMin());
        Status status;
        String found;
        if (units.isEmpty()) {
            status = Status.GAP;
            found = "提交中没有社区，无法计算";
        } else {
            Percent p = new Percent(BigDecimal.valueOf(held.size()), BigDecimal.valueOf(units.size()), rate.getMin());
            status = p.met() ? Status.MET : asOf.isBefore(period.getCloses()) ? Status.NOT_DUE : Status.GAP;
            found = units.size() + " 个社区中 " + held.size() + " 个有记录 = " + p.shown() + p.shortfall()
                    + (held.isEmpty() ? "" : "；有记录的社区：" + String.join("；", held))
                    + (notHeld.isEmpty() ? "" : "；没有记录的社区：" + String.join("、", notHeld));
        }
        if (!elsewhere.isEmpty()) {
            found += "；不属于所列社区、不计入的另有 " + elsewhere.size() + " 条：" + Texts.records(elsewhere);
        }
        found += notCounted(by, false);
        record(kcontext, unit, new PartResult(what, period.getId(), period.getName(), period.getRanges(),
                period.getAnchor(), 0, rate.getId(), idsOf(counted),
                others(all, counted), status, expected, found), all);
        for (Activity a : all) {
            used.add(a.getId());
        }
    }

    /** The number attribute a rate reads; a rule naming one the pack does not declare is the pack's error. */
    private UnitAttribute numberAttribute(RuleContext kcontext, String id) {
        UnitAttribute a = attributes.get(id);
        if (a == null || a.type() != UnitAttribute.Type.NUMBER) {
            String name = kcontext.getRule().getName();
            ruleErrors.add(rules.problemAt(ProblemCode.RULE_FAILED, name, "\"" + id + "\"", "规则 " + idOf(kcontext)
                    + " 的比率引用了" + (a == null ? "参数文件 unitAttributes 中没有的属性 \"" + id + "\"" : "有/无属性 \"" + id
                    + "\"，比率只能用数值属性") + "；数值属性：" + String.join("、", attributes.values().stream()
                    .filter(x -> x.type() == UnitAttribute.Type.NUMBER).map(UnitAttribute::id).toList())));
            return null;
        }
        return a;
    }

    private static String withPeople(List<Activity> records) {
        return String.join("、", records.stream().map(a -> a.getId() + "（" + a.getDate() + " " + a.getTitle() + "，"
                + (a.getParticipants() == null ? "未填人数" : a.getParticipants() + " 人") + "）").toList());
    }

    /**
     * Each {@code limit} record (a drive) against the {@code used} records that name it in {@code relatesTo}: money
     * is checked against the drive it came from, one part per drive, whoever filed the records. A breach is a gap
     * whatever the date.
     */
    public void notExceedingEach(RuleContext kcontext, OrgUnit unit, String what, List<?> usedRecords, List<?> limitRecords) {
        if (probed != null) {
            return;
        }
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
                    List.of(), ok ? Status.MET : Status.GAP, expected, found), List.of());
            evidence.forEach(used::add);
        }
    }

    private void require(RuleContext kcontext, OrgUnit unit, String what, Period period, int min, String quotaId,
                         List<?> candidates, boolean activitiesOnly) {
        List<Activity> all = sorted(candidates);
        Map<Counting.Verdict, List<Activity>> by = judge(period, all, activitiesOnly);
        List<Activity> counted = by.get(Counting.Verdict.COUNTS);
        if (probe(kcontext, unit, what, period, counted)) {
            return;
        }
        Status status;
        if (counted.size() >= min) {
            status = Status.MET;
        } else if (asOf.isBefore(period.getCloses())) {
            status = Status.NOT_DUE;
        } else {
            status = Status.GAP;
        }
        String expected = what + "：" + period.getName() + "（" + period.describeDays() + "）内至少 " + min + " 条";
        List<Activity> papers = by.get(Counting.Verdict.NOT_ACTIVITY);
        String found;
        if (!counted.isEmpty()) {
            found = counted.size() + " 条：" + Texts.records(counted);
        } else if (!papers.isEmpty()) {
            found = "只有方案、通知等记录，未见活动记录：" + withKinds(papers);
        } else {
            found = "没有符合条件的记录";
        }
        found += notCounted(by, counted.isEmpty());
        List<String> notCounted = others(all, counted);
        record(kcontext, unit, new PartResult(what, period.getId(), period.getName(), period.getRanges(),
                period.getAnchor(), min, quotaId, idsOf(counted),
                notCounted, status, expected, found), all);
        for (Activity a : all) {
            used.add(a.getId());
        }
        if (period.getTriggerId() != null) {
            used.add(period.getTriggerId());
        }
    }

    private Map<Counting.Verdict, List<Activity>> judge(Period period, List<Activity> all, boolean activitiesOnly) {
        Map<Counting.Verdict, List<Activity>> by = new EnumMap<>(Counting.Verdict.class);
        for (Counting.Verdict v : Counting.Verdict.values()) {
            by.put(v, new ArrayList<>());
        }
        for (Activity a : all) {
            by.get(counting.judge(period, a, activitiesOnly)).add(a);
        }
        return by;
    }

    /** What did not count and why, each as "；…另有 N 条：…"; papers only when something else counted. */
    private String notCounted(Map<Counting.Verdict, List<Activity>> by, boolean papersSaid) {
        StringBuilder s = new StringBuilder();
        List<Activity> papers = by.get(Counting.Verdict.NOT_ACTIVITY);
        if (!papers.isEmpty() && !papersSaid) {
            s.append("；不是活动（方案、通知等）、不计入的另有 ").append(papers.size()).append(" 条：").append(withKinds(papers));
        }
        List<Activity> nobody = by.get(Counting.Verdict.NOBODY);
        if (!nobody.isEmpty()) {
            s.append("；参加人数为 0、不计入的另有 ").append(nobody.size()).append(" 条：").append(Texts.records(nobody));
        }
        List<Activity> noMoney = by.get(Counting.Verdict.NO_MONEY);
        if (!noMoney.isEmpty()) {
            s.append("；金额为 0、不计入的另有 ").append(noMoney.size()).append(" 条：").append(Texts.records(noMoney));
        }
        List<Activity> outside = by.get(Counting.Verdict.OUTSIDE);
        if (!outside.isEmpty()) {
            s.append("；本时段外另有 ").append(outside.size()).append(" 条：").append(Texts.records(outside));
        }
        List<Activity> tooLong = by.get(Counting.Verdict.TOO_LONG);
        if (!tooLong.isEmpty()) {
            s.append("；持续超过 ").append(counting.longestSpan().days()).append(" 天、只在开始的时段计入的另有 ")
                    .append(tooLong.size()).append(" 条：").append(Texts.spans(tooLong));
        }
        return s.toString();
    }

    /** {@code a1（2023-04-01 清明祭扫工作方案，工作计划）} */
    private String withKinds(List<Activity> records) {
        return records.stream().map(a -> a.getId() + "（" + a.getDate() + " " + a.getTitle() + "，" + counting.kindName(a) + "）")
                .collect(Collectors.joining("、"));
    }

    /** In a probe run, notes what the part would count and returns true: nothing is recorded. */
    private boolean probe(RuleContext kcontext, OrgUnit unit, String what, Period period, List<Activity> counted) {
        if (probed == null) {
            return false;
        }
        probed.computeIfAbsent(key(idOf(kcontext), unit.getId(), what, period.getId()), k -> new ArrayList<>()).addAll(counted);
        return true;
    }

    private static String key(String ruleId, String unitId, String what, String periodId) {
        return ruleId + "\u0000" + unitId + "\u0000" + what + "\u0000" + periodId;
    }

    private static String idOf(RuleContext kcontext) {
        return idOf(kcontext.getRule());
    }

    private void record(RuleContext kcontext, OrgUnit unit, PartResult part, List<Activity> candidates) {
        // A rule records several parts in one firing, and fires for each unit in turn: its id and metadata are looked up
        // once for a run of calls.
        if (kcontext.getRule() != lastRule) {
            lastRule = kcontext.getRule();
            lastRuleId = idOf(kcontext);
            lastRuleInfo = rules.rule(lastRuleId);
        }
        String id = lastRuleId;
        String name = kcontext.getRule().getName();
        RuleInfo rule = lastRuleInfo;
        if (rule == null) {
            ruleErrors.add(rules.problemAt(ProblemCode.RULE_FAILED, name, null, "规则 \"" + name + "\" 的 id 无法识别"));
            return;
        }
        if (binding != null && binding.whyNot(rule, unit) != null) {
            return; // not bound: the report says why, whatever the rule found
        }
        if (!rule.scope().appliesTo(unit.getLevel())) {
            ruleErrors.add(rules.problemAt(ProblemCode.RULE_FAILED, name, null, "规则 " + id + " 的范围是“" + rule.scope().chineseName()
                    + "”，却为" + unit.getLevel().chineseName() + " " + unit.getId() + " 记录了结果；请在条件中限定 OrgUnit(level == …)"));
            return;
        }
        if (kcontext.getMatch() != lastMatch) {
            lastMatch = kcontext.getMatch();
            indexInMatch = 0;
            // The records the rule matched on (a trigger, a gate) are used, as are those an exists gate stands for.
            for (Object o : kcontext.getMatch().getObjects()) {
                if (o instanceof Activity a) {
                    used.add(a.getId());
                }
            }
            ExistsGates.satisfying(kcontext, records, rules.existsGates()).forEach(a -> used.add(a.getId()));
        }
        List<Recorded> list = byRuleAndUnit.computeIfAbsent(id, k -> new LinkedHashMap<>())
                .computeIfAbsent(unit.getId(), k -> new ArrayList<>());
        for (Recorded r : list) {
            if (r.part().what().equals(part.what()) && java.util.Objects.equals(r.part().periodId(), part.periodId())) {
                ruleErrors.add(twice(name, id, unit, part, bound(r.match()), bound(kcontext.getMatch())));
                return;
            }
        }
        // The match is kept, not its variables' values: they are read only to explain a requirement recorded twice, and
        // a match's facts do not change while the rules run (nothing is modified or retracted).
        list.add(new Recorded(part, indexInMatch++, kcontext.getMatch(), candidates));
    }

    /** The values the rule's variables had in a match, by variable. */
    private static Map<String, Object> bound(org.kie.api.runtime.rule.Match match) {
        Map<String, Object> bound = new LinkedHashMap<>();
        for (String variable : match.getDeclarationIds()) {
            bound.put(variable, match.getDeclarationValue(variable));
        }
        return bound;
    }

    /**
     * A rule recorded one requirement twice for a unit: a pattern outside {@code collect} matched two records and the
     * rule fired once for each. Names the pattern (its variable and line) and the two records, and what to write.
     */
    private Problem twice(String name, String id, OrgUnit unit, PartResult part, Map<String, Object> before,
                          Map<String, Object> now) {
        String variable = null;
        List<String> records = new ArrayList<>();
        for (Map.Entry<String, Object> e : now.entrySet()) {
            Object earlier = before.get(e.getKey());
            if (e.getValue() instanceof Activity a && earlier instanceof Activity b && a != b) {
                variable = e.getKey();
                records.add(b.getId());
                records.add(a.getId());
                break;
            }
        }
        String message = "规则 " + id + " 为单位 " + unit.getId() + " 两次记录了同一要求“" + part.what() + "”（" + part.periodName() + "）";
        if (variable == null) {
            boolean sameMatch = before.keySet().equals(now.keySet())
                    && now.entrySet().stream().allMatch(e -> before.get(e.getKey()) == e.getValue());
            message += sameMatch ? "：它的结论部分（then）两次报告了同名同时段的要求；请给每一部分不同的名称"
                    : "：它的条件为同一要求匹配了两次；请检查 collect 之外的条件";
            return rules.problemAt(ProblemCode.RULE_FAILED, name, null, message);
        }
        String v = variable.startsWith("$") ? variable : "$" + variable;
        message += "：条件 " + v + " 先后匹配了 " + String.join("、", records) + " 两条记录，规则因此触发两次。"
                + "只要求“有这类记录时才适用”的，请改写为 exists Activity(…)（不绑定变量）；每条记录各有一项要求的，"
                + "请把 " + v + " 传给时段（如 $deadline.after(" + v + ")）或写进要求的名称";
        return rules.problemAt(ProblemCode.RULE_FAILED, name, v + " :", message);
    }

    /** The check's records, among which {@code exists} gates are looked up (a gating record is used, not unmatched). */
    void records(List<Activity> records) {
        this.records = records;
    }

    /** Which units each rule binds, and the pack's unit attributes. */
    void binding(UnitBinding binding, Map<String, UnitAttribute> attributes) {
        this.binding = binding;
        this.attributes = attributes;
    }

    private static final Comparator<Activity> BY_DATE = (a, b) -> {
        int byDate = a.getDate().compareTo(b.getDate());
        return byDate != 0 ? byDate : a.getId().compareTo(b.getId());
    };

    private static List<Activity> sorted(List<?> records) {
        List<Activity> out = new ArrayList<>(records.size());
        for (Object o : records) {
            out.add((Activity) o);
        }
        out.sort(BY_DATE);
        return out;
    }

    /** The ids of the records of {@code all} that are not in {@code counted}, in order: one pass, not a search per record. */
    private static List<String> others(List<Activity> all, List<Activity> counted) {
        if (counted.isEmpty()) {
            return idsOf(all);
        }
        Set<Activity> in = identitySet(counted);
        String[] out = new String[all.size()];
        int n = 0;
        for (Activity a : all) {
            if (!in.contains(a)) {
                out[n++] = a.getId();
            }
        }
        return List.of(n == out.length ? out : java.util.Arrays.copyOf(out, n));
    }

    /** The records' ids, in order, as a list that {@link List#copyOf} keeps as it is. */
    private static List<String> idsOf(List<Activity> records) {
        String[] ids = new String[records.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = records.get(i).getId();
        }
        return List.of(ids);
    }

    /** Records are compared by identity (as {@code List.contains} compares them: {@link Activity} keeps Object's equals). */
    private static Set<Activity> identitySet(List<Activity> records) {
        Set<Activity> set = Collections.newSetFromMap(new IdentityHashMap<>(records.size() * 2));
        set.addAll(records);
        return set;
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

    /**
     * The rules with a part that is not met and has a period: the only parts to which {@link #addMissingOrganisers}
     * can add records, so the only rules a probe run needs to fire. Empty when there are none: then no probe is needed.
     */
    Set<String> rulesToProbe() {
        Set<String> out = new HashSet<>();
        for (Map.Entry<String, Map<String, List<Recorded>>> rule : byRuleAndUnit.entrySet()) {
            search:
            for (List<Recorded> list : rule.getValue().values()) {
                for (Recorded r : list) {
                    if (r.part().status() != Status.MET && r.part().periodId() != null) {
                        out.add(rule.getKey());
                        break search;
                    }
                }
            }
        }
        return out;
    }

    /** The id of a rule as the findings know it (its {@code @id}). */
    static String idOf(org.kie.api.definition.rule.Rule rule) {
        return String.valueOf(rule.getMetaData().get("id"));
    }

    /**
     * Adds to every unmet part the records that name no organiser but would count for it if they named one, as
     * found in a probe run on their copies ({@code copies}: each copy with its original record). Returns, for each
     * such record, the parts it would count for and the organiser each needs: the matter of a
     * {@code MISSING_ORGANISER} notice.
     */
    Map<Activity, Map<String, String>> addMissingOrganisers(Findings probe, Map<Activity, Activity> copies,
                                                            java.util.function.Function<String, String> organiserName) {
        Map<Activity, Map<String, String>> out = new java.util.TreeMap<>(BY_DATE);
        for (Map.Entry<String, Map<String, List<Recorded>>> rule : byRuleAndUnit.entrySet()) {
            for (Map.Entry<String, List<Recorded>> unit : rule.getValue().entrySet()) {
                List<Recorded> list = unit.getValue();
                for (int i = 0; i < list.size(); i++) {
                    PartResult p = list.get(i).part();
                    if (p.status() == Status.MET || p.periodId() == null) {
                        continue;
                    }
                    String key = key(rule.getKey(), unit.getKey(), p.what(), p.periodId());
                    List<Activity> candidates = list.get(i).candidates();
                    Map<Activity, String> missing = new java.util.TreeMap<>(BY_DATE);
                    for (Activity copy : probe.probed.getOrDefault(key, List.of())) {
                        Activity original = copies.get(copy);
                        if (original != null && candidates.stream().noneMatch(c -> c.getId().equals(original.getId()))) {
                            missing.merge(original, organiserName.apply(copy.getOrganiser()), (a, b) -> a + "或" + b);
                        }
                    }
                    if (missing.isEmpty()) {
                        continue;
                    }
                    Set<String> bodies = new java.util.TreeSet<>(missing.values());
                    String found = p.found() + "；另有 " + missing.size() + " 条未注明组织方、不计入："
                            + Texts.records(List.copyOf(missing.keySet())) + "；本项只计" + String.join("、", bodies)
                            + "组织的记录，确由其组织的请注明组织方";
                    list.set(i, new Recorded(new PartResult(p.what(), p.periodId(), p.periodName(), p.days(), p.anchor(),
                            p.min(), p.quotaId(), p.evidence(), p.outside(), p.status(), p.expected(), found),
                            list.get(i).indexInMatch(), list.get(i).match(), candidates));
                    missing.forEach((record, body) -> out.computeIfAbsent(record, r -> new LinkedHashMap<>())
                            .merge(rule.getKey() + "（" + p.what() + "）", body, (a, b) -> a));
                }
            }
        }
        return out;
    }

    /** The parts recorded for a rule and unit, in a stable order: by period, then as the rule recorded them. */
    List<PartResult> parts(String ruleId, String unitId) {
        List<Recorded> list = byRuleAndUnit.getOrDefault(ruleId, Map.of()).getOrDefault(unitId, List.of());
        if (list.size() == 1) {
            return List.of(list.get(0).part());
        }
        List<Recorded> sorted = new ArrayList<>(list);
        sorted.sort(PART_ORDER);
        List<PartResult> out = new ArrayList<>(sorted.size());
        for (Recorded r : sorted) {
            out.add(r.part());
        }
        return Collections.unmodifiableList(out);
    }

    private static final Comparator<Recorded> PART_ORDER = Comparator
            .comparing((Recorded r) -> r.part().opens(), Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(r -> r.part().closes(), Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparingInt(Recorded::indexInMatch)
            .thenComparing(r -> r.part().what());

    /** Units for which a rule recorded anything. */
    Set<String> unitsRecorded(String ruleId) {
        return byRuleAndUnit.getOrDefault(ruleId, Map.of()).keySet();
    }

    Set<String> used() {
        return used;
    }

    List<Problem> ruleErrors() {
        return ruleErrors;
    }
}
