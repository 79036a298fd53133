package dev.plancheck.bench;

import java.io.File;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;

/**
 * Whole-process figures: {@code ./checker check} on the compliant sample, run as a user runs it, beside a bare JVM
 * printing "hello"; the variants show what each start-up choice buys. Commands are interleaved, round by round,
 * so that a busy machine slows them alike; medians after two warm-up rounds. With {@code PLANCHECK_COLD_BEFORE} naming
 * another checkout (an older commit, built by its own {@code ./checker}), its launcher's two rows as shipped (JDK 25 and
 * JDK 17) run in the same rounds, so that before and after are measured side by side.
 */
final class ColdStart {
    private final Path root;
    private final int runs;

    ColdStart(Path root, int runs) {
        this.root = root;
        this.runs = runs;
    }

    void run() throws Exception {
        Path hello = Files.createTempDirectory("plancheck-hello");
        Path cls = Files.createDirectories(hello.resolve("dev/plancheck/bench")).resolve("Hello.class");
        try (InputStream in = Hello.class.getResourceAsStream("Hello.class")) {
            Files.write(cls, in.readAllBytes());
        }
        String sample = "sample-data/dianchang-2023/compliant.json";
        String jar = "checker-cli/target/checker.jar";
        Map<String, List<String>> commands = new LinkedHashMap<>();
        Map<String, Map<String, String>> env = new LinkedHashMap<>();
        Map<String, Path> dirs = new LinkedHashMap<>();
        String jdk25 = jdk25();
        // As shipped: the launcher prefers an installed JDK 25+ (AOT cache) to JDK 17 (CDS archive), and gives a short
        // check the JIT's first tier only. The other rows take one choice away at a time.
        String shipped = "./checker check compliant.json (as shipped here: " + (jdk25 != null ? "JDK 25 + AOT cache" : "JDK 17 + CDS archive")
                + ", first-tier JIT)";
        commands.put(shipped, List.of("./checker", "check", sample));
        if (jdk25 != null) {
            String jdk17 = "./checker check … JDK 17 only (PLANCHECK_JDK_DIRS=none): CDS archive, first-tier JIT";
            commands.put(jdk17, List.of("./checker", "check", sample));
            env.put(jdk17, Map.of("PLANCHECK_JDK_DIRS", "none"));
            String jdk25full = "./checker check … JDK 25 + AOT cache, default JIT (PLANCHECK_JIT=full)";
            commands.put(jdk25full, List.of("./checker", "check", sample));
            env.put(jdk25full, Map.of("PLANCHECK_JIT", "full"));
        }
        String other = System.getenv("PLANCHECK_COLD_BEFORE");
        if (other != null && !other.isBlank()) {
            Path before = Path.of(other).toAbsolutePath().normalize();
            String name = "before (" + before.getFileName() + "): ./checker check …";
            String shippedBefore = name + (jdk25 != null ? " JDK 25 + AOT cache, first-tier JIT" : " as shipped");
            commands.put(shippedBefore, List.of("./checker", "check", sample));
            dirs.put(shippedBefore, before);
            if (jdk25 != null) {
                String jdk17Before = name + " JDK 17 only: CDS archive, first-tier JIT";
                commands.put(jdk17Before, List.of("./checker", "check", sample));
                env.put(jdk17Before, Map.of("PLANCHECK_JDK_DIRS", "none"));
                dirs.put(jdk17Before, before);
            }
        }
        String before = "./checker check … JDK 17 + CDS archive, default JIT (the launcher before issue 24)";
        commands.put(before, List.of("./checker", "check", sample));
        env.put(before, Map.of("PLANCHECK_JDK_DIRS", "none", "PLANCHECK_JIT", "full"));
        commands.put("java -jar checker.jar check … (JDK 17, no archive, default JIT)", List.of("java", "-jar", jar, "check", sample));
        String helloName = "bare JVM: java Hello (JDK 17)";
        commands.put(helloName, List.of("java", "-cp", hello.toString(), "dev.plancheck.bench.Hello"));
        Map<String, List<Long>> times = new LinkedHashMap<>();
        commands.keySet().forEach(k -> times.put(k, new ArrayList<>()));
        for (int round = 0; round < runs + 2; round++) {
            for (Map.Entry<String, List<String>> c : commands.entrySet()) {
                long t = once(c.getValue(), env.getOrDefault(c.getKey(), Map.of()), dirs.getOrDefault(c.getKey(), root));
                if (round >= 2) {
                    times.get(c.getKey()).add(t);
                }
            }
            if (round == 1) {
                Thread.sleep(20_000); // the archives are made in the background after the first run of a build
            }
        }
        long helloMedian = Suite.median(times.get(helloName));
        System.out.println("== Cold start, whole process (median of " + runs + " after 2 warm-up rounds, interleaved)");
        for (Map.Entry<String, List<Long>> t : times.entrySet()) {
            if (t.getKey().equals(helloName)) {
                continue;
            }
            long m = Suite.median(t.getValue());
            Suite.row(t.getKey(), Suite.ms(m), helloName, Suite.ms(helloMedian), Suite.ratio(m, helloMedian),
                    t.getKey().equals(shipped) ? "target ≤ 500 ms / ≤ 10×: "
                            + (m <= 500_000_000L ? "met" : "missed") + " / " + (m <= 10 * helloMedian ? "met" : "missed") : "");
        }
        System.out.println(String.format(Locale.ROOT, "   (min of the shipped command %s; of hello %s)",
                Suite.ms(times.values().iterator().next().stream().min(Long::compare).orElseThrow()),
                Suite.ms(times.get(helloName).stream().min(Long::compare).orElseThrow())));
        System.out.println();
    }

    private static long once(List<String> command, Map<String, String> env, Path dir) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().putAll(env);
        long t0 = System.nanoTime();
        int code = pb.start().waitFor();
        long t = System.nanoTime() - t0;
        if (code != 0) {
            throw new IllegalStateException(command + " exited with " + code);
        }
        return t;
    }

    /** A JDK 25 or later, if one is installed where Debian and Temurin put them (or named by PLANCHECK_JDK25). */
    static String jdk25() {
        String named = System.getenv("PLANCHECK_JDK25");
        if (named != null && Files.isExecutable(Path.of(named, "bin", "java"))) {
            return named;
        }
        File[] jvms = new File("/usr/lib/jvm").listFiles();
        if (jvms == null) {
            return null;
        }
        for (File f : jvms) {
            if (f.getName().matches(".*-2[5-9](\\D.*)?") && new File(f, "bin/java").canExecute()) {
                return f.getPath();
            }
        }
        return null;
    }
}
