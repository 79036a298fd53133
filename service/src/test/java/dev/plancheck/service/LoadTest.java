package dev.plancheck.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A bounded load test on loopback, run by hand (excluded from the build by its tag) to get the figures of
 * {@code docs/performance.md}:
 * {@code mvn -B -ntp -pl service -am verify -Dtest=LoadTest -Dsurefire.failIfNoSpecifiedTests=false -Dgroups=load -Dservice.excludedGroups=none}.
 * At 1, 8 and 32 concurrent clients (32 twice, to tell warm-up from a leak) it sends a fixed number of checks of the gap sample (or stops at a fixed
 * duration), and prints p50/p99 latency, errors and throughput, and the heap after GC before and after.
 */
@Tag("load")
class LoadTest {
    private static final int REQUESTS = Integer.getInteger("plancheck.load.requests", 200);
    private static final Duration LIMIT = Duration.ofSeconds(Long.getLong("plancheck.load.seconds", 60));

    @Test
    void latency_and_errors_at_1_8_and_32_clients_with_the_heap_held_flat() throws Exception {
        try (CheckService service = CheckService.start(ServiceConfig.defaults().withPort(0))) {
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            byte[] ledger = Served.sample("gaps-communities.json");
            HttpRequest request = HttpRequest.newBuilder(service.uri().resolve("/api/v1/check?name=gaps-communities.json"))
                    .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(ledger)).build();
            run(client, request, 8, 100); // warm-up: JIT and the checkers' first runs
            long before = heapAfterGc();
            System.out.printf("%n检查服务负载测试：POST /api/v1/check（%s，%d 字节），每级 %d 个请求，上限 %d 秒；同时检查上限 %d%n",
                    "gaps-communities.json", ledger.length, REQUESTS, LIMIT.toSeconds(), ServiceConfig.defaults().maxChecks());
            System.out.println("| 并发客户端 | 请求数 | 错误 | p50 (ms) | p99 (ms) | 最长 (ms) | 吞吐（次/秒） | 之后的堆（GC 后，MB） |");
            System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|");
            int errorsAtLowLoad = 0;
            // 32 twice: the first run at a level opens connections and starts worker threads that stay; the second
            // shows whether the heap keeps growing under the same load (a leak) or holds.
            for (int clients : new int[] {1, 8, 32, 32}) {
                Level l = run(client, request, clients, REQUESTS);
                System.out.printf("| %d | %d | %d | %.1f | %.1f | %.1f | %.1f | %.1f |%n", clients, l.done, l.errors,
                        l.percentile(50), l.percentile(99), l.percentile(100), l.done / l.seconds, heapAfterGc() / 1048576.0);
                errorsAtLowLoad += clients <= 8 ? l.errors : 0;
            }
            long after = heapAfterGc();
            System.out.printf("堆内存（GC 后）：测试前 %.1f MB，测试后 %.1f MB，差 %+.1f MB%n%n", before / 1048576.0,
                    after / 1048576.0, (after - before) / 1048576.0);
            assertEquals(0, errorsAtLowLoad, "no errors at 1 and 8 clients");
            assertTrue(after - before < 64L * 1024 * 1024, "the heap held flat: " + (after - before) + " bytes more");
        }
    }

    private record Level(int done, int errors, double seconds, List<Double> millis) {
        double percentile(int p) {
            if (millis.isEmpty()) {
                return Double.NaN;
            }
            int i = (int) Math.ceil(p / 100.0 * millis.size()) - 1;
            return millis.get(Math.max(0, Math.min(i, millis.size() - 1)));
        }
    }

    private static Level run(HttpClient client, HttpRequest request, int clients, int requests) throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        List<Double> millis = Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime();
        long deadline = start + LIMIT.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        for (int c = 0; c < clients; c++) {
            pool.submit(() -> {
                while (next.getAndIncrement() < requests && System.nanoTime() < deadline) {
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<byte[]> r = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                        if (r.statusCode() != 200) {
                            errors.incrementAndGet();
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                    millis.add((System.nanoTime() - t0) / 1e6);
                }
                return null;
            });
        }
        pool.shutdown();
        if (!pool.awaitTermination(LIMIT.toSeconds() + 60, TimeUnit.SECONDS)) {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        List<Double> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        return new Level(sorted.size(), errors.get(), seconds, sorted);
    }

    private static long heapAfterGc() throws InterruptedException {
        var memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
