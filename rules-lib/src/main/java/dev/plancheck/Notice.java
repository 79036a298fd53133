package dev.plancheck;

/**
 * Something about a submitted record that the assessor should know: it was not counted, or counted once for two.
 * Notices never change the exit code; they make sure nothing submitted is silently dropped.
 *
 * @param type     what kind of notice
 * @param recordId the record concerned
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
        UNMATCHED("未被任何规则采用");

        private final String chineseName;

        Type(String chineseName) {
            this.chineseName = chineseName;
        }

        public String chineseName() {
            return chineseName;
        }
    }
}
