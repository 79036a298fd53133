package dev.plancheck.mutation;

import dev.plancheck.engine.Reports;
import dev.plancheck.pack.PackLoader;
import dev.plancheck.pack.LoadedPack;
import dev.plancheck.report.Notice;
import dev.plancheck.input.Problem;
import dev.plancheck.report.Report;
import dev.plancheck.RulePack;
import dev.plancheck.input.RulePackException;
import dev.plancheck.engine.CompiledRules;
import dev.plancheck.engine.Evaluation;
import dev.plancheck.model.Quota;
import dev.plancheck.pack.RuleSet;
import dev.plancheck.scenario.CaseOutcome;
import dev.plancheck.scenario.ScenarioCase;
import dev.plancheck.scenario.ScenarioFile;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Rule mutation testing: for every rule of a pack, weakens each of its conditions in turn ({@link DrlMutator}),
 * compiles the changed file, runs the rule's own scenario cases against it, and reports each mutant no case notices.
 * A rule is ready when none of its mutants survives: then every condition it states is one its scenarios prove.
 *
 * <p>Only the rule's own scenario files judge its mutants: a mutant killed by chance through another rule's case
 * says nothing about the rule's scenarios. That also keeps the run short: each mutant compiles only its own file
 * (a tenth of the pack), and the records that other files' rules use are worked out once per file, so the notices
 * ("used by no rule") come out exactly as with the whole pack.
 *
 * <pre>{@code
 * ScenarioRunner runner = new ScenarioRunner(PlanChecker.create(pack));
 * List<ScenarioFile> scenarios = List.of(runner.prepare(Path.of("scenarios/s01/R1.2-1.json")));
 * MutationReport report = new MutationTester(pack, scenarios).run(2);
 * report.write(new PrintWriter(System.out, true), false);
 * }</pre>
 */
public final class MutationTester {
    private static final Pattern QUOTA_ID = Pattern.compile("id\\s*==\\s*\"([^\"]+)\"");

    private final LoadedPack pack;
    private final Map<String, List<ScenarioFile>> scenariosByRule = new LinkedHashMap<>();
    private final List<Mutant> mutants = new ArrayList<>();
    private final Map<String, Prepared> byFile = new ConcurrentHashMap<>();

    /** Mutants of every rule of the pack. */
    public MutationTester(RulePack pack, List<ScenarioFile> scenarios) {
        this(pack, scenarios, id -> true);
    }

    /** Mutants of the rules whose ids pass {@code rules}. */
    public MutationTester(RulePack pack, List<ScenarioFile> scenarios, Predicate<String> rules) {
        this.pack = PackLoader.reload(pack.origin());
        for (ScenarioFile s : scenarios) {
            scenariosByRule.computeIfAbsent(s.rule().id(), k -> new ArrayList<>()).add(s);
        }
        for (Map.Entry<String, String> drl : this.pack.ruleSet().drl().entrySet()) {
            DrlMutator.mutants(drl.getKey(), drl.getValue()).stream().filter(m -> rules.test(m.ruleId()))
                    .filter(this::possible).forEach(mutants::add);
        }
    }

    /** A quota of 1, or a rate of 0.1%, cannot be lowered (each must stay above 0): that mutant is left out. */
    private boolean possible(Mutant m) {
        if (m.kind() == Mutant.Kind.LOWER_RATE) {
            Matcher id = QUOTA_ID.matcher(m.original());
            dev.plancheck.model.Rate r = id.find() ? pack.parameters().units().rates().get(id.group(1)) : null;
            return r == null || r.getMin().compareTo(new java.math.BigDecimal("0.1")) > 0;
        }
        if (m.kind() != Mutant.Kind.LOWER_QUOTA) {
            return true;
        }
        Matcher id = QUOTA_ID.matcher(m.original());
        Quota q = id.find() ? pack.parameters().quotas().get(id.group(1)) : null;
        return q == null || q.getMin() > 1;
    }

    /** The mutants this tester will try, in file and line order. */
    public List<Mutant> mutants() {
        return List.copyOf(mutants);
    }

