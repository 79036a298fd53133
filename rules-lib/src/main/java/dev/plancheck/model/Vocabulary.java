package dev.plancheck.model;

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
 * of a rule set, and offered read-only by {@code RulePack.vocabulary()}:
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
     * @param routine   true for a routine return that every unit files under the same title on the same day (a
     *                  monthly report): records of it under different units are never a suspected multi-report
     */
    public record Kind(String code, String name, List<String> requires, String relatesToKind, boolean activity,
                       String organiser, boolean routine) {
        /** A kind that is neither an activity nor tied to one body. */
        public Kind(String code, String name, List<String> requires, String relatesToKind) {
            this(code, name, requires, relatesToKind, false, null, false);
        }

        /** A kind that is not a routine return. */
        public Kind(String code, String name, List<String> requires, String relatesToKind, boolean activity, String organiser) {
            this(code, name, requires, relatesToKind, activity, organiser, false);
        }

        /** The fields are copied. */
        public Kind {
            requires = List.copyOf(requires);
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

    /**
     * A vocabulary of these words; the maps are copied, in their order. The rule set's {@code vocabulary.json} is read
     * into one by the pack loader.
     *
     * @param implies each topic's directly broader topics; followed through (a part of a part of X is a part of X)
     */
    public Vocabulary(Map<String, Kind> kinds, Map<String, String> topics, Map<String, String> groups,
               Map<String, String> honourLevels, Map<String, String> organisers, Map<String, Set<String>> implies) {
        this.kinds = Collections.unmodifiableMap(new LinkedHashMap<>(kinds));
        this.topics = Collections.unmodifiableMap(new LinkedHashMap<>(topics));
        this.implies = Collections.unmodifiableMap(closure(implies));
        this.groups = Collections.unmodifiableMap(new LinkedHashMap<>(groups));
        this.honourLevels = Collections.unmodifiableMap(new LinkedHashMap<>(honourLevels));
        this.organisers = Collections.unmodifiableMap(new LinkedHashMap<>(organisers));
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
        Set<String> out = null;
        // A loop, not a stream: this runs for every record of every check, and most records imply nothing more.
        for (String t : topics) {
            Set<String> implied = implies.get(t);
            if (implied != null) {
                if (out == null) {
                    out = new java.util.LinkedHashSet<>(topics);
                }
                out.addAll(implied);
            }
        }
        return out == null ? topics : out;
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
