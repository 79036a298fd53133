package dev.plancheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plancheck.cli.MainTest.Run;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/** What a rule author and a CI job see: lint, JUnit XML, the second plan, and the corners of test and --as-of. */
class AuthorsCommandsTest {
    private static final String SAMPLES = "../sample-data/dianchang-2023/";
    private static final String SECOND_PLAN = "../sample-data/qingsong-2023/";
    private static final String SCENARIOS = "../rules-lib/src/test/resources/dev/plancheck/packs/dianchang/scenarios";

    @Test
    void lint_of_the_bundled_pack_finds_its_scenarios_in_the_checkout_and_exits_0() {
        Run r = MainTest.run("lint", "dianchang-2023");
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().startsWith("规则包：dianchang-2023 版本 2023.2　SHA-256："), r.out());
        assertTrue(r.out().contains("规则 55 条；场景文件 55 个"), r.out());
        assertTrue(r.out().contains("检查项：✓ 文件　✓ 编译　✓ 元数据　✓ 原文　✓ 参数　✓ 证据　✓ 匹配　✓ 场景"), r.out());
        assertTrue(r.out().endsWith("没有发现问题\n"), r.out());
    }

    @Test
    void lint_of_the_second_plan_exits_0_and_a_broken_copy_exits_3_naming_file_and_line(@TempDir Path dir) throws Exception {
        assertEquals(0, MainTest.run("lint", SECOND_PLAN + "pack").code());
        copySecondPlan(dir);
        Path drl = dir.resolve("pack/rules/s02_residents_council.drl");
        Files.writeString(drl, Files.readString(drl).replace("Quota(id == \"residents-council.meetings\")",
                "Quota(id == \"residents-council.meeting\")"));
        Run r = MainTest.run("lint", "--skip-scenarios", dir.resolve("pack").toString());
        assertEquals(3, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("检查项：✓ 文件　✓ 编译　✓ 元数据　✓ 原文　✗ 参数　✓ 证据　✓ 匹配\n"), r.out());
        assertTrue(r.out().contains("[参数] " + drl + ":25: 规则引用的数量（quotas） \"residents-council.meeting\" 在参数文件"), r.out());
    }

    @Test
    void a_date_compared_with_a_string_gives_exit_3_with_file_line_and_the_compilers_words_from_lint_test_and_check(
            @TempDir Path dir) throws Exception {
        Path pack = copySecondPlan(dir);
        Path drl = pack.resolve("rules/s01_grid_service.drl");
        Files.writeString(drl, Files.readString(drl).replace("kind == \"grid-meeting\")",
                "kind == \"grid-meeting\", date <= \"2024-05-31\")"));
        String where = drl + ":25: DRL 编译错误：规则 \"R1.1-1 每月召开一次网格员例会\" 的条件 date <= \"2024-05-31\" 无法编译："
                + "incompatible types in statement: class java.lang.String (compared from: class java.time.LocalDate)"
                + "（日期不能与字符串或数字比较：不要在条件中按日期筛选";
        for (String[] args : List.of(new String[] {"lint", pack.toString()}, new String[] {"lint", "--skip-scenarios", pack.toString()},
                new String[] {"test", "--pack", pack.toString(), pack.resolve("scenarios").toString()},
                new String[] {"check", "--pack", pack.toString(), SECOND_PLAN + "gaps.json"},
                new String[] {"rules", "--pack", pack.toString()},
                new String[] {"mutate", "--pack", pack.toString(), pack.resolve("scenarios").toString()})) {
            Run r = MainTest.run(args);
            assertEquals(3, r.code(), String.join(" ", args) + "\n" + r.out() + r.err());
            assertTrue((r.out() + r.err()).contains(where), String.join(" ", args) + "\n" + r.out() + r.err());
        }
        Run lint = MainTest.run("lint", pack.toString());
        assertTrue(lint.out().contains("检查项：✓ 文件　✗ 编译　－ 元数据　－ 原文　✗ 参数　✓ 证据　✓ 匹配　－ 场景\n"
                + "未运行或未全部运行：元数据（规则未能编译）；"), lint.out());
    }

    @Test
    void lint_of_an_unknown_pack_exits_2() {
        Run r = MainTest.run("lint", "no-such-pack");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("没有名为 \"no-such-pack\" 的内置规则包"), r.err());
    }

    @Test
    void test_with_a_pack_of_another_year_says_so_once_and_exits_2_not_70() {
        Run r = MainTest.run("test", "--pack", "dianchang-2024-demo", SCENARIOS);
        assertEquals(2, r.code(), r.err());
        assertFalse(r.err().contains("内部错误"), r.err());
        assertTrue(r.err().contains("场景文件的日期都在 2023 年，而规则包 dianchang-2024-demo 的考核年度是 2024 年"), r.err());
        assertTrue(r.err().matches("(?s).*\n另有 \\d+ 个场景文件同样是为另一年度的规则包写的，未运行\n"), r.err());
    }

    @Test
    void check_in_junit_format_is_xml_with_a_failure_per_gap() throws Exception {
        Run r = MainTest.run("check", "--format", "junit", SAMPLES + "gaps-meetings.json");
        assertEquals(1, r.code(), r.err());
        Document doc = parse(r.out());
        assertEquals(2, doc.getElementsByTagName("failure").getLength());
        assertEquals("dianchang-2023", doc.getElementsByTagName("property").item(0).getAttributes().getNamedItem("value").getNodeValue());
    }

    @Test
    void test_in_junit_format_has_a_testcase_per_scenario_case() throws Exception {
        Run r = MainTest.run("test", "--pack", SECOND_PLAN + "pack", "--format", "junit", SECOND_PLAN + "pack/scenarios");
        assertEquals(0, r.code(), r.err());
        Document doc = parse(r.out());
        assertEquals(12, doc.getElementsByTagName("testcase").getLength());
        assertEquals(0, doc.getElementsByTagName("failure").getLength());
        assertEquals("场景：通过 12，失败 0\n", r.err());
    }

    @Test
    void the_second_plan_checks_from_the_command_line_with_its_own_title_and_gaps() {
        Run r = MainTest.run("check", "--pack", SECOND_PLAN + "pack", SECOND_PLAN + "gaps.json");
        assertEquals(1, r.code(), r.err());
        assertTrue(r.out().startsWith("《青松街道2023年度社区治理与志愿服务工作计划》落实情况检查报告\n"), r.out());
        assertTrue(r.out().contains("有 4 项缺项"), r.out());
        assertTrue(r.out().contains("规则包指纹：qingsong-2023 版本 2023.1　SHA-256："), r.out());
        assertTrue(r.out().contains("参加人数不足 15 人的另有 1 条：FL-H3（2023-09-15 枫林社区第三次居民议事会，12 人）"), r.out());
        assertEquals(0, MainTest.run("check", "--pack", SECOND_PLAN + "pack", SECOND_PLAN + "compliant.json").code());
    }

    @Test
    void as_of_after_the_assessment_year_is_accepted_and_the_report_says_the_year_had_ended() {
        Run r = MainTest.run("check", "--as-of", "2024-03-01", SAMPLES + "compliant.json");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("检查截至：2024-03-01"), r.out());
        assertTrue(r.out().contains("说明：检查日期在考核年度 2023 年结束之后，年度内的职责均已到期；考核年度以外的记录不计入\n"), r.out());
        assertFalse(MainTest.run("check", SAMPLES + "compliant.json").out().contains("说明：检查日期"));
    }

    private static Document parse(String xml) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static Path copySecondPlan(Path dir) throws Exception {
        Files.copy(Path.of(SECOND_PLAN, "plan.txt"), dir.resolve("plan.txt"));
        Path source = Path.of(SECOND_PLAN, "pack");
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
}