    /** Tries every mutant, on {@code threads} threads; the report is the same whatever the number of threads. */
    public MutationReport run(int threads) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
        try {
            List<Future<MutantResult>> futures = new ArrayList<>();
            for (Mutant m : mutants) {
                futures.add(pool.submit(() -> judge(m)));
            }
            List<MutantResult> results = new ArrayList<>();
            for (Future<MutantResult> f : futures) {
                results.add(f.get());
            }
            List<String> baseline = new ArrayList<>();
            mutants.stream().map(Mutant::file).distinct().sorted().map(byFile::get)
                    .forEach(p -> baseline.addAll(p.failures));
            Set<String> untested = mutants.stream().map(Mutant::ruleId).filter(id -> !scenariosByRule.containsKey(id))
                    .collect(Collectors.toCollection(TreeSet::new));
            return new MutationReport(pack.id(), results, baseline, List.copyOf(untested));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RulePackException rpe) {
                throw rpe;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private MutantResult judge(Mutant m) {
        List<ScenarioFile> files = scenariosByRule.getOrDefault(m.ruleId(), List.of());
        if (files.isEmpty()) {
            return new MutantResult(m, MutantResult.Status.SURVIVED, "");
        }
        Prepared prepared = byFile.computeIfAbsent(m.file(), this::prepare);
        CompiledRules compiled;
        try {
            compiled = CompiledRules.compile(only(m.file(), m.mutatedDrl()));
        } catch (RulePackException e) {
            String first = e.problems().stream().map(Problem::message).findFirst().orElse(e.getMessage());
            return new MutantResult(m, MutantResult.Status.COMPILE_ERROR, first.lines().findFirst().orElse(""));
        }
        for (ScenarioFile file : files) {
            for (ScenarioCase c : file.cases()) {
                if (!prepared.elsewhere.containsKey(c)) {
                    continue; // the case fails on the unmutated rules, or belongs to a rule of another file
                }
                CaseOutcome o;
                try {
                    o = c.judge(evaluate(compiled, c, prepared.elsewhere.get(c)));
                } catch (RuntimeException e) {
                    return new MutantResult(m, MutantResult.Status.KILLED, where(file, c) + "（检查时出错：" + e.getMessage() + "）");
                }
                if (!o.passed()) {
                    return new MutantResult(m, MutantResult.Status.KILLED, where(file, c));
                }
            }
        }
        return new MutantResult(m, MutantResult.Status.SURVIVED, "");
    }

    private static String where(ScenarioFile file, ScenarioCase c) {
        return file.file() + ":" + c.line() + " " + c.name();
    }

    /** What a file's mutants are judged against: which cases pass unmutated, and what other files' rules say. */
    private static final class Prepared {
        final Map<ScenarioCase, Elsewhere> elsewhere = new LinkedHashMap<>();
        final List<String> failures = new ArrayList<>();
    }

    /**
     * The notices that depend on the whole pack, as the other files' rules give them: the records they leave unused,
     * and the records they would count if the records named an organiser.
     */
    private record Elsewhere(Set<String> unmatched, List<Notice> missingOrganiser) {
        static Elsewhere of(Report r) {
            return new Elsewhere(r.notices().stream().filter(n -> n.type() == Notice.Type.UNMATCHED).map(Notice::recordId)
                    .collect(Collectors.toSet()),
                    r.notices().stream().filter(n -> n.type() == Notice.Type.MISSING_ORGANISER).toList());
        }
    }

    private Prepared prepare(String file) {
        Prepared p = new Prepared();
        Map<String, String> others = new LinkedHashMap<>(pack.ruleSet().drl());
        others.remove(file);
        CompiledRules rest = others.isEmpty() ? null : CompiledRules.compile(with(others));
        CompiledRules original = CompiledRules.compile(only(file, pack.ruleSet().drl().get(file)));
        Set<String> rulesOfFile = original.rules().stream().map(r -> r.id()).collect(Collectors.toSet());
        for (Map.Entry<String, List<ScenarioFile>> e : scenariosByRule.entrySet()) {
            if (!rulesOfFile.contains(e.getKey())) {
                continue;
            }
            for (ScenarioFile s : e.getValue()) {
                for (ScenarioCase c : s.cases()) {
                    Elsewhere elsewhere = rest == null ? null : Elsewhere.of(run(rest, c));
                    CaseOutcome o = c.judge(evaluate(original, c, elsewhere));
                    if (o.passed()) {
                        p.elsewhere.put(c, elsewhere);
                    } else {
                        p.failures.add(where(s, c) + "：" + String.join("；", o.mismatches()));
                    }
                }
            }
        }
        return p;
    }

    private Report evaluate(CompiledRules rules, ScenarioCase c, Elsewhere elsewhere) {
        Report r = run(rules, c);
        if (elsewhere == null) {
            return r;
        }
        // A record is used by no rule of the pack only if no rule of the other files uses it either, and it lacks an
        // organiser for the pack if it does for the rules of this file or of the others.
        Set<String> asked = new HashSet<>();
        r.notices().stream().filter(n -> n.type() == Notice.Type.MISSING_ORGANISER).forEach(n -> asked.add(n.recordId()));
        List<Notice> notices = new ArrayList<>();
        elsewhere.missingOrganiser().stream().filter(n -> asked.add(n.recordId())).forEach(notices::add);
        r.notices().stream().filter(n -> n.type() != Notice.Type.UNMATCHED
                || (elsewhere.unmatched().contains(n.recordId()) && !asked.contains(n.recordId()))).forEach(notices::add);
        notices.sort(Comparator.comparing(Notice::recordId).thenComparing(Notice::type));
        return Reports.withGapsAndNotices(r, r.gaps(), notices);
    }

    private Report run(CompiledRules rules, ScenarioCase c) {
        return Evaluation.run(rules, pack, c.submission(), c.asOf() == null ? pack.lastDay() : c.asOf(),
                pack.parameters().comingDueDays());
    }

    private RuleSet only(String file, String text) {
        return with(Map.of(file, text));
    }

    private RuleSet with(Map<String, String> drl) {
        RuleSet rs = pack.ruleSet();
        return new RuleSet(rs.name(), rs.dir(), drl, rs.clauses(), rs.vocabulary());
    }
}
