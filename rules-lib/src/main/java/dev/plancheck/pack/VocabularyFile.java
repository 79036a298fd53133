package dev.plancheck.pack;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plancheck.json.JsonFields;
import dev.plancheck.json.JsonPaths;
import dev.plancheck.model.Vocabulary;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads a rule set's {@code vocabulary.json} into a {@link Vocabulary}, reporting every problem, each located. */
final class VocabularyFile {
    private VocabularyFile() {
    }

    static Vocabulary read(JsonFields f) {
        JsonNode root = f.doc().root();
        f.onlyKnownMembers(root, "$", Set.of("$comment", "kinds", "topics", "groups", "honourLevels", "organisers"));
        Map<String, Vocabulary.Kind> kinds = new LinkedHashMap<>();
        JsonNode kindsNode = f.object(root, "$", "kinds", true);
        if (kindsNode != null) {
            for (Map.Entry<String, JsonNode> e : JsonFields.members(kindsNode)) {
                String path = JsonPaths.child("$.kinds", e.getKey());
                JsonNode k = e.getValue();
                if (!k.isObject()) {
                    f.report(path, "应为一个对象 {\"name\": …}");
                    continue;
                }
                f.onlyKnownMembers(k, path, Set.of("name", "requires", "relatesToKind", "activity", "organiser", "routine", "$comment"));
                String name = f.text(k, path, "name", true);
                List<String> requires = new java.util.ArrayList<>();
                JsonNode req = f.array(k, path, "requires", false);
                if (req != null) {
                    for (int i = 0; i < req.size(); i++) {
                        String field = req.get(i).asText();
                        if (!Vocabulary.REQUIRABLE.contains(field)) {
                            f.report(JsonPaths.element(path + ".requires", i),
                                    "不能要求字段 \"" + field + "\"；可要求的字段是：" + String.join("、", JsonFields.sorted(Vocabulary.REQUIRABLE)));
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
                boolean routine = false;
                if (k.has("routine")) {
                    if (!k.get("routine").isBoolean()) {
                        f.report(path + ".routine", "应为 true（各单位按同一标题例行报送，如月报：不同单位同日同题不算疑似一事多报）或 false，实际是"
                                + JsonFields.describe(k.get("routine")));
                    } else {
                        routine = k.get("routine").asBoolean();
                    }
                }
                String organiser = f.text(k, path, "organiser", false);
                kinds.put(e.getKey(), new Vocabulary.Kind(e.getKey(), name == null ? e.getKey() : name, List.copyOf(requires),
                        relatesToKind, activity, organiser, routine));
            }
            for (Vocabulary.Kind k : kinds.values()) {
                if (k.relatesToKind() != null && !kinds.containsKey(k.relatesToKind())) {
                    f.report(JsonPaths.child("$.kinds", k.code()) + ".relatesToKind",
                            "类别 \"" + k.relatesToKind() + "\" 不在 kinds 中");
                }
            }
        }
        Map<String, Set<String>> implies = new LinkedHashMap<>();
        Map<String, String> topics = topics(f, root, implies);
        Map<String, String> organisers = root.has("organisers") ? names(f, root, "organisers") : Map.of();
        for (Vocabulary.Kind k : kinds.values()) {
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
}
