package dev.plancheck.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
 * The service's load benchmark, on loopback, run by hand (excluded from the build by its tag) to get the figures of
 * {@code docs/service.md#speed} and {@code docs/performance.md}:
 * {@code mvn -B -ntp -pl service -am verify -Dtest=LoadTest -Dsurefire.failIfNoSpecifiedTests=false -Dgroups=load -Dservice.excludedGroups=none}.
 * At 1, 8 and 32 concurrent clients (32 twice, to tell warm-up from a leak) it sends a fixed number of checks of the gap sample (or stops at a fixed
 * duration), and prints p50/p99 latency, errors and throughput, and the heap after GC before and after; then it
 * measures kept-alive against new connections and the answers beside 40 stalled uploads (the second test).
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

    /**
     * The server's own costs, each pair measured in one run so that their ratio holds on a busy machine: sequential
     * requests on one kept-alive connection against one new connection per request (the JDK server took ~45 ms per
     * kept-alive request: Nagle's algorithm); 1, 8 and 32 clients, health and a small check, kept alive and not; and
     * health and a small check while 40 uploads are stalled (headers and 1 KB of a 10 MB body, then silence). Every
     * request is sent over a plain socket ({@link RawHttp}), the same code for both kinds of connection.
     */
    @Test
    void keep_alive_against_new_connections_and_answers_beside_forty_stalled_uploads() throws Exception {
        try (CheckService service = CheckService.start(ServiceConfig.defaults().withPort(0))) {
            byte[] ledger = Served.sample("compliant.json");
            String host = "Host: 127.0.0.1:" + service.port() + "\r\n";
            byte[] health = ("GET /api/v1/health HTTP/1.1\r\n" + host + "\r\n").getBytes(StandardCharsets.US_ASCII);
            ByteArrayOutputStream post = new ByteArrayOutputStream();
            post.writeBytes(("POST /api/v1/check?name=compliant.json HTTP/1.1\r\n" + host + "Content-Type: application/json\r\n"
                    + "Content-Length: " + ledger.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            post.writeBytes(ledger);
            byte[] check = post.toByteArray();
            int n = Integer.getInteger("plancheck.load.sequential", 2000);
            raw(service, health, 1, 500, true); // warm-up
            raw(service, health, 1, 500, false);
            raw(service, check, 4, 200, true);

            Level[] sequential = pair(service, health, 1, n);
            Level kept = sequential[0];
            Level fresh = sequential[1];
            System.out.printf("%n检查服务：连接复用（keep-alive）与每次新建连接，GET /api/v1/health，1 个客户端顺序发送各 %d 次（同一次运行）%n", n);
            System.out.println("| 连接 | p50 (ms) | p99 (ms) | 吞吐（次/秒） | 错误 |");
            System.out.println("|---|---:|---:|---:|---:|");
            System.out.printf("| 复用 | %.3f | %.3f | %.0f | %d |%n", kept.percentile(50), kept.percentile(99), kept.done / kept.seconds, kept.errors);
            System.out.printf("| 新建 | %.3f | %.3f | %.0f | %d |%n", fresh.percentile(50), fresh.percentile(99), fresh.done / fresh.seconds, fresh.errors);
            System.out.printf("p50 之比（复用 / 新建）：%.2f%n", kept.percentile(50) / fresh.percentile(50));

            System.out.printf("%n1、8、32 个客户端（health 各 %d 次，检查 compliant.json 各 %d 次；同时检查上限 %d）%n", n,
                    REQUESTS, ServiceConfig.defaults().maxChecks());
            System.out.println("| 请求 | 连接 | 客户端 | p50 (ms) | p99 (ms) | 吞吐（次/秒） | 错误 |");
            System.out.println("|---|---|---:|---:|---:|---:|---:|");
            for (String what : List.of("health", "check")) {
                for (int clients : new int[] {1, 8, 32}) {
                    Level[] both = what.equals("health") ? pair(service, health, clients, n) : pair(service, check, clients, REQUESTS);
                    for (int k = 0; k < 2; k++) {
                        Level l = both[k];
                        System.out.printf("| %s | %s | %d | %.2f | %.2f | %.0f | %d |%n", what, k == 0 ? "复用" : "新建", clients,
                                l.percentile(50), l.percentile(99), l.done / l.seconds, l.errors);
                    }
                }
            }

            Level healthAlone = raw(service, health, 1, 200, false);
            Level checkAlone = raw(service, check, 1, 50, false);
            List<RawHttp> stalls = new ArrayList<>();
            try {
                for (int i = 0; i < 40; i++) {
                    stalls.add(new RawHttp(service.uri(), 60_000).send(("POST /api/v1/check HTTP/1.1\r\n" + host
                            + "Content-Type: multipart/form-data; boundary=b\r\nContent-Length: 10000000\r\n\r\n--b\r\n"
                            + "Content-Disposition: form-data; name=\"ledgers\"; filename=\"a.json\"\r\n\r\n" + "x".repeat(1024))
                            .getBytes(StandardCharsets.US_ASCII)));
                }
                Level healthStalled = raw(service, health, 1, 200, false);
                Level checkStalled = raw(service, check, 1, 50, false);
                System.out.printf("%n40 个上传停在半途（已发 1 KB，声明 10 MB，之后不再发送）时，新建连接顺序请求%n");
                System.out.println("| 请求 | 次数 | 无停滞 p50 (ms) | 停滞时 p50 (ms) | 停滞时 p99 (ms) | 停滞时最长 (ms) | 错误 |");
                System.out.println("|---|---:|---:|---:|---:|---:|---:|");
                System.out.printf("| health | %d | %.2f | %.2f | %.2f | %.2f | %d |%n", healthStalled.done, healthAlone.percentile(50),
                        healthStalled.percentile(50), healthStalled.percentile(99), healthStalled.percentile(100), healthStalled.errors);
                System.out.printf("| check | %d | %.2f | %.2f | %.2f | %.2f | %d |%n%n", checkStalled.done, checkAlone.percentile(50),
                        checkStalled.percentile(50), checkStalled.percentile(99), checkStalled.percentile(100), checkStalled.errors);
                assertEquals(0, healthStalled.errors + checkStalled.errors, "answered beside the stalled uploads");
                for (RawHttp s : stalls) {
                    assertFalse(s.closedByServer(), "the stalled uploads were held throughout");
                }
            } finally {
                for (RawHttp s : stalls) {
                    s.close();
                }
            }
        }
    }

    /**
     * Kept-alive and new connections alike, {@code requests} of each, in four alternating halves (kept, new, kept,
     * new) so that neither gains from coming second (warm-up, a busy neighbour): {kept, new}.
     */
    private static Level[] pair(CheckService service, byte[] request, int clients, int requests) throws Exception {
        Level[] halves = new Level[4];
        for (int i = 0; i < 4; i++) {
            halves[i] = raw(service, request, clients, requests / 2, i % 2 == 0);
        }
        return new Level[] {merge(halves[0], halves[2]), merge(halves[1], halves[3])};
    }

    private static Level merge(Level a, Level b) {
        List<Double> millis = new ArrayList<>(a.millis);
        millis.addAll(b.millis);
        Collections.sort(millis);
        return new Level(a.done + b.done, a.errors + b.errors, a.seconds + b.seconds, millis);
    }

    /** {@code requests} copies of one request from {@code clients} threads, each on one kept-alive connection or not. */
    private static Level raw(CheckService service, byte[] request, int clients, int requests, boolean keepAlive) throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        List<Double> millis = Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        for (int c = 0; c < clients; c++) {
            pool.submit(() -> {
                RawHttp connection = null;
                try {
                    while (next.getAndIncrement() < requests) {
                        long t0 = System.nanoTime();
                        try {
                            if (connection == null) {
                                connection = new RawHttp(service.uri(), 60_000);
                            }
                            if (connection.send(request).read(false).status() != 200) {
                                errors.incrementAndGet();
                            }
                        } catch (IOException e) {
                            errors.incrementAndGet();
                            connection = close(connection);
                        }
                        if (!keepAlive) {
                            connection = close(connection);
                        }
                        millis.add((System.nanoTime() - t0) / 1e6);
                    }
                } finally {
                    close(connection);
                }
                return null;
            });
        }
        return finish(pool, start, errors, millis);
    }

    /** Waits for the clients (bounded) and sums up what they measured. */
    private static Level finish(ExecutorService pool, long start, AtomicInteger errors, List<Double> millis) throws InterruptedException {
        pool.shutdown();
        if (!pool.awaitTermination(LIMIT.toSeconds() + 60, TimeUnit.SECONDS)) {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        List<Double> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        return new Level(sorted.size(), errors.get(), seconds, sorted);
    }

    private static RawHttp close(RawHttp c) {
        if (c != null) {
            try {
                c.close();
            } catch (IOException e) {
                // closing a socket we are done with
            }
        }
        return null;
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
        return finish(pool, start, errors, millis);
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
