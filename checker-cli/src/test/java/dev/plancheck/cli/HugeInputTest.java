package dev.plancheck.cli;

import static dev.plancheck.io.ledger.HostileFiles.number;
import static dev.plancheck.io.ledger.HostileFiles.record;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plancheck.io.ledger.HostileFiles;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The huge hostile inputs of issue 17, proven bounded rather than hoped so: generated here (never committed), then
 * checked one after the other by the real command line in a child JVM of {@value #HEAP} ({@link HugeInputDriver}),
 * the default limits in force. Each must end with exit 2 (or 1 for the valid ledger of repeated records), its
 * located message, no stack trace and bounded output, in seconds. The figures (time, peak heap) are printed and
 * written to {@code target/huge-inputs.tsv}.
 *
 * <p>With {@code -Dhuge.worst=true} three more cases run: the worst inputs within the limits that a 20 MB upload to the
 * service can hold (docs/service.md#memory): a JSON ledger of valid records, an xlsx unzipping to 64 MiB of distinct
 * numbers, a CSV file of distinct cells. They are the measurement the service's heap is sized by, not run in CI:
 * {@code mvn -B -ntp -pl checker-cli -am verify -Dtest=HugeInputTest -Dsurefire.failIfNoSpecifiedTests=false -Dhuge.worst=true}
 */
class HugeInputTest {
    static final String HEAP = "-Xmx512m";

    @TempDir
    static Path dir;

    record Expect(int code, String fragment, String[] args) {
    }

    private static final Map<String, Expect> CASES = new LinkedHashMap<>();
    private static final Map<String, String[]> RESULTS = new LinkedHashMap<>();

    private static Path file(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    private static void add(String name, int code, String fragment, String... args) {
        CASES.put(name, new Expect(code, fragment, args));
    }

    @BeforeAll
    static void generateAndRun() throws Exception {
        Path xlsx27k = file("number-1e999999999.xlsx", HostileFiles.ledger(record(2, number("I2", "1E999999999"))));
        add("27 KB workbook, 1E999999999 in 参与人数", 2, "活动!I2: “参与人数”应为 0 到 10000000 之间的整数，实际是数字 1E+999999999",
                "check", xlsx27k.toString());
        Path bomb = file("bomb.xlsx", HostileFiles.bomb(HostileFiles.SHARED_STRINGS, "<sst xmlns=\"x\"><si><t>", "a",
                1L << 30, "</t></si></sst>", null));
        add("1 MB zip bomb, a shared string of 1 GiB", 2, "bomb.xlsx: 活动!F2: 字符串过长", "check", bomb.toString());
        Path ratio = file("ratio.xlsx", HostileFiles.bomb(HostileFiles.SHARED_STRINGS, "<sst xmlns=\"x\">", "<si><t>a</t></si>",
                1L << 26, "</sst>", 1000L));
        add("zip bomb of 1 GiB of small strings, size declared as 1000", 2, "ratio.xlsx: xl/sharedStrings.xml: 工作簿的这一部分压缩比异常",
                "check", ratio.toString());
        Path rows = file("rows.xlsx", HostileFiles.streamed(HostileFiles.ACTIVITIES, i -> i == 0
                ? HostileFiles.activities("").replace("</sheetData></worksheet>", "")
                : i <= 1_048_574 ? "<row r=\"" + (i + 1) + "\"><c r=\"A" + (i + 1) + "\" t=\"s\"><v>0</v></c></row>"
                : i == 1_048_575 ? "</sheetData></worksheet>" : null));
        add("xlsx of 1,048,575 rows", 2, "rows.xlsx: 活动!A500003: 记录过多：工作表“活动”有内容的行超过上限 500000 条",
                "check", rows.toString());
        Path title1m = file("title-1m.xlsx", HostileFiles.streamed(HostileFiles.SHARED_STRINGS, HostileFiles.longSharedString(1_000_000)));
        add("title of 1,000,000 characters", 2, "title-1m.xlsx: 活动!F2: 字符串过长", "check", title1m.toString());
        Path title30m = file("title-30m.xlsx", HostileFiles.streamed(HostileFiles.SHARED_STRINGS, HostileFiles.longSharedString(30_000_000)));
        add("title of 30,000,000 characters", 2, "title-30m.xlsx: 活动!F2: 字符串过长",
                "check", title30m.toString());
        StringBuilder header = new StringBuilder(HostileFilesTest.csvLedger("").stripTrailing());
        for (int i = 0; i < 1_000_000; i++) {
            header.append(",列").append(i);
        }
        Path columns = file("columns.csv", header.append('\n').toString().getBytes(StandardCharsets.UTF_8));
        add("CSV with 1,000,000 unknown column names", 2, "另有 999",
                "check", columns.toString());
        Path csvRows = dir.resolve("rows.csv");
        try (BufferedWriter w = Files.newBufferedWriter(csvRows, StandardCharsets.UTF_8)) {
            w.write(HostileFilesTest.csvLedger(""));
            for (int i = 0; i < 1_100_000; i++) {
                w.write("a,DC\n");
            }
        }
        add("CSV of 1,100,000 records", 2, "rows.csv:1000004: 记录过多：文件中有内容的行超过上限", "check", csvRows.toString());
        Path ledger = file("ledger.xlsx", HostileFiles.ledger());
        Path million = dir.resolve("million-waivers.json");
        try (BufferedWriter w = Files.newBufferedWriter(million, StandardCharsets.UTF_8)) {
            w.write("[");
            for (int i = 0; i < 1_000_000; i++) {
                w.write((i == 0 ? "" : ",\n") + HostileFilesTest.waiver(i, "因故未开展"));
            }
            w.write("]");
        }
        add("1,000,000 waivers", 2, "million-waivers.json: 文件过大：有 ", "check", "--waivers", million.toString(), ledger.toString());
        Path reason = file("reason.json", ("[" + HostileFilesTest.waiver(0, "理".repeat(5_000_000)) + "]").getBytes(StandardCharsets.UTF_8));
        add("a reason of 5,000,000 characters", 2, "reason.json:1:", "check", "--waivers", reason.toString(), ledger.toString());
        Path zero = Files.createSymbolicLink(dir.resolve("zero.json"), Path.of("/dev/zero"));
        add(".json link to /dev/zero as waivers", 2, "zero.json: 不是普通文件", "check", "--waivers", zero.toString(), ledger.toString());
        Path repeated = dir.resolve("repeated.json");
        try (BufferedWriter w = Files.newBufferedWriter(repeated, StandardCharsets.UTF_8)) {
            w.write("{\"year\": 2023, \"units\": [{\"id\": \"DC\", \"name\": \"电厂街道\", \"level\": \"subdistrict\"}], \"activities\": [\n");
            for (int i = 0; i < 200_000; i++) {
                w.write((i == 0 ? "" : ",\n") + "{\"id\": \"r" + i + "\", \"unit\": \"DC\", \"kind\": \"visit\", \"date\": \"2023-01-"
                        + (10 + i % 3) + "\", \"title\": \"走访\", \"groups\": [\"workers\"]}");
            }
            w.write("]}");
        }
        add("200,000 records, nearly all repeating others", 1, "【重复记录】另有 ", "check", repeated.toString());

        if (Boolean.getBoolean("huge.worst")) {
            worstWithinTheLimits();
        }
        Path list = dir.resolve("cases.tsv");
        List<String> lines = new ArrayList<>();
        CASES.forEach((name, e) -> lines.add(name + "\t" + String.join("\t", e.args())));
        Files.write(list, lines, StandardCharsets.UTF_8);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(java.toString(), HEAP, "-cp", System.getProperty("java.class.path"),
                HugeInputDriver.class.getName(), list.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(child.waitFor(10, TimeUnit.MINUTES), "the child JVM finishes");
        assertEquals(0, child.exitValue(), output);
        StringBuilder figures = new StringBuilder("case\texit\tms\tpeak heap MiB\toutput chars\n");
        for (String line : output.lines().toList()) {
            String[] f = line.split("\t");
            if (f.length == 6 && CASES.containsKey(f[0])) {
                RESULTS.put(f[0], f);
                figures.append(String.join("\t", List.of(f).subList(0, 5))).append('\n');
            }
        }
        System.out.println("Huge hostile inputs, " + HEAP + ":\n" + figures);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "huge-inputs.tsv"), figures);
    }

    /** The worst inputs of 20 MB within the limits, for the service's heap (see the class description). */
    private static void worstWithinTheLimits() throws IOException {
        java.util.Random random = new java.util.Random(1);
        Path json = dir.resolve("worst.json");
        try (BufferedWriter w = Files.newBufferedWriter(json, StandardCharsets.UTF_8)) {
            w.write("{\"year\": 2023, \"units\": [{\"id\": \"DC\", \"name\": \"电厂街道\", \"level\": \"subdistrict\"}], \"activities\": [\n");
            for (int i = 0; i < 160_000; i++) {
                w.write((i == 0 ? "" : ",\n") + "{\"id\": \"r" + i + "\", \"unit\": \"DC\", \"kind\": \""
                        + (i % 2 == 0 ? "visit" : "special-meeting") + "\", \"date\": \"2023-" + String.format("%02d-%02d", 1 + i % 12, 1 + i % 28)
                        + "\", \"title\": \"活动" + i + "\", " + (i % 2 == 0 ? "\"groups\": [\"workers\"]" : "\"topics\": [\"united-front\"]") + "}");
            }
            w.write("]}");
        }
        add("worst within the limits: JSON of 20 MB, 160,000 valid records", 1, "结论：有", "check", json.toString());
        String columns = "ABCDEFGHIJKLM";
        Path xlsx = file("worst.xlsx", HostileFiles.streamed(HostileFiles.ACTIVITIES, i -> {
            if (i == 0) {
                return HostileFiles.activities("").replace("</sheetData></worksheet>", "");
            }
            if (i <= 150_000) {
                StringBuilder row = new StringBuilder("<row r=\"" + (i + 1) + "\">");
                for (char c : columns.toCharArray()) {
                    row.append(number(String.valueOf(c) + (i + 1), String.valueOf(random.nextInt(1 << 20))));
                }
                return row.append("</row>").toString();
            }
            return i == 150_001 ? "</sheetData></worksheet>" : null;
        }));
        add("worst within the limits: xlsx unzipping to 64 MiB of distinct numbers", 2, "处问题，未检查", "check", xlsx.toString());
        Path csv = dir.resolve("worst.csv");
        try (BufferedWriter w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            w.write(HostileFilesTest.csvLedger(""));
            for (int i = 0; i < 260_000; i++) {
                StringBuilder row = new StringBuilder();
                for (int c = 0; c < 13; c++) {
                    row.append(c == 0 ? "" : ",").append(Integer.toHexString(random.nextInt(1 << 20)));
                }
                w.write(row.append('\n').toString());
            }
        }
        add("worst within the limits: CSV of 20 MB of distinct cells", 2, "处问题，未检查", "check", csv.toString());
    }

    @TestFactory
    List<DynamicTest> each_huge_input_is_refused_within_512_megabytes_in_seconds() {
        List<DynamicTest> tests = new ArrayList<>();
        CASES.forEach((name, e) -> tests.add(DynamicTest.dynamicTest(name, () -> {
            String[] f = RESULTS.get(name);
            assertTrue(f != null, "the child ran " + name);
            String all = new String(Base64.getDecoder().decode(f[5]), StandardCharsets.UTF_8);
            assertEquals(e.code(), Integer.parseInt(f[1]), all.length() > 2000 ? all.substring(0, 2000) : all);
            assertTrue(all.contains(e.fragment()), "expected \"" + e.fragment() + "\" in:\n"
                    + (all.length() > 2000 ? all.substring(0, 2000) : all));
            assertFalse(all.contains("\tat ") || all.contains("内部出错") || all.contains("Exception"), all);
            assertTrue(Integer.parseInt(f[4]) < 200_000, "bounded output: " + f[4] + " characters");
            assertTrue(Duration.ofMillis(Long.parseLong(f[2])).toSeconds() < (name.startsWith("worst") ? 120 : 60),
                    "seconds, not minutes: " + f[2] + " ms");
        })));
        return tests;
    }
}
