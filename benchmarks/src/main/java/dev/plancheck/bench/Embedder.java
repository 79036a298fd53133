package dev.plancheck.bench;

import java.io.File;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The runtime as an embedder gets it: the jars Maven gives a project that adds {@code plancheck-rules} (its runtime
 * dependencies), their size; the classes one cold check of the bundled pack loads ({@code -Xlog:class+load}); and that
 * cold check as a whole process beside a bare JVM, interleaved, medians. Measures whatever tree it runs in (the
 * current folder), so the same jar measures an older commit's build too; the check is called by reflection, so the
 * API's packages may differ between the two.
 */
final class Embedder {
    private final Path root;
    private final int runs;

    Embedder(Path root, int runs) {
        this.root = root;
        this.runs = runs;
    }

    void run() throws Exception {
        List<Path> jars = runtimeJars();
        long total = 0;
        for (Path j : jars) {
            total += Files.size(j);
        }
        System.out.println("== The runtime as an embedder gets it (plancheck-rules and its runtime dependencies)");
        System.out.println(String.format(Locale.ROOT, "   %d jars, %.1f MB", jars.size(), total / 1e6));
        List<Path> bySize = new ArrayList<>(jars);
        bySize.sort(Comparator.comparingLong((Path p) -> size(p)).reversed());
        for (Path j : bySize) {
            System.out.println(String.format(Locale.ROOT, "     %8.1f KB  %s", size(j) / 1e3, j.getFileName()));
        }

        Path dir = Files.createTempDirectory("plancheck-embed");
        for (String name : List.of("EmbedderCheck", "Hello")) {
            Path cls = Files.createDirectories(dir.resolve("dev/plancheck/bench")).resolve(name + ".class");
            try (InputStream in = Embedder.class.getResourceAsStream(name + ".class")) {
                Files.write(cls, in.readAllBytes());
            }
        }
        String cp = dir + File.pathSeparator + String.join(File.pathSeparator, jars.stream().map(Path::toString).toList());
        String sample = root.resolve("sample-data/dianchang-2023/compliant.json").toString();
        Path log = dir.resolve("classes.log");
        int code = new ProcessBuilder("java", "-Xshare:auto", "-Xlog:class+load:file=" + log, "-cp", cp,
                "dev.plancheck.bench.EmbedderCheck", sample).directory(root.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.INHERIT)
                .start().waitFor();
        if (code != 0) {
            throw new IllegalStateException("the embedder's check exited with " + code);
        }
        Map<String, Integer> bySource = new LinkedHashMap<>();
        int classes = 0;
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            int at = line.indexOf(" source: ");
            if (at < 0) {
                continue;
            }
            classes++;
            String source = line.substring(at + 9);
            String key = source.contains("plancheck-rules") ? "plancheck-rules"
                    : source.contains("/drools-") || source.contains("/kie-") ? "Drools and KIE"
                    : source.contains("/jackson-") ? "Jackson"
                    : source.startsWith("jrt:") || source.startsWith("shared") || !source.contains(".jar")
                    && !source.contains("/") ? "JDK (and classes defined at run time)" : "other jars";
            bySource.merge(key, 1, Integer::sum);
        }
        System.out.println("   classes loaded by one cold check of the bundled pack (-Xlog:class+load): " + classes);
        bySource.forEach((k, v) -> System.out.println(String.format(Locale.ROOT, "     %6d  %s", v, k)));

        List<String> check = List.of("java", "-cp", cp, "dev.plancheck.bench.EmbedderCheck", sample);
        List<String> hello = List.of("java", "-cp", dir.toString(), "dev.plancheck.bench.Hello");
        List<Long> checks = new ArrayList<>();
        List<Long> hellos = new ArrayList<>();
        for (int round = 0; round < runs + 2; round++) {
            long c = once(check);
            long h = once(hello);
            if (round >= 2) {
                checks.add(c);
                hellos.add(h);
            }
        }
        long c = Suite.median(checks);
        long h = Suite.median(hellos);
        System.out.println("   cold check as an embedder (create the checker, read and check compliant.json), whole process,"
                + " median of " + runs + " after 2 warm-up rounds, interleaved:");
        Suite.row("java -cp <runtime jars> EmbedderCheck", Suite.ms(c), "bare JVM: java Hello", Suite.ms(h),
                Suite.ratio(c, h), "");
        System.out.println();
    }

    private long once(List<String> command) throws Exception {
        long t0 = System.nanoTime();
        int code = new ProcessBuilder(command).directory(root.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start().waitFor();
        long t = System.nanoTime() - t0;
        if (code != 0) {
            throw new IllegalStateException(command + " exited with " + code);
        }
        return t;
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** plancheck-rules' jar as built, and the jars Maven resolves for its runtime scope. */
    private List<Path> runtimeJars() throws Exception {
        Path target = root.resolve("rules-lib/target");
        Path jar;
        try (Stream<Path> s = Files.list(target)) {
            jar = s.filter(p -> p.getFileName().toString().matches("plancheck-rules-[^-]+(-SNAPSHOT)?\\.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("build rules-lib first: no jar in " + target));
        }
        Path out = target.resolve("runtime.classpath");
        int code = new ProcessBuilder("mvn", "-q", "-B", "-ntp", "-o", "-pl", "rules-lib",
                "org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath", "-DincludeScope=runtime",
                "-Dmdep.outputFile=" + out).directory(root.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.INHERIT).start().waitFor();
        if (code != 0) {
            throw new IllegalStateException("mvn dependency:build-classpath exited with " + code);
        }
        List<Path> jars = new ArrayList<>(List.of(jar));
        for (String p : Files.readString(out).strip().split(File.pathSeparator)) {
            if (!p.isBlank()) {
                jars.add(Path.of(p));
            }
        }
        return jars;
    }
}
