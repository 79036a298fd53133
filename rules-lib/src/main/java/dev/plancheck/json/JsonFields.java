package dev.plancheck.json;

import dev.plancheck.text.VisibleText;
import com.fasterxml.jackson.databind.JsonNode;
import dev.plancheck.input.Problem;
import dev.plancheck.input.ProblemCode;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads typed members out of a {@link LocatedJson} tree, turning every wrong or missing value into a located
 * {@link Problem} and returning {@code null}, so that a reader can go on and report all problems at once.
 */
public final class JsonFields {
    private final LocatedJson doc;
    private final List<Problem> problems;
    private final ProblemCode otherwise;

    /**
     * Fields of {@code doc}, whose problems are added to {@code problems}: a missing field is
     * {@link ProblemCode#FIELD_MISSING}, a wrongly typed one {@link ProblemCode#FIELD_TYPE}, an unknown one
     * {@link ProblemCode#FIELD_UNKNOWN}, and what the reader reports in its own words {@code otherwise} (e.g.
     * {@link ProblemCode#PACK_INVALID} in a pack's files).
     */
    public JsonFields(LocatedJson doc, List<Problem> problems, ProblemCode otherwise) {
        this.doc = doc;
        this.problems = problems;
        this.otherwise = otherwise;
    }

    public LocatedJson doc() {
        return doc;
    }

    /** Adds a problem at the value with the given path, with the code this reader reports otherwise. */
    public void report(String path, String message) {
        report(otherwise, path, message);
    }

    /** Adds a problem with the given code at the value with the given path. */
    public void report(ProblemCode code, String path, String message) {
        problems.add(doc.problem(code, path, message));
    }

    /** Reports every member of {@code object} whose name is not in {@code allowed}. */
    public void onlyKnownMembers(JsonNode object, String path, Set<String> allowed) {
        for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!allowed.contains(name)) {
                report(ProblemCode.FIELD_UNKNOWN, JsonPaths.child(path, name),
                        "未知字段 \"" + VisibleText.excerpt(name) + "\"；这里可用的字段是：" + String.join("、", sorted(allowed)));
            }
        }
    }

    public JsonNode object(JsonNode parent, String path, String name, boolean required) {
        JsonNode v = member(parent, path, name, required, "一个对象");
        if (v != null && !v.isObject()) {
            report(ProblemCode.FIELD_TYPE, JsonPaths.child(path, name), "应为一个对象 {…}，实际是" + describe(v));
            return null;
        }
        return v;
    }

    public JsonNode array(JsonNode parent, String path, String name, boolean required) {
        JsonNode v = member(parent, path, name, required, "一个数组 […]");
        if (v != null && !v.isArray()) {
            report(ProblemCode.FIELD_TYPE, JsonPaths.child(path, name), "应为一个数组 […]，实际是" + describe(v));
            return null;
        }
        return v;
    }

    /** A non-blank string, trimmed. */
    public String text(JsonNode parent, String path, String name, boolean required) {
        JsonNode v = member(parent, path, name, required, "一个字符串");
        if (v == null) {
            return null;
        }
        if (!v.isTextual()) {
            report(ProblemCode.FIELD_TYPE, JsonPaths.child(path, name), "应为字符串，实际是" + describe(v));
            return null;
        }
        if (v.asText().isBlank()) {
            report(ProblemCode.FIELD_MISSING, JsonPaths.child(path, name), "不能为空字符串");
            return null;
        }
        return v.asText().strip();
    }

    /** An integer within {@code min..max}. */
    public Integer integer(JsonNode parent, String path, String name, boolean required, long min, long max) {
        JsonNode v = member(parent, path, name, required, "一个整数");
        if (v == null) {
            return null;
        }
        if (!v.isIntegralNumber() || !v.canConvertToLong() || v.asLong() < min || v.asLong() > max) {
            report(v.isIntegralNumber() ? ProblemCode.VALUE_OUT_OF_RANGE : ProblemCode.FIELD_TYPE, JsonPaths.child(path, name), "应为 " + min + " 到 " + max + " 之间的整数，实际是" + describe(v));
            return null;
        }
        return (int) v.asLong();
    }

    private JsonNode member(JsonNode parent, String path, String name, boolean required, String expected) {
        JsonNode v = parent.get(name);
        if (v == null || v.isNull()) {
            if (required) {
                report(ProblemCode.FIELD_MISSING, v == null ? path : JsonPaths.child(path, name),
                        v == null ? "缺少必填字段 \"" + name + "\"（应为" + expected + "）"
                                : "字段 \"" + name + "\" 不能为 null（应为" + expected + "）");
            }
            return null;
        }
        return v;
    }

    /** A short Chinese description of a JSON value for messages, e.g. {@code 数字 12}. */
    public static String describe(JsonNode v) {
        if (v.isTextual()) {
            String t = v.asText();
            return "字符串 \"" + VisibleText.excerpt(t) + "\"";
        }
        if (v.isNumber()) {
            // asText() of a decimal is its scientific form: 1e999999999 stays short, never a billion zeros.
            return "数字 " + VisibleText.excerpt(v.asText());
        }
        if (v.isBoolean()) {
            return "布尔值 " + v.asText();
        }
        if (v.isArray()) {
            return "数组";
        }
        if (v.isObject()) {
            return "对象";
        }
        return "null";
    }

    /** The names in order, for messages that list them. */
    public static List<String> sorted(Set<String> names) {
        return names.stream().sorted().toList();
    }

    /** Iterates an object's members in document order. */
    public static Iterable<Map.Entry<String, JsonNode>> members(JsonNode object) {
        return object.properties();
    }
}
