package dev.plancheck.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plancheck.PlanChecker;
import dev.plancheck.RulePack;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Accepting actual results changes the values that differ and keeps every other byte: line ends, a BOM, one-line lists. */
class ScenarioAcceptTest {
    private static final Path PACK = Path.of("..", "sample-data", "qingsong-2023", "pack");
    private static final PlanChecker CHECKER = PlanChecker.create(RulePack.load(PACK));
    private static final String GOOD_FOUND = "\"found\": \"没有符合条件的记录；本时段外另有 3 条";
    private static final String BAD_FOUND = "\"found\": \"没有符合条件的记录；另有 3 条";

    private static String patrolScenario() throws Exception {
        return Files.readString(PACK.resolve("scenarios/s03/R3.1-1.json"), StandardCharsets.UTF_8);
    }

    private static String accept(String text) throws Exception {
        ScenarioAccept.Accepted a = ScenarioAccept.accept(CHECKER, "R3.1-1.json", text.getBytes(StandardCharsets.UTF_8));
        return new String(a.json(), StandardCharsets.UTF_8);
    }

    @Test
    void a_file_with_windows_line_ends_and_a_byte_order_mark_keeps_both() throws Exception {
        String good = "\uFEFF" + patrolScenario().replace("\n", "\r\n");
        assertEquals(good, accept(good.replace(GOOD_FOUND, BAD_FOUND)));
    }

    @Test
    void a_one_line_expect_stays_on_one_line_and_a_missing_notices_is_added_after_it() throws Exception {
        String good = patrolScenario();
        int from = good.lastIndexOf("\"expect\": [");
        String expect = good.substring(from, good.indexOf("\n      ]", from) + "\n      ]".length());
        String oneLine = expect.replaceAll("\\s*\n\\s*", " ").replace("[ ", "[").replace(" ]", "]");
        String broken = good.replace(expect, oneLine.replace(GOOD_FOUND, BAD_FOUND))
                .replace(",\n      \"notices\": [{\"type\": \"OUTSIDE_YEAR\", \"record\": \"p4\"}]", "");
        String accepted = accept(broken);
        assertTrue(accepted.contains("\"expect\": [{\"unit\": \"QS\", \"status\": \"GAP\", \"evidence\": [\"p1\", \"p2\", \"p3\"], "
                + "\"expected\": \"消防安全志愿巡查：第四季度（2023-10-01 至 2023-12-31）内至少 1 条\", " + GOOD_FOUND), accepted);
        assertTrue(accepted.contains("\"}],\n      \"notices\": [{\"type\": \"OUTSIDE_YEAR\", \"record\": \"p4\"}]\n    }\n  ]\n}"), accepted);
    }

    @Test
    void a_file_whose_cases_pass_is_returned_unchanged_with_no_changes() throws Exception {
        byte[] good = patrolScenario().getBytes(StandardCharsets.UTF_8);
        ScenarioAccept.Accepted a = ScenarioAccept.accept(CHECKER, "R3.1-1.json", good);
        assertEquals(List.of(), a.changes());
        assertTrue(a.before().stream().allMatch(CaseOutcome::passed));
        assertEquals(new String(good, StandardCharsets.UTF_8), new String(a.json(), StandardCharsets.UTF_8));
    }
}
