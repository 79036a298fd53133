package dev.plancheck.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plancheck.input.InputLimits;
import dev.plancheck.input.InvalidSubmissionException;
import dev.plancheck.PlanChecker;
import dev.plancheck.input.Problem;
import dev.plancheck.input.Submission;
import dev.plancheck.testing.Checkers;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The edges of what a ledger may say, each on both sides: the largest amount and the one just over it, two decimals
 * and three, a record count at the limit and one over. Found by mutation testing (PIT): each boundary here could be
 * moved by one without any other test noticing.
 */
class InputEdgesTest {
    private static final PlanChecker CHECKER = Checkers.dianchang2023();
    private static final String UNITS = "\"units\": [{\"id\": \"DC\", \"name\": \"电厂街道\", \"level\": \"subdistrict\"}]";

    private static String drive(String amount) {
        return "{\"id\": \"d1\", \"unit\": \"DC\", \"kind\": \"donation-drive\", \"date\": \"2023-05-08\", \"title\": \"博爱一日捐\","
                + " \"amount\": " + amount + "}";
    }

    private static Submission read(InputLimits limits, String... records) throws InvalidSubmissionException {
        String json = "{\"year\": 2023, " + UNITS + ", \"activities\": [" + String.join(",\n", records) + "]}";
        return CHECKER.read("edges.json", json.getBytes(StandardCharsets.UTF_8), limits);
    }

    private static List<String> problems(InputLimits limits, String... records) {
        InvalidSubmissionException e = assertThrows(InvalidSubmissionException.class, () -> read(limits, records));
        return e.problems().stream().map(Problem::message).toList();
    }

    @ParameterizedTest(name = "amount {0} is read as {1}")
    @CsvSource({
        "0, 0",
        "12500.5, 12500.5",
        "12500.50, 12500.50",
        "12500.500, 12500.500",
        "0.120, 0.120",
        "1E+3, 1000",
        "999999999999.99, 999999999999.99",
    })
    void amounts_up_to_the_limit_with_at_most_two_significant_decimals_are_read(String written, BigDecimal read)
            throws Exception {
        BigDecimal amount = read(InputLimits.defaults(), drive(written)).activities().get(0).getAmount();
        assertEquals(read, amount);
        assertTrue(amount.scale() >= 0, "a plain number of yuan, never 1E+3: " + amount);
    }

