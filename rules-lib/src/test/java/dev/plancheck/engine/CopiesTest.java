package dev.plancheck.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plancheck.report.Notice;
import dev.plancheck.PlanChecker;
import dev.plancheck.report.Report;
import dev.plancheck.RulePack;
import dev.plancheck.input.Submission;
import dev.plancheck.model.Activity;
import dev.plancheck.model.OrgUnit;
import dev.plancheck.model.UnitLevel;
import dev.plancheck.model.Vocabulary;
import dev.plancheck.testing.Checkers;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * When two records of one day are one activity (counted once), and when they only look like one (疑似一事多报: both
 * counted, the assessor told). Each case has its near miss.
 */
class CopiesTest {
    private static final LocalDate DAY = LocalDate.of(2023, 3, 1);
    private static final Set<String> SUBDISTRICTS = Set.of("DC");
    private static final Vocabulary VOCABULARY = RulePack.bundled("dianchang-2023").vocabulary();
    private static final Set<String> UNITED_FRONT = Set.of("united-front");

    private static Activity.Builder record(String id, String unit, String kind, String title) {
        return Activity.builder(id).unitId(unit).kind(kind).date(DAY).title(title);
    }

    private static Activity.Builder meeting(String id) {
        return record(id, "DC", "special-meeting", "统战工作专题会议").topics(UNITED_FRONT);
    }

    private static boolean one(Activity.Builder a, Activity.Builder b) {
        return Copies.oneActivity(a.build(), b.build());
    }

    private static boolean flagged(Activity.Builder a, Activity.Builder b) {
        return Copies.suspicion(a.build(), b.build(), SUBDISTRICTS, VOCABULARY) != null;
    }

    @Test
    void a_copy_that_only_annotates_is_the_same_activity() {
        assertTrue(one(meeting("a"), meeting("b").relatesTo("x")), "relatesTo added");
        assertTrue(one(meeting("a"), meeting("b").amount(BigDecimal.ZERO)), "an amount of 0 added");
        assertTrue(one(meeting("a"), meeting("b").organiser("union")), "an organiser added");
        assertTrue(one(meeting("a").organiser("party-working-committee"), meeting("b").organiser("union")), "another organiser");
        assertTrue(one(meeting("a").groups(Set.of("women")), meeting("b").groups(Set.of("youth"))), "another audience");
        assertTrue(one(meeting("a"), meeting("b").participants(40)), "a head-count added");
        assertTrue(one(meeting("a"), meeting("b").title("完全不同的标题")), "a reworded title");
    }

    @Test
    void records_about_different_things_are_two_activities() {
        assertFalse(one(meeting("a"), meeting("b").topics(Set.of("ethnic"))), "no topic in common");
        assertFalse(one(meeting("a"), meeting("b").date(DAY.plusDays(1))), "another day");
        assertFalse(one(meeting("a"), meeting("b").unitId("HP")), "another unit");
        assertFalse(one(meeting("a"), meeting("b").kind("collective-study")), "another kind");
        assertFalse(one(meeting("a").relatesTo("x"), meeting("b").relatesTo("y")), "answering different records");
        // Without topics to compare, the groups say what a census or a visit was about.
        assertFalse(one(record("a", "DC", "visit", "走访党外知识分子").groups(Set.of("non-party-intellectuals")),
                record("b", "DC", "visit", "走访新的社会阶层人士").groups(Set.of("new-social-strata"))));
        assertTrue(one(record("a", "DC", "visit", "走访").groups(Set.of("non-party-intellectuals", "new-social-strata")),
                record("b", "DC", "visit", "走访新的社会阶层人士").groups(Set.of("new-social-strata"))));
    }

