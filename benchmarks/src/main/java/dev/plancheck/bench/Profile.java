package dev.plancheck.bench;

import dev.plancheck.PlanChecker;
import dev.plancheck.input.Submission;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a warm operation spends its time, by JFR (built into the JDK): the operation runs in a loop on the compliant
 * sample for a while to warm up, then under a recording with the JDK's "profile" settings (a stack sample every 10 ms
 * of each running thread), and the samples are summarised: the share of samples in which each of our methods is on the
 * stack (inclusive), the share by area (whose code is on top), and the methods most often on top (self).
 *
 * <pre>
 * benchmarks/run profile check        # the check of a parsed ledger
 * benchmarks/run profile read         # read and validate
 * benchmarks/run profile read-check   # both
 * benchmarks/run profile subdistrict  # one unit of the national run: a generated subdistrict of ~3,000 records generated, read, checked, reported
 * benchmarks/run profile check 60 2   # 60 s recorded, a stack every 2 ms instead of 10
 * </pre>
 *
 * Calls only the public API, so this class measures an older commit's library as well (docs/performance.md).
 */
final class Profile {
    private Profile() {
    }

    public static void main(String[] args) throws Exception {
        String what = args.length > 0 ? args[0] : "check";
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        // The sampling period: the JDK's "profile" settings take a stack every 10 ms; a short operation wants more.
        int periodMs = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        PlanChecker checker = PlanChecker.create();
        byte[] ledger;
        try (InputStream in = Profile.class.getResourceAsStream("compliant.json")) {
            ledger = in.readAllBytes();
        }
        Submission parsed = checker.read("compliant.json", ledger);
        CityGenerator city = new CityGenerator(Suite.SEED);
        int[] next = {0};
        Runnable op = switch (what) {
            case "check" -> () -> call(() -> checker.check(parsed));
            case "read" -> () -> call(() -> checker.read("compliant.json", ledger));
            case "read-check" -> () -> call(() -> checker.check(checker.read("compliant.json", ledger)));
            // One unit of the national run: a generated subdistrict (10 communities, ~300 records each) generated,
            // read, checked and its JSON report written as the product writes it, as National does.
            case "subdistrict" -> () -> call(() -> {
                byte[] json = city.subdistrict(next[0]++ % 1000, CityGenerator.COMMUNITIES_PER_SUBDISTRICT, 300);
                Workloads.writeJson(checker.check(checker.read("S", json)));
                return null;
            });
            default -> throw new IllegalArgumentException("profile check | read | read-check | subdistrict [seconds]");
        };
        long warm = System.nanoTime() + Duration.ofSeconds(Math.max(5, seconds / 2)).toNanos();
        while (System.nanoTime() < warm) {
            op.run();
        }
        Path file = Files.createTempFile("plancheck-profile", ".jfr");
        long ops = 0;
        try (Recording r = new Recording(Configuration.getConfiguration("profile"))) {
            r.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(periodMs));
            r.start();
            long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
            long t0 = System.nanoTime();
            while (System.nanoTime() < end) {
                op.run();
                ops++;
            }
            long t = System.nanoTime() - t0;
            r.stop();
            r.dump(file);
            String on = what.equals("subdistrict") ? "generated subdistricts (10 communities, ~3,000 records each; read, checked,"
                    + " JSON report written)" : "the compliant sample (" + parsed.activities().size() + " records)";
            System.out.println(String.format(Locale.ROOT, "== JFR profile of '%s' on %s: %,d operations in %d s, mean %.3f ms,"
                    + " a sample every %d ms (the recording itself costs a little)", what, on, ops, seconds, t / 1e6 / ops, periodMs));
        }
        summarise(file, Thread.currentThread().getName());
        if (System.getProperty("profile.keep") != null) {
            // -Dprofile.keep=FILE keeps the recording, for `jfr print` or JDK Mission Control
            Files.move(file, Path.of(System.getProperty("profile.keep")), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } else {
            Files.deleteIfExists(file);
        }
    }

    private interface Op {
        Object run() throws Exception;
    }

