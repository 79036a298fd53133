package dev.plancheck.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plancheck.InvalidSubmissionException;
import dev.plancheck.PlanChecker;
import dev.plancheck.Report;
import dev.plancheck.RuleResult;
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
        PackFile a = pack2023.pack().parameters();
        PackFile b = demo.pack().parameters();
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
        assertEquals(LocalDate.of(2024, 4, 4), demo.pack().parameters().nodes().get("qingming").day().in(2024));
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
}
