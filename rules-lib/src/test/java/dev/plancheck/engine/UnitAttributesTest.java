package dev.plancheck.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plancheck.PlanChecker;
import dev.plancheck.RulePack;
import dev.plancheck.input.InvalidSubmissionException;
import dev.plancheck.input.Problem;
import dev.plancheck.input.ProblemCode;
import dev.plancheck.input.RulePackException;
import dev.plancheck.report.PartResult;
import dev.plancheck.report.Report;
import dev.plancheck.report.RuleResult;
import dev.plancheck.report.Status;
import dev.plancheck.testing.TestPacks;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Unit attributes, the conditions that decide which units a rule binds ({@code @appliesTo}), and the rate verbs
 * {@code findings.ratioAtLeast} and {@code findings.shareAtLeast} (docs/parameters.md, docs/rule-authoring.md), through
 * the public API: a pack from disk, ledgers as JSON text, and the report.
 */
class UnitAttributesTest {
    static final String UNITS = """
            "unitAttributes": {
              "residents": { "name": "常住人口", "type": "number", "measure": "人", "required": true, "description": "常住人口数" },
              "employees": { "name": "在册职工数", "type": "number", "measure": "人", "required": true, "description": "职工数" },
              "union-members": { "name": "工会会员数", "type": "number", "measure": "人", "required": false, "description": "会员数" },
              "day-care": { "name": "有无日间照料中心", "type": "yesno", "required": false, "description": "是否设有" }
            },
            "unitConditions": {
              "large-community": { "attribute": "residents", "atLeast": 3000, "description": "常住人口3000人以上的社区" },
              "small-community": { "attribute": "residents", "below": 3000, "description": "常住人口不足3000人的社区" },
              "with-day-care": { "attribute": "day-care", "is": true, "description": "设有日间照料中心的社区" }
            },
            "rates": {
              "union-membership": { "min": 80, "description": "工会入会率达到80%以上" },
              "campaign-share": { "min": 66.7, "description": "三分之二以上的社区开展专项行动" }
            },
            """;

    static final String RULES = """
            import dev.plancheck.model.Rate;
            rule "R3.3-1 大社区开展专项行动"
                @id("R3.3-1") @title("大社区专项行动") @clause("§3.3") @sentence("各社区要持续开展“整治非法宗教活动、遏制宗教渗透蔓延”专项行动")
                @scope("community") @severity("medium") @evidence("…") @appliesTo("large-community")
            when
                $u : OrgUnit(level == UnitLevel.COMMUNITY)
                $y : Period(id == "year")
                $ev : List() from collect( Activity(unitId == $u.id, kind == "special-meeting") )
            then
                findings.present(kcontext, $u, "专项行动", $y, $ev);
            end

            rule "R3.3-2 有日间照料中心的社区开展专项行动"
                @id("R3.3-2") @title("照料中心社区专项行动") @clause("§3.3") @sentence("各社区要持续开展“整治非法宗教活动、遏制宗教渗透蔓延”专项行动")
                @scope("community") @severity("low") @evidence("…") @appliesTo("with-day-care")
            when
                $u : OrgUnit(level == UnitLevel.COMMUNITY)
                $y : Period(id == "year")
                $ev : List() from collect( Activity(unitId == $u.id, kind == "special-meeting") )
            then
                findings.present(kcontext, $u, "专项行动", $y, $ev);
            end

            rule "R3.3-3 社区工会入会率"
                @id("R3.3-3") @title("入会率") @clause("§3.3") @sentence("各社区要持续开展“整治非法宗教活动、遏制宗教渗透蔓延”专项行动")
                @scope("community") @severity("low") @evidence("…")
            when
                $u : OrgUnit(level == UnitLevel.COMMUNITY)
                $rate : Rate(id == "union-membership")
            then
                findings.ratioAtLeast(kcontext, $u, "工会入会率", "union-members", "employees", $rate);
            end

            rule "R3.3-4 三分之二以上的社区开展专项行动"
                @id("R3.3-4") @title("专项行动覆盖面") @clause("§3.3") @sentence("各社区要持续开展“整治非法宗教活动、遏制宗教渗透蔓延”专项行动")
                @scope("subdistrict") @severity("low") @evidence("…")
            when
                $u : OrgUnit(level == UnitLevel.SUBDISTRICT)
                $p : Period(id == "half-year.H1")
                $rate : Rate(id == "campaign-share")
                $cs : List() from collect( OrgUnit(level == UnitLevel.COMMUNITY) )
                $ev : List() from collect( Activity(kind == "special-meeting") )
            then
                findings.shareAtLeast(kcontext, $u, "开展专项行动的社区", $p, $rate, $cs, $ev);
            end
            """;

