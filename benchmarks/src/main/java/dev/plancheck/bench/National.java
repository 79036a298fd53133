package dev.plancheck.bench;

import dev.plancheck.PlanChecker;
import dev.plancheck.report.Report;
import dev.plancheck.input.Submission;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The national run: a generated stream of subdistricts (10 communities each, about 300 records per community) is
 * read, validated, checked and reported, one subdistrict at a time per thread, with one shared checker. Nothing
 * is written to disk: each subdistrict's JSON is generated in memory (seeded, so the stream is the same every
 * time), parsed by the checker's reader and its JSON report written to nowhere as the command line writes it. Run
 * under -Xmx512m by {@code benchmarks/run national [communities] [records per community] [threads]}. Afterwards
 * Jackson alone reads the same stream into the same records, the yardstick of issue 24's throughput target.
 */
final class National {
    static final int NATIONAL = 110_000;

    private National() {
    }

    public static void main(String[] args) throws Exception {
        int communities = args.length > 0 ? Integer.parseInt(args[0]) : NATIONAL;
        int perCommunity = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : Runtime.getRuntime().availableProcessors();
        int subdistricts = communities / CityGenerator.COMMUNITIES_PER_SUBDISTRICT;
        System.out.println(String.format(Locale.ROOT,
                "national run: %,d communities in %,d subdistricts, ~%d records each, %d threads, max heap %d MB, java %s, load average %.1f",
                communities, subdistricts, perCommunity, threads, Runtime.getRuntime().maxMemory() >> 20,
                System.getProperty("java.version"), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
        long t0 = System.nanoTime();
        PlanChecker checker = PlanChecker.create();
        long created = System.nanoTime() - t0;
        CityGenerator generator = new CityGenerator(Suite.SEED);
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
        AtomicInteger next = new AtomicInteger();
        AtomicLong records = new AtomicLong();
        AtomicLong gaps = new AtomicLong();
        AtomicLong results = new AtomicLong();
        AtomicLong generating = new AtomicLong();
        AtomicInteger done = new AtomicInteger();
        // CPU time of the working threads too: on a shared machine the wall clock also counts the time they waited.
        AtomicLong cpu = new AtomicLong();
        java.lang.management.ThreadMXBean threadBean = ManagementFactory.getThreadMXBean();
        long start = System.nanoTime();
        List<Thread> workers = new ArrayList<>();
        Throwable[] failure = {null};
        for (int t = 0; t < threads; t++) {
            Thread w = new Thread(() -> {
                try {
                    for (int i = next.getAndIncrement(); i < subdistricts; i = next.getAndIncrement()) {
                        long g0 = System.nanoTime();
                        byte[] json = generator.subdistrict(i, CityGenerator.COMMUNITIES_PER_SUBDISTRICT, perCommunity);
                        generating.addAndGet(System.nanoTime() - g0);
                        Submission s = checker.read("S" + i, json);
                        Report r = checker.check(s);
                        Workloads.writeJson(r);
                        records.addAndGet(s.activities().size());
                        gaps.addAndGet(r.gaps().size());
                        results.addAndGet(r.results().size());
                        int d = done.incrementAndGet();
                        if (d % Math.max(1, subdistricts / 10) == 0) {
                            System.out.println(String.format(Locale.ROOT, "  %3d%%  %,d records  %.0f s", d * 100L / subdistricts,
                                    records.get(), (System.nanoTime() - start) / 1e9));
                        }
                    }
                    cpu.addAndGet(threadBean.getCurrentThreadCpuTime());
                } catch (Throwable e) {
                    failure[0] = e;
                }
            });
            w.start();
            workers.add(w);
        }
        for (Thread w : workers) {
            w.join();
        }
        if (failure[0] != null) {
            throw new IllegalStateException(failure[0]);
        }
        double wall = (System.nanoTime() - start) / 1e9;
        // The yardstick, measured after the run in the same JVM: Jackson alone reading the same generated stream into
        // the same records (generating it included, as above), with the same threads.
        AtomicInteger nextJ = new AtomicInteger();
        AtomicLong recordsJ = new AtomicLong();
        AtomicLong cpuJ = new AtomicLong();
        long startJ = System.nanoTime();
        List<Thread> readers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread w = new Thread(() -> {
                try {
                    for (int i = nextJ.getAndIncrement(); i < subdistricts; i = nextJ.getAndIncrement()) {
                        byte[] json = generator.subdistrict(i, CityGenerator.COMMUNITIES_PER_SUBDISTRICT, perCommunity);
                        recordsJ.addAndGet(Workloads.jacksonRecords(json).activities().size());
                    }
                    cpuJ.addAndGet(threadBean.getCurrentThreadCpuTime());
                } catch (Throwable e) {
                    failure[0] = e;
                }
            });
            w.start();
            readers.add(w);
        }
        for (Thread w : readers) {
            w.join();
        }
        if (failure[0] != null) {
            throw new IllegalStateException(failure[0]);
        }
        double wallJ = (System.nanoTime() - startJ) / 1e9;
        long heapPeak = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        System.out.println(String.format(Locale.ROOT, "checker creation            %,.0f ms", created / 1e6));
        System.out.println(String.format(Locale.ROOT, "wall time                   %,.1f s", wall));
        System.out.println(String.format(Locale.ROOT, "records                     %,d (%,d results, %,d gaps)", records.get(), results.get(), gaps.get()));
        System.out.println(String.format(Locale.ROOT, "records/s                   %,.0f", records.get() / wall));
        System.out.println(String.format(Locale.ROOT, "yardstick: Jackson alone   %,.0f records/s over the same stream (%,.1f s); ratio %.2f×  [target ≥ 0.5×: %s]",
                recordsJ.get() / wallJ, wallJ, (records.get() / wall) / (recordsJ.get() / wallJ),
                (records.get() / wall) / (recordsJ.get() / wallJ) >= 0.5 ? "met" : "missed"));
        System.out.println(String.format(Locale.ROOT, "per CPU second of the threads  %,.0f records/s; Jackson alone %,.0f records/s; ratio %.2f×",
                records.get() / (cpu.get() / 1e9), recordsJ.get() / (cpuJ.get() / 1e9),
                (records.get() / (cpu.get() / 1e9)) / (recordsJ.get() / (cpuJ.get() / 1e9))));
        System.out.println(String.format(Locale.ROOT, "target ≤ 5 min (%,d communities): %s", NATIONAL,
                communities < NATIONAL ? "not measured (a fraction)" : wall <= 300 ? "met" : "missed"));
        System.out.println(String.format(Locale.ROOT, "generating the stream       %.0f%% of the threads' time (included above)",
                100.0 * generating.get() / 1e9 / (wall * threads)));
        System.out.println(String.format(Locale.ROOT, "peak heap (sum of pool peaks) %,d MB of %,d MB; peak resident set %s",
                heapPeak >> 20, Runtime.getRuntime().maxMemory() >> 20, vmHwm()));
        if (communities < NATIONAL) {
            System.out.println(String.format(Locale.ROOT,
                    "EXTRAPOLATED (not measured): %,d communities at this rate would take %,.0f s (%.1f min); memory does not grow with the count",
                    NATIONAL, wall * NATIONAL / communities, wall * NATIONAL / communities / 60));
        }
    }

    private static String vmHwm() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    long kb = Long.parseLong(line.replaceAll("\\D", ""));
                    return (kb >> 10) + " MB";
                }
            }
        } catch (Exception e) {
            // not Linux
        }
        return "n/a";
    }
}
