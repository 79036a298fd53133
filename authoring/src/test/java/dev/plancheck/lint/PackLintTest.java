package dev.plancheck.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import dev.plancheck.pack.WorkingDayDeadlineTest;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lint runs clean on every bundled pack and on the second plan, and names file, line and check for each kind of mistake. */
class PackLintTest {
    private static final Path SECOND_PLAN = Path.of("..", "sample-data", "qingsong-2023");

    @TempDir
    Path dir;

    @Test
    void the_bundled_2023_pack_is_clean_with_every_rule_met_and_missed_in_its_scenarios() {
        LintResult r = PackLint.lint("dianchang-2023", null, true);
        assertEquals(List.of(), r.findings().stream().map(Object::toString).toList());
        assertEquals(55, r.rules());
        assertTrue(r.scenarioCases() > 100, "cases: " + r.scenarioCases());
        assertTrue(!r.scenariosSkipped());
    }

    @Test
    void the_bundled_2024_demonstration_pack_is_clean_without_scenarios_of_its_own() {
        LintResult r = PackLint.lint("dianchang-2024-demo", null, false);
        assertEquals(List.of(), r.findings().stream().map(Object::toString).toList());
        assertTrue(r.scenariosSkipped());
    }

    @Test
    void the_second_plan_is_clean_with_its_scenarios_found_beside_its_parameter_file() {
        LintResult r = PackLint.lint(SECOND_PLAN.resolve("pack").toString(), null, true);
        assertEquals(List.of(), r.findings().stream().map(Object::toString).toList());
        assertEquals(4, r.rules());
        assertEquals(4, r.scenarioFiles());
    }

    @Test
    void scenarios_of_the_2023_pack_run_against_the_2024_pack_are_reported_as_written_for_another_year() {
        LintResult r = PackLint.lint("dianchang-2024-demo", null, true);
        assertTrue(r.findings().stream().anyMatch(f -> f.check() == LintFinding.Check.SCENARIOS
                && f.problem().message().contains("这些场景是为另一年度的规则包写的")), r.findings().toString());
    }

    @Test
    void a_drl_syntax_error_is_reported_with_its_file_line_and_the_compilers_message() throws IOException {
        Path pack = copySecondPlan();
        Path drl = pack.resolve("rules/s03_volunteers.drl");
        Files.writeString(drl, Files.readString(drl).replace("$u : OrgUnit(level == UnitLevel.SUBDISTRICT)",
                "$u : OrgUnit(level == UnitLevel.SUBDISTRICT"));
        LintResult r = PackLint.lint(pack.toString(), null, true);
        LintFinding f = r.findings().stream().filter(x -> x.problem().line() > 0).findFirst().orElseThrow(
                () -> new AssertionError(r.findings().toString()));
        assertEquals(LintFinding.Check.COMPILE, f.check(), r.findings().toString());
        assertTrue(f.problem().file().endsWith("s03_volunteers.drl"), f.toString());
        assertTrue(f.problem().line() > 0, f.toString());
        assertTrue(f.problem().message().startsWith("DRL 编译错误："), f.toString());
    }

    @Test
    void an_undefined_quota_an_unused_period_and_an_edited_clause_are_each_found() throws IOException {
        Path pack = copySecondPlan();
        Path drl = pack.resolve("rules/s02_residents_council.drl");
        Files.writeString(drl, Files.readString(drl).replace("Quota(id == \"residents-council.attendance\")",
                "Quota(id == \"residents-council.attendees\")"));
        Path params = pack.resolve("pack.json");
        Files.writeString(params, Files.readString(params).replace("\"year\": {", "\"spare\": {\"name\": \"备用\", \"from\": \"01-01\", \"to\": \"01-31\", \"description\": \"未用\"},\n    \"year\": {"));
        Path clauses = pack.resolve("rules/clauses.json");
        Files.writeString(clauses, Files.readString(clauses).replace("建立走访台账。", "建立走访台帐。"));
        List<String> found = PackLint.lint(pack.toString(), null, true).findings().stream().map(Object::toString).toList();
        assertTrue(found.stream().anyMatch(s -> s.startsWith("[参数]") && s.contains("s02_residents_council.drl:")
                && s.contains("数量（quotas） \"residents-council.attendees\" 在参数文件")), String.join("\n", found));
        assertTrue(found.stream().anyMatch(s -> s.startsWith("[参数]") && s.contains("时段 \"spare\" 已定义，但没有规则使用它")), String.join("\n", found));
        assertTrue(found.stream().anyMatch(s -> s.startsWith("[原文]") && s.contains("条款 §1.2 的 text 不是原文")), String.join("\n", found));
        assertTrue(found.stream().anyMatch(s -> s.startsWith("[场景]") && s.contains("运行场景") && s.contains("时规则包出错")), String.join("\n", found));
    }