    @Test
    void a_copy_with_the_same_title_and_other_groups_is_the_same_activity() {
        Activity.Builder union = record("a", "DC", "assistance", "“冬送温暖”走访慰问困难职工").topics(Set.of("winter-warmth"))
                .groups(Set.of("workers")).organiser("union");
        assertTrue(one(union, record("b", "DC", "assistance", "“冬送温暖”走访慰问困难职工").groups(Set.of("women"))
                .organiser("womens-federation")), "the topic dropped, the title kept");
        assertTrue(one(union, record("b", "DC", "assistance", "“冬送温暖”　走访慰问困难职工。").groups(Set.of("women"))),
                "a full-width space and a full stop do not make another title");
        assertFalse(one(union, record("b", "DC", "assistance", "“三八”走访慰问困难妇女").groups(Set.of("women"))),
                "another title and other groups: another activity");
    }

    @Test
    void money_is_never_merged_but_the_same_sum_twice_is_flagged() {
        Activity.Builder pay = record("a", "DC", "donation-usage", "善款使用").relatesTo("drive").amount(new BigDecimal("25000"));
        Activity.Builder again = record("b", "DC", "donation-usage", "善款使用").relatesTo("drive").amount(new BigDecimal("25000.00"));
        assertFalse(one(pay, again));
        assertTrue(flagged(pay, again), "a suspected double entry");
        assertFalse(flagged(pay, record("b", "DC", "donation-usage", "善款使用").relatesTo("drive").amount(new BigDecimal("100"))),
                "two payments of different sums are ordinary");
        assertFalse(flagged(pay, record("b", "DC", "donation-usage", "善款使用").relatesTo("other").amount(new BigDecimal("25000"))),
                "from another drive");
        assertFalse(one(pay, record("b", "DC", "donation-usage", "善款使用").relatesTo("drive").amount(BigDecimal.ZERO)),
                "a copy of 0 yuan never takes the place of the payment");
    }

    @Test
    void the_copy_that_counts_is_the_one_serving_the_body_that_organises_the_kind() {
        Activity a = record("a", "DC", "welfare-distribution", "福利发放").organiser("womens-federation").build();
        Activity b = record("b", "DC", "welfare-distribution", "福利发放").organiser("union").build();
        assertSame(b, Copies.servingCopy(a, b, VOCABULARY), "工会福利发放 is the union's");
        Activity unnamed = record("a0", "DC", "welfare-distribution", "福利发放").build();
        assertSame(unnamed, Copies.servingCopy(unnamed, a, VOCABULARY), "naming none, it is the union's by its kind");
        assertSame(unnamed, Copies.servingCopy(a, unnamed, VOCABULARY));
        Activity c = record("c", "DC", "assistance", "帮扶").build();
        Activity d = record("d", "DC", "assistance", "帮扶").organiser("womens-federation").build();
        assertSame(d, Copies.servingCopy(c, d, VOCABULARY), "a copy naming a body serves it; one naming none serves none");
        assertSame(d, Copies.servingCopy(d, c, VOCABULARY));
        Activity e = record("e", "DC", "assistance", "帮扶").organiser("union").build();
        assertSame(d, Copies.servingCopy(d, e, VOCABULARY), "two bodies, the kind is nobody's own: the earlier");
        assertSame(e, Copies.servingCopy(e, d, VOCABULARY));
    }

    @Test
    void another_unit_with_the_same_title_is_flagged_and_another_day_is_not() {
        assertTrue(flagged(record("a", "HP", "census", "入户核查"), record("b", "SL", "census", "入户　核查！")),
                "titles compared without full-width spaces and punctuation");
        assertTrue(flagged(record("a", "HP", "census", "ＡＢ入户核查"), record("b", "SL", "census", "ab入户核查")),
                "full-width letters are the letters");
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
        assertTrue(flagged(record("a", "DC", "plan", "统战工作").topics(UNITED_FRONT), record("b", "DC", "deployment", "统战工作")));
        assertTrue(flagged(record("a", "DC", "plan", "计划").topics(Set.of("united-front", "ethnic")),
                record("b", "DC", "deployment", "部署").topics(Set.of("ethnic"))));
        assertFalse(flagged(record("a", "DC", "plan", "计划").topics(UNITED_FRONT),
                record("b", "DC", "deployment", "部署").topics(Set.of("ethnic"))));
        assertFalse(flagged(record("a", "DC", "plan", "计划").topics(UNITED_FRONT), record("b", "DC", "deployment", "部署")),
                "one side names no topic");
    }

