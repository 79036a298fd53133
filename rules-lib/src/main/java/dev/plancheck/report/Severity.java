package dev.plancheck.report;

import dev.plancheck.model.Coded;

/** How much a gap weighs in the assessment. */
public enum Severity implements Coded {
    /** A quota, a dated node or an outcome the plan states outright. */
    HIGH("high", "高"),
    /** A duty the plan asks to be done, without a number or a date. */
    MEDIUM("medium", "中"),
    /** Supporting paperwork. */
    LOW("low", "低");

    private final String code;
    private final String chineseName;

    Severity(String code, String chineseName) {
        this.code = code;
        this.chineseName = chineseName;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public String chineseName() {
        return chineseName;
    }

    /** The constant for a code, or {@code null}. */
    public static Severity fromCode(String code) {
        return Coded.byCode(Severity.class, code);
    }
}