    @ParameterizedTest(name = "amount {0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "-0.01 | 金额应为不小于 0、最多两位小数的数字（单位：元），实际是 -0.01",
        "12500.505 | 金额应为不小于 0、最多两位小数的数字（单位：元），实际是 12500.505",
        "1000000000000.00 | 金额过大：上限为 999999999999.99 元，实际是 1000000000000.00",
        "1000000000000 | 金额过大：上限为 999999999999.99 元，实际是 1000000000000",
    })
    void an_amount_below_zero_over_the_limit_or_with_three_decimals_is_refused(String written, String message) {
        assertEquals(List.of(message), problems(InputLimits.defaults(), drive(written)));
    }

    @Test
    void a_lower_amount_limit_is_inclusive_of_its_last_cent() throws Exception {
        InputLimits limits = InputLimits.defaults().withMaxAmount(1000);
        assertEquals(new BigDecimal("1000.99"), read(limits, drive("1000.99")).activities().get(0).getAmount());
        assertEquals(List.of("金额过大：上限为 1000.99 元，实际是 1001.00"), problems(limits, drive("1001.00")));
    }

    @Test
    void the_record_limit_admits_exactly_that_many_records() throws Exception {
        String a = "{\"id\": \"a\", \"unit\": \"DC\", \"kind\": \"visit\", \"date\": \"2023-02-03\", \"title\": \"走访\", \"groups\": [\"workers\"]}";
        String b = a.replace("\"a\"", "\"b\"");
        String c = a.replace("\"a\"", "\"c\"");
        InputLimits two = InputLimits.defaults().withMaxRecords(2);
        assertEquals(2, read(two, a, b).activities().size());
        assertEquals(List.of("记录过多：activities 超过上限 2 条（上限可用 --max-records 调整）（之后的内容没有检查）"),
                problems(two, a, b, c));
    }

    @Test
    void participants_run_from_none_to_ten_million() throws Exception {
        String meeting = "{\"id\": \"m\", \"unit\": \"DC\", \"kind\": \"special-meeting\", \"date\": \"2023-02-03\", \"title\": \"会议\","
                + " \"topics\": [\"united-front\"], \"participants\": %s}";
        assertEquals(0, read(InputLimits.defaults(), meeting.formatted("0")).activities().get(0).getParticipants());
        assertEquals(10_000_000, read(InputLimits.defaults(), meeting.formatted("10000000")).activities().get(0).getParticipants());
        assertEquals(List.of("应为 0 到 10000000 之间的整数，实际是数字 -1"), problems(InputLimits.defaults(), meeting.formatted("-1")));
        assertEquals(List.of("应为 0 到 10000000 之间的整数，实际是数字 10000001"),
                problems(InputLimits.defaults(), meeting.formatted("10000001")));
    }

    @Test
    void an_end_date_may_be_the_start_date_but_not_before_it() throws Exception {
        String visit = "{\"id\": \"v\", \"unit\": \"DC\", \"kind\": \"visit\", \"date\": \"2023-03-02\", \"endDate\": \"%s\","
                + " \"title\": \"走访\", \"groups\": [\"workers\"]}";
        assertEquals(1, read(InputLimits.defaults(), visit.formatted("2023-03-02")).activities().size());
        assertEquals(List.of("结束日期 2023-03-01 早于开始日期 2023-03-02"), problems(InputLimits.defaults(), visit.formatted("2023-03-01")));
    }

    @Test
    void an_unknown_group_code_is_refused_with_a_suggestion() {
        String visit = "{\"id\": \"v\", \"unit\": \"DC\", \"kind\": \"visit\", \"date\": \"2023-03-02\", \"title\": \"走访\","
                + " \"groups\": [\"workerz\"]}";
        assertEquals(List.of("未知的对象代码 \"workerz\"；是否应为 \"workers\"？"), problems(InputLimits.defaults(), visit));
    }

    @Test
    void a_string_at_the_length_limit_is_read_and_one_character_more_is_not() throws Exception {
        String visit = "{\"id\": \"v\", \"unit\": \"DC\", \"kind\": \"visit\", \"date\": \"2023-03-02\", \"title\": \"%s\","
                + " \"groups\": [\"workers\"]}";
        // 12: the longest member name, "activities", has 10 characters.
        InputLimits twelve = InputLimits.defaults().withMaxStringLength(12);
        String longest = "走访".repeat(6);
        assertEquals(longest, read(twelve, visit.formatted(longest)).activities().get(0).getTitle());
        assertEquals(List.of("字符串过长：有 13 个字符，上限为 12（上限可用 --max-string-length 调整）"),
                problems(twelve, visit.formatted(longest + "走")));
    }

    @Test
    void an_empty_topics_list_is_as_missing_as_no_topics_for_a_kind_that_requires_them() {
        String meeting = "{\"id\": \"m\", \"unit\": \"DC\", \"kind\": \"special-meeting\", \"date\": \"2023-02-03\", \"title\": \"会议\"%s}";
        assertEquals(problems(InputLimits.defaults(), meeting.formatted("")),
                problems(InputLimits.defaults(), meeting.formatted(", \"topics\": []")));
        assertEquals(List.of("类别 \"special-meeting\"（专题会议）的记录必须有字段 \"topics\""),
                problems(InputLimits.defaults(), meeting.formatted(", \"topics\": []")));
    }

    @Test
    void a_problem_inside_one_record_is_reported_once_however_many_records_follow() {
        String bad = "{\"id\": \"a\", \"unit\": \"DC\", \"kind\": \"visit\", \"date\": \"2023-02-03\", \"title\": \"走访\","
                + " \"title\": \"又一个标题\", \"groups\": [\"workers\"]}";
        String good = "{\"id\": \"%s\", \"unit\": \"DC\", \"kind\": \"visit\", \"date\": \"2023-02-03\", \"title\": \"走访\","
                + " \"groups\": [\"women\"]}";
        assertEquals(List.of("键 \"title\" 在同一对象中出现了两次，每个键只能出现一次"),
                problems(InputLimits.defaults(), bad, good.formatted("b"), good.formatted("c")));
    }

    @Test
    void an_unknown_member_of_a_unit_is_reported() {
        String json = "{\"year\": 2023, \"units\": [{\"id\": \"DC\", \"name\": \"电厂街道\", \"level\": \"subdistrict\", \"leader\": \"王\"}],"
                + " \"activities\": []}";
        InvalidSubmissionException e = assertThrows(InvalidSubmissionException.class,
                () -> CHECKER.read("units.json", json.getBytes(StandardCharsets.UTF_8)));
        assertEquals(List.of("未知字段 \"leader\"；这里可用的字段是：attributes、id、level、name"), e.problems().stream().map(Problem::message).toList());
    }

    @Test
    void a_code_within_a_third_of_its_length_of_a_known_one_is_suggested_and_a_farther_one_lists_them_all() {
        Set<String> known = Set.of("united-front", "ethnic", "religion");
        assertEquals("是否应为 \"united-front\"？", SubmissionValidator.suggest("united-frnot", known));
        assertEquals("是否应为 \"ethnic\"？", SubmissionValidator.suggest("ETHNIK", known), "compared without case");
        // "relig" is 3 edits from "religion"; a third of 5 letters is 1, but two edits are always allowed: too far.
        assertEquals("可用：ethnic、religion、united-front", SubmissionValidator.suggest("relig", known));
        assertEquals("是否应为 \"religion\"？", SubmissionValidator.suggest("religi", known), "2 edits: the minimum allowance");
    }

    @Test
    void the_edit_distance_counts_insertions_deletions_and_substitutions() {
        assertEquals(3, SubmissionValidator.distance("kitten", "sitting"));
        assertEquals(0, SubmissionValidator.distance("visit", "visit"));
        assertEquals(5, SubmissionValidator.distance("", "visit"));
        assertEquals(5, SubmissionValidator.distance("visit", ""));
        assertEquals(1, SubmissionValidator.distance("visits", "visit"));
    }
}
