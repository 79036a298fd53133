package dev.plancheck.ledger;

import dev.plancheck.text.VisibleText;
import dev.plancheck.input.InputLimits;
import dev.plancheck.input.ProblemCode;
import dev.plancheck.model.Activity;
import dev.plancheck.model.OrgUnit;
import dev.plancheck.model.UnitAttribute;
import dev.plancheck.model.UnitLevel;
import dev.plancheck.model.Vocabulary;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The checks of a submission that concern meaning rather than JSON shape: the year, the units, unique ids, known
 * kinds, topics and groups, fields a kind requires, and references between records. Shared by submissions read
 * from JSON and submissions built in code, so both are held to the same vocabulary. Records are checked as
 * {@link Draft}s: a field that could not be read is {@code null} and its checks are skipped, so one broken field
 * does not hide the problems of the others.
 */
public final class SubmissionValidator {
    /**
     * A problem at a JSON path of the submission, e.g. {@code $.activities[3].kind}, with its code and the values it
     * names ({@code args}), so that a reader of another format can say the same in its own words without reading the
     * message: {@link ProblemCode#KIND_FIELD_MISSING} names the kind and the field; {@link ProblemCode#ID_DUPLICATE}
     * the id (and for a record the index of the earlier one); {@link ProblemCode#UNITS_INVALID} the number of
     * subdistricts; {@link ProblemCode#UNIT_UNKNOWN} the unit and the known units; {@link ProblemCode#REFERENCE_INVALID}
     * nothing (a record naming itself), the missing record, or the kind wanted, the record and its kind.
     */
    public record PathProblem(ProblemCode code, String path, String message, List<String> args) {
        /** The args are copied. */
        public PathProblem {
            args = List.copyOf(args);
        }

        /** A problem that names no value. */
        public PathProblem(ProblemCode code, String path, String message) {
            this(code, path, message, List.of());
        }
    }

    /**
     * What could be read of one activity record, at its index in {@code activities}; unreadable fields are null.
     * {@code present} names the fields the record has (readable or not), so that a field of the wrong type is
     * reported once, as wrongly typed, and not again as missing.
     */
    public record Draft(int index, String id, String unitId, String kind, LocalDate date, LocalDate endDate,
                        Set<String> topics, Set<String> groups, Integer participants, BigDecimal amount,
                        String relatesTo, String honourLevel, Set<String> present, String organiser) {
        /** The draft of a record built in code. */
        public static Draft of(int index, Activity a) {
            Set<String> present = new java.util.HashSet<>();
            if (!a.getTopics().isEmpty()) {
                present.add("topics");
            }
            if (!a.getGroups().isEmpty()) {
                present.add("groups");
            }
            if (a.getAmount() != null) {
                present.add("amount");
            }
            if (a.getRelatesTo() != null) {
                present.add("relatesTo");
            }
            if (a.getHonourLevel() != null) {
                present.add("honourLevel");
            }
            if (a.getParticipants() != null) {
                present.add("participants");
            }
            if (a.getEndDate() != null) {
                present.add("endDate");
            }
            return new Draft(index, a.getId(), a.getUnitId(), a.getKind(), a.getDate(), a.getEndDate(), a.getTopics(),
                    a.getGroups(), a.getParticipants(), a.getAmount(), a.getRelatesTo(), a.getHonourLevel(), present,
                    a.getOrganiser());
        }
    }

    private final Vocabulary vocabulary;
    private final int packYear;
    private final String packId;
    private final Map<String, UnitAttribute> attributes;

    public SubmissionValidator(Vocabulary vocabulary, int packYear, String packId) {
        this(vocabulary, packYear, packId, Map.of());
    }

