package dev.plancheck.model;

/** The level of an organisational unit: the subdistrict itself, or one of its communities. */
public enum UnitLevel {
    SUBDISTRICT("subdistrict", "街道"),
    COMMUNITY("community", "社区");

    private final String code;
    private final String chineseName;

    UnitLevel(String code, String chineseName) {
        this.code = code;
        this.chineseName = chineseName;
    }

    /** The code used in submissions and reports, e.g. {@code "community"}. */
    public String code() {
        return code;
    }

    /** The Chinese name, e.g. {@code "社区"}. */
    public String chineseName() {
        return chineseName;
    }

    /** The level for a submission code, or {@code null} when the code is unknown. */
    public static UnitLevel fromCode(String code) {
        for (UnitLevel level : values()) {
            if (level.code.equals(code)) {
                return level;
            }
        }
        return null;
    }
}
