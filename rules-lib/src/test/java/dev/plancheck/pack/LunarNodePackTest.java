package dev.plancheck.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plancheck.PlanChecker;
import dev.plancheck.RulePack;
import dev.plancheck.input.Problem;
import dev.plancheck.input.RulePackException;
import dev.plancheck.model.DateRange;
import dev.plancheck.model.Period;
import dev.plancheck.report.RuleResult;
import dev.plancheck.report.Status;
import dev.plancheck.testing.TestPacks;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A pack names any lunar festival as a node day in its parameter file, without Java: 重阳, 腊八, 除夕 … */
class LunarNodePackTest {
    /** "重阳节前后开展敬老活动": a duty in the days around 重阳. */
    private static final String DOUBLE_NINTH_RULE = """
            rule "R1.2-4 重阳节前后开展活动"
                @id("R1.2-4") @title("重阳节活动") @clause("§1.2") @sentence("保证全年专题会议研究统战工作至少2次")
                @scope("subdistrict") @severity("high") @evidence("special-meeting")
            when
                $u : OrgUnit(level == UnitLevel.SUBDISTRICT)
                $p : Period(id == "double-ninth")
                $ev : List() from collect( Activity(kind == "special-meeting") )
            then
                findings.present(kcontext, $u, "重阳节活动", $p, $ev);
            end
            """;

    private static final String DOUBLE_NINTH_NODE =
            "\"double-ninth\": { \"name\": \"重阳节\", \"lunar\": \"DOUBLE_NINTH\", \"description\": \"农历九月初九。\" },";
    private static final String DOUBLE_NINTH_PERIOD = "\"double-ninth\": { \"name\": \"重阳节前后\", "
            + "\"description\": \"重阳前后各 7 日。\", \"node\": \"double-ninth\", \"daysBefore\": 7, \"daysAfter\": 7 },";

    @TempDir
    Path dir;

    /** The 2023 test pack with extra nodes and periods (each a JSON member followed by a comma) put first. */
    private Path pack(String nodes, String periods) throws IOException {
        Path file = TestPacks.write(dir, "s01_test.drl", DOUBLE_NINTH_RULE);
        String params = Files.readString(file, StandardCharsets.UTF_8)
                .replace("\"nodes\": {", "\"nodes\": {\n    " + nodes)
                .replace("\"periods\": {", "\"periods\": {\n    " + periods);
        Files.writeString(file, params, StandardCharsets.UTF_8);
        return file;
    }

    private static String problems(Path file) {
        RulePackException e = assertThrows(RulePackException.class, () -> RulePack.load(file));
        return e.problems().stream().map(Problem::toString).collect(Collectors.joining("\n"));
    }

