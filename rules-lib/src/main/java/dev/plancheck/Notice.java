package dev.plancheck;

/**
 * Something about a submitted record that the assessor should know: it was not counted, or counted once for two.
 * Notices never change the exit code; they make sure nothing submitted is silently dropped.
 *
 * @param type     what kind of notice
 * @param recordId the record concerned; for a notice about a waiver, the rule and unit it names, as {@code R8-3/HP}
 * @param message  what happened to it, in Chinese
 */
public record Notice(Type type, String recordId, String message) {
    /** The kinds of notice. */
    public enum Type {
        /** Dated outside the assessment year: not counted. */
        OUTSIDE_YEAR("不在考核年度内"),
        /** Dated after the as-of date: not counted. */
        FUTURE_DATED("晚于检查日期"),
        /** The same activity as another record (same unit, kind and date, overlapping topics and groups): counted once. */
        DUPLICATE("重复记录"),
        /** Probably the same activity as another record, filed under another unit or kind: both counted, check it. */
        SUSPECTED_MULTI_REPORT("疑似一事多报"),
        /** Not evidence for any rule: check its kind, topics, groups and unit. */
        UNMATCHED("未被任何规则采用"),
        /** A waiver (情况说明) past its expiry on the as-of date: it was not applied, the gap stays open. */
        WAIVER_EXPIRED("情况说明已过期"),
        /** A waiver for a rule and unit that has no gap in this report: nothing to accept. */
        WAIVER_UNUSED("情况说明未使用");

        private final String chineseName;

        Type(String chineseName) {
            this.chineseName = chineseName;
        }

        public String chineseName() {
            return chineseName;
        }
    }
}
