package dev.plancheck.engine;

import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Rule ids follow the document's numbering, {@code R<section>[.<item>]-<n>}; they sort by those numbers. */
public final class RuleOrder {
    /** The shape of a rule id, e.g. {@code R1.2-4} or {@code R8-3}. */
    public static final Pattern ID = Pattern.compile("R(\\d+)(?:\\.(\\d+))?-(\\d+)");

    /** Orders ids numerically: R1.2-4 before R1.2-10 before R2.1-1. */
    public static final Comparator<String> BY_ID = Comparator.comparingLong(RuleOrder::key).thenComparing(s -> s);

    private RuleOrder() {
    }

    private static long key(String id) {
        Matcher m = ID.matcher(id);
        if (!m.matches()) {
            return Long.MAX_VALUE;
        }
        long section = Long.parseLong(m.group(1));
        long item = m.group(2) == null ? 0 : Long.parseLong(m.group(2));
        long n = Long.parseLong(m.group(3));
        return section * 1_000_000 + item * 1_000 + n;
    }

    /** The clause an id belongs to: {@code R1.2-4} → {@code §1.2}, {@code R8-3} → {@code §8}; {@code null} if malformed. */
    public static String clauseOf(String id) {
        Matcher m = ID.matcher(id);
        if (!m.matches()) {
            return null;
        }
        return "§" + m.group(1) + (m.group(2) == null ? "" : "." + m.group(2));
    }
}