    @Test
    void one_title_in_one_unit_and_kind_with_other_topics_is_flagged() {
        assertTrue(flagged(meeting("a"), meeting("b").topics(Set.of("ethnic"))));
        assertFalse(flagged(meeting("a"), meeting("b").topics(Set.of("ethnic")).title("民族工作专题会议")));
        assertTrue(flagged(meeting("a").topics(Set.of("ethnic")), meeting("b").topics(Set.of("ethnic-unity-awareness"))
                .title("铸牢中华民族共同体意识专题会")), "one topic is part of the other");
        assertFalse(one(meeting("a").topics(Set.of("ethnic")), meeting("b").topics(Set.of("ethnic-unity-awareness"))),
                "as filed, the topics differ: two meetings");
    }

    @Test
    void the_notices_name_the_copy_that_counts_and_what_differs() throws Exception {
        PlanChecker checker = Checkers.dianchang2023();
        List<OrgUnit> units = List.of(new OrgUnit("DC", "电厂街道", UnitLevel.SUBDISTRICT),
                new OrgUnit("HP", "河畔社区", UnitLevel.COMMUNITY), new OrgUnit("SL", "松林社区", UnitLevel.COMMUNITY));
        Set<String> poor = Set.of("illness-impoverished");
        List<Activity> records = List.of(
                record("K1", "DC", "special-meeting", "专题会议").topics(UNITED_FRONT).build(),
                record("K2", "DC", "collective-study", "集中学习").topics(UNITED_FRONT).build(),
                record("O1", "DC", "welfare-distribution", "福利发放").date(DAY.plusDays(1)).organiser("womens-federation").build(),
                record("O2", "DC", "welfare-distribution", "福利发放（工会）").date(DAY.plusDays(1)).organiser("union").build(),
                record("U1", "HP", "census", "入户核查").date(DAY.plusDays(2)).groups(poor).build(),
                record("U2", "SL", "census", "入户　核查").date(DAY.plusDays(2)).groups(poor).build(),
                record("M1", "DC", "special-meeting", "民族工作会").date(DAY.plusDays(3)).topics(Set.of("ethnic")).build(),
                record("M2", "DC", "special-meeting", "民族工作会").date(DAY.plusDays(3)).topics(Set.of("ethnic"))
                        .groups(Set.of("women")).participants(30).build());
        Report r = checker.check(Submission.of("copies.json", 2023, units, records));
        List<String> notices = r.notices().stream()
                .filter(n -> n.type() == Notice.Type.SUSPECTED_MULTI_REPORT || n.type() == Notice.Type.DUPLICATE)
                .map(n -> n.recordId() + " " + n.type() + " " + n.message()).toList();
        String tail = "不同，疑似同一活动多处上报；两条都已计入，请核对是否确为不同活动";
        assertEquals(List.of(
                "K2 SUSPECTED_MULTI_REPORT 与 K1 日期相同、内容相近，只是类别（special-meeting、collective-study）" + tail,
                "M2 DUPLICATE 与 M1 是同一活动（单位、类别、日期相同，议题有重合，只是对象、参与人数不同），只计一次；确是两次不同活动的，请在议题上区分",
                "O1 DUPLICATE 与 O2 是同一活动（单位、类别、日期相同，没有议题或对象可以区分，只是组织方不同），只计一次，"
                        + "按 O2（街道联合工会）的活动计入：“工会福利发放”由街道联合工会组织；不再算作街道妇联的活动；"
                        + "确是两次不同活动的，请填写议题或对象加以区分",
                "U2 SUSPECTED_MULTI_REPORT 与 U1 日期相同、内容相近，只是单位（HP、SL）" + tail), notices);
        assertNotNull(r.results());
        assertNull(r.notices().get(0).location(), "records built in code have no place in a file");
    }
}
