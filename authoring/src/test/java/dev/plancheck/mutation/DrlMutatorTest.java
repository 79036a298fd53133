package dev.plancheck.mutation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class DrlMutatorTest {
    private static final String DRL = """
            package p;
            rule "R1.2-4 全年专题会议研究统战工作至少2次"
                @id("R1.2-4")
            when
                $u : OrgUnit(level == UnitLevel.SUBDISTRICT)
                $y : Period(id == "year")
                $h : Period(series == "half-year")
                $q : Quota(id == "special-meetings.united-front")
                $ev : List() from collect( Activity(unitId == $u.id, kind == "special-meeting",
                                                    topics contains "united-front" || topics contains "ethnic") )
            then
                findings.atLeast(kcontext, $u, "专题会议", $h, $q, $ev);
            end
            """;

    @Test
    void drops_each_condition_of_an_activity_pattern_with_its_comma() {
        List<Mutant> drops = DrlMutator.mutants("s01_x.drl", DRL).stream()
                .filter(m -> m.kind() == Mutant.Kind.DROP_CONDITION).toList();
        assertEquals(List.of("unitId == $u.id", "kind == \"special-meeting\"", "topics contains \"united-front\" || topics contains \"ethnic\""),
                drops.stream().map(Mutant::original).toList());
        assertTrue(drops.get(0).mutatedDrl().contains("Activity(kind == \"special-meeting\",\n"), drops.get(0).mutatedDrl());
        assertTrue(drops.get(2).mutatedDrl().contains("Activity(unitId == $u.id, kind == \"special-meeting\") )"), drops.get(2).mutatedDrl());
        assertEquals(List.of(9, 9, 10), drops.stream().map(Mutant::line).toList());
        assertEquals("去掉所属单位条件 unitId == $u.id", drops.get(0).description());
        assertEquals("R1.2-4", drops.get(0).ruleId());
    }

    @Test
    void widens_every_period_but_the_year_and_lowers_the_quota_in_the_consequence() {
        List<Mutant> all = DrlMutator.mutants("s01_x.drl", DRL);
        List<Mutant> periods = all.stream().filter(m -> m.kind() == Mutant.Kind.WIDEN_PERIOD).toList();
        assertEquals(1, periods.size());
        assertEquals(7, periods.get(0).line());
        assertTrue(periods.get(0).mutatedDrl().contains("$h : Period(id == \"year\")"));
        List<Mutant> quotas = all.stream().filter(m -> m.kind() == Mutant.Kind.LOWER_QUOTA).toList();
        assertEquals(1, quotas.size());
        assertTrue(quotas.get(0).mutatedDrl().contains(
                "findings.atLeast(kcontext, $u, \"专题会议\", $h, new dev.plancheck.model.Quota($q.getId(), $q.getMin() - 1, $q.getDescription()), $ev);"),
                quotas.get(0).mutatedDrl());
        assertTrue(quotas.get(0).mutatedDrl().contains("$q : Quota(id == \"special-meetings.united-front\")"), "the condition itself stays");
        assertEquals(5, all.size());
    }

    @Test
    void a_duty_to_hold_an_activity_is_weakened_to_count_any_kind() {
        String drl = """
                rule "R8-3 清明节开展烈士公祭"
                    @id("R8-3")
                when
                    $p : Period(id == "node.qingming")
                    $ev : List() from collect( Activity(topics contains "martyrs-memorial") )
                then
                    findings.held(kcontext, $u, "烈士公祭", $p, $ev);
                end
                """;
        List<Mutant> any = DrlMutator.mutants("s08_x.drl", drl).stream().filter(m -> m.kind() == Mutant.Kind.ANY_KIND).toList();
        assertEquals(1, any.size());
        assertEquals(7, any.get(0).line());
        assertTrue(any.get(0).mutatedDrl().contains("findings.present(kcontext, $u, \"烈士公祭\", $p, $ev);"), any.get(0).mutatedDrl());
        assertEquals(0, DrlMutator.mutants("s01_x.drl", DRL).stream().filter(m -> m.kind() == Mutant.Kind.ANY_KIND).count(),
                "present stays present");
    }

    @Test
    void a_comma_or_parenthesis_inside_a_string_does_not_split_a_condition() {
        String drl = """
                rule "R9-9 x"
                when
                    $ev : List() from collect( Activity(title == "a, (b", kind == "k") )
                then
                    findings.present(kcontext, $u, "x", $y, $ev);
                end
                """;
        assertEquals(List.of("title == \"a, (b\"", "kind == \"k\""),
                DrlMutator.mutants("s09_x.drl", drl).stream().map(Mutant::original).toList());
    }
}