    @TempDir
    static Path dir;
    private static PlanChecker checker;

    @BeforeAll
    static void pack() throws Exception {
        checker = PlanChecker.create(RulePack.load(write(dir, RULES, UNITS)));
    }

    static Path write(Path in, String rules, String units) throws Exception {
        Path file = TestPacks.write(in, "s03_test.drl", rules);
        Files.writeString(file, Files.readString(file, StandardCharsets.UTF_8).replace("\"quotas\": {", units + "\"quotas\": {"),
                StandardCharsets.UTF_8);
        return file;
    }

    static String ledger(String c1, String c2, String c3, String activities) {
        return """
                {"year": 2023, "units": [
                  {"id": "DC", "name": "电厂街道", "level": "subdistrict"},
                  {"id": "C1", "name": "和平社区", "level": "community", "attributes": %s},
                  {"id": "C2", "name": "河畔社区", "level": "community", "attributes": %s},
                  {"id": "C3", "name": "新村社区", "level": "community", "attributes": %s}
                ], "activities": [%s]}
                """.formatted(c1, c2, c3, activities);
    }

    static Report check(String json) throws Exception {
        return checker.check(checker.read("l.json", json.getBytes(StandardCharsets.UTF_8)));
    }

    static RuleResult result(Report r, String rule, String unit) {
        return r.results().stream().filter(x -> x.rule().id().equals(rule) && x.unit().getId().equals(unit)).findFirst().orElseThrow();
    }

    static String campaign(String id, String unit, String date) {
        return "{\"id\": \"" + id + "\", \"unit\": \"" + unit + "\", \"kind\": \"special-meeting\", \"date\": \"" + date
                + "\", \"title\": \"专项行动\", \"topics\": [\"religion\"]}";
    }

    static final String C1 = "{\"residents\": 3000, \"employees\": 530, \"union-members\": 412, \"day-care\": true}";
    static final String C2 = "{\"residents\": 2999, \"employees\": 500, \"union-members\": 400, \"day-care\": false}";
    static final String C3 = "{\"residents\": 5200, \"employees\": 0}";

    @Test
    void a_community_below_the_threshold_is_not_applicable_with_its_figures_and_one_at_it_is_bound() throws Exception {
        Report r = check(ledger(C1, C2, C3, campaign("a1", "C1", "2023-03-01")));
        assertEquals(Status.MET, result(r, "R3.3-1", "C1").status());
        RuleResult small = result(r, "R3.3-1", "C2");
        assertEquals(Status.NOT_APPLICABLE, small.status());
        assertEquals("常住人口 2,999 人，未达 3,000 人，本条不适用", small.note());
        assertEquals(List.of(), small.parts());
        assertEquals(Status.GAP, result(r, "R3.3-1", "C3").status());
    }

    @Test
    void a_yes_no_condition_excuses_a_no_and_a_blank_is_bound_never_excused() throws Exception {
        Report r = check(ledger(C1, C2, C3, ""));
        assertEquals(Status.GAP, result(r, "R3.3-2", "C1").status());
        assertEquals("有无日间照料中心：无，本条不适用", result(r, "R3.3-2", "C2").note());
        assertEquals(Status.GAP, result(r, "R3.3-2", "C3").status(), "C3 left day-care blank: it is bound");
    }

