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
 * their {@code relatesTo} must name (a relief names a disaster). A kind may be marked an {@code activity} (something
 * held, with people taking part: a meeting, a study, an event, a visit) as opposed to a paper or a work record (a
 * plan, a notice, a census), and may name the one body that organises it (a 工会福利发放 is the union's). A topic may
 * imply broader ones (a meeting on 铸牢中华民族共同体意识 is a meeting on 民族工作). Read from {@code vocabulary.json}
 * of a rule set:
 *
 * <pre>
 * "kinds":  { "welfare-distribution": { "name": "工会福利发放", "activity": false, "organiser": "union" } },
 * "topics": { "ethnic": "民族工作", "ethnic-unity-awareness": { "name": "铸牢中华民族共同体意识", "implies": ["ethnic"] } }
 * </pre>
 */
public final class Vocabulary {
    /** Fields a kind may require. */
    public static final Set<String> REQUIRABLE = Set.of("topics", "groups", "amount", "relatesTo", "honourLevel",
            "participants", "endDate");

    /**
     * What the vocabulary says of one kind of record.
     *
     * @param activity  true for a kind that is held with people taking part (a meeting, an event, a visit): the only
     *                  kinds a duty to hold an activity accepts ({@code findings.held}), and the kinds for which a
     *                  record of 0 participants was not held
     * @param organiser the one body that organises every record of this kind, or {@code null}: a record of the kind
     *                  that names no organiser is taken as organised by it
     */
    public record Kind(String code, String name, List<String> requires, String relatesToKind, boolean activity,
                       String organiser) {
        /** A kind that is neither an activity nor tied to one body. */
        public Kind(String code, String name, List<String> requires, String relatesToKind) {
            this(code, name, requires, relatesToKind, false, null);
        }

        /** True when a record of this kind is about money: it must state an {@code amount}, and 0 means nothing was done. */
        public boolean money() {
            return requires.contains("amount");
        }
    }

    private final Map<String, Kind> kinds;
    private final Map<String, String> topics;
    private final Map<String, String> groups;
    private final Map<String, String> honourLevels;
    private final Map<String, String> organisers;
    private final Map<String, Set<String>> implies;

    Vocabulary(Map<String, Kind> kinds, Map<String, String> topics, Map<String, String> groups,
               Map<String, String> honourLevels, Map<String, String> organisers, Map<String, Set<String>> implies) {
        this.kinds = Collections.unmodifiableMap(new LinkedHashMap<>(kinds));
        this.topics = Collections.unmodifiableMap(new LinkedHashMap<>(topics));
        this.implies = Collections.unmodifiableMap(closure(implies));
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
                f.onlyKnownMembers(k, path, Set.of("name", "requires", "relatesToKind", "activity", "organiser", "$comment"));
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
                boolean activity = false;
                if (k.has("activity")) {
                    if (!k.get("activity").isBoolean()) {
                        f.report(path + ".activity", "应为 true（有人参加、开展的活动）或 false（文书、统计等工作记录），实际是"
                                + JsonFields.describe(k.get("activity")));
                    } else {
                        activity = k.get("activity").asBoolean();
                    }
                }
                String organiser = f.text(k, path, "organiser", false);
                kinds.put(e.getKey(), new Kind(e.getKey(), name == null ? e.getKey() : name, List.copyOf(requires),
                        relatesToKind, activity, organiser));
            }
            for (Kind k : kinds.values()) {
                if (k.relatesToKind() != null && !kinds.containsKey(k.relatesToKind())) {
                    f.report(JsonPaths.child("$.kinds", k.code()) + ".relatesToKind",
                            "类别 \"" + k.relatesToKind() + "\" 不在 kinds 中");
                }
            }
        }
        Map<String, Set<String>> implies = new LinkedHashMap<>();
        Map<String, String> topics = topics(f, root, implies);
        Map<String, String> organisers = root.has("organisers") ? names(f, root, "organisers") : Map.of();
        for (Kind k : kinds.values()) {
            if (k.organiser() != null && !organisers.containsKey(k.organiser())) {
                f.report(JsonPaths.child("$.kinds", k.code()) + ".organiser", "组织单位 \"" + k.organiser()
                        + "\" 不在 organisers 中" + (organisers.isEmpty() ? "" : "；可用：" + String.join("、", organisers.keySet())));
            }
        }
        implies.forEach((topic, broader) -> {
            for (String b : broader) {
                if (!topics.containsKey(b)) {
                    f.report(JsonPaths.child("$.topics", topic) + ".implies", "议题 \"" + b + "\" 不在 topics 中");
                } else if (b.equals(topic)) {
                    f.report(JsonPaths.child("$.topics", topic) + ".implies", "议题不能包含自己");
                }
            }
        });
        return new Vocabulary(kinds, topics, names(f, root, "groups"), names(f, root, "honourLevels"), organisers, implies);
    }

    /**
     * The topics: each a Chinese name, or {@code {"name": …, "implies": [broader topics]}} for a topic that is part of
     * a broader one. Collects the implications into {@code implies}.
     */
    private static Map<String, String> topics(JsonFields f, JsonNode root, Map<String, Set<String>> implies) {
        Map<String, String> out = new LinkedHashMap<>();
        JsonNode node = f.object(root, "$", "topics", true);
        if (node == null) {
            return out;
        }
        for (Map.Entry<String, JsonNode> e : JsonFields.members(node)) {
            String path = JsonPaths.child("$.topics", e.getKey());
            JsonNode v = e.getValue();
            if (v.isTextual() && !v.asText().isBlank()) {
                out.put(e.getKey(), v.asText());
            } else if (v.isObject()) {
                f.onlyKnownMembers(v, path, Set.of("name", "implies", "$comment"));
                String name = f.text(v, path, "name", true);
                JsonNode list = f.array(v, path, "implies", false);
                Set<String> broader = new java.util.LinkedHashSet<>();
                if (list != null) {
                    for (int i = 0; i < list.size(); i++) {
                        if (!list.get(i).isTextual() || list.get(i).asText().isBlank()) {
                            f.report(JsonPaths.element(path + ".implies", i), "应为议题代码");
                        } else {
                            broader.add(list.get(i).asText());
                        }
                    }
                }
                if (name != null) {
                    out.put(e.getKey(), name);
                }
                if (!broader.isEmpty()) {
                    implies.put(e.getKey(), broader);
                }
            } else {
                f.report(path, "应为该代码的中文名称（字符串），或 {\"name\": …, \"implies\": [更宽的议题]}");
            }
        }
        return out;
    }

    /** Each topic's broader topics, followed through: a part of a part of X is a part of X. */
    private static Map<String, Set<String>> closure(Map<String, Set<String>> direct) {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        for (String topic : direct.keySet()) {
            Set<String> all = new java.util.LinkedHashSet<>();
            java.util.Deque<String> todo = new java.util.ArrayDeque<>(direct.get(topic));
            while (!todo.isEmpty()) {
                String t = todo.pop();
                if (!t.equals(topic) && all.add(t)) {
                    todo.addAll(direct.getOrDefault(t, Set.of()));
                }
            }
            out.put(topic, Collections.unmodifiableSet(all));
        }
        return out;
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

    /**
     * The broader topics each topic implies, followed through (only topics that imply something are keys), e.g.
     * {@code ethnic-unity-awareness → [ethnic]}. A record about a topic is also about every topic it implies.
     */
    public Map<String, Set<String>> implications() {
        return implies;
    }

    /** The topics with every topic they imply added, e.g. {@code [ethnic-unity-awareness]} → {@code [ethnic-unity-awareness, ethnic]}. */
    public Set<String> withImplied(Set<String> topics) {
        if (topics.stream().noneMatch(implies::containsKey)) {
            return topics;
        }
        Set<String> out = new java.util.LinkedHashSet<>(topics);
        topics.forEach(t -> out.addAll(implies.getOrDefault(t, Set.of())));
        return out;
    }

    /** The kinds that are activities (held, with people taking part), in vocabulary order. */
    public List<Kind> activityKinds() {
        return kinds.values().stream().filter(Kind::activity).toList();
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