    @Test
    void a_rule_without_a_gap_scenario_is_a_coverage_finding() throws IOException {
        Path pack = copySecondPlan();
        Path scenario = pack.resolve("scenarios/s03/R3.1-1.json");
        Files.writeString(scenario, Files.readString(scenario).replaceAll("(?s),\\s*\\{\\s*\"name\": \"reports_gap.*?\\n    \\}", ""));
        List<String> found = PackLint.lint(pack.toString(), null, true).findings().stream().map(Object::toString).toList();
        assertEquals(1, found.size(), String.join("\n", found));
        assertTrue(found.get(0).startsWith("[场景]") && found.get(0).contains("规则 R3.1-1 没有结果为缺项（GAP）的通过场景"), found.get(0));
    }

    @Test
    void a_duty_of_any_kind_a_misspelt_kind_and_held_without_activities_are_evidence_findings() throws IOException {
        Path pack = copySecondPlan();
        Path grid = pack.resolve("rules/s01_grid_service.drl");
        Files.writeString(grid, Files.readString(grid).replace("Activity(unitId == $u.id, kind == \"grid-meeting\")",
                "Activity(unitId == $u.id)").replace("kind == \"home-visit\"", "kind == \"home-vist\""));
        Path patrol = pack.resolve("rules/s03_volunteers.drl");
        Files.writeString(patrol, Files.readString(patrol).replace("findings.present(", "findings.held("));
        List<String> found = PackLint.lint(pack.toString(), null, false).findings().stream().map(Object::toString).toList();
        assertTrue(found.stream().anyMatch(s -> s.startsWith("[证据]") && s.contains("s01_grid_service.drl:")
                && s.contains("“网格员例会”接受任何类别的记录")), String.join("\n", found));
        assertTrue(found.stream().anyMatch(s -> s.startsWith("[证据]") && s.contains("类别 \"home-vist\" 不在 vocabulary.json 的 kinds 中")),
                String.join("\n", found));
        assertTrue(found.stream().anyMatch(s -> s.startsWith("[证据]") && s.contains("s03_volunteers.drl:")
                && s.contains("用 findings.held 只计活动类记录，但 vocabulary.json 没有标为")), String.join("\n", found));
    }

    @Test
    void a_duplicate_rule_id_is_a_metadata_finding() throws IOException {
        Path pack = copySecondPlan();
        Path drl = pack.resolve("rules/s01_grid_service.drl");
        String text = Files.readString(drl);
        Files.writeString(drl, text.replace("@id(\"R1.2-1\")", "@id(\"R1.1-1\")").replace("rule \"R1.2-1 ", "rule \"R1.1-1 "));
        List<String> found = PackLint.lint(pack.toString(), null, false).findings().stream().map(Object::toString).toList();
        assertTrue(found.stream().anyMatch(s -> s.startsWith("[元数据]") && s.contains("R1.1-1 重复")), String.join("\n", found));
    }

    @Test
    void a_date_compared_with_a_string_is_a_compile_finding_with_file_line_and_the_compilers_words_even_without_scenarios()
            throws IOException {
        Path pack = copySecondPlan();
        Path drl = pack.resolve("rules/s01_grid_service.drl");
        Files.writeString(drl, Files.readString(drl).replace("kind == \"grid-meeting\")", "kind == \"grid-meeting\", date <= \"2024-05-31\")"));
        for (boolean scenarios : new boolean[] {true, false}) {
            LintResult r = PackLint.lint(pack.toString(), null, scenarios);
            LintFinding f = r.findings().stream().filter(x -> x.check() == LintFinding.Check.COMPILE).findFirst()
                    .orElseThrow(() -> new AssertionError(r.findings().toString()));
            assertEquals("s01_grid_service.drl:25", Path.of(f.problem().file()).getFileName() + ":" + f.problem().line());
            assertTrue(f.problem().message().startsWith("DRL 编译错误：规则 \"R1.1-1 每月召开一次网格员例会\" 的条件 "
                    + "date <= \"2024-05-31\" 无法编译：incompatible types in statement: class java.lang.String "
                    + "(compared from: class java.time.LocalDate)"), f.problem().message());
            assertEquals(LintResult.Outcome.NOT_RUN, r.outcome(LintFinding.Check.METADATA), "metadata is read only from rules that compile");
            assertTrue(!r.clean());
        }
    }

    @Test
    void a_pack_whose_files_cannot_be_read_shows_no_check_as_passed() throws IOException {
        Path pack = copySecondPlan();
        Files.writeString(pack.resolve("rules/vocabulary.json"), "{\"kinds\": ");
        LintResult r = PackLint.lint(pack.toString(), null, false);
        assertEquals(LintResult.Outcome.FOUND, r.outcome(LintFinding.Check.FILES));
        for (LintFinding.Check c : LintFinding.Check.values()) {
            if (c != LintFinding.Check.FILES) {
                assertEquals(LintResult.Outcome.NOT_RUN, r.outcome(c), c + " did not run");
            }
        }
    }

