package dev.plancheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hostile, malformed and huge input: every case ends with the exit code and message it must give, never a stack
 * trace, never exit 1 for something that is not a gap, never output without bound, never a raw control character.
 * The committed corpus is listed in {@code hostile/manifest.tsv}; big and special files are made here.
 */
class HostileInputTest {
    static final Path CORPUS = Path.of("src/test/resources/hostile");
    private static final String VALID = CORPUS.resolve("bom-utf8-valid.json").toString();
    /** No case may print more than this: a bad ledger of any size gets a bounded list of problems. */
    private static final int MAX_OUTPUT = 200_000;

    static MainTest.Run run(String... args) {
        return assertTimeoutPreemptively(Duration.ofSeconds(60), () -> MainTest.run(args), "the run must not hang");
    }

    /** What every run must satisfy, whatever the input. */
    static void wellBehaved(MainTest.Run r) {
        String all = r.out() + r.err();
        assertFalse(all.contains("\tat ") || all.contains("Exception:") || all.contains("Error:"), "no stack trace: " + all);
        assertTrue(all.length() < MAX_OUTPUT, "output is bounded, was " + all.length() + " characters");
        for (int i = 0; i < all.length(); i++) {
            char c = all.charAt(i);
            assertFalse(c < 0x20 && c != '\n' || c == 0x7F || c >= 0x80 && c <= 0x9F || c == 0x202E,
                    "no raw control character (U+" + Integer.toHexString(c) + ") in the output: " + all);
        }
    }

    @TestFactory
    Stream<DynamicTest> every_corpus_file_gives_its_exit_code_and_message() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (String line : Files.readAllLines(CORPUS.resolve("manifest.tsv"), StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", 3);
            tests.add(DynamicTest.dynamicTest(f[0], () -> {
                MainTest.Run r = run("check", CORPUS.resolve(f[0]).toString());
                wellBehaved(r);
                assertEquals(Integer.parseInt(f[1]), r.code(), r.err() + r.out());
                assertTrue((r.out() + r.err()).contains(f[2]), "expected \"" + f[2] + "\" in:\n" + r.err() + r.out());
            }));
        }
        assertTrue(tests.size() >= 60, "the corpus has at least 60 cases, has " + tests.size());
        return tests.stream();
    }

    @Test
    void a_string_over_the_limit_is_reported_located_and_a_huge_one_stops_the_parser(@TempDir Path dir) throws IOException {
        Path longKind = dir.resolve("long-kind.json");
        Files.writeString(longKind, valid().replace("\"kind\": \"visit\"", "\"kind\": \"" + "k".repeat(20_000) + "\""));
        MainTest.Run r = run("check", longKind.toString());
        wellBehaved(r);
        assertEquals(2, r.code());
        assertTrue(r.err().contains("$.activities[0].kind: 字符串过长：有 20000 个字符，上限为 10000"), r.err());

        Path huge = dir.resolve("ten-megabyte-kind.json");
        Files.writeString(huge, valid().replace("\"kind\": \"visit\"", "\"kind\": \"" + "k".repeat(10 << 20) + "\""));
        MainTest.Run h = run("check", huge.toString());
        wellBehaved(h);
        assertEquals(2, h.code());
        assertTrue(h.err().contains("字符串过长"), h.err());
        assertTrue(h.err().length() < 2_000, "the 10 MB value is not echoed: " + h.err().length());
    }

    @Test
    void twenty_thousand_bad_records_print_a_bounded_list_and_count_the_rest(@TempDir Path dir) throws IOException {
        StringBuilder sb = new StringBuilder("{\"year\": 2023, \"units\": [{\"id\": \"DC\", \"name\": \"电厂街道\", \"level\": \"subdistrict\"}], \"activities\": [\n");
        for (int i = 0; i < 20_000; i++) {
            sb.append(i == 0 ? "" : ",\n").append("{\"id\": \"B").append(i).append("\", \"unit\": \"DC\", \"kind\": \"")
                    .append("x".repeat(500)).append("\", \"date\": \"2023-13-01\", \"title\": \"t\"}");
        }
        Path file = dir.resolve("bad-records.json");
        Files.writeString(file, sb.append("]}").toString());
        MainTest.Run r = run("check", file.toString());
        wellBehaved(r);
        assertEquals(2, r.code());
        assertTrue(r.err().contains("有 40000 处问题，未检查"), r.err().substring(0, 300));
        assertTrue(r.err().contains("另有 39800 个问题（只列出前 200 个；可用 --max-problems 调整）"), r.err());
        assertTrue(r.err().contains("…（共 500 个字符）"), "echoed values are cut");
    }