    private static void call(Op op) {
        try {
            op.run();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Prints the summary of the execution samples of one thread. */
    static void summarise(Path file, String thread) throws Exception {
        Map<String, Integer> inclusive = new HashMap<>();
        Map<String, Integer> anyInclusive = new HashMap<>();
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> areas = new LinkedHashMap<>();
        Map<String, Integer> nearest = new HashMap<>();
        Map<String, Map<String, Integer>> callers = new HashMap<>();
        Map<String, Integer> watched = new LinkedHashMap<>();
        WATCHED.keySet().forEach(k -> watched.put(k, 0));
        watched.put(OUTSIDE_FIRE, 0);
        int samples = 0;
        for (RecordedEvent e : RecordingFile.readAllEvents(file)) {
            if (!e.getEventType().getName().equals("jdk.ExecutionSample")
                    || !thread.equals(e.getThread("sampledThread").getJavaName())) {
                continue;
            }
            RecordedStackTrace st = e.getStackTrace();
            if (st == null || st.getFrames().isEmpty()) {
                continue;
            }
            samples++;
            List<RecordedFrame> frames = st.getFrames();
            String top = name(frames.get(0));
            self.merge(top, 1, Integer::sum);
            String ours = nearestOurs(frames);
            nearest.merge(ours, 1, Integer::sum);
            callers.computeIfAbsent(top, k -> new HashMap<>()).merge(ours, 1, Integer::sum);
            areas.merge(area(frames), 1, Integer::sum);
            boolean inRun = frames.stream().anyMatch(f -> name(f).equals("dev.plancheck.engine.Evaluation.run"));
            // The rules' session: Evaluation.fire before the second round of issue 24, Evaluation$Run (fire, probe) after.
            boolean inFire = frames.stream().anyMatch(f -> name(f).equals("dev.plancheck.engine.Evaluation.fire")
                    || name(f).startsWith("dev.plancheck.engine.Evaluation$Run."));
            if (inRun && !inFire) {
                watched.merge(OUTSIDE_FIRE, 1, Integer::sum);
            }
            for (Map.Entry<String, java.util.function.Predicate<String>> w : WATCHED.entrySet()) {
                if (frames.stream().anyMatch(f -> w.getValue().test(name(f)))) {
                    watched.merge(w.getKey(), 1, Integer::sum);
                }
            }
            Set<String> seen = new HashSet<>();
            for (RecordedFrame f : frames) {
                String n = name(f);
                if (seen.add(n) && !n.startsWith("dev.plancheck.bench.")) {
                    (n.startsWith("dev.plancheck.") ? inclusive : anyInclusive).merge(n, 1, Integer::sum);
                }
            }
        }
        int total = samples;
        System.out.println("   " + total + " samples of the working thread");
        System.out.println("   by area (whose code is running: the first of ours, Drools', Jackson's or the JDK's frames from the top):");
        areas.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(a -> System.out.println(String.format(Locale.ROOT, "     %5.1f%%  %s", 100.0 * a.getValue() / total, a.getKey())));
        System.out.println("   the candidates of issue 24 (share of samples with such a frame on the stack):");
        watched.forEach((k, v) -> System.out.println(String.format(Locale.ROOT, "     %5.1f%%  %s", 100.0 * v / total, k)));
        System.out.println("   our methods on the stack (inclusive), top 25:");
        inclusive.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(25)
                .forEach(a -> System.out.println(String.format(Locale.ROOT, "     %5.1f%%  %s", 100.0 * a.getValue() / total, a.getKey())));
        System.out.println("   Drools', Jackson's and the JDK's methods on the stack (inclusive), top 25:");
        anyInclusive.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(25)
                .forEach(a -> System.out.println(String.format(Locale.ROOT, "     %5.1f%%  %s", 100.0 * a.getValue() / total, a.getKey())));
        System.out.println("   methods on top (self), top 25:");
        self.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(25)
                .forEach(a -> System.out.println(String.format(Locale.ROOT, "     %5.1f%%  %s", 100.0 * a.getValue() / total, a.getKey())));
        System.out.println("   by the nearest of our methods (its own time and that of the library and JDK code it calls), top 25:");
        nearest.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(25)
                .forEach(a -> System.out.println(String.format(Locale.ROOT, "     %5.1f%%  %s", 100.0 * a.getValue() / total, a.getKey())));
        System.out.println("   who calls the 8 methods most often on top (the nearest of our methods, up to 4 each):");
        self.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(8).forEach(a -> {
            System.out.println(String.format(Locale.ROOT, "     %5.1f%%  %s", 100.0 * a.getValue() / total, a.getKey()));
            callers.get(a.getKey()).entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(4)
                    .forEach(c -> System.out.println(String.format(Locale.ROOT, "              %5.1f%%  from %s",
                            100.0 * c.getValue() / total, c.getKey())));
        });
    }

    /** The topmost frame of ours (the rules' generated code included, the benchmark's not), or Drools'/the JDK's own thread. */
    private static String nearestOurs(List<RecordedFrame> frames) {
        for (RecordedFrame f : frames) {
            String n = name(f);
            if (n.startsWith("dev.plancheck.") && !n.startsWith("dev.plancheck.bench.")) {
                // The generated classes' names carry a hash: one name for all of them.
                return n.startsWith("dev.plancheck.packs.") ? "the rules' generated code (dev.plancheck.packs)" : n;
            }
        }
        return "(none of ours)";
    }

    /** Where the candidates show in a profile, by the methods that do the work. */
    private static final Map<String, java.util.function.Predicate<String>> WATCHED = new LinkedHashMap<>();
    private static final String OUTSIDE_FIRE = "the check outside the rules' session (copies, report assembly: Evaluation.run, not in fire)";

    static {
        WATCHED.put("session taken and given back (Sessions: newKieSession, reset, dispose)",
                n -> n.endsWith("Sessions.take") || n.endsWith("Sessions.giveBack") || n.endsWith(".newKieSession") || n.endsWith(".dispose"));
        WATCHED.put("node memories made in the session (SegmentMemory, createMemory)",
                n -> n.contains("SegmentMemory") || n.endsWith(".createMemory") || n.endsWith(".createNodeMemory"));
        WATCHED.put("facts inserted (KieSession.insert)", n -> n.endsWith("Impl.insert"));
        WATCHED.put("rules fired (fireAllRules)", n -> n.endsWith("Impl.fireAllRules"));
        WATCHED.put("periods and node days resolved (LoadedPack.periods, PeriodDef.in)", n -> n.endsWith("PeriodDef.in"));
        WATCHED.put("input validated again (SubmissionReader.validate)", n -> n.endsWith("SubmissionReader.validate"));
        WATCHED.put("titles compared (Copies.title)", n -> n.endsWith("Copies.title"));
        WATCHED.put("the rules' second run for records that name no organiser (probe)", n -> n.endsWith("Evaluation$Run.probe"));
    }

    private static String name(RecordedFrame f) {
        return className(f) + "." + f.getMethod().getName();
    }

    /** The class of a frame; a lambda's frames count for the class that wrote it. */
    private static String className(RecordedFrame f) {
        String t = f.getMethod().getType().getName();
        int lambda = t.indexOf("$$Lambda");
        return lambda < 0 ? t : t.substring(0, lambda);
    }

    /** The area of a sample: the package family of the topmost frame that is not the JDK's, or the JDK. */
    private static String area(List<RecordedFrame> frames) {
        for (RecordedFrame f : frames) {
            String t = className(f);
            if (t.startsWith("dev.plancheck.packs.")) {
                return "the rules' generated code (dev.plancheck.packs)";
            } else if (t.startsWith("dev.plancheck.")) {
                return "plancheck: " + t.substring("dev.plancheck.".length(), t.lastIndexOf('.') < "dev.plancheck.".length()
                        ? t.length() : t.lastIndexOf('.'));
            } else if (t.startsWith("org.drools.") || t.startsWith("org.kie.")) {
                return "Drools";
            } else if (t.startsWith("com.fasterxml.jackson.")) {
                return "Jackson";
            }
        }
        return "JDK only";
    }
}
