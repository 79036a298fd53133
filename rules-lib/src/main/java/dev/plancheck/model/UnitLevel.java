package dev.plancheck.model;

/** The level of an organisational unit: the subdistrict itself, or one of its communities. */
public enum UnitLevel implements Coded {
    SUBDISTRICT("subdistrict", "街道"),
    COMMUNITY("community", "社区");

    private final String code;
    private final String chineseName;

    UnitLevel(String code, String chineseName) {
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
    public static UnitLevel fromCode(String code) {
        return Coded.byCode(UnitLevel.class, code);
    }
}
