package dev.plancheck.pack;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plancheck.input.JsonPaths;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The words a submission may use: the kinds of record, the topics and target groups, the honour levels, each
 * with its Chinese name. Kinds may require fields (a donation needs an {@code amount}) or say what kind of record
 * their {@code relatesTo} must name (a relief names a disaster). Read from {@code vocabulary.json} of a rule set.
 */
public final class Vocabulary {
    /** Fields a kind may require. */
    public static final Set<String> REQUIRABLE = Set.of("topics", "groups", "amount", "relatesTo", "honourLevel",
            "participants", "endDate");

    /** What the vocabulary says of one kind of record. */
    public record Kind(String code, String name, List<String> requires, String relatesToKind) {
    }

    private final Map<String, Kind> kinds;
    private final Map<String, String> topics;
    private final Map<String, String> groups;
    private final Map<String, String> honourLevels;
    private final Map<String, String> organisers;

    Vocabulary(Map<String, Kind> kinds, Map<String, String> topics, Map<String, String> groups,
               Map<String, String> honourLevels, Map<String, String> organisers) {
        this.kinds = Collections.unmodifiableMap(new LinkedHashMap<>(kinds));
        this.topics = Collections.unmodifiableMap(new LinkedHashMap<>(topics));
        this.groups = Collections.unmodifiableMap(new LinkedHashMap<>(groups));
        this.honourLevels = Collections.unmodifiableMap(new LinkedHashMap<>(honourLevels));
        this.organisers = Collections.unmodifiableMap(new LinkedHashMap<>(organisers));
    }

    static Vocabulary read(JsonFields f) {
        JsonNode root = f.doc().root();
        f.onlyKnownMembers(root, "$", Set.of("$comment", "kinds", "topics", "groups", "honourLevels", "organisers"));
        Map<String, Kind> kinds = new LinkedHashMap<>();
        JsonNode kindsNode = f.object(root, "$", "kinds", true);
        if (kindsNode != null) {
            for (Map.Entry<String, JsonNode> e : JsonFields.members(kindsNode)) {
                String path = JsonPaths.child("$.kinds", e.getKey());
                JsonNode k = e.getValue();
                if (!k.isObject()) {
                    f.report(path, "应为一个对象 {\"name\": …}");
                    continue;
                }
                f.onlyKnownMembers(k, path, Set.of("name", "requires", "relatesToKind", "$comment"));
                String name = f.text(k, path, "name", true);
                List<String> requires = new java.util.ArrayList<>();
                JsonNode req = f.array(k, path, "requires", false);
                if (req != null) {
                    for (int i = 0; i < req.size(); i++) {
                        String field = req.get(i).asText();
                        if (!REQUIRABLE.contains(field)) {
                            f.report(JsonPaths.element(path + ".requires", i),
                                    "不能要求字段 \"" + field + "\"；可要求的字段是：" + String.join("、", JsonFields.sorted(REQUIRABLE)));
                        } else {
                            requires.add(field);
                        }
                    }
                }
                String relatesToKind = f.text(k, path, "relatesToKind", false);
                kinds.put(e.getKey(), new Kind(e.getKey(), name == null ? e.getKey() : name, List.copyOf(requires), relatesToKind));
            }
            for (Kind k : kinds.values()) {
                if (k.relatesToKind() != null && !kinds.containsKey(k.relatesToKind())) {
                    f.report(JsonPaths.child("$.kinds", k.code()) + ".relatesToKind",
                            "类别 \"" + k.relatesToKind() + "\" 不在 kinds 中");
                }
            }
        }
        return new Vocabulary(kinds, names(f, root, "topics"), names(f, root, "groups"), names(f, root, "honourLevels"),
                root.has("organisers") ? names(f, root, "organisers") : Map.of());
    }

    private static Map<String, String> names(JsonFields f, JsonNode root, String member) {
        Map<String, String> out = new LinkedHashMap<>();
        JsonNode node = f.object(root, "$", member, true);
        if (node != null) {
            for (Map.Entry<String, JsonNode> e : JsonFields.members(node)) {
                if (!e.getValue().isTextual() || e.getValue().asText().isBlank()) {
                    f.report(JsonPaths.child("$." + member, e.getKey()), "应为该代码的中文名称（字符串）");
                } else {
                    out.put(e.getKey(), e.getValue().asText());
                }
            }
        }
        return out;
    }

    public Map<String, Kind> kinds() {
        return kinds;
    }

    public Map<String, String> topics() {
        return topics;
    }

    public Map<String, String> groups() {
        return groups;
    }

    public Map<String, String> honourLevels() {
        return honourLevels;
    }

    /** The bodies that may organise an activity ({@code organiser} codes), e.g. {@code union} → 街道联合工会. */
    public Map<String, String> organisers() {
        return organisers;
    }

    /** The Chinese name of any code of the vocabulary, or the code itself when it has none. */
    public String nameOf(String code) {
        Kind k = kinds.get(code);
        if (k != null) {
            return k.name();
        }
        for (Map<String, String> m : List.of(topics, groups, honourLevels, organisers)) {
            if (m.containsKey(code)) {
                return m.get(code);
            }
        }
        return code;
    }
}
