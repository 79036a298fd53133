package dev.plancheck.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plancheck.input.InvalidSubmissionException;
import dev.plancheck.PlanChecker;
import dev.plancheck.report.Report;
import dev.plancheck.report.RuleResult;
import dev.plancheck.report.JsonReportWriter;
import dev.plancheck.report.TextReportWriter;
import dev.plancheck.testing.Checkers;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** A new year needs only a new parameter file: the 2024 demonstration pack reuses the 2023 rules unchanged. */
class Demo2024PackTest {
    private static final Path DEMO = Path.of("..", "sample-data", "demo-2024", "compliant.json");
    private final PlanChecker demo = Checkers.demo2024();
    private final PlanChecker pack2023 = Checkers.dianchang2023();

    @Test
    void the_demonstration_pack_shares_the_2023_rule_set_and_differs_only_in_its_parameter_values() {
        PackFile a = PackLoader.bundled("dianchang-2023").parameters();
        PackFile b = PackLoader.bundled("dianchang-2024-demo").parameters();
        assertEquals(a.ruleSet(), b.ruleSet());
        assertEquals(pack2023.rules(), demo.rules());
        assertEquals(2024, b.year());
        assertEquals(a.nodes().keySet(), b.nodes().keySet());
        assertEquals(a.periods().keySet(), b.periods().keySet());
        assertEquals(a.quotas().keySet(), b.quotas().keySet());
        assertEquals(a.deadlines().keySet(), b.deadlines().keySet());
        a.periods().forEach((id, p) -> assertEquals(p.spec(), b.periods().get(id).spec(), id));
    }

    @Test
    void the_2024_qingming_node_is_computed_as_april_4_and_the_sample_memorial_on_that_day_counts() throws Exception {
        assertEquals(LocalDate.of(2024, 4, 4), PackLoader.bundled("dianchang-2024-demo").parameters().nodes().get("qingming").day().in(2024));
        Report report = demo.check(DEMO);
        assertEquals(0, report.gaps().size(), () -> report.gaps().toString());
        assertTrue(report.notices().isEmpty(), () -> report.notices().toString());
        RuleResult memorial = report.results().stream().filter(r -> r.rule().id().equals("R8-3")).findFirst().orElseThrow();
        assertEquals(LocalDate.of(2024, 3, 28), memorial.parts().get(0).opens());
        assertEquals(LocalDate.of(2024, 4, 11), memorial.parts().get(0).closes());
        String id = memorial.evidence().get(0);
        assertEquals(LocalDate.of(2024, 4, 4), demo.read(DEMO).activities().stream()
                .filter(x -> x.getId().equals(id)).findFirst().orElseThrow().getDate());
    }

    @Test
    void the_2024_sample_is_refused_by_the_2023_pack_with_a_message_about_the_year() {
        InvalidSubmissionException e = assertThrows(InvalidSubmissionException.class, () -> pack2023.check(DEMO));
        assertTrue(e.getMessage().contains("考核年度 2024 与规则包 dianchang-2023 的年度 2023 不符"), e.getMessage());
    }

    @Test
    void the_2023_only_may_day_slogan_duty_is_retired_in_2024_and_every_report_says_so_with_the_reason() throws Exception {
        Report report = demo.check(DEMO);
        assertTrue(report.results().stream().noneMatch(r -> r.rule().id().equals("R1.5-2")), "a retired rule has no result");
        assertEquals(1, report.retiredRules().size());
        assertEquals("R1.5-2", report.retiredRules().get(0).rule().id());
        assertTrue(report.retiredRules().get(0).reason().contains("2023 年的专项任务"), report.retiredRules().get(0).reason());

        StringBuilder text = new StringBuilder();
        new TextReportWriter().write(java.util.List.of(report), false, text);
        assertTrue(text.toString().contains("本年度不检查的规则（1）：\n  ○ [R1.5-2] 在五一节点开展纪念“五一口号”发布75周年活动　§1.5　原因："),
                text.toString());
        JsonNode json = JsonReportWriter.toJson(report).get("retiredRules");
        assertEquals(1, json.size());
        assertEquals("R1.5-2", json.get(0).get("ruleId").asText());
        assertTrue(json.get(0).get("reason").asText().contains("2024 年的要点不再包含"));
    }

    @Test
    void the_2023_pack_retires_nothing_and_still_checks_the_may_day_slogan() throws Exception {
        Report report = pack2023.check(Path.of("..", "sample-data", "dianchang-2023", "compliant.json"));
        assertTrue(report.retiredRules().isEmpty());
        assertTrue(report.results().stream().anyMatch(r -> r.rule().id().equals("R1.5-2")));
        StringBuilder text = new StringBuilder();
        new TextReportWriter().write(java.util.List.of(report), false, text);
        assertTrue(!text.toString().contains("本年度不检查的规则"), text.toString());
        assertEquals(0, JsonReportWriter.toJson(report).get("retiredRules").size());
    }

    @Test
    void spring_job_drives_start_at_each_years_spring_festival() {
        assertEquals(LocalDate.of(2023, 1, 22), pack2023.pack().periods().stream()
                .filter(p -> p.getId().equals("season.spring")).findFirst().orElseThrow().getOpens());
        assertEquals(LocalDate.of(2024, 2, 10), demo.pack().periods().stream()
                .filter(p -> p.getId().equals("season.spring")).findFirst().orElseThrow().getOpens());
    }
}
