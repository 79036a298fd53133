package dev.plancheck.report;

/**
 * Something about a submitted record that the assessor should know: it was not counted, counted once for two, or
 * would count for a duty if it named its organiser. Notices never change the exit code; they make sure nothing
 * submitted is silently dropped.
 *
 * @param type     what kind of notice
 * @param recordId the record concerned; for a notice about a waiver, the rule and unit it names, as {@code R8-3/HP}
 * @param message  what happened to it, in Chinese
 * @param location where the record was read from ({@code ledger.json:123:5}, {@code 台账.xlsx: 活动!A12}), for the
 *                 notices that ask for the record to be changed; {@code null} otherwise, and for records built in code
 */
public record Notice(Type type, String recordId, String message, String location) {
    /** A notice that points at no place in a file. */
    public Notice(Type type, String recordId, String message) {
        this(type, recordId, message, null);
    }

    /** The kinds of notice. */
    public enum Type {
        /** Dated outside the assessment year: not counted. */
        OUTSIDE_YEAR("不在考核年度内"),
        /** Dated after the as-of date: not counted. */
        FUTURE_DATED("晚于检查日期"),
        /**
         * The same activity as another record (same unit, kind and date, about the same thing), whatever fields the
         * copy adds or changes (organiser, groups, relatesTo, a sum of 0): counted once.
         */
        DUPLICATE("重复记录"),
        /**
         * Probably the same activity as another record, filed under another unit or kind, or a second payment of the
         * same sum on the same day: both counted, check it.
         */
        SUSPECTED_MULTI_REPORT("疑似一事多报"),
        /** Not evidence for any rule: check its kind, topics, groups and unit. */
        UNMATCHED("未被任何规则采用"),
        /**
         * Names no organiser, and would count for a duty that is not met if it named the body that duty belongs to
         * (§7–§10 count only their own body's records). Points at the record's place in the file.
         */
        MISSING_ORGANISER("未注明组织方"),
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
