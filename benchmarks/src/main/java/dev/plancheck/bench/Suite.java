package dev.plancheck.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plancheck.PlanChecker;
import dev.plancheck.RulePack;
import dev.plancheck.input.Submission;
import dev.plancheck.engine.CompiledRules;
import dev.plancheck.pack.LoadedPack;
import dev.plancheck.pack.PackLoader;
import dev.plancheck.pack.ResourceDir;
import dev.plancheck.pack.RuleSet;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The benchmark suite: every figure of issue 10 beside its baseline, measured in one run. Run from the repository
 * root with {@code benchmarks/run} (see docs/performance.md).
 *
 * <pre>
 * benchmarks/run                       # the whole suite
 * benchmarks/run embed                 # the runtime as an embedder gets it: jars, classes loaded, cold start
 * benchmarks/run service               # the service at one client beside the library's read + check
 * benchmarks/run national 11000        # the national run over 11,000 communities (-Xmx512m)
 * benchmarks/run jmh WarmCheckBenchmark
 * </pre>
 */
public final class Suite {
    static final long SEED = 42;
    private final Path root;
    private final int runs;

    private Suite(Path root, int runs) {
        this.root = root;
        this.runs = runs;
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("jmh")) {
            org.openjdk.jmh.Main.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (args.length > 0 && args[0].equals("profile")) {
            Profile.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (args.length > 0 && args[0].equals("national")) {
            National.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (args.length > 0 && args[0].equals("generate")) {
            long records = new CityGenerator(SEED).writeCity(Path.of(args[2]), Integer.parseInt(args[1]), 200);
            System.out.println(records + " records written to " + args[2]);
            return;
        }
        if (args.length > 1 && args[0].equals("naive")) {
            naiveChild(Path.of(args[1]));
            return;
        }
        int runs = 11;
        List<String> sections = new ArrayList<>();
        for (String a : args) {
            if (a.matches("\\d+")) {
                runs = Integer.parseInt(a);
            } else {
                sections.add(a);
            }
        }
        new Suite(Path.of("").toAbsolutePath(), runs).run(sections.isEmpty()
                ? List.of("embed", "cold", "creation", "warm", "service", "city", "scaling") : sections);
    }

    private void run(List<String> sections) throws Exception {
        System.out.println("plancheck benchmark suite — " + java.time.Instant.now().toString().substring(0, 19) + "Z");
        System.out.println("machine: " + Runtime.getRuntime().availableProcessors() + " cores, load average "
                + String.format(Locale.ROOT, "%.1f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage())
                + ", java " + System.getProperty("java.version") + ", max heap "
                + Runtime.getRuntime().maxMemory() / (1 << 20) + " MB");
        System.out.println("Each figure is printed beside its baseline, measured the same way in this run.");
        System.out.println();
        if (sections.contains("embed")) {
            new Embedder(root, runs).run();
        }
        if (sections.contains("cold")) {
            new ColdStart(root, runs).run();
        }
        if (sections.contains("creation")) {
            creation();
        }
        if (sections.contains("warm")) {
            warmLatency();
        }
        if (sections.contains("service")) {
            ServiceLatency.run();
        }
        if (sections.contains("city")) {
            city();
        }
        if (sections.contains("scaling")) {
            scaling();
        }
        System.out.println();
        System.out.println("load average at the end: " + String.format(Locale.ROOT, "%.1f",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
    }

    // ---- checker creation ----

    private void creation() throws Exception {
        Path external = externalCopy(Files.createTempDirectory("plancheck-bench"));
        long first = time(() -> PlanChecker.create(RulePack.bundled()));
        List<Long> bundled = new ArrayList<>();
        List<Long> drl = new ArrayList<>();
        time(() -> PlanChecker.create(RulePack.load(external)));
        for (int i = 0; i < 5; i++) {
            bundled.add(time(() -> PlanChecker.create(RulePack.bundled())));
            drl.add(time(() -> PlanChecker.create(RulePack.load(external))));
        }
        System.out.println("== Checker creation, in process (median of 5 after one warm-up, interleaved)");
        row("bundled pack, rules compiled at build time", ms(median(bundled)), "same pack as external pack (DRL compiled now)",
                ms(median(drl)), ratio(median(bundled), median(drl)), "");
        System.out.println("   the first creation in this JVM (classes loading too): " + ms(first));
        System.out.println();
    }

    /** The bundled 2023 pack with its rule set copied to disk: it then loads as a rule author's pack and compiles DRL. */
    static Path externalCopy(Path dir) throws IOException {
        Path rules = Files.createDirectories(dir.resolve("rules"));
        ResourceDir bundled = new ResourceDir.Classpath(RuleSet.BUNDLED_ROOT + "/dianchang");
        JsonNode index = Workloads.MAPPER.readTree(bundled.read("ruleset.json"));
        List<String> files = new ArrayList<>(List.of("ruleset.json", "clauses.json", "vocabulary.json"));
        index.get("files").forEach(f -> files.add(f.asText()));
        for (String f : files) {
            Files.write(rules.resolve(f), bundled.read(f));
        }
        ObjectNode pack = (ObjectNode) Workloads.MAPPER.readTree(
                new ResourceDir.Classpath(RuleSet.BUNDLED_ROOT).read("dianchang-2023.json"));
        pack.put("ruleSet", "./rules");
        Path file = dir.resolve("pack.json");
        Workloads.MAPPER.writeValue(file.toFile(), pack);
        return file;
    }

    // ---- warm latency ----

    private void warmLatency() throws Exception {
        PlanChecker checker = PlanChecker.create();
        byte[] ledger;
        try (InputStream in = Suite.class.getResourceAsStream("compliant.json")) {
            ledger = in.readAllBytes();
        }
        Submission parsed = checker.read("compliant.json", ledger);
        // At least 500 runs and 15 s: on a busy machine the JIT's threads get the cores late.
        long warmUntil = System.nanoTime() + 15_000_000_000L;
        for (int i = 0; i < 500 || System.nanoTime() < warmUntil; i++) {
            checker.check(checker.read("compliant.json", ledger));
        }
        int n = 2000;
        long[] check = new long[n];
        long[] read = new long[n];
        long[] readCheck = new long[n];
        long[] tree = new long[n];
        long[] jackson = new long[n];
        // CPU time of this thread too: on a shared machine the wall clock also counts the time the thread waited.
        long[] checkCpu = new long[n];
        long[] readCpu = new long[n];
        long[] readCheckCpu = new long[n];
        long[] treeCpu = new long[n];
        for (int i = 0; i < n; i++) {
            long c0 = cpu();
            long t0 = System.nanoTime();
            checker.check(parsed);
            long t1 = System.nanoTime();
            long c1 = cpu();
            checker.read("compliant.json", ledger);
            long t2 = System.nanoTime();
            long c2 = cpu();
            checker.check(checker.read("compliant.json", ledger));
            long t3 = System.nanoTime();
            long c3 = cpu();
            Workloads.MAPPER.readTree(ledger);
            long t4 = System.nanoTime();
            long c4 = cpu();
            Workloads.jacksonRecords(ledger);
            long t5 = System.nanoTime();
            check[i] = t1 - t0;
            read[i] = t2 - t1;
            readCheck[i] = t3 - t2;
            tree[i] = t4 - t3;
            jackson[i] = t5 - t4;
            checkCpu[i] = c1 - c0;
            readCpu[i] = c2 - c1;
            readCheckCpu[i] = c3 - c2;
            treeCpu[i] = c4 - c3;
        }
        for (long[] xs : List.of(check, read, readCheck, tree, jackson, checkCpu, readCpu, readCheckCpu, treeCpu)) {
            Arrays.sort(xs);
        }
        System.out.println("== Warm latency, one subdistrict's ledger (compliant sample, " + parsed.activities().size()
                + " records, " + ledger.length + " bytes; " + n + " runs after ≥ 500 warm-up runs and ≥ 15 s, the five operations interleaved)");
        String yardstick = "Jackson readTree of the same bytes, p50";
        row("check, p50", msf(pct(check, 50)), "", "", "", "target ≤ 1 ms: " + (pct(check, 50) <= 1_000_000 ? "met" : "missed"));
        row("check, p99", msf(pct(check, 99)), "", "", "", "");
        row("read + validate, p50", msf(pct(read, 50)), yardstick, msf(pct(tree, 50)), ratio(pct(read, 50), pct(tree, 50)),
                "target ≤ 3×: " + (pct(read, 50) <= 3 * pct(tree, 50) ? "met" : "missed"));
        row("read + validate + check, p50", msf(pct(readCheck, 50)), yardstick, msf(pct(tree, 50)),
                ratio(pct(readCheck, 50), pct(tree, 50)), "target ≤ 6×: " + (pct(readCheck, 50) <= 6 * pct(tree, 50) ? "met" : "missed"));
        row("read + validate + check, p99", msf(pct(readCheck, 99)), "Jackson readTree of the same bytes, p99", msf(pct(tree, 99)),
                ratio(pct(readCheck, 99), pct(tree, 99)), "");
        row("read + validate, p50", msf(pct(read, 50)), "Jackson reading the same bytes into the same records, p50",
                msf(pct(jackson, 50)), ratio(pct(read, 50), pct(jackson, 50)), "");
        String cpuYardstick = "Jackson readTree, CPU time of the thread, p50";
        row("check, CPU time of the thread, p50", msf(pct(checkCpu, 50)), "", "", "", "");
        row("read + validate, CPU time, p50", msf(pct(readCpu, 50)), cpuYardstick, msf(pct(treeCpu, 50)),
                ratio(pct(readCpu, 50), pct(treeCpu, 50)), "");
        row("read + validate + check, CPU time, p50", msf(pct(readCheckCpu, 50)), cpuYardstick, msf(pct(treeCpu, 50)),
                ratio(pct(readCheckCpu, 50), pct(treeCpu, 50)), "");
        System.out.println();
    }

    // ---- throughput over a generated city, and scaling ----

    private void city() throws Exception {
        PlanChecker checker = PlanChecker.create();
        Path data = Files.createDirectories(root.resolve("benchmarks/target/bench-data"));
        Path city = generated(data, 2000);
        // warm-up: a smaller city through every path
        Path small = generated(data, 250);
        Workloads.endToEnd(checker, small);
        Workloads.jacksonOnly(small);

        List<Double> e2e = new ArrayList<>();
        List<Double> jackson = new ArrayList<>();
        List<Double> e2eCpu = new ArrayList<>();
        List<Double> jacksonCpu = new ArrayList<>();
        long records = 0;
        for (int r = 0; r < 3; r++) {
            long c0 = cpu();
            long t0 = System.nanoTime();
            records = Workloads.jacksonOnly(city);
            long t1 = System.nanoTime();
            long c1 = cpu();
            Workloads.endToEnd(checker, city);
            long t2 = System.nanoTime();
            long c2 = cpu();
            jackson.add(records / ((t1 - t0) / 1e9));
            e2e.add(records / ((t2 - t1) / 1e9));
            jacksonCpu.add(records / ((c1 - c0) / 1e9));
            e2eCpu.add(records / ((c2 - c1) / 1e9));
        }
        double smallE2e = Double.MAX_VALUE; // the slower of two passes
        for (int r = 0; r < 2; r++) {
            long t0 = System.nanoTime();
            long n = Workloads.endToEnd(checker, small);
            smallE2e = Math.min(smallE2e, n / ((System.nanoTime() - t0) / 1e9));
        }
        // Naive Drools grows faster than linearly: it runs in a child JVM that is stopped after NAIVE_LIMIT_S.
        String naiveSmall = naiveInChild(small);
        String naiveCity = naiveInChild(city);
        System.out.println("== Throughput, generated city: 2,000 communities in 200 subdistricts, " + records
                + " records, seed " + SEED + ", one thread (median of 3; naive Drools once, in a child JVM, stopped after " + NAIVE_LIMIT_S + " s)");
        double e = medianD(e2e);
        row("end to end from the file (read, validate, check, JSON report)", recs(e),
                "Jackson reading the same file into the same records", recs(medianD(jackson)),
                String.format(Locale.ROOT, "%.2f×", e / medianD(jackson)),
                "target ≥ 0.5×: " + (e / medianD(jackson) >= 0.5 ? "met" : "missed"));
        row("the same, per CPU second of the working thread", recs(medianD(e2eCpu)),
                "Jackson, per CPU second of the working thread", recs(medianD(jacksonCpu)),
                String.format(Locale.ROOT, "%.2f×", medianD(e2eCpu) / medianD(jacksonCpu)), "");
        naiveRow("2,000 communities", e, naiveCity);
        naiveRow("250 communities", smallE2e, naiveSmall);
        System.out.println();

        System.out.println();
    }

    private void scaling() throws Exception {
        PlanChecker checker = PlanChecker.create();
        Path data = Files.createDirectories(root.resolve("benchmarks/target/bench-data"));
        Workloads.endToEnd(checker, generated(data, 250)); // warm-up
        System.out.println("== Scaling, end to end, one thread (median of 3 interleaved rounds; wall clock, then CPU time of the working"
                + " thread, which a busy machine disturbs less)");
        double base = 0;
        double worst = 0;
        double baseCpu = 0;
        double worstCpu = 0;
        int[] sizes = {250, 1000, 4000};
        List<List<Double>> wall = new ArrayList<>();
        List<List<Double>> cpu = new ArrayList<>();
        long[] counts = new long[sizes.length];
        for (int s = 0; s < sizes.length; s++) {
            wall.add(new ArrayList<>());
            cpu.add(new ArrayList<>());
        }
        // Rounds outside, sizes inside: the JIT keeps improving for minutes, and a busy machine changes pace, so
        // measuring each size in turn would credit whichever came last.
        for (int r = 0; r < 3; r++) {
            for (int s = 0; s < sizes.length; s++) {
                Path file = generated(data, sizes[s]);
                long c0 = cpu();
                long t0 = System.nanoTime();
                long n = Workloads.endToEnd(checker, file);
                wall.get(s).add(n / ((System.nanoTime() - t0) / 1e9));
                cpu.get(s).add(n / ((cpu() - c0) / 1e9));
                counts[s] = n;
            }
        }
        for (int s = 0; s < sizes.length; s++) {
            double m = medianD(wall.get(s));
            double mc = medianD(cpu.get(s));
            if (base == 0) {
                base = m;
                baseCpu = mc;
            }
            worst = Math.max(worst, Math.abs(m / base - 1));
            worstCpu = Math.max(worstCpu, Math.abs(mc / baseCpu - 1));
            row(String.format(Locale.ROOT, "%,d communities (%,d records), wall", sizes[s], counts[s]), recs(m),
                    "250 communities", recs(base), String.format(Locale.ROOT, "%.2f×", m / base), "");
            row(String.format(Locale.ROOT, "%,d communities, per CPU second", sizes[s]), recs(mc),
                    "250 communities", recs(baseCpu), String.format(Locale.ROOT, "%.2f×", mc / baseCpu), "");
        }
        System.out.println(String.format(Locale.ROOT,
                "   largest deviation from the 250-community rate: wall %.0f%%, CPU %.0f%% (target ±20%%: %s by wall, %s by CPU)",
                worst * 100, worstCpu * 100, worst <= 0.2 ? "met" : "missed", worstCpu <= 0.2 ? "met" : "missed"));
    }

    static final int NAIVE_LIMIT_S = 150;

    private static void naiveRow(String what, double e2e, String naive) {
        if (naive.startsWith("> ")) {
            double bound = Double.parseDouble(naive.substring(2));
            row("end to end, " + what, recs(e2e), "naive Drools (one session, all inserted, fired once)",
                    "< " + recs(bound), String.format(Locale.ROOT, "> %.1f×", e2e / bound),
                    "target > 1×: met (naive stopped after " + NAIVE_LIMIT_S + " s)");
        } else {
            double n = Double.parseDouble(naive);
            row("end to end, " + what, recs(e2e), "naive Drools (one session, all inserted, fired once)", recs(n),
                    String.format(Locale.ROOT, "%.2f×", e2e / n), "target > 1×: " + (e2e > n ? "met" : "missed"));
        }
    }

    /** Records/s of naive Drools over a city file, measured in a child JVM; "> bound" when it did not finish in time. */
    private String naiveInChild(Path city) throws Exception {
        String jar = Path.of(Suite.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        Path out = Files.createTempFile("plancheck-naive", ".txt");
        Process p = new ProcessBuilder("java", "-cp", jar, Suite.class.getName(), "naive", city.toString())
                .redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(NAIVE_LIMIT_S, java.util.concurrent.TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
            long records = Workloads.jacksonOnly(city);
            return "> " + records / (double) NAIVE_LIMIT_S;
        }
        return Files.readString(out).strip();
    }

    /** The child's side: the checker's rules loaded, then the city read and fired once, timed; prints records/s. */
    private static void naiveChild(Path city) throws Exception {
        LoadedPack pack = PackLoader.bundled(RulePack.bundledIds().get(0));
        CompiledRules rules = CompiledRules.load(pack.ruleSet());
        long t0 = System.nanoTime();
        long n = Workloads.naiveDrools(rules, pack, city);
        System.out.println(n / ((System.nanoTime() - t0) / 1e9));
    }

    private static Path generated(Path dir, int communities) throws IOException {
        Path file = dir.resolve("city-" + communities + "-seed" + SEED + ".ndjson");
        if (!Files.exists(file)) {
            new CityGenerator(SEED).writeCity(file, communities, 200);
        }
        return file;
    }

    // ---- helpers ----

    interface Work {
        void run() throws Exception;
    }

    static long time(Work w) throws Exception {
        long t0 = System.nanoTime();
        w.run();
        return System.nanoTime() - t0;
    }

    static long cpu() {
        return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    static long median(List<Long> xs) {
        List<Long> s = new ArrayList<>(xs);
        s.sort(null);
        return s.get(s.size() / 2);
    }

    static double medianD(List<Double> xs) {
        List<Double> s = new ArrayList<>(xs);
        s.sort(null);
        return s.get(s.size() / 2);
    }

    static long pct(long[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    static String ms(long nanos) {
        return String.format(Locale.ROOT, "%,d ms", nanos / 1_000_000);
    }

    static String msf(long nanos) {
        return String.format(Locale.ROOT, "%.2f ms", nanos / 1e6);
    }

    static String recs(double perSecond) {
        return String.format(Locale.ROOT, "%,.0f records/s", perSecond);
    }

    static String ratio(long a, long b) {
        return String.format(Locale.ROOT, "%.2f×", (double) a / b);
    }

    static void row(String figure, String value, String baseline, String baselineValue, String ratio, String target) {
        System.out.println(String.format(Locale.ROOT, "  %-58s %18s", figure, value)
                + (baseline.isEmpty() ? "" : String.format(Locale.ROOT, " | %-58s %18s | ratio %s", baseline, baselineValue, ratio))
                + (target.isEmpty() ? "" : "  [" + target + "]"));
    }
}
