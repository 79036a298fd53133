package dev.plancheck;

/** How much a gap weighs in the assessment. */
public enum Severity {
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

    public String code() {
        return code;
    }

    public String chineseName() {
        return chineseName;
    }

    /** The severity for a metadata code, or {@code null}. */
    public static Severity fromCode(String code) {
        for (Severity s : values()) {
            if (s.code.equals(code)) {
                return s;
            }
        }
        return null;
    }
}