    @Test
    void too_many_records_stop_at_the_limit_with_its_place(@TempDir Path dir) throws IOException {
        String record = "{\"id\": \"a%d\", \"unit\": \"DC\", \"kind\": \"visit\", \"date\": \"2023-01-10\", \"title\": \"走访\", \"groups\": [\"workers\"]}";
        Path file = dir.resolve("many.json");
        Files.writeString(file, "{\"year\": 2023, \"units\": [{\"id\": \"DC\", \"name\": \"电厂街道\", \"level\": \"subdistrict\"}],\n"
                + "\"activities\": [\n" + String.format(record, 1) + ",\n" + String.format(record, 2) + ",\n" + String.format(record, 3) + "]}");
        MainTest.Run r = run("check", "--max-records", "2", file.toString());
        wellBehaved(r);
        assertEquals(2, r.code());
        assertTrue(r.err().contains("many.json:5:1: 记录过多：activities 超过上限 2 条（上限可用 --max-records 调整）"), r.err());

        MainTest.Run units = run("check", "--max-records", "1", VALID);
        assertEquals(2, units.code());
        assertTrue(units.err().contains("数组元素过多：超过上限 1 个"), units.err());
    }

    @Test
    void a_fifo_a_device_and_a_huge_sparse_file_are_refused_unread_while_the_valid_file_beside_them_is_checked(
            @TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("a-valid.json"), valid());
        Process mkfifo = new ProcessBuilder("mkfifo", dir.resolve("b-pipe.json").toString()).start();
        assertEquals(0, mkfifo.waitFor());
        try (RandomAccessFile sparse = new RandomAccessFile(dir.resolve("c-sparse.json").toFile(), "rw")) {
            sparse.setLength(3L << 30);
        }
        MainTest.Run r = run("check", dir.toString(), "/dev/zero");
        wellBehaved(r);
        assertEquals(2, r.code(), r.err());
        assertTrue(r.out().contains("提交文件：" + dir.resolve("a-valid.json")), r.out());
        assertTrue(r.err().contains("b-pipe.json：不是普通文件（是管道、设备、套接字等特殊文件），未读取"), r.err());
        assertTrue(r.err().contains("c-sparse.json：文件过大：有 3221225472 字节，上限为 134217728 字节"), r.err());
        assertTrue(r.err().contains("/dev/zero：不是普通文件"), r.err());
    }

    @Test
    void links_and_paths_that_cannot_be_followed_say_why(@TempDir Path dir) throws IOException {
        Path loop = dir.resolve("loop.json");
        Files.createSymbolicLink(loop, loop);
        Path dangling = Files.createSymbolicLink(dir.resolve("dangling.json"), dir.resolve("gone.json"));
        Path tooLong = dir.resolve("x".repeat(300) + ".json");
        Path notFolder = dir.resolve("a-file");
        Files.writeString(notFolder, "");
        MainTest.Run r = run("check", loop.toString(), dangling.toString(), tooLong.toString(),
                notFolder.resolve("x.json").toString(), dir.resolve("missing.json").toString());
        wellBehaved(r);
        assertEquals(2, r.code());
        assertTrue(r.err().contains("loop.json：符号链接形成循环"), r.err());
        assertTrue(r.err().contains("dangling.json：是符号链接，但它指向的文件不存在"), r.err());
        assertTrue(r.err().contains(".json：路径或文件名过长"), r.err());
        assertTrue(r.err().contains("x.json：路径中的某一段不是文件夹"), r.err());
        assertTrue(r.err().contains("missing.json：文件或文件夹不存在"), r.err());
    }

    @ParameterizedTest
    @ValueSource(strings = {"+99999-04-13", "-999999999-01-01", "9999-12-31", "2023-13-01", "2023-02-30", "20230101", ""})
    void extreme_as_of_dates_are_usage_errors(String day) {
        MainTest.Run r = run("check", "--as-of", day, VALID);
        wellBehaved(r);
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().startsWith("--as-of："), r.err());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2147483647", "-1", "3661", "99999999999", "1e9"})
    void extreme_coming_days_are_usage_errors(String days) {
        MainTest.Run r = run("check", "--coming-days", days, VALID);
        wellBehaved(r);
        assertEquals(2, r.code(), r.err());
    }

    @Test
    void validate_reads_without_checking_and_reports_each_ndjson_line() {
        MainTest.Run ok = run("validate", VALID);
        wellBehaved(ok);
        assertEquals(0, ok.code(), ok.err());
        assertTrue(ok.out().contains("bom-utf8-valid.json：有效（2 个单位，2 条记录）"), ok.out());

        MainTest.Run mixed = run("validate", CORPUS.resolve("mixed.ndjson").toString());
        wellBehaved(mixed);
        assertEquals(2, mixed.code());
        assertTrue(mixed.out().contains("mixed.ndjson:1：有效"), mixed.out());
        assertTrue(mixed.err().contains("mixed.ndjson:2:"), mixed.err());
        assertTrue(mixed.err().contains("mixed.ndjson:3:") && mixed.err().contains("$.year: 考核年度 2024"), mixed.err());
        assertTrue(mixed.err().contains("共 3 份提交：1 份有效，2 份无效"), mixed.err());
    }

    @Test
    void a_rule_that_throws_an_exception_is_a_broken_pack_named_by_its_file_and_line_never_a_crash(@TempDir Path dir)
            throws IOException {
        Path pack = CrashingPack.write(dir, "IllegalStateException");
        MainTest.Run r = run("check", "--pack", pack.toString(), VALID);
        assertEquals(3, r.code(), r.err());
        assertTrue(r.err().contains("s01_crash.drl:5: 规则 \"R1.2-4 全年专题会议研究统战工作至少2次\" 的结论部分（then）运行出错："
                + "boom [U+001B][2J"), r.err());
        assertFalse(r.err().contains("\u001b"), "the exception's message is escaped");
    }

    @Test
    void an_error_thrown_in_a_rule_is_a_crash_with_exit_70_and_a_stack_trace_only_with_debug(@TempDir Path dir) throws IOException {
        Path pack = CrashingPack.write(dir);
        MainTest.Run r = run("check", "--pack", pack.toString(), VALID);
        assertEquals(70, r.code(), r.err());
        assertTrue(r.err().contains("checker 内部出错，检查没有完成（退出码 70，不表示有无缺项）"), r.err());
        assertTrue(r.err().contains("加 --debug 重新运行"), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
        assertFalse(r.err().contains("\u001b"), "the exception's message is escaped too");

        MainTest.Run debug = run("--debug", "check", "--pack", pack.toString(), VALID);
        assertEquals(70, debug.code());
        assertTrue(debug.err().contains("\tat "), "--debug adds the stack trace: " + debug.err());
    }

    @Test
    void running_out_of_memory_or_stack_is_a_crash_not_a_gap() {
        java.io.StringWriter err = new java.io.StringWriter();
        assertEquals(70, Main.crash(new OutOfMemoryError("Java heap space"), false, new java.io.PrintWriter(err)));
        assertTrue(err.toString().contains("内存不足"), err.toString());
        java.io.StringWriter err2 = new java.io.StringWriter();
        assertEquals(70, Main.crash(new Crash("检查 x.json 时", new StackOverflowError()), false, new java.io.PrintWriter(err2)));
        assertTrue(err2.toString().contains("检查 x.json 时：调用栈溢出"), err2.toString());
    }

    private static String valid() throws IOException {
        try (InputStream in = Files.newInputStream(CORPUS.resolve("bom-utf8-valid.json"))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).substring(1);
        }
    }
}
