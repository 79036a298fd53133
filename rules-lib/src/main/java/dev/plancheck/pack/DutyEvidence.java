package dev.plancheck.pack;

import dev.plancheck.model.Vocabulary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What each duty of a rule set accepts as evidence, read from the rules' DRL: for every report a rule makes to
 * {@code findings}, the kinds of record and the organiser its candidates must have. The catalogue lists them per
 * duty, and the ledger template derives from them which kinds need an organiser. Only what the conditions say
 * literally is read: {@code kind == "…"}, {@code kind in (…)}, {@code organiser == "…"}; a duty reported with
 * {@code findings.held} accepts the vocabulary's activity kinds.
 *
 * <pre>{@code
 * Map<String, List<DutyEvidence.Duty>> byRule = DutyEvidence.of(pack.ruleFiles());
 * byRule.get("R1.2-3").get(0)   // Duty[what=统战工作计划, verb=present, sources=[Source[kinds=[work-plan], organiser=null]]]
 * }</pre>
 */
public final class DutyEvidence {
    private static final Pattern COLLECT = Pattern.compile("(\\$\\w+)\\s*:\\s*List\\s*\\(\\s*\\)\\s*from\\s+collect\\s*\\(\\s*Activity\\s*\\(");
    private static final Pattern CALL = Pattern.compile("\\bfindings\\s*\\.\\s*(\\w+)\\s*\\(");
    private static final Pattern KIND = Pattern.compile("kind\\s*==\\s*\"([^\"]+)\"");
    private static final Pattern KIND_IN = Pattern.compile("kind\\s+in\\s*\\(([^)]*)\\)");
    private static final Pattern ORGANISER = Pattern.compile("organiser\\s*==\\s*\"([^\"]+)\"");
    private static final Pattern STRING = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

    /** The verb that counts activities only. */
    public static final String HELD = "held";

    private DutyEvidence() {
    }

    /**
     * Records a duty looks at, from one {@code collect}: their kinds ({@code empty}: any kind) and the organiser
     * they must name ({@code null}: any, or none).
     */
    public record Source(Set<String> kinds, String organiser) {
        /** True when a record of this kind can be among the source's candidates. */
        public boolean accepts(String kind) {
            return kinds.isEmpty() || kinds.contains(kind);
        }
    }

    /**
     * One report to {@code findings}: the part's name as written ({@code …} where it is computed, e.g.
     * {@code 对“…”的救助}), the verb, and the records it counts; for {@code notExceeding…}, the records used and then
     * the records that limit them.
     */
    public record Duty(String what, String verb, List<Source> sources) {
        /** The sources are copied. */
        public Duty {
            sources = List.copyOf(sources);
        }

        /** True when only activities count ({@code findings.held}). */
        public boolean activitiesOnly() {
            return HELD.equals(verb);
        }

        /** True when a record of this kind, of this vocabulary, can count for the duty. */
        public boolean accepts(Vocabulary.Kind kind) {
            if (activitiesOnly() && !kind.activity()) {
                return false;
            }
            return sources.stream().anyMatch(s -> s.accepts(kind.code()));
        }
    }

    /** The duties of every rule of the rule files (file name to DRL text), by rule id, in the order the rules report them. */
    public static Map<String, List<Duty>> of(Map<String, String> ruleFiles) {
        Map<String, List<Duty>> out = new LinkedHashMap<>();
        for (String drl : ruleFiles.values()) {
            for (DrlText.Rule r : DrlText.rules(drl)) {
                out.put(r.id(), duties(drl, r));
            }
        }
        return out;
    }

    private static List<Duty> duties(String drl, DrlText.Rule r) {
        Map<String, Source> collected = new LinkedHashMap<>();
        Matcher m = COLLECT.matcher(drl).region(r.lhsFrom(), r.lhsTo());
        while (m.find()) {
            int open = m.end() - 1;
            int close = DrlText.matching(drl, open);
            if (close < 0 || close > r.lhsTo()) {
                break;
            }
            Set<String> kinds = new LinkedHashSet<>();
            String organiser = null;
            for (int[] part : DrlText.split(drl, open + 1, close)) {
                String constraint = drl.substring(part[0], part[1]);
                Matcher kind = KIND.matcher(constraint);
                Matcher kindIn = KIND_IN.matcher(constraint);
                Matcher org = ORGANISER.matcher(constraint);
                if (kind.matches()) {
                    kinds.add(kind.group(1));
                } else if (kindIn.matches()) {
                    Matcher s = STRING.matcher(kindIn.group(1));
                    while (s.find()) {
                        kinds.add(s.group(1));
                    }
                } else if (org.matches()) {
                    organiser = org.group(1);
                }
            }
            collected.put(m.group(1), new Source(Set.copyOf(kinds), organiser));
        }
        List<Duty> duties = new ArrayList<>();
        Matcher call = CALL.matcher(drl).region(r.rhsFrom(), r.rhsTo());
        while (call.find()) {
            int open = call.end() - 1;
            int close = DrlText.matching(drl, open);
            if (close < 0 || close > r.rhsTo()) {
                break;
            }
            List<int[]> args = DrlText.split(drl, open + 1, close);
            if (args.size() < 3) {
                continue;
            }
            List<Source> sources = new ArrayList<>();
            for (int[] a : args.subList(3, args.size())) {
                Source s = collected.get(drl.substring(a[0], a[1]));
                if (s != null) {
                    sources.add(s);
                }
            }
            duties.add(new Duty(what(drl.substring(args.get(2)[0], args.get(2)[1])), call.group(1), List.copyOf(sources)));
        }
        return duties;
    }

    /** A part's name as written: string literals joined, "…" where an expression is. */
    private static String what(String expression) {
        StringBuilder s = new StringBuilder();
        for (int[] piece : DrlText.splitOn(expression, '+')) {
            String p = expression.substring(piece[0], piece[1]);
            Matcher literal = STRING.matcher(p);
            s.append(literal.matches() ? literal.group(1) : "…");
        }
        return s.toString();
    }
}