    @Test
    void a_ratio_of_attributes_names_both_figures_the_rate_and_the_shortfall() throws Exception {
        Report r = check(ledger(C1, "{\"residents\": 100, \"employees\": 500, \"union-members\": 400}", C3, ""));
        PartResult short1 = result(r, "R3.3-3", "C1").parts().get(0);
        assertEquals(Status.GAP, short1.status());
        assertEquals("工会入会率：工会会员数 / 在册职工数不低于 80%", short1.expected());
        assertEquals("工会会员数 412 / 在册职工数 530 = 77.7%，尚差 2.3 个百分点", short1.found());
        PartResult exact = result(r, "R3.3-3", "C2").parts().get(0);
        assertEquals(Status.MET, exact.status());
        assertEquals("工会会员数 400 / 在册职工数 500 = 80.0%", exact.found());
        PartResult none = result(r, "R3.3-3", "C3").parts().get(0);
        assertEquals(Status.GAP, none.status());
        assertEquals("未填写工会会员数，无法计算", none.found());
    }

    @Test
    void a_zero_denominator_is_a_gap_that_says_so() throws Exception {
        Report r = check(ledger(C1, C2, "{\"residents\": 5200, \"employees\": 0, \"union-members\": 0}", ""));
        assertEquals("在册职工数为 0，无法计算", result(r, "R3.3-3", "C3").parts().get(0).found());
    }

    @Test
    void a_share_of_communities_names_those_with_records_and_those_without() throws Exception {
        Report r = check(ledger(C1, C2, C3, campaign("a1", "C1", "2023-03-01") + "," + campaign("a2", "C2", "2023-06-30")
                + "," + campaign("a3", "C3", "2023-07-01")));
        PartResult p = result(r, "R3.3-4", "DC").parts().get(0);
        assertEquals(Status.GAP, p.status());
        assertEquals("开展专项行动的社区：上半年（2023-01-01 至 2023-06-30）内有记录的社区不少于 66.7%", p.expected());
        assertEquals("3 个社区中 2 个有记录 = 66.6%，尚差 0.1 个百分点；有记录的社区：C1 和平社区：a1（2023-03-01 专项行动）；"
                + "C2 河畔社区：a2（2023-06-30 专项行动）；没有记录的社区：C3 新村社区；本时段外另有 1 条：a3（2023-07-01 专项行动）", p.found());
        assertEquals(List.of("a1", "a2"), p.evidence());
        Report all = check(ledger(C1, C2, C3, campaign("a1", "C1", "2023-03-01") + "," + campaign("a2", "C2", "2023-06-30")
                + "," + campaign("a3", "C3", "2023-06-01")));
        assertEquals(Status.MET, result(all, "R3.3-4", "DC").status());
    }

    @Test
    void every_wrong_attribute_of_a_json_ledger_is_reported_at_once_with_its_place() {
        String json = ledger("{\"residents\": \"三千\", \"employees\": -5, \"union-members\": 1, \"day-care\": \"有\"}",
                "{\"residents\": 2000, \"employees\": 10, \"population\": 3}", "{\"employees\": 10}", "");
        InvalidSubmissionException e = assertThrows(InvalidSubmissionException.class,
                () -> checker.read("l.json", json.getBytes(StandardCharsets.UTF_8)));
        assertEquals(List.of(
                "l.json:3:82: $.units[1].attributes.residents: 常住人口应为不小于 0 的数（单位：人），至多 12 位整数、4 位小数，实际是字符串 \"三千\"",
                "l.json:3:101: $.units[1].attributes.employees: 在册职工数应为不小于 0 的数（单位：人），至多 12 位整数、4 位小数，实际是数字 -5",
                "l.json:3:137: $.units[1].attributes.day-care: 有无日间照料中心应为布尔值 true 或 false（表格中填 有/无 或 是/否），实际是字符串 \"有\"",
                "l.json:4:119: $.units[2].attributes.population: 未知的单位属性 \"population\"；可用：residents（常住人口）、employees（在册职工数）、"
                        + "union-members（工会会员数）、day-care（有无日间照料中心）",
                "l.json:5:68: $.units[3].attributes: 单位 \"C3\" 缺少必填的单位属性 \"residents\"（常住人口，应为不小于 0 的数（单位：人），至多 12 位整数、4 位小数）"),
                e.problems().stream().map(Problem::toString).toList());
        assertEquals(List.of(ProblemCode.ATTRIBUTE_INVALID, ProblemCode.ATTRIBUTE_INVALID, ProblemCode.ATTRIBUTE_INVALID,
                ProblemCode.ATTRIBUTE_UNKNOWN, ProblemCode.ATTRIBUTE_MISSING), e.problems().stream().map(Problem::code).toList());
    }

