package dev.plancheck.model;

/** An enum written in submissions and metadata by a code (e.g. {@code community}) and shown by a Chinese name. */
public interface Coded {
    /** The code used in files, e.g. {@code community}. */
    String code();

    /** The Chinese name shown in reports, e.g. {@code 社区}. */
    String chineseName();

    /** The constant of {@code type} with the given code, or {@code null} when there is none. */
    static <E extends Enum<E> & Coded> E byCode(Class<E> type, String code) {
        for (E e : type.getEnumConstants()) {
            if (e.code().equals(code)) {
                return e;
            }
        }
        return null;
    }
}
