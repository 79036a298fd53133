package dev.plancheck.bench;

import dev.plancheck.PlanChecker;
import dev.plancheck.report.Report;
import dev.plancheck.report.ReportFormats;
import dev.plancheck.service.CheckService;
import dev.plancheck.service.ServiceConfig;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;

/**
 * The service at one client beside the library, in one run: the service ({@code ./checker serve}'s Jetty server, in
 * this JVM, default limits) is sent the compliant sample over loopback on one kept-alive HTTP/1.1 connection, one
 * request at a time; between two requests the library reads and checks the same bytes, and reads, checks and writes
 * the JSON report the service sends. Both run in this JVM on the same cores, so the ratio holds on a busy machine.
 */
final class ServiceLatency {
    private ServiceLatency() {
    }

    static void run() throws Exception {
        byte[] ledger;
        try (InputStream in = Suite.class.getResourceAsStream("compliant.json")) {
            ledger = in.readAllBytes();
        }
        PlanChecker checker = PlanChecker.create();
        try (CheckService service = CheckService.start(ServiceConfig.defaults().withPort(0))) {
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(10)).build();
            HttpRequest request = HttpRequest.newBuilder(service.uri().resolve("/api/v1/check?name=compliant.json"))
                    .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(ledger)).build();
            long warmUntil = System.nanoTime() + 15_000_000_000L;
            int bytes = 0;
            for (int i = 0; i < 1000 || System.nanoTime() < warmUntil; i++) {
                bytes = post(client, request);
                library(checker, ledger, true);
            }
            int n = 2000;
            long[] served = new long[n];
            long[] readCheck = new long[n];
            long[] readCheckJson = new long[n];
            for (int i = 0; i < n; i++) {
                long t0 = System.nanoTime();
                post(client, request);
                long t1 = System.nanoTime();
                library(checker, ledger, false);
                long t2 = System.nanoTime();
                library(checker, ledger, true);
                long t3 = System.nanoTime();
                served[i] = t1 - t0;
                readCheck[i] = t2 - t1;
                readCheckJson[i] = t3 - t2;
            }
            Arrays.sort(served);
            Arrays.sort(readCheck);
            Arrays.sort(readCheckJson);
            System.out.println("== Service at 1 client, warm (POST /api/v1/check of the compliant sample, " + ledger.length
                    + " bytes, answered with its " + bytes + "-byte JSON report; one kept-alive connection on loopback; "
                    + n + " requests after ≥ 1,000 and ≥ 15 s of warm-up, interleaved with the library)");
            String yardstick = "library read + validate + check, same bytes, p50";
            Suite.row("service check, p50", Suite.msf(Suite.pct(served, 50)), yardstick,
                    Suite.msf(Suite.pct(readCheck, 50)), Suite.ratio(Suite.pct(served, 50), Suite.pct(readCheck, 50)),
                    "target ≤ 3×: " + (Suite.pct(served, 50) <= 3 * Suite.pct(readCheck, 50) ? "met" : "missed"));
            Suite.row("service check, p99", Suite.msf(Suite.pct(served, 99)), "library read + validate + check, p99",
                    Suite.msf(Suite.pct(readCheck, 99)), Suite.ratio(Suite.pct(served, 99), Suite.pct(readCheck, 99)), "");
            Suite.row("service check, p50", Suite.msf(Suite.pct(served, 50)),
                    "library read + check + JSON report written, p50", Suite.msf(Suite.pct(readCheckJson, 50)),
                    Suite.ratio(Suite.pct(served, 50), Suite.pct(readCheckJson, 50)), "");
            System.out.println();
        }
    }

    private static int post(HttpClient client, HttpRequest request) throws Exception {
        HttpResponse<byte[]> r = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("the service answered " + r.statusCode() + ": "
                    + new String(r.body(), java.nio.charset.StandardCharsets.UTF_8));
        }
        return r.body().length;
    }

    private static void library(PlanChecker checker, byte[] ledger, boolean writeJson) throws Exception {
        Report report = checker.check(checker.read("compliant.json", ledger));
        if (writeJson) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
            ReportFormats.forName("json").write(java.util.List.of(report), false, out);
        }
    }
}
