package dev.plancheck.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plancheck.Notice;
import dev.plancheck.PlanChecker;
import dev.plancheck.Report;
import dev.plancheck.Submission;
import dev.plancheck.model.Activity;
import dev.plancheck.model.OrgUnit;
import dev.plancheck.model.UnitLevel;
import dev.plancheck.testing.Checkers;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * 疑似一事多报: the same activity reported again under another unit, kind or organiser. Both copies count; the assessor
 * is told which copy, and what differs. Each case below has its near miss, which must not be flagged.
 */
class MultiReportTest {
    private static final LocalDate DAY = LocalDate.of(2023, 3, 1);
    private static final Set<String> SUBDISTRICTS = Set.of("DC");

    private static Activity.Builder record(String id, String unit, String kind, String title) {
        return Activity.builder(id).unitId(unit).kind(kind).date(DAY).title(title);
    }

    private static boolean flagged(Activity.Builder a, Activity.Builder b) {
        return Evaluation.suspectedMultiReport(a.build(), b.build(), SUBDISTRICTS);
    }

    @Test
    void another_unit_with_the_same_title_is_flagged_and_another_day_is_not() {
        assertTrue(flagged(record("a", "HP", "census", "入户核查"), record("b", "SL", "census", "入户 核查！")),
                "titles compared without spaces and punctuation");
        assertFalse(flagged(record("a", "HP", "census", "入户核查"),
                record("b", "SL", "census", "入户核查").date(DAY.plusDays(1))));
    }

    @Test
    void two_communities_like_activities_on_one_campaign_day_are_not_flagged_but_the_subdistrict_and_a_community_are() {
        Set<String> topic = Set.of("ethnic");
        assertFalse(flagged(record("a", "HP", "publicity", "河畔宣传").topics(topic), record("b", "SL", "publicity", "松林宣传").topics(topic)));
        assertTrue(flagged(record("a", "DC", "publicity", "街道宣传").topics(topic), record("b", "SL", "publicity", "松林宣传").topics(topic)));
        assertFalse(flagged(record("a", "DC", "publicity", "街道宣传").topics(topic),
                record("b", "SL", "publicity", "松林宣传").topics(Set.of("religion"))), "nothing in common");
        assertFalse(flagged(record("a", "DC", "publicity", "街道宣传"), record("b", "SL", "publicity", "松林宣传")),
                "no topics: nothing to say they are the same");
        assertFalse(flagged(record("a", "DC", "publicity", "街道宣传").topics(topic),
                record("b", "SL", "relief", "松林宣传").topics(topic)), "another unit and another kind: different work");
        assertFalse(flagged(record("a", "DC", "relief", "救助").topics(topic).relatesTo("x1"),
                record("b", "SL", "relief", "救助2").topics(topic).relatesTo("x2")), "answering different records");
    }

    @Test
    void another_kind_in_one_unit_is_flagged_by_title_or_by_a_shared_topic() {
        assertTrue(flagged(record("a", "DC", "plan", "统战工作").topics(Set.of("united-front")),
                record("b", "DC", "deployment", "统战工作")));
        assertTrue(flagged(record("a", "DC", "plan", "计划").topics(Set.of("united-front", "ethnic")),
                record("b", "DC", "deployment", "部署").topics(Set.of("ethnic"))));
        assertFalse(flagged(record("a", "DC", "plan", "计划").topics(Set.of("united-front")),
                record("b", "DC", "deployment", "部署").topics(Set.of("ethnic"))));
        assertFalse(flagged(record("a", "DC", "plan", "计划").topics(Set.of("united-front")), record("b", "DC", "deployment", "部署")),
                "one side names no topic");
        assertFalse(flagged(record("a", "DC", "plan", "计划"), record("b", "DC", "deployment", "部署").topics(Set.of("united-front"))),
                "one side names no topic");
    }

    @Test
    void another_organiser_in_one_unit_and_kind_is_flagged_when_the_content_overlaps() {
        Set<String> topic = Set.of("ethnic");
        assertTrue(flagged(record("a", "DC", "publicity", "宣传").topics(topic).organiser("union"),
                record("b", "DC", "publicity", "宣传活动").topics(topic).organiser("youth-league")));
        assertFalse(flagged(record("a", "DC", "publicity", "宣传").topics(topic).organiser("union"),
                record("b", "DC", "publicity", "宣传活动").topics(Set.of("religion")).organiser("youth-league")));
        assertFalse(flagged(record("a", "DC", "publicity", "宣传").topics(topic).organiser("union"),
                record("b", "DC", "publicity", "宣传活动").topics(topic).organiser("union")), "same organiser: a duplicate, not this");
    }

    @Test
    void the_notice_names_the_earlier_copy_and_what_differs() throws Exception {
        PlanChecker checker = Checkers.dianchang2023();
        List<OrgUnit> units = List.of(new OrgUnit("DC", "电厂街道", UnitLevel.SUBDISTRICT),
                new OrgUnit("HP", "河畔社区", UnitLevel.COMMUNITY), new OrgUnit("SL", "松林社区", UnitLevel.COMMUNITY));
        Set<String> poor = Set.of("illness-impoverished");
        List<Activity> records = List.of(
                record("K1", "DC", "special-meeting", "专题会议").topics(Set.of("united-front")).build(),
                record("K2", "DC", "collective-study", "集中学习").topics(Set.of("united-front")).build(),
                record("O1", "DC", "special-meeting", "民族工作会议").date(DAY.plusDays(1)).topics(Set.of("ethnic"))
                        .organiser("party-working-committee").build(),
                record("O2", "DC", "special-meeting", "民族工作专题会").date(DAY.plusDays(1)).topics(Set.of("ethnic"))
                        .organiser("union").build(),
                record("U1", "HP", "census", "入户核查").date(DAY.plusDays(2)).groups(poor).build(),
                record("U2", "SL", "census", "入户核查").date(DAY.plusDays(2)).groups(poor).build(),
                // Under the subdistrict and under a community, same kind and content, different titles.
                record("S1", "DC", "special-meeting", "街道民族工作会").date(DAY.plusDays(3)).topics(Set.of("ethnic")).build(),
                record("S2", "HP", "special-meeting", "河畔民族工作会").date(DAY.plusDays(3)).topics(Set.of("ethnic")).build(),
                // Two communities' like activities on one day are common: not flagged.
                record("T1", "HP", "special-meeting", "河畔民族工作会").date(DAY.plusDays(4)).topics(Set.of("ethnic")).build(),
                record("T2", "SL", "special-meeting", "松林民族工作会").date(DAY.plusDays(4)).topics(Set.of("ethnic")).build());
        Report r = checker.check(Submission.of("multi.json", 2023, units, records));
        List<String> notices = r.notices().stream().filter(n -> n.type() == Notice.Type.SUSPECTED_MULTI_REPORT)
                .map(n -> n.recordId() + " " + n.message()).toList();
        String tail = "不同，疑似同一活动多处上报；两条都已计入，请核对是否确为不同活动";
        assertEquals(List.of(
                "K2 与 K1 日期相同、内容相近，只是类别（special-meeting、collective-study）" + tail,
                "O2 与 O1 日期相同、内容相近，只是组织单位（party-working-committee、union）" + tail,
                "S2 与 S1 日期相同、内容相近，只是单位（DC、HP）" + tail,
                "U2 与 U1 日期相同、内容相近，只是单位（HP、SL）" + tail), notices);
    }
}