    private static Period period(RulePack pack, String id) {
        return pack.periods().stream().filter(p -> p.getId().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void a_window_around_double_ninth_is_2023_10_16_to_10_30() throws Exception {
        RulePack pack = RulePack.load(pack(DOUBLE_NINTH_NODE, DOUBLE_NINTH_PERIOD));
        assertEquals(List.of(new DateRange(LocalDate.of(2023, 10, 16), LocalDate.of(2023, 10, 30))),
                period(pack, "double-ninth").getRanges());
    }

    @Test
    void a_record_in_the_window_meets_the_duty_and_one_a_day_after_it_is_a_gap() throws Exception {
        PlanChecker checker = PlanChecker.create(RulePack.load(pack(DOUBLE_NINTH_NODE, DOUBLE_NINTH_PERIOD)));
        assertEquals(Status.MET, statusWithMeetingOn(checker, "2023-10-30"));
        assertEquals(Status.GAP, statusWithMeetingOn(checker, "2023-10-31"));
    }

    private static Status statusWithMeetingOn(PlanChecker checker, String date) throws Exception {
        var submission = checker.read("t.json", ("""
                {"year": 2023, "units": [{"id": "DC", "name": "电厂街道", "level": "subdistrict"}],
                 "activities": [{"id": "a1", "unit": "DC", "kind": "special-meeting", "date": "%s", "title": "重阳敬老", "topics": ["united-front"]}]}
                """.formatted(date)).getBytes(StandardCharsets.UTF_8));
        RuleResult r = checker.check(submission).results().stream()
                .filter(x -> x.rule().id().equals("R1.2-4")).findFirst().orElseThrow();
        return r.status();
    }

    @Test
    void new_years_eve_of_the_lunar_year_that_ends_in_the_plan_year_is_chosen_with_lunar_year_previous() throws Exception {
        RulePack pack = RulePack.load(pack(DOUBLE_NINTH_NODE
                + "\"eve\": { \"name\": \"除夕\", \"lunar\": \"NEW_YEARS_EVE\", \"lunarYear\": \"previous\", \"description\": \"x\" },",
                DOUBLE_NINTH_PERIOD + "\"eve\": { \"name\": \"除夕前后\", \"description\": \"x\", \"node\": \"eve\", "
                        + "\"daysBefore\": 3, \"daysAfter\": 0 },"));
        assertEquals(List.of(new DateRange(LocalDate.of(2023, 1, 18), LocalDate.of(2023, 1, 21))),
                period(pack, "eve").getRanges());
    }

    @Test
    void a_period_on_a_lunar_node_that_falls_after_the_year_is_a_located_error_that_names_the_other_occurrence()
            throws Exception {
        String all = problems(pack(DOUBLE_NINTH_NODE
                + "\"eve\": { \"name\": \"除夕\", \"lunar\": \"NEW_YEARS_EVE\", \"description\": \"x\" },",
                DOUBLE_NINTH_PERIOD + "\"eve\": { \"name\": \"除夕\", \"description\": \"x\", \"node\": \"eve\", "
                        + "\"daysBefore\": 0, \"daysAfter\": 0 },"));
        assertTrue(all.contains("$.periods.eve: 该时段在 2023 年内没有任何一天：节点“除夕”在 2023 年取 2024-02-09"
                + "（农历 2023 年的除夕，不在 2023 年内）；要取 2023-01-21 的那一次，在节点上写 \"lunarYear\": \"previous\""), all);
    }

    @Test
    void laba_has_no_day_in_2023_whichever_lunar_year_is_named() throws Exception {
        String period = "\"laba\": { \"name\": \"腊八\", \"description\": \"x\", \"node\": \"laba\", \"daysBefore\": 1, \"daysAfter\": 1 },";
        String current = problems(pack(
                "\"laba\": { \"name\": \"腊八节\", \"lunar\": \"LABA\", \"description\": \"x\" },", period));
        assertTrue(current.contains("$.periods.laba: 该时段在 2023 年内没有任何一天：节点“腊八节”在 2023 年取 2024-01-18"
                + "（农历 2023 年的腊八，不在 2023 年内）；2023 年内没有腊八（另一次为 2022-12-30）"), current);
    }

    @Test
    void a_union_with_a_lunar_part_outside_the_year_is_an_error_not_a_silently_dropped_part() throws Exception {
        String all = problems(pack("\"laba\": { \"name\": \"腊八节\", \"lunar\": \"LABA\", \"description\": \"x\" },",
                "\"winter-care\": { \"name\": \"冬季关爱\", \"description\": \"x\", \"anyOf\": [{\"months\": [1]}, "
                        + "{\"node\": \"laba\", \"daysBefore\": 0, \"daysAfter\": 0}] },"));
        assertTrue(all.contains("$.periods.winter-care: 该时段在 2023 年内没有任何一天：节点“腊八节”在 2023 年取 2024-01-18"), all);
    }

    @Test
    void a_period_from_a_lunar_node_inside_the_year_to_an_earlier_day_offers_no_other_occurrence() throws Exception {
        String all = problems(pack(DOUBLE_NINTH_NODE, "\"late\": { \"name\": \"重阳至九月底\", \"description\": \"x\", "
                + "\"node\": \"double-ninth\", \"to\": \"09-30\" },"));
        // Before, this threw IllegalArgumentException out of the pack reader instead of a located problem.
        assertTrue(all.contains("$.periods.late: 该时段在 2023 年内没有任何一天：节点“重阳节”在 2023 年取 2023-10-23，晚于 to（09-30）"), all);
        assertFalse(all.contains("另一次"), all);
    }

    @Test
    void unknown_festivals_and_bad_occurrences_are_reported_with_their_json_path() throws Exception {
        String all = problems(pack("\"a\": { \"name\": \"重九\", \"lunar\": \"CHONGYANG\", \"description\": \"x\" },"
                + "\"b\": { \"name\": \"除夕\", \"lunar\": \"NEW_YEARS_EVE\", \"lunarYear\": \"last\", \"description\": \"x\" },"
                + "\"c\": { \"name\": \"国庆\", \"date\": \"10-01\", \"lunarYear\": \"previous\", \"description\": \"x\" },", ""));
        assertTrue(all.contains("$.nodes.a.lunar: 未知的农历节点 \"CHONGYANG\"；可用：SPRING_FESTIVAL（春节，正月初一）、"
                + "LANTERN（元宵，正月十五）、DRAGON_BOAT（端午，五月初五）、QIXI（七夕，七月初七）、ZHONGYUAN（中元，七月十五）、"
                + "MID_AUTUMN（中秋，八月十五）、DOUBLE_NINTH（重阳，九月初九）、LABA（腊八，腊月初八）、"
                + "NEW_YEARS_EVE（除夕，腊月最后一日（廿九或三十））"), all);
        assertTrue(all.contains("$.nodes.b.lunarYear: 应为 \"current\"（在本年开始的农历年，默认）或 \"previous\"（在本年结束的农历年），实际是 \"last\""), all);
        assertTrue(all.contains("$.nodes.c.lunarYear: lunarYear 只用于农历节点（lunar），这里没有 lunar"), all);
    }

    @Test
    void a_festival_the_calendar_cannot_compute_for_the_year_is_a_located_error() throws Exception {
        Path file = pack("\"laba\": { \"name\": \"腊八节\", \"lunar\": \"LABA\", \"description\": \"x\" },", "");
        Files.writeString(file, Files.readString(file).replace("\"year\": 2023", "\"year\": 2100"));
        String all = problems(file);
        assertTrue(all.contains("$.nodes.laba.lunar: 无法计算 2100 年的腊八：农历按 1901–2100 年的节气计算"), all);
    }
}
