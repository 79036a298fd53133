package dev.plancheck.service.client;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plancheck.PlanChecker;
import dev.plancheck.service.CheckService;
import dev.plancheck.service.ServiceConfig;
import dev.plancheck.service.client.api.CheckApi;
import dev.plancheck.service.client.api.PacksApi;
import dev.plancheck.service.client.api.ServiceApi;
import dev.plancheck.service.client.model.Batch;
import dev.plancheck.service.client.model.CheckResult;
import dev.plancheck.service.client.model.Gap;
import dev.plancheck.service.client.model.Health;
import dev.plancheck.service.client.model.Pack;
import dev.plancheck.service.client.model.Problem;
import dev.plancheck.service.client.model.Problems;
import dev.plancheck.service.client.model.Report;
import dev.plancheck.service.client.model.RuleCatalogue;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The service through a Java client that openapi-generator made from {@code openapi.json} at build time (the
 * {@code openapi-generator-maven-plugin} of this module's POM, {@code library=native}): if the document stops being
 * usable by a generator, the build fails to compile or these calls fail.
 */
class GeneratedClientTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "client-test-" + UUID.randomUUID();
    private static final Path SAMPLES = Path.of("..", "sample-data", "dianchang-2023");
    private static CheckService service;

    @BeforeAll
    static void start() throws IOException {
        service = CheckService.start(ServiceConfig.defaults().withPort(0).withToken(TOKEN));
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    /** A client of the test service; strict, so that a Report is never mistaken for a Batch (the two share no member). */
    private static ApiClient client(String token) {
        ApiClient c = new ApiClient();
        c.updateBaseUri(service.uri().toString().replaceAll("/$", ""));
        c.setObjectMapper(ApiClient.createDefaultObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true));
        c.setReadTimeout(Duration.ofSeconds(60));
        if (token != null) {
            c.setRequestInterceptor(b -> b.header("Authorization", "Bearer " + token));
        }
        return c;
    }

    private static File sample(String name) {
        // ASCII names: the generated client's multipart writer (httpmime, strict mode) sends others as "???".
        return SAMPLES.resolve(name).toFile();
    }

    @Test
    void health_and_its_head_answer_without_a_token() throws Exception {
        ServiceApi api = new ServiceApi(client(null));
        Health h = api.getHealth();
        assertEquals(Health.StatusEnum.OK, h.getStatus());
        assertEquals(List.of("dianchang-2023", "dianchang-2024-demo"), h.getPacks());
        assertEquals(200, api.headHealthWithHttpInfo().getStatusCode());
    }

    @Test
    void lists_the_packs_and_reads_a_catalogue() throws Exception {
        PacksApi api = new PacksApi(client(TOKEN));
        Pack first = api.listPacks().getPacks().get(0);
        assertAll(
                () -> assertEquals("dianchang-2023", first.getId()),
                () -> assertEquals("电厂街道2023年度统战群团工作要点", first.getTitle()),
                () -> assertTrue(first.getDefault()),
                () -> assertEquals(55, first.getRules()));
        RuleCatalogue rules = api.getRules("dianchang-2024-demo");
        PlanChecker checker = PlanChecker.create();
        assertEquals(checker.rules().size(), rules.getRules().size());
        assertEquals(checker.rules().get(0).clause(), rules.getRules().get(0).getClause());
        assertEquals(1, rules.getRules().stream().filter(r -> r.getRetired() != null).count(), "R1.5-2 is not checked in 2024");
    }

    @Test
    void an_error_carries_the_problems_with_their_codes() throws Exception {
        ApiException e = assertThrows(ApiException.class, () -> new PacksApi(client(TOKEN)).getRules("no-such-pack"));
        assertEquals(404, e.getCode());
        Problem p = JSON.readValue(e.getResponseBody(), Problems.class).getProblems().get(0);
        assertEquals(Problem.CodeEnum.REQUEST_NOT_FOUND, p.getCode());
        ApiException noToken = assertThrows(ApiException.class, () -> new PacksApi(client(null)).listPacks());
        assertEquals(401, noToken.getCode());
    }

    @Test
    void downloads_the_template_as_a_file() throws Exception {
        File template = new PacksApi(client(TOKEN)).getTemplate("dianchang-2023");
        try {
            assertEquals("plancheck-template-dianchang-2023.xlsx", template.getName());
            assertEquals("PK", new String(Files.readAllBytes(template.toPath()), 0, 2, StandardCharsets.ISO_8859_1));
        } finally {
            Files.deleteIfExists(template.toPath());
        }
    }

    @Test
    void checks_one_ledger_into_a_report_and_two_into_a_batch() throws Exception {
        CheckApi api = new CheckApi(client(TOKEN));
        CheckResult one = api.check(null, LocalDate.of(2023, 12, 31), "json", null, List.of(sample("gaps-communities.json")), List.of());
        Report report = assertInstanceOf(Report.class, one.getActualInstance());
        int expected = JSON.readTree(SAMPLES.resolve("gaps-communities.expected.json").toFile()).get("gaps").size();
        assertAll(
                () -> assertEquals("gaps-communities.json", report.getSource()),
                () -> assertEquals(LocalDate.of(2023, 12, 31), report.getAsOf()),
                () -> assertEquals(expected, report.getGaps().size()),
                () -> assertEquals(Gap.SeverityEnum.HIGH, report.getGaps().stream().filter(g -> g.getRuleId().equals("R1.2-4"))
                        .findFirst().map(Gap::getSeverity).orElse(Gap.SeverityEnum.HIGH)));

        CheckResult two = api.check("dianchang-2023", null, null, null,
                List.of(sample("compliant.json"), sample("gaps-meetings.json")), List.of());
        Batch batch = assertInstanceOf(Batch.class, two.getActualInstance());
        assertEquals(2, batch.getReports().size());
        assertEquals(List.of("gaps-meetings.json"), batch.getComparison().getFilesWithGaps());
    }

    @Test
    void checks_into_a_file_download() throws Exception {
        // The generated client reads every 200 as the first media type declared (the JSON report); for a download the
        // caller takes the bytes in a response interceptor, as the native client allows.
        AtomicReference<byte[]> bytes = new AtomicReference<>();
        ApiClient c = client(TOKEN);
        c.setResponseInterceptor((HttpResponse<InputStream> r) -> {
            if (!r.headers().firstValue("Content-Type").orElse("").startsWith("application/json")) {
                try {
                    bytes.set(r.body().readAllBytes());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        });
        ApiResponse<CheckResult> r = new CheckApi(c).checkWithHttpInfo(null, null, "xlsx", null,
                List.of(sample("gaps-communities.json")), List.of());
        assertEquals(200, r.getStatusCode());
        assertNull(r.getData());
        assertEquals("PK", new String(bytes.get(), 0, 2, StandardCharsets.ISO_8859_1));
        assertTrue(r.getHeaders().get("content-disposition").get(0).startsWith("attachment; filename=\"plancheck-followup.xlsx\""),
                r.getHeaders().toString());
    }
}
