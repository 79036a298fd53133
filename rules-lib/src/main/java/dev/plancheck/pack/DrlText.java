package dev.plancheck.pack;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads DRL source the way this project writes rules, without compiling it: the rules of a file with their
 * conditions ({@code when … then}) and consequence ({@code then … end}), and the parenthesised, comma-separated parts
 * inside them. Used by tools that look at what a rule says rather than run it (the mutation tester, the catalogue's
 * list of accepted kinds).
 *
 * <pre>{@code
 * for (DrlText.Rule r : DrlText.rules(drl)) {
 *     String conditions = drl.substring(r.lhsFrom(), r.lhsTo());
 * }
 * }</pre>
 */
public final class DrlText {
    private static final Pattern RULE = Pattern.compile("(?m)^\\s*rule\\s+\"([^\"]+)\"");
    private static final Pattern ID = Pattern.compile("@id\\(\\s*\"([^\"]+)\"\\s*\\)");
    private static final Pattern WHEN = Pattern.compile("(?m)^\\s*when\\b");
    private static final Pattern THEN = Pattern.compile("(?m)^\\s*then\\b");
    private static final Pattern END = Pattern.compile("(?m)^\\s*end\\b");

    private DrlText() {
    }

    /**
     * One rule of a file: its id ({@code @id}, or the first word of its name), and where its conditions and its
     * consequence are in the file's text.
     */
    public record Rule(String id, int lhsFrom, int lhsTo, int rhsFrom, int rhsTo) {
    }

    /** The rules of a file that have both {@code when} and {@code then}, in the order of the file. */
    public static List<Rule> rules(String drl) {
        List<Rule> out = new ArrayList<>();
        Matcher rule = RULE.matcher(drl);
        while (rule.find()) {
            Matcher end = END.matcher(drl);
            if (!end.find(rule.end())) {
                break;
            }
            String ruleText = drl.substring(rule.start(), end.start());
            Matcher idMatch = ID.matcher(ruleText);
            String id = idMatch.find() ? idMatch.group(1) : rule.group(1).split("\\s+")[0];
            Matcher when = WHEN.matcher(drl).region(rule.end(), end.start());
            Matcher then = THEN.matcher(drl).region(rule.end(), end.start());
            if (!when.find() || !then.find(when.end())) {
                continue;
            }
            out.add(new Rule(id, when.end(), then.start(), then.end(), end.start()));
        }
        return out;
    }

    /**
     * A pattern at the top level of a rule's conditions: {@code $d : Activity(kind == "disaster")}, or one under
     * {@code exists}, {@code not} or {@code forall} (then {@code quantifier} names it), but not one inside a
     * {@code collect} or another pattern's parentheses.
     *
     * @param binding    the variable it binds ({@code $d}), or {@code null}
     * @param type       the fact type ({@code Activity})
     * @param quantifier {@code exists}, {@code not} or {@code forall} when it stands right after one, else {@code null}
     * @param from       where the pattern (its binding, if any) starts in the file's text
     * @param to         just after its closing parenthesis
     */
    public record FactPattern(String binding, String type, String quantifier, int from, int to) {
    }

    private static final Pattern FACT = Pattern.compile("(?:(\\$\\w+)\\s*:\\s*)?([A-Z]\\w*)\\s*\\(");
    private static final Pattern QUANTIFIER = Pattern.compile("\\b(exists|not|forall)\\s*$");

    /** The top-level patterns of a rule's conditions, in order. */
    public static List<FactPattern> topLevelPatterns(String drl, Rule rule) {
        String lhs = withoutComments(drl.substring(rule.lhsFrom(), rule.lhsTo()));
        List<FactPattern> out = new ArrayList<>();
        int depth = 0;
        int i = 0;
        while (i < lhs.length()) {
            char c = lhs.charAt(i);
            if (c == '"') {
                i = endOfString(lhs, i) + 1;
                continue;
            }
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (depth == 0 && (c == '$' || Character.isUpperCase(c)) && (i == 0 || !Character.isJavaIdentifierPart(lhs.charAt(i - 1)))) {
                Matcher m = FACT.matcher(lhs).region(i, lhs.length());
                if (m.lookingAt()) {
                    int close = matching(lhs, m.end() - 1);
                    if (close > 0) {
                        Matcher q = QUANTIFIER.matcher(lhs.substring(0, i));
                        out.add(new FactPattern(m.group(1), m.group(2), q.find() ? q.group(1) : null,
                                rule.lhsFrom() + i, rule.lhsFrom() + close + 1));
                        i = close + 1;
                        continue;
                    }
                }
            }
            i++;
        }
        return out;
    }

    /** The text with its comments ({@code //…} and {@code /*…*}{@code /}) blanked, offsets and lines kept. */
    public static String withoutComments(String s) {
        StringBuilder out = new StringBuilder(s);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') {
                i = endOfString(s, i);
            } else if (c == '/' && i + 1 < s.length() && (s.charAt(i + 1) == '/' || s.charAt(i + 1) == '*')) {
                boolean line = s.charAt(i + 1) == '/';
                int end = line ? s.indexOf('\n', i) : s.indexOf("*/", i + 2);
                end = end < 0 ? s.length() : line ? end : end + 2;
                for (int j = i; j < end; j++) {
                    if (out.charAt(j) != '\n') {
                        out.setCharAt(j, ' ');
                    }
                }
                i = end - 1;
            }
        }
        return out.toString();
    }

    /** The index of the parenthesis closing the one at {@code open}, skipping strings and line comments; -1 if none. */
    public static int matching(String s, int open) {
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') {
                i = endOfString(s, i);
            } else if (c == '/' && i + 1 < s.length() && s.charAt(i + 1) == '/') {
                int nl = s.indexOf('\n', i);
                i = nl < 0 ? s.length() : nl;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /** The top-level comma-separated parts of {@code s[from, to)}, each trimmed, as [start, end) pairs. */
    public static List<int[]> split(String s, int from, int to) {
        return split(s, from, to, ',');
    }

    /** The top-level parts of a whole expression separated by {@code separator}, e.g. the terms of {@code "a" + $b}. */
    public static List<int[]> splitOn(String s, char separator) {
        return split(s, 0, s.length(), separator);
    }

    private static List<int[]> split(String s, int from, int to, char separator) {
        List<int[]> parts = new ArrayList<>();
        int depth = 0;
        int start = from;
        for (int i = from; i <= to; i++) {
            char c = i == to ? separator : s.charAt(i);
            if (i < to && c == '"') {
                i = endOfString(s, i);
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == separator && depth == 0) {
                int a = start;
                int b = i;
                while (a < b && Character.isWhitespace(s.charAt(a))) {
                    a++;
                }
                while (b > a && Character.isWhitespace(s.charAt(b - 1))) {
                    b--;
                }
                if (a < b) {
                    parts.add(new int[] {a, b});
                }
                start = i + 1;
            }
        }
        return parts;
    }

    private static int endOfString(String s, int quote) {
        for (int i = quote + 1; i < s.length(); i++) {
            if (s.charAt(i) == '\\') {
                i++;
            } else if (s.charAt(i) == '"') {
                return i;
            }
        }
        return s.length();
    }

    /** The 1-based line of an offset. */
    public static int lineOf(String s, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (s.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