    @Test
    void a_number_in_a_rule_of_a_pack_from_disk_is_a_parameter_finding() throws IOException {
        Path pack = copySecondPlan();
        Path drl = pack.resolve("rules/s02_residents_council.drl");
        Files.writeString(drl, Files.readString(drl).replace("kind == \"residents-council\")",
                "kind == \"residents-council\", participants >= 20)"));
        List<String> found = PackLint.lint(pack.toString(), null, false).findings().stream().map(Object::toString).toList();
        assertEquals(1, found.size(), String.join("\n", found));
        assertTrue(found.get(0).startsWith("[参数] ") && found.get(0).contains("s02_residents_council.drl:27: 规则 R2.1-1 中写有数字："
                + "$ev : List() from collect( Activity(unitId == $u.id, kind == \"residents-council\", participants >= 20) )"), found.get(0));
    }

    @Test
    void a_gate_that_can_match_two_records_is_a_matching_finding_and_exists_is_clean() throws IOException {
        Path pack = copySecondPlan();
        Path drl = pack.resolve("rules/s03_volunteers.drl");
        String text = Files.readString(drl);
        Files.writeString(drl, text.replace("    $q : Period(series == \"quarter\")",
                "    $q : Period(series == \"quarter\")\n    $g : Activity(unitId == $u.id, kind == \"grid-meeting\")"));
        List<String> found = PackLint.lint(pack.toString(), null, false).findings().stream().map(Object::toString).toList();
        assertEquals(1, found.size(), String.join("\n", found));
        assertTrue(found.get(0).startsWith("[匹配] ") && found.get(0).contains("s03_volunteers.drl:23: 规则 R3.1-1 的条件 "
                + "$g : Activity(unitId == $u.id, kind == \"grid-meeting\") 不在 collect 中") && found.get(0).contains(
                "请写 exists Activity(unitId == $u.id, kind == \"grid-meeting\")"), found.get(0));
        Files.writeString(drl, text.replace("    $q : Period(series == \"quarter\")",
                "    $q : Period(series == \"quarter\")\n    exists Activity(unitId == $u.id, kind == \"grid-meeting\")"));
        assertEquals(List.of(), PackLint.lint(pack.toString(), null, false).findings());
    }

    private Path copySecondPlan() throws IOException {
        return copySecondPlan(dir);
    }

    /** A copy of the second plan in {@code dir}: plan.txt and pack/; returns the pack folder. */
    static Path copySecondPlan(Path dir) throws IOException {
        Files.copy(SECOND_PLAN.resolve("plan.txt"), dir.resolve("plan.txt"));
        Path source = SECOND_PLAN.resolve("pack");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path p : files.toList()) {
                Path target = dir.resolve("pack").resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        return dir.resolve("pack");
    }

    @Test
    void a_working_day_deadline_needs_the_calendar_of_the_next_year_too_and_a_pack_may_bring_it() throws IOException {
        Path pack = WorkingDayDeadlineTest.pack(dir.resolve("a"), 2026, WorkingDayDeadlineTest.DEADLINE, "");
        List<String> found = PackLint.lint(pack.toString(), null, false).findings().stream().map(Object::toString).toList();
        assertTrue(found.stream().anyMatch(s -> s.startsWith("[参数]") && s.contains("pack.json:")
                && s.contains("期限 \"relief-working\" 按工作日计算（10 个工作日），年末的记录要数到 2027 年；工作日历没有 2027 年的数据")),
                String.join("\n", found));
        String calendar = """
                 "calendar": {"2027": {"notice": "国务院办公厅关于2027年部分节假日安排的通知（测试用，非真实数据）",
                   "offDays": {"元旦": ["2027-01-01"]}, "workDays": {}}},""";
        Path brought = WorkingDayDeadlineTest.pack(dir.resolve("b"), 2026, WorkingDayDeadlineTest.DEADLINE, calendar);
        List<String> after = PackLint.lint(brought.toString(), null, false).findings().stream().map(Object::toString).toList();
        assertTrue(after.stream().noneMatch(s -> s.contains("工作日历")), String.join("\n", after));
        // The pack's own year missing stops it at loading, located in the parameter file.
        Path missing = WorkingDayDeadlineTest.pack(dir.resolve("c"), 2027, WorkingDayDeadlineTest.DEADLINE, "");
        List<String> refused = PackLint.lint(missing.toString(), null, false).findings().stream().map(Object::toString).toList();
        assertTrue(refused.stream().anyMatch(s -> s.contains("pack.json:") && s.contains("工作日历没有 2027 年的数据")), String.join("\n", refused));
    }
}