    @Test
    void a_unit_built_in_code_may_give_whole_numbers_as_int() throws Exception {
        dev.plancheck.input.Submission s = dev.plancheck.input.Submission.of("code", 2023, List.of(
                new dev.plancheck.model.OrgUnit("DC", "电厂街道", dev.plancheck.model.UnitLevel.SUBDISTRICT),
                new dev.plancheck.model.OrgUnit("C1", "和平社区", dev.plancheck.model.UnitLevel.COMMUNITY,
                        java.util.Map.of("residents", 2100, "employees", 10))), List.of());
        Report r = checker.check(s);
        assertEquals("常住人口 2,100 人，未达 3,000 人，本条不适用", result(r, "R3.3-1", "C1").note());
    }

    @Test
    void an_applies_to_naming_no_condition_fails_the_pack_at_the_rule() throws Exception {
        Path file = write(Files.createDirectories(dir.resolve("broken")), RULES.replace("@appliesTo(\"large-community\")",
                "@appliesTo(\"big-community\")"), UNITS);
        RulePackException e = assertThrows(RulePackException.class, () -> PlanChecker.create(RulePack.load(file)));
        assertEquals(1, e.problems().size());
        Problem p = e.problems().get(0);
        assertEquals("s03_test.drl", Path.of(p.file()).getFileName().toString());
        assertTrue(p.line() > 1, p.toString());
        assertEquals("规则 R3.3-1 的 @appliesTo(\"big-community\") 不是参数文件 unitConditions 中的条件；已定义：large-community、"
                + "small-community、with-day-care", p.message());
    }

    @Test
    void a_ratio_of_an_undeclared_attribute_is_the_packs_error_at_the_rule_not_a_pass() throws Exception {
        Path file = write(Files.createDirectories(dir.resolve("typo")), RULES.replace("\"union-members\", \"employees\"",
                "\"union-member\", \"employees\""), UNITS);
        PlanChecker typo = PlanChecker.create(RulePack.load(file));
        RulePackException e = assertThrows(RulePackException.class,
                () -> typo.check(typo.read("l.json", ledger(C1, C2, C3, "").getBytes(StandardCharsets.UTF_8))));
        assertTrue(e.problems().stream().anyMatch(p -> p.message().startsWith("规则 R3.3-3 的比率引用了参数文件 unitAttributes 中没有的属性 \"union-member\"")),
                e.problems().toString());
    }

    @Test
    void wrong_declarations_in_the_parameter_file_are_all_reported_with_their_paths() throws Exception {
        String units = UNITS.replace("\"min\": 80,", "\"min\": 80.55,").replace("\"min\": 66.7,", "\"min\": 0,")
                .replace("\"atLeast\": 3000", "\"is\": true").replace("\"attribute\": \"day-care\"", "\"attribute\": \"daycare\"")
                .replace("\"type\": \"yesno\"", "\"type\": \"bool\"");
        Path file = write(Files.createDirectories(dir.resolve("params")), RULES, units);
        RulePackException e = assertThrows(RulePackException.class, () -> RulePack.load(file));
        assertEquals(List.of(
                "$.unitAttributes.day-care.type: 应为 \"number\"（数值）或 \"yesno\"（有/无），实际是 \"bool\"",
                "$.unitConditions.large-community.is: 属性 \"residents\" 是数值，请用 atLeast 或 below",
                "$.unitConditions.with-day-care.attribute: 属性 \"daycare\" 不在 unitAttributes 中；已定义：residents、employees、union-members",
                "$.rates.union-membership.min: 应为大于 0、不超过 100 的百分数，至多一位小数（如 80 或 66.7），实际是数字 80.55",
                "$.rates.campaign-share.min: 应为大于 0、不超过 100 的百分数，至多一位小数（如 80 或 66.7），实际是数字 0"),
                e.problems().stream().map(p -> p.path() + ": " + p.message()).toList());
    }
}
