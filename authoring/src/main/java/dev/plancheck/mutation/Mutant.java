package dev.plancheck.mutation;

/**
 * One weakened copy of one rule: a condition dropped, a period widened to the whole year, a quota lowered by one, a
 * deadline lengthened by a day, or a duty to hold an activity that counts papers too. Only the rule's own file changes.
 *
 * @param ruleId      the id of the mutated rule, e.g. {@code R1.2-1}
 * @param file        the rule file, as named in the rule set (e.g. {@code s01_united_front.drl})
 * @param line        the line of the changed condition in the original file
 * @param kind        what kind of change it is
 * @param original    the text that was changed, e.g. {@code topics contains "united-front"}
 * @param description the change in Chinese, e.g. {@code 去掉议题条件 topics contains "united-front"}
 * @param mutatedDrl  the whole text of the file with the change made
 */
public record Mutant(String ruleId, String file, int line, Kind kind, String original, String description, String mutatedDrl) {
    /** The kinds of change, each named in Chinese for the report. */
    public enum Kind {
        /** A condition on the records a rule collects is dropped. */
        DROP_CONDITION("去掉条件"),
        /** The period a rule binds is replaced by the whole year. */
        WIDEN_PERIOD("时段换成全年"),
        /** A quota's minimum is lowered by one. */
        LOWER_QUOTA("数量要求减一"),
        /** A deadline is lengthened by one day. */
        LENGTHEN_DEADLINE("期限延长一天"),
        /** {@code findings.held} becomes {@code findings.present}: plans, notices and other papers count too. */
        ANY_KIND("不限活动类"),
        /** A rate's minimum is lowered by 0.1 percentage point, the finest step a rate may be written in. */
        LOWER_RATE("比率要求降低 0.1 个百分点");

        private final String chineseName;

        Kind(String chineseName) {
            this.chineseName = chineseName;
        }

        public String chineseName() {
            return chineseName;
        }
    }
}
