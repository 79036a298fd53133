package dev.plancheck;

/** Whom a rule binds: the subdistrict as a whole, or every community on its own. */
public enum Scope {
    /** The subdistrict as a whole (any of its units may carry it out unless the rule names the unit). */
    SUBDISTRICT("subdistrict", "街道"),
    /** Every community, each on its own ("各社区"). */
    EACH_COMMUNITY("community", "各社区");

    private final String code;
    private final String chineseName;

    Scope(String code, String chineseName) {
        this.code = code;
        this.chineseName = chineseName;
    }

    /** The code used in rule metadata, e.g. {@code @scope("community")}. */
    public String code() {
        return code;
    }

    public String chineseName() {
        return chineseName;
    }

    /** The scope for a metadata code, or {@code null}. */
    public static Scope fromCode(String code) {
        for (Scope s : values()) {
            if (s.code.equals(code)) {
                return s;
            }
        }
        return null;
    }
}
