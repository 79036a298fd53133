package dev.plancheck.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plancheck.report.Gap;
import dev.plancheck.PlanChecker;
import dev.plancheck.report.Report;
import dev.plancheck.report.RuleResult;
import dev.plancheck.report.Status;
import dev.plancheck.input.Submission;
import dev.plancheck.model.Activity;
import dev.plancheck.report.JsonReportWriter;
import dev.plancheck.testing.Checkers;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Properties of a check over generated submissions: subsets of the compliant sample ledger, with a duplicate of a
 * record added now and then, so that gaps, met rules, duplicates and unmatched records all occur.
 */
class CheckPropertiesTest {
    private static final PlanChecker CHECKER = Checkers.dianchang2023();
    private static final Submission COMPLIANT = read();
    /** The one rule that a further record can break: spending may not exceed what was raised. */
    private static final String LIMIT_RULE = "R10.3-2";

    private static Submission read() {
        try {
            return CHECKER.read(Path.of("../sample-data/dianchang-2023/compliant.json"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Records of the compliant ledger, chosen at random, with what they refer to, and maybe a duplicate. */
    @Provide
    Arbitrary<List<Activity>> ledgers() {
        List<Activity> all = COMPLIANT.activities();
        return Arbitraries.integers().between(0, all.size() - 1).set().ofMaxSize(all.size())
                .flatMap(chosen -> Arbitraries.integers().between(-1, all.size() - 1).map(twin -> {
                    List<Activity> out = closed(chosen.stream().sorted().map(all::get).toList());
                    if (twin >= 0 && out.contains(all.get(twin))) {
                        Activity a = all.get(twin);
                        // The same activity recorded twice under another id: counted once, whichever comes first.
                        out.add(Activity.builder("DUP-" + a.getId()).unitId(a.getUnitId()).kind(a.getKind()).date(a.getDate())
                                .endDate(a.getEndDate()).title(a.getTitle()).topics(a.getTopics()).groups(a.getGroups())
                                .participants(a.getParticipants()).amount(a.getAmount()).honourLevel(a.getHonourLevel())
                                .relatesTo(a.getRelatesTo()) // a copy of a record that must name another names it too
                                .description(a.getDescription()).build());
                    }
                    return out;
                }));
    }

    /** Adds the records that the chosen ones refer to, so that the submission stays valid. */
    private static List<Activity> closed(List<Activity> chosen) {
        Map<String, Activity> byId = COMPLIANT.activities().stream()
                .collect(Collectors.toMap(Activity::getId, a -> a, (a, b) -> a, LinkedHashMap::new));
        Map<String, Activity> out = new LinkedHashMap<>();
        for (Activity a : chosen) {
            for (Activity x = a; x != null && out.putIfAbsent(x.getId(), x) == null; ) {
                x = x.getRelatesTo() == null ? null : byId.get(x.getRelatesTo());
            }
        }
        return new ArrayList<>(out.values());
    }

    private static Report check(List<Activity> activities) throws Exception {
        return CHECKER.check(Submission.of("generated", COMPLIANT.year(), COMPLIANT.units(), activities));
    }

    private static String json(Report r) throws Exception {
        StringBuilder sb = new StringBuilder();
        new JsonReportWriter().write(List.of(r), false, sb);
        return sb.toString();
    }

    @Property(tries = 25)
    void shuffled_records_give_a_byte_identical_json_report(@ForAll("ledgers") List<Activity> ledger,
                                                            @ForAll Random random) throws Exception {
        List<Activity> shuffled = new ArrayList<>(ledger);
        Collections.shuffle(shuffled, random);
        assertEquals(json(check(ledger)), json(check(shuffled)));
    }

    @Property(tries = 25)
    void removing_every_evidence_record_of_a_met_rule_turns_it_into_a_gap(@ForAll("ledgers") List<Activity> ledger,
                                                                         @ForAll Random random) throws Exception {
        Report before = check(ledger);
        List<RuleResult> met = before.results().stream()
                .filter(r -> r.status() == Status.MET && !r.rule().conditional() && !r.evidence().isEmpty()).toList();
        if (met.isEmpty()) {
            return;
        }
        RuleResult target = met.get(random.nextInt(met.size()));
        Set<String> gone = new HashSet<>(target.evidence());
        // A duplicate of an evidence record is the same activity: it goes too, and so does the original when the copy
        // was the one counted (the copy that counts is decided by body and id, so it may be either).
        gone.addAll(gone.stream().map(id -> "DUP-" + id).toList());
        gone.addAll(gone.stream().filter(id -> id.startsWith("DUP-")).map(id -> id.substring(4)).toList());
        gone.addAll(ledger.stream().filter(a -> a.getId().startsWith("DUP-") && gone.contains(a.getId().substring(4)))
                .map(Activity::getId).toList());
        List<Activity> rest = ledger.stream().filter(a -> !gone.contains(a.getId())
                && (a.getRelatesTo() == null || !gone.contains(a.getRelatesTo()))).toList();
        Report after = check(rest);
        RuleResult now = after.results().stream()
                .filter(r -> r.rule().id().equals(target.rule().id()) && r.unit().getId().equals(target.unit().getId()))
                .findFirst().orElseThrow();
        assertEquals(Status.GAP, now.status(), target.rule().id() + " for " + target.unit().getId()
                + " without " + target.evidence());
    }

    @Property(tries = 25)
    void adding_a_record_never_turns_a_presence_or_quota_rule_into_a_gap(@ForAll("ledgers") List<Activity> ledger,
                                                                         @ForAll Random random) throws Exception {
        List<Activity> missing = COMPLIANT.activities().stream().filter(a -> !ledger.contains(a)).toList();
        if (missing.isEmpty()) {
            return;
        }
        List<Activity> more = new ArrayList<>(ledger);
        more.addAll(closed(List.of(missing.get(random.nextInt(missing.size())))).stream()
                .filter(a -> !ledger.contains(a)).toList());
        Set<String> gapsBefore = gaps(check(ledger));
        Set<String> gapsAfter = gaps(check(more));
        gapsAfter.removeAll(gapsBefore);
        assertTrue(gapsAfter.isEmpty(), "new gaps after adding a record: " + gapsAfter);
    }

    /** Gaps of rules that a further record can only help: neither conditional nor a spending limit. */
    private static Set<String> gaps(Report r) {
        Set<String> out = new HashSet<>();
        for (Gap g : r.gaps()) {
            if (!g.rule().conditional() && !g.ruleId().equals(LIMIT_RULE)) {
                out.add(g.ruleId() + "@" + g.unit().getId());
            }
        }
        return out;
    }

    @Property(tries = 5)
    void one_checker_shared_by_eight_threads_gives_the_same_reports_as_one_thread(
            @ForAll("ledgers") List<Activity> a, @ForAll("ledgers") List<Activity> b) throws Exception {
        List<List<Activity>> work = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            work.add(i % 2 == 0 ? a : b);
        }
        List<String> expected = new ArrayList<>();
        for (List<Activity> w : work) {
            expected.add(json(check(w)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> futures = new ArrayList<>();
            for (List<Activity> w : work) {
                futures.add(pool.submit(() -> json(check(w))));
            }
            for (int i = 0; i < work.size(); i++) {
                assertEquals(expected.get(i), futures.get(i).get());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
