package dev.plancheck.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plancheck.PlanChecker;
import dev.plancheck.testing.Checkers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The limits as an embedder sets them through the API. */
class InputLimitsTest {
    private static final PlanChecker CHECKER = Checkers.dianchang2023();

    private static byte[] ledger(int badRecords) {
        StringBuilder sb = new StringBuilder("{\"year\": 2023, \"units\": [{\"id\": \"DC\", \"name\": \"电厂街道\", \"level\": \"subdistrict\"}],\n\"activities\": [");
        for (int i = 0; i < badRecords; i++) {
            sb.append(i == 0 ? "\n" : ",\n").append("{\"id\": \"b").append(i)
                    .append("\", \"unit\": \"DC\", \"kind\": \"visit\", \"date\": \"2023-02-30\", \"title\": \"走访\", \"groups\": [\"workers\"]}");
        }
        return sb.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void the_first_problems_in_file_order_are_listed_and_the_rest_counted() {
        InvalidSubmissionException e = assertThrows(InvalidSubmissionException.class,
                () -> CHECKER.read("ledger.json", ledger(10), InputLimits.defaults().withMaxProblems(3)));
        assertEquals(3, e.problems().size());
        assertEquals(7, e.omitted());
        assertEquals(10, e.total());
        assertEquals("ledger.json:3:53: $.activities[0].date: 日期 \"2023-02-30\" 不存在；应为 YYYY-MM-DD 格式的真实日期",
                e.problems().get(0).toString());
        assertEquals(5, e.problems().get(2).line(), "the third in file order");
        assertTrue(e.getMessage().endsWith("另有 7 个问题"), e.getMessage());
    }

    @Test
    void a_file_over_the_size_limit_is_refused_before_it_is_read(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("big.json");
        Files.write(file, ledger(50));
        InvalidSubmissionException e = assertThrows(InvalidSubmissionException.class,
                () -> CHECKER.read(file, InputLimits.defaults().withMaxFileBytes(1024)));
        assertTrue(e.problems().get(0).message().startsWith("文件过大：有 "), e.getMessage());
    }

    @Test
    void a_fifo_is_refused_without_being_opened(@TempDir Path dir) throws Exception {
        Path fifo = dir.resolve("pipe.json");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        InvalidSubmissionException e = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> assertThrows(InvalidSubmissionException.class, () -> CHECKER.read(fifo)));
        assertTrue(e.problems().get(0).message().startsWith("不是普通文件"), e.getMessage());
    }
}
