package dev.plancheck.model;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * An attribute of units that a pack declares ({@code unitAttributes} of the parameter file) and ledgers state for each
 * unit: a number (常住人口，人) or yes/no (有无日间照料中心). Conditions ({@link UnitCondition}) and rates read it.
 *
 * <pre>
 * "unitAttributes": { "residents": { "name": "常住人口", "type": "number", "measure": "人", "required": true, "description": "…" } }
 * </pre>
 *
 * @param id          the attribute's id, the key in a ledger's {@code attributes}
 * @param name        its Chinese name, e.g. {@code 常住人口}; the xlsx column header
 * @param type        number or yes/no
 * @param measure     what a number counts, e.g. {@code 人}; {@code null} for yes/no or when the number needs none
 * @param required    true when every community must state it (the subdistrict may, but need not)
 * @param description what it means, in Chinese
 */
public record UnitAttribute(String id, String name, Type type, String measure, boolean required, String description) {
    /** The kinds of value an attribute takes. */
    public enum Type {
        /** A number of at least 0 (people, households); decimals allowed. */
        NUMBER("number", "数值"),
        /** Yes or no: {@code true}/{@code false} in JSON, 有/无 or 是/否 in a sheet. */
        YESNO("yesno", "有/无");

        private final String code;
        private final String chineseName;

        Type(String code, String chineseName) {
            this.code = code;
            this.chineseName = chineseName;
        }

        public String code() {
            return code;
        }

        public String chineseName() {
            return chineseName;
        }

        /** The type of a code, or {@code null}. */
        public static Type fromCode(String code) {
            for (Type t : values()) {
                if (t.code.equals(code)) {
                    return t;
                }
            }
            return null;
        }
    }

    public UnitAttribute {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(description, "description");
    }

    /** The column header of a sheet: {@code 常住人口（人）}, or the name alone. */
    public String header() {
        return measure == null ? name : name + "（" + measure + "）";
    }

    /** A value as a person reads it: {@code 2,100 人}, {@code 有}. */
    public String describe(Object value) {
        if (value instanceof Boolean b) {
            return b ? "有" : "无";
        }
        String n = grouped((BigDecimal) value);
        return measure == null ? n : n + " " + measure;
    }

    /** {@code 2100} as {@code 2,100}; {@code 1234.5} as {@code 1,234.5}. */
    public static String grouped(BigDecimal value) {
        String plain = value.stripTrailingZeros().toPlainString();
        int point = plain.indexOf('.');
        String whole = point < 0 ? plain : plain.substring(0, point);
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < whole.length(); i++) {
            if (i > 0 && (whole.length() - i) % 3 == 0) {
                s.append(',');
            }
            s.append(whole.charAt(i));
        }
        return point < 0 ? s.toString() : s.append(plain.substring(point)).toString();
    }

    /**
     * The value of a ledger's cell or member as this attribute takes it, or {@code null} when it is not one: a
     * {@link BigDecimal} of at least 0 for a number ({@code 3200}, {@code "3,200"} in a cell), a {@link Boolean}
     * for yes/no ({@code true}, 有/无, 是/否).
     */
    public Object parse(Object raw) {
        if (type == Type.YESNO) {
            if (raw instanceof Boolean b) {
                return b;
            }
            if (raw instanceof String s) {
                return switch (s.strip()) {
                    case "有", "是", "true" -> Boolean.TRUE;
                    case "无", "否", "false" -> Boolean.FALSE;
                    default -> null;
                };
            }
            return null;
        }
        BigDecimal n = null;
        if (raw instanceof BigDecimal d) {
            n = d;
        } else if (raw instanceof Number num) {
            n = new BigDecimal(num.toString());
        } else if (raw instanceof String s) {
            try {
                n = new BigDecimal(s.strip().replace(",", ""));
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return accepts(n) ? n.stripTrailingZeros().scale() < 0 ? n.setScale(0) : n.stripTrailingZeros() : null;
    }

    /**
     * True for a value of this attribute's type: a {@link Boolean} for yes/no; for a number a {@link BigDecimal} of at
     * least 0, with at most 12 digits before the point and 4 after it (1e999999999 is not a number of people).
     */
    public boolean accepts(Object value) {
        if (type == Type.YESNO) {
            return value instanceof Boolean;
        }
        return value instanceof BigDecimal n && n.signum() >= 0 && n.precision() - n.scale() <= 12
                && n.stripTrailingZeros().scale() <= 4;
    }

    /** What {@link #parse} accepts, for messages: {@code 不小于 0 的数（人）} or {@code true/false（有/无）}. */
    public String expected() {
        return type == Type.YESNO ? "布尔值 true 或 false（表格中填 有/无 或 是/否）"
                : "不小于 0 的数" + (measure == null ? "" : "（单位：" + measure + "）") + "，至多 12 位整数、4 位小数";
    }
}
