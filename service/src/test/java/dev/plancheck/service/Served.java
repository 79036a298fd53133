package dev.plancheck.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * One service for the test classes of this module, on a free loopback port, with a token and small limits so that
 * the limits can be reached cheaply. Started once: compiling the packs is the slow part.
 */
final class Served {
    static final String TOKEN = "test-token-" + UUID.randomUUID();
    static final long MAX_BODY = 2L * 1024 * 1024;
    static final int MAX_FILES = 5;
    static final int MAX_CHECKS = 4;
    static final Duration QUEUE_WAIT = Duration.ofMillis(700);
    static final Path SAMPLES = Path.of("..", "sample-data", "dianchang-2023");
    static final CheckService SERVICE = start();
    static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private Served() {
    }

    private static CheckService start() {
        try {
            CheckService s = CheckService.start(ServiceConfig.defaults().withPort(0).withToken(TOKEN)
                    .withLimits(MAX_BODY, MAX_FILES, MAX_CHECKS, QUEUE_WAIT));
            Runtime.getRuntime().addShutdownHook(new Thread(s::close));
            return s;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static URI uri(String pathAndQuery) {
        return SERVICE.uri().resolve(pathAndQuery);
    }

    static HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(uri(pathAndQuery)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + TOKEN);
    }

    /** Sends a request; an answer of a documented API operation must conform to openapi.json ({@link ContractCheck}). */
    static HttpResponse<byte[]> send(HttpRequest request) {
        try {
            HttpResponse<byte[]> r = CLIENT.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (ContractCheck.documented(request.method(), request.uri().getPath())) {
                ContractCheck.conforms(r);
            }
            return r;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static byte[] sample(String name) {
        try {
            return Files.readAllBytes(SAMPLES.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A multipart/form-data body as a browser sends it: the fields first, then the files, each {@code {name, bytes}} in
     * the field {@code ledgers} or {@code {field, name, bytes}}.
     */
    record Form(String boundary, byte[] body) {
        static Form of(List<String[]> fields, List<Object[]> files) {
            String boundary = "----plancheckTest" + UUID.randomUUID().toString().replace("-", "");
            var out = new java.io.ByteArrayOutputStream();
            var utf8 = java.nio.charset.StandardCharsets.UTF_8;
            for (String[] f : fields) {
                out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f[0] + "\"\r\n\r\n"
                        + f[1] + "\r\n").getBytes(utf8));
            }
            for (Object[] f : files) {
                String field = f.length == 3 ? (String) f[0] : "ledgers";
                int at = f.length - 2;
                out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\""
                        + f[at] + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(utf8));
                out.writeBytes((byte[]) f[at + 1]);
                out.writeBytes("\r\n".getBytes(utf8));
            }
            out.writeBytes(("--" + boundary + "--\r\n").getBytes(utf8));
            return new Form(boundary, out.toByteArray());
        }

        HttpRequest.Builder post(HttpRequest.Builder b) {
            return b.header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        }
    }
}
