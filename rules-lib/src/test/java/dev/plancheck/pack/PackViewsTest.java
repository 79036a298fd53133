package dev.plancheck.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plancheck.RulePack;
import dev.plancheck.model.Quota;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The pack's views are public API and shared by every check that uses the pack: an embedder must not be able to
 * change a pack another thread is checking with, and the views keep the order of the files they were read from.
 */
class PackViewsTest {
    private final LoadedPack pack = PackLoader.bundled("dianchang-2023");

    @Test
    void the_parameter_maps_cannot_be_changed_through_the_api() {
        PackFile p = pack.parameters();
        Quota q = p.quotas().values().iterator().next();
        assertThrows(UnsupportedOperationException.class, () -> p.quotas().put("extra", q));
        assertThrows(UnsupportedOperationException.class, () -> p.nodes().clear());
        assertThrows(UnsupportedOperationException.class, () -> p.periods().clear());
        assertThrows(UnsupportedOperationException.class, () -> p.deadlines().clear());
        assertThrows(UnsupportedOperationException.class, () -> p.retiredRules().put("R1.1-1", "x"));
        assertThrows(UnsupportedOperationException.class, () -> pack.ruleSet().drl().clear());
        assertThrows(UnsupportedOperationException.class, () -> pack.ruleSet().clauses().clauses().clear());
        assertThrows(UnsupportedOperationException.class, () -> pack.ruleSet().vocabulary().kinds().clear());
    }

    @Test
    void a_record_built_from_a_callers_map_does_not_follow_later_changes_to_that_map() {
        RuleSet bundled = pack.ruleSet();
        Map<String, String> drl = new HashMap<>(bundled.drl());
        RuleSet copy = new RuleSet(bundled.name(), bundled.dir(), drl, bundled.clauses(), bundled.vocabulary());
        drl.clear();
        assertEquals(bundled.drl(), copy.drl());
    }

    @Test
    void the_views_keep_the_order_of_the_files() throws IOException {
        JsonNode file = read("dev/plancheck/packs/dianchang-2023.json");
        for (String member : List.of("nodes", "periods", "quotas", "deadlines")) {
            List<String> inFile = new ArrayList<>();
            file.path(member).fieldNames().forEachRemaining(inFile::add);
            inFile.remove("$comment");
            Map<String, ?> view = switch (member) {
                case "nodes" -> pack.parameters().nodes();
                case "periods" -> pack.parameters().periods();
                case "quotas" -> pack.parameters().quotas();
                default -> pack.parameters().deadlines();
            };
            assertEquals(inFile, List.copyOf(view.keySet()), member);
        }
        List<String> listed = new ArrayList<>();
        read("dev/plancheck/packs/dianchang/ruleset.json").path("files").forEach(f -> listed.add(f.asText()));
        assertEquals(listed, List.copyOf(pack.ruleSet().drl().keySet()));
    }

    @Test
    void the_bundled_index_is_read_once_and_the_same_list_is_seen_by_every_thread() throws Exception {
        int threads = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<List<String>>> seen = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                Callable<List<String>> call = () -> {
                    start.await();
                    return RulePack.bundledIds();
                };
                seen.add(pool.submit(call));
            }
            start.countDown();
            List<String> first = seen.get(0).get();
            for (Future<List<String>> f : seen) {
                assertSame(first, f.get());
            }
            assertSame(first, RulePack.bundledIds());
            assertEquals(List.of("dianchang-2023", "dianchang-2024-demo"), first);
            assertThrows(UnsupportedOperationException.class, () -> first.add("x"));
        } finally {
            pool.shutdownNow();
        }
    }

    private static JsonNode read(String resource) throws IOException {
        try (InputStream in = PackViewsTest.class.getClassLoader().getResourceAsStream(resource)) {
            return new ObjectMapper().readTree(in);
        }
    }
}