    /** @param attributes the unit attributes the pack declares, by id ({@code unitAttributes}) */
    public SubmissionValidator(Vocabulary vocabulary, int packYear, String packId, Map<String, UnitAttribute> attributes) {
        this.vocabulary = vocabulary;
        this.packYear = packYear;
        this.packId = packId;
        this.attributes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(attributes));
    }

    /**
     * Validates what could be read of a submission.
     *
     * @param year   the submission's year, or {@code null} when it could not be read
     * @param units  units in submission order; {@code null} entries could not be read
     * @param drafts one per activity record that is a JSON object
     */
    public List<PathProblem> validate(Integer year, List<OrgUnit> units, List<Draft> drafts) {
        List<PathProblem> out = new ArrayList<>();
        if (year != null && year != packYear) {
            out.add(new PathProblem(ProblemCode.PACK_YEAR_MISMATCH, "$.year", "考核年度 " + year + " 与规则包 " + packId + " 的年度 " + packYear
                    + " 不符；请选用 " + year + " 年度的规则包"));
        }
        boolean allUnitsRead = units.stream().allMatch(u -> u != null);
        Map<String, OrgUnit> unitsById = new HashMap<>();
        int subdistricts = 0;
        for (int i = 0; i < units.size(); i++) {
            OrgUnit u = units.get(i);
            if (u == null) {
                continue;
            }
            if (unitsById.putIfAbsent(u.getId(), u) != null) {
                out.add(new PathProblem(ProblemCode.ID_DUPLICATE, "$.units[" + i + "].id", "单位 id \"" + echo(u.getId()) + "\" 重复；每个单位的 id 必须唯一",
                        List.of(echo(u.getId()))));
            }
            if (u.getLevel() == UnitLevel.SUBDISTRICT) {
                subdistricts++;
            }
            checkAttributes(i, u, out);
        }
        if (subdistricts != 1 && allUnitsRead) {
            out.add(new PathProblem(ProblemCode.UNITS_INVALID, "$.units", "应有且只有一个 level 为 \"subdistrict\" 的单位（街道），实际有 " + subdistricts + " 个",
                    List.of(String.valueOf(subdistricts))));
        }
        Map<String, Integer> firstIndex = new HashMap<>();
        Map<String, String> kindsById = new HashMap<>();
        for (Draft d : drafts) {
            if (d.id() == null) {
                continue;
            }
            Integer earlier = firstIndex.putIfAbsent(d.id(), d.index());
            if (earlier != null) {
                out.add(new PathProblem(ProblemCode.ID_DUPLICATE, at(d) + ".id", "记录 id \"" + echo(d.id()) + "\" 与 $.activities[" + earlier
                        + "] 重复；每条记录的 id 必须唯一", List.of(echo(d.id()), String.valueOf(earlier))));
            } else {
                kindsById.put(d.id(), d.kind());
            }
        }
        for (Draft d : drafts) {
            checkDraft(d, unitsById, allUnitsRead, kindsById, out);
        }
        return out;
    }

    private void checkDraft(Draft d, Map<String, OrgUnit> unitsById, boolean allUnitsRead, Map<String, String> kindsById,
                            List<PathProblem> out) {
        // The record's path is made only for a problem: this runs for every record of every submission.
        java.util.function.Supplier<String> at = () -> at(d);
        if (d.unitId() != null && allUnitsRead && !unitsById.containsKey(d.unitId())) {
            String known = String.join("、", unitsById.keySet().stream().sorted().toList());
            out.add(new PathProblem(ProblemCode.UNIT_UNKNOWN, at.get() + ".unit", "单位 \"" + echo(d.unitId()) + "\" 不在 units 中；已有单位："
                    + known, List.of(echo(d.unitId()), known)));
        }
        Vocabulary.Kind kind = d.kind() == null ? null : vocabulary.kinds().get(d.kind());
        if (d.kind() != null && kind == null) {
            out.add(new PathProblem(ProblemCode.CODE_UNKNOWN, at.get() + ".kind", "未知的记录类别 \"" + echo(d.kind()) + "\"；"
                    + suggest(d.kind(), vocabulary.kinds().keySet()) + "（类别表见 docs/rules.md 的“提交用语”）"));
        }
        checkCodes(out, () -> at(d) + ".topics", d.topics(), vocabulary.topics(), "议题");
        checkCodes(out, () -> at(d) + ".groups", d.groups(), vocabulary.groups(), "对象");
        if (d.organiser() != null && !vocabulary.organisers().containsKey(d.organiser())) {
            out.add(new PathProblem(ProblemCode.CODE_UNKNOWN, at.get() + ".organiser", "未知的组织单位代码 \"" + d.organiser() + "\"；可用："
                    + String.join("、", vocabulary.organisers().keySet())));
        }
        if (d.honourLevel() != null && !vocabulary.honourLevels().containsKey(d.honourLevel())) {
            out.add(new PathProblem(ProblemCode.CODE_UNKNOWN, at.get() + ".honourLevel", "未知的荣誉级别 \"" + echo(d.honourLevel()) + "\"；可用："
                    + String.join("、", vocabulary.honourLevels().keySet())));
        }
        if (d.date() != null && d.endDate() != null && d.endDate().isBefore(d.date())) {
            out.add(new PathProblem(ProblemCode.DATE_ORDER, at.get() + ".endDate", "结束日期 " + d.endDate() + " 早于开始日期 " + d.date()));
        }
        BigDecimal amount = d.amount();
        // Judged by precision and scale, shown in scientific form: a plain 1e999999999 is a billion digits long.
        if (amount != null && (amount.signum() < 0 || amount.precision() - amount.scale() > MAX_AMOUNT_DIGITS
                || amount.stripTrailingZeros().scale() > 2)) {
            out.add(new PathProblem(ProblemCode.AMOUNT_INVALID, at.get() + ".amount", "金额应为不小于 0、不超过 " + InputLimits.defaults().maxAmount()
                    + ".99、最多两位小数的数字（单位：元），实际是 " + echo(amount.toString())));
        }
        if (d.participants() != null && d.participants() < 0) {
            out.add(new PathProblem(ProblemCode.VALUE_OUT_OF_RANGE, at.get() + ".participants", "参与人数不能为负数"));
        }
        if (kind != null) {
            for (String field : kind.requires()) {
                if (missing(d, field)) {
                    out.add(new PathProblem(ProblemCode.KIND_FIELD_MISSING, at.get(), "类别 \"" + echo(d.kind()) + "\"（" + kind.name() + "）的记录必须有字段 \"" + field + "\"",
                            List.of(d.kind(), field)));
                }
            }
        }
        if (d.relatesTo() != null) {
            String target = kindsById.get(d.relatesTo());
            if (!kindsById.containsKey(d.relatesTo())) {
                out.add(new PathProblem(ProblemCode.REFERENCE_INVALID, at.get() + ".relatesTo", "relatesTo 指向的记录 \"" + echo(d.relatesTo()) + "\" 不存在",
                        List.of(echo(d.relatesTo()))));
            } else if (d.relatesTo().equals(d.id())) {
                out.add(new PathProblem(ProblemCode.REFERENCE_INVALID, at.get() + ".relatesTo", "记录不能指向自己"));
            } else if (kind != null && kind.relatesToKind() != null && !kind.relatesToKind().equals(target)) {
                out.add(new PathProblem(ProblemCode.REFERENCE_INVALID, at.get() + ".relatesTo", "relatesTo 应指向类别为 \"" + kind.relatesToKind()
                        + "\" 的记录，\"" + echo(d.relatesTo()) + "\" 的类别是 \"" + target + "\"",
                        List.of(kind.relatesToKind(), echo(d.relatesTo()), target)));
            }
        }
    }

    /**
     * Why an amount of money cannot be taken, in Chinese, or {@code null} when it can: it must be at least 0, at most
     * {@code maxAmount}.99 yuan, with at most two decimals. Judged by precision and scale and shown in scientific form,
     * never by the plain form: that of 1E+999999999 would be a billion digits long. The JSON and the spreadsheet
     * readers use it alike.
     *
     * <pre>{@code
     * SubmissionValidator.amountProblem(new BigDecimal("1E+999999999"), 999_999_999_999L)
     *         // "金额过大：上限为 999999999999.99 元，实际是 1E+999999999"
     * }</pre>
     */
    public static String amountProblem(BigDecimal amount, long maxAmount) {
        String shown = echo(amount.toString());
        if (amount.signum() < 0) {
            return "金额应为不小于 0、最多两位小数的数字（单位：元），实际是 " + shown;
        }
        if (amount.precision() - amount.scale() > String.valueOf(maxAmount).length()
                || amount.compareTo(BigDecimal.valueOf(maxAmount).add(new BigDecimal("0.99"))) > 0) {
            return "金额过大：上限为 " + maxAmount + ".99 元，实际是 " + shown;
        }
        if (amount.scale() > 2 && amount.stripTrailingZeros().scale() > 2) {
            return "金额应为不小于 0、最多两位小数的数字（单位：元），实际是 " + shown;
        }
        return null;
    }

    private static final int MAX_AMOUNT_DIGITS = String.valueOf(InputLimits.defaults().maxAmount()).length();

    /**
     * A unit's attributes against the pack's {@code unitAttributes}: each one declared, of its type (a value a reader
     * could not take is kept as read, so that it is reported here), and every required one stated by every community
     * (the subdistrict may state them, but need not: attributes describe communities first). Paths are
     * {@code $.units[i].attributes.<id>}, or {@code $.units[i].attributes} for a missing one; args name the attribute
     * id, then for an unknown one the declared ids, for a wrong one the value.
     */
    private void checkAttributes(int index, OrgUnit u, List<PathProblem> out) {
        String at = "$.units[" + index + "].attributes";
        for (Map.Entry<String, Object> e : u.getAttributes().entrySet()) {
            UnitAttribute a = attributes.get(e.getKey());
            String path = at + "." + e.getKey();
            if (a == null) {
                String known = attributes.isEmpty() ? "本规则包没有声明任何单位属性" : "可用：" + String.join("、", attributes.values().stream()
                        .map(d -> d.id() + "（" + d.name() + "）").toList());
                out.add(new PathProblem(ProblemCode.ATTRIBUTE_UNKNOWN, path, "未知的单位属性 \"" + echo(e.getKey()) + "\"；" + known,
                        List.of(echo(e.getKey()), known)));
            } else if (!a.accepts(e.getValue())) {
                String shown = describe(e.getValue());
                out.add(new PathProblem(ProblemCode.ATTRIBUTE_INVALID, path, a.name() + "应为" + a.expected() + "，实际是" + shown,
                        List.of(a.id(), shown)));
            }
        }
        for (UnitAttribute a : attributes.values()) {
            if (a.required() && u.getLevel() == UnitLevel.COMMUNITY && !u.getAttributes().containsKey(a.id())) {
                out.add(new PathProblem(ProblemCode.ATTRIBUTE_MISSING, at, "单位 \"" + echo(u.getId()) + "\" 缺少必填的单位属性 \""
                        + a.id() + "\"（" + a.name() + "，应为" + a.expected() + "）", List.of(a.id())));
            }
        }
    }

    /** A value a reader kept as read, as messages show it: {@code "三千"}, {@code 数字 -5}. */
    private static String describe(Object value) {
        if (value instanceof com.fasterxml.jackson.databind.JsonNode node) {
            return dev.plancheck.json.JsonFields.describe(node);
        }
        if (value instanceof String s) {
            return " \"" + echo(s) + "\"";
        }
        if (value instanceof BigDecimal n) {
            return " " + n; // scientific when huge: never a billion zeros
        }
        return " " + echo(String.valueOf(value));
    }

    private static String echo(String value) {
        return VisibleText.excerpt(value);
    }

    private static String at(Draft d) {
        return "$.activities[" + d.index() + "]";
    }

    /** A required field is missing when the record lacks it; one that is there but unreadable is reported already. */
    private static boolean missing(Draft d, String field) {
        return switch (field) {
            case "topics" -> !d.present().contains(field) || (d.topics() != null && d.topics().isEmpty());
            case "groups" -> !d.present().contains(field) || (d.groups() != null && d.groups().isEmpty());
            default -> !d.present().contains(field);
        };
    }

    private static void checkCodes(List<PathProblem> out, java.util.function.Supplier<String> path, Set<String> codes,
                                   Map<String, String> known, String what) {
        if (codes == null || known.keySet().containsAll(codes)) {
            return;
        }
        for (String c : codes.stream().sorted().toList()) {
            if (!known.containsKey(c)) {
                out.add(new PathProblem(ProblemCode.CODE_UNKNOWN, path.get(), "未知的" + what + "代码 \"" + echo(c) + "\"；" + suggest(c, known.keySet())));
            }
        }
    }

    /** Names the closest known code, or lists them all. */
    static String suggest(String wrong, Set<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        int threshold = Math.max(2, wrong.length() / 3);
        for (String k : known.stream().sorted().toList()) {
            // Lengths further apart than the threshold cannot match; skipping them keeps a hostile 10,000-character
            // code from costing a quadratic distance against every known one.
            if (Math.abs(wrong.length() - k.length()) > threshold) {
                continue;
            }
            int d = distance(wrong.toLowerCase(), k);
            if (d < bestDistance) {
                bestDistance = d;
                best = k;
            }
        }
        if (best != null && bestDistance <= threshold) {
            return "是否应为 \"" + best + "\"？";
        }
        return "可用：" + String.join("、", known.stream().sorted().toList());
    }

    /** The edit (Levenshtein) distance of two codes or names, for "did you mean" suggestions. */
    public static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
