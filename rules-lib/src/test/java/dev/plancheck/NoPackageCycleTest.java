package dev.plancheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * No two packages of the runtime depend on each other, directly or round a longer loop, as jdeps reads the compiled
 * classes; and the public API packages depend on no internal one.
 */
class NoPackageCycleTest {
    private static final Pattern EDGE = Pattern.compile("^\\s+(dev\\.plancheck[\\w.]*)\\s+->\\s+(dev\\.plancheck[\\w.]*)\\s");
    private static final Set<String> API = Set.of("dev.plancheck.input", "dev.plancheck.report", "dev.plancheck.model",
            "dev.plancheck.text");

    private static Map<String, Set<String>> edges;

    static synchronized Map<String, Set<String>> edges() {
        if (edges == null) {
            edges = readEdges();
        }
        return edges;
    }

    private static Map<String, Set<String>> readEdges() {
        ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow();
        StringWriter out = new StringWriter();
        int code = jdeps.run(new PrintWriter(out), new PrintWriter(new StringWriter()), "-verbose:package",
                Path.of("target", "classes").toString());
        assertEquals(0, code, out.toString());
        Map<String, Set<String>> edges = new TreeMap<>();
        for (String line : out.toString().lines().toList()) {
            Matcher m = EDGE.matcher(line);
            if (m.find()) {
                // The bundled pack's generated model classes are one node.
                String a = m.group(1).startsWith("dev.plancheck.packs.") ? "dev.plancheck.packs" : m.group(1);
                String b = m.group(2).startsWith("dev.plancheck.packs.") ? "dev.plancheck.packs" : m.group(2);
                if (!a.equals(b)) {
                    edges.computeIfAbsent(a, k -> new TreeSet<>()).add(b);
                }
            }
        }
        return edges;
    }

    @Test
    void jdeps_finds_no_package_cycle_in_the_runtime() {
        Map<String, Set<String>> edges = edges();
        assertTrue(edges.containsKey("dev.plancheck") && edges.get("dev.plancheck").contains("dev.plancheck.engine"),
                "jdeps read the classes: " + edges);
        List<List<String>> cycles = new ArrayList<>();
        for (String start : edges.keySet()) {
            List<String> path = cycleFrom(start, start, edges, new ArrayList<>(List.of(start)), new HashSet<>());
            if (path != null) {
                cycles.add(path);
            }
        }
        assertEquals(List.of(), cycles, "package cycles; edges: " + edges);
    }

    @Test
    void the_api_packages_depend_on_no_internal_package() {
        Map<String, Set<String>> edges = edges();
        Map<String, Set<String>> wrong = new HashMap<>();
        for (String api : API) {
            for (String to : edges.getOrDefault(api, Set.of())) {
                if (!API.contains(to)) {
                    wrong.computeIfAbsent(api, k -> new TreeSet<>()).add(to);
                }
            }
        }
        assertEquals(Map.of(), wrong);
    }

    private static List<String> cycleFrom(String start, String at, Map<String, Set<String>> edges, List<String> path,
                                          Set<String> seen) {
        for (String next : edges.getOrDefault(at, Set.of())) {
            if (next.equals(start)) {
                List<String> cycle = new ArrayList<>(path);
                cycle.add(start);
                return cycle;
            }
            if (seen.add(next)) {
                path.add(next);
                List<String> found = cycleFrom(start, next, edges, path, seen);
                if (found != null) {
                    return found;
                }
                path.remove(path.size() - 1);
            }
        }
        return null;
    }
}
