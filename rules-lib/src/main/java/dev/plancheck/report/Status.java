package dev.plancheck.report;

/** The status of one rule for one unit. */
public enum Status {
    /** Every part of the duty is evidenced. */
    MET("已落实"),
    /** A part of the duty is missing and its window or deadline has passed (or a consistency check fails). */
    GAP("缺项"),
    /** Not yet evidenced, but its window or deadline is still open on the as-of date. */
    NOT_DUE("未到期"),
    /** The duty's trigger never happened (e.g. no disaster was recorded, so no relief was owed). */
    NOT_APPLICABLE("不适用");

    private final String chineseName;

    Status(String chineseName) {
        this.chineseName = chineseName;
    }

    public String chineseName() {
        return chineseName;
    }
}
