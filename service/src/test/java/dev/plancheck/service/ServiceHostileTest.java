package dev.plancheck.service;

import static dev.plancheck.io.ledger.HostileFiles.number;
import static dev.plancheck.io.ledger.HostileFiles.record;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plancheck.io.ledger.HostileFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Hostile uploads over real HTTP, black-box: each gets 400 with its located Chinese problem (never 500), and
 * {@code /api/v1/health} answers after every one. A service of its own, with the documented request limits and a
 * queue wait long enough that eight uploads at once all get checked rather than 503.
 */
class ServiceHostileTest {
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static CheckService service;

    @BeforeAll
    static void start() throws IOException {
        service = CheckService.start(ServiceConfig.defaults().withPort(0)
                .withLimits(ServiceConfig.DEFAULT_MAX_BODY, 50, 4, Duration.ofSeconds(60)));
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    /** A request and what its answer must hold. */
    record Post(String name, HttpRequest request, int status, String expected) {
    }

    static HttpRequest multipart(String field, String fileName, byte[] content) {
        return multipart(List.<Object[]>of(new Object[] {field, fileName, content}));
    }

    /** A multipart body as a browser sends it: each file is its field, its name and its bytes. */
    static HttpRequest multipart(List<Object[]> files) {
        String boundary = "----plancheck" + UUID.randomUUID().toString().replace("-", "");
        var body = new java.io.ByteArrayOutputStream();
        for (Object[] f : files) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f[0] + "\"; filename=\""
                    + f[1] + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes((byte[]) f[2]);
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(uri("/api/v1/check")).timeout(Duration.ofSeconds(120))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
    }

    static URI uri(String path) {
        return service.uri().resolve(path);
    }

    static HttpResponse<String> send(HttpRequest r) {
        try {
            return CLIENT.send(r, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static void healthy() {
        HttpResponse<String> h = send(HttpRequest.newBuilder(uri("/api/v1/health")).build());
        assertEquals(200, h.statusCode());
        assertTrue(h.body().contains("\"status\" : \"ok\""), h.body());
    }

    static final byte[] HUGE_NUMBER = HostileFiles.ledger(record(2, number("I2", "1E999999999")));
    static final byte[] BOMB = HostileFiles.bomb(HostileFiles.SHARED_STRINGS, "<sst xmlns=\"x\"><si><t>", "a", 1L << 30,
            "</t></si></sst>", null);

    static String waivers(int n) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "" : ",\n").append("{\"rule\": \"R1.2-4\", \"unit\": \"DC\", \"reason\": \"理由").append(i).append("\"}");
        }
        return sb.append("]").toString();
    }

    static Stream<Post> posts() {
        String csv = "考核年度,2023\n单位编号,单位名称,单位级别\nDC,电厂街道,街道\n"
                + "记录编号,单位编号,类别,日期,结束日期,标题,主题,对象,参与人数,金额（元）,关联记录,荣誉级别,说明\n";
        byte[] rows = HostileFiles.streamed(HostileFiles.ACTIVITIES, i -> i == 0
                ? HostileFiles.activities("").replace("</sheetData></worksheet>", "")
                : i <= 1_048_574 ? "<row r=\"" + (i + 1) + "\"><c r=\"A" + (i + 1) + "\" t=\"s\"><v>0</v></c></row>"
                : i == 1_048_575 ? "</sheetData></worksheet>" : null);
        return Stream.of(
                new Post("27 KB workbook with 1E999999999", multipart("ledgers", "台账.xlsx", HUGE_NUMBER), 400,
                        "\"path\" : \"活动!I2\""),
                new Post("1 MiB zip bomb", multipart("ledgers", "炸弹.xlsx", BOMB), 400, "字符串过长：单元格内容超过"),
                new Post("ratio bomb declaring 1000 bytes", multipart("ledgers", "比例.xlsx", HostileFiles.bomb(
                        HostileFiles.SHARED_STRINGS, "<sst xmlns=\"x\">", "<si><t>a</t></si>", 1L << 26, "</sst>", 1000L)),
                        400, "像是“压缩炸弹”"),
                new Post("1,048,575 rows", multipart("ledgers", "行.xlsx", rows), 400, "记录过多：工作表“活动”有内容的行超过上限 500000 条"),
                new Post("NaN in a number cell", multipart("ledgers", "NaN.xlsx", HostileFiles.ledger(record(2, number("I2", "NaN")))),
                        400, "无法识别的数字“NaN”"),
                new Post("encrypted workbook", multipart("ledgers", "加密.xlsx", HostileFiles.encrypted()), 400, "工作簿受密码保护"),
                new Post("CSV with 1E999999999", multipart("ledgers", "台账.csv", (csv
                        + "a1,DC,专题会议,2023-04-13,,会议,统战工作,,1E999999999,,,,\n").getBytes(StandardCharsets.UTF_8)), 400,
                        "“参与人数”应为 0 到 10000000 之间的整数"),
                new Post("JSON ledger with an amount of 1e999999999", HttpRequest.newBuilder(uri("/api/v1/check?name=a.json"))
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                                "{\"year\": 2023, \"units\": [{\"id\": \"DC\", \"name\": \"电厂街道\", \"level\": \"subdistrict\"}], "
                                        + "\"activities\": [{\"id\": \"a\", \"unit\": \"DC\", \"kind\": \"donation\", \"date\": \"2023-05-08\", "
                                        + "\"title\": \"捐\", \"amount\": 1e999999999}]}")).build(), 400, "金额过大"),
                new Post("10,001 waivers", multipart(List.of(new Object[] {"ledgers", "台账.xlsx", HostileFiles.ledger()},
                        new Object[] {"waivers", "情况说明.json", waivers(10_001).getBytes(StandardCharsets.UTF_8)})), 400,
                        "情况说明过多：超过上限 10000 条"),
                new Post("a zip bomb as waivers", multipart(List.of(new Object[] {"ledgers", "台账.xlsx", HostileFiles.ledger()},
                        new Object[] {"waivers", "情况说明.xlsx", BOMB})), 400, "\"file\" : \"情况说明.xlsx\",\n    \"line\" : 0,\n    \"column\" : 0,\n    \"path\" : \"活动!F2\""),
                new Post("a cell far outside the grid", multipart("ledgers", "格.xlsx",
                        HostileFiles.ledger(record(2, number("XFE2", "1")))), 400, "单元格地址超出 Excel 的范围"));
    }


    @TestFactory
    Stream<DynamicTest> each_hostile_upload_gets_its_located_problem_and_the_service_still_answers() {
        return posts().map(p -> DynamicTest.dynamicTest(p.name(), () -> {
            HttpResponse<String> r = send(p.request());
            assertEquals(p.status(), r.statusCode(), r.body());
            assertTrue(r.body().contains(p.expected()), r.body());
            assertFalse(r.body().contains("内部错误"), r.body());
            healthy();
        }));
    }

    @Test
    void four_zip_bombs_and_four_huge_numbers_at_once_all_get_400_and_health_answers() throws Exception {
        List<CompletableFuture<HttpResponse<String>>> all = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            all.add(CLIENT.sendAsync(multipart("ledgers", "炸弹" + i + ".xlsx", BOMB), HttpResponse.BodyHandlers.ofString()));
            all.add(CLIENT.sendAsync(multipart("ledgers", "数字" + i + ".xlsx", HUGE_NUMBER), HttpResponse.BodyHandlers.ofString()));
        }
        for (CompletableFuture<HttpResponse<String>> f : all) {
            HttpResponse<String> r = f.get(120, TimeUnit.SECONDS);
            assertEquals(400, r.statusCode(), r.body());
        }
        healthy();
    }

    @Test
    void the_page_shows_invisible_characters_by_their_code() {
        String csv = "考核年度,2023\n单位编号,单位名称,单位级别\nDC,电厂\u202e街道\u200b,街道\n"
                + "记录编号,单位编号,类别,日期,结束日期,标题,主题,对象,参与人数,金额（元）,关联记录,荣誉级别,说明\n"
                + "a1,DC,专题会议\u001b[2J,2023-04-13,,会议,统战工作,,,,,,\n";
        String boundary = "----plancheckPage";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"action\"\r\n\r\nview\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"ledgers\"; filename=\"台账.csv\"\r\n\r\n" + csv
                + "\r\n--" + boundary + "--\r\n";
        HttpResponse<String> r = send(HttpRequest.newBuilder(uri("/check"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(r.body().contains("未知的类别“专题会议[U+001B][2J”"), r.body());
        for (char c : new char[] {'\u001b', '\u202e', '\u200b'}) {
            assertFalse(r.body().indexOf(c) >= 0, "no raw U+" + Integer.toHexString(c));
        }
    }
}
