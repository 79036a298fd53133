package dev.plancheck.io.ledger;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One list of the vocabulary (kinds, topics, groups, honour levels or unit levels) as a spreadsheet user writes it:
 * by Chinese name or by code. Matching ignores quotation marks and half- or full-width brackets, and also accepts a
 * name without its bracketed part ({@code 募捐} for {@code 募捐（“博爱一日捐”）}) when that is unambiguous, because
 * people type names from memory; it never picks between two candidates.
 */
final class Names {
    /** What one piece of a cell turned out to be: a code, or an unknown word. */
    record Token(String written, String code) {
        boolean known() {
            return code != null;
        }
    }

    private final String what;
    private final Map<String, String> codeToName;
    private final Map<String, String> keyToCode = new HashMap<>();
    private final List<String> keysLongestFirst;

    /**
     * @param what       the list's Chinese name for messages, e.g. {@code 主题}
     * @param codeToName code → Chinese name, in the vocabulary's order
     */
    Names(String what, Map<String, String> codeToName) {
        this.what = what;
        this.codeToName = new LinkedHashMap<>(codeToName);
        Map<String, Integer> aliasCount = new HashMap<>();
        Map<String, String> aliases = new HashMap<>();
        for (Map.Entry<String, String> e : codeToName.entrySet()) {
            keyToCode.put(key(e.getKey()), e.getKey());
            keyToCode.put(key(e.getValue()), e.getKey());
            String alias = key(e.getValue().replaceAll("[（(][^）)]*[）)]", ""));
            if (!alias.isEmpty()) {
                aliasCount.merge(alias, 1, Integer::sum);
                aliases.put(alias, e.getKey());
            }
        }
        aliases.forEach((alias, code) -> {
            if (aliasCount.get(alias) == 1) {
                keyToCode.putIfAbsent(alias, code);
            }
        });
        this.keysLongestFirst = keyToCode.keySet().stream()
                .sorted(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()))
                .toList();
    }

    String what() {
        return what;
    }

    /** Code → Chinese name, in the vocabulary's order. */
    Map<String, String> codeToName() {
        return codeToName;
    }

    String nameOf(String code) {
        return codeToName.getOrDefault(code, code);
    }

    /** The code a single value stands for, or {@code null}. */
    String resolve(String written) {
        return keyToCode.get(key(written));
    }

    /**
     * Splits a cell holding several values. Known names are matched first, longest first, so that a name that itself
     * contains {@code 、} (党的民族、宗教法律法规) is not cut in two; what is left is split at the separators.
     */
    List<Token> split(String cell) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        while (i < cell.length()) {
            if (isSeparator(cell.charAt(i))) {
                i++;
                continue;
            }
            Token match = longestKnownAt(cell, i);
            if (match != null) {
                out.add(match);
                i += match.written().length();
                continue;
            }
            int end = i;
            while (end < cell.length() && !isSeparator(cell.charAt(end))) {
                end++;
            }
            out.add(new Token(cell.substring(i, end), null));
            i = end;
        }
        return out;
    }

    /** A known value written at {@code start} and followed by a separator or the end of the cell. */
    private Token longestKnownAt(String cell, int start) {
        for (int end = cell.length(); end > start; end--) {
            if (end < cell.length() && !isSeparator(cell.charAt(end))) {
                continue;
            }
            String piece = cell.substring(start, end);
            String code = keyToCode.get(key(piece));
            if (code != null) {
                return new Token(piece, code);
            }
        }
        return null;
    }

    static boolean isSeparator(char c) {
        return c == '、' || c == '，' || c == ',' || c == ';' || c == '；' || Character.isWhitespace(c)
                || Character.isSpaceChar(c);
    }

    /**
     * "Did you mean …" for an unknown value: the names (at most three) that contain it or that it contains, else the
     * one name within a small edit distance, else nothing.
     */
    String suggestion(String written) {
        String k = key(written);
        List<String> hits = new ArrayList<>();
        for (Map.Entry<String, String> e : codeToName.entrySet()) {
            String name = key(e.getValue());
            if (!k.isEmpty() && (name.contains(k) || k.contains(name))) {
                hits.add(e.getValue());
            }
        }
        if (!hits.isEmpty() && hits.size() <= 3) {
            return "是否应为“" + String.join("”或“", hits) + "”？";
        }
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        boolean tie = false;
        for (Map.Entry<String, String> e : codeToName.entrySet()) {
            for (String candidate : List.of(e.getKey(), e.getValue())) {
                int d = dev.plancheck.ledger.SubmissionValidator.distance(k, key(candidate));
                if (d < bestDistance) {
                    bestDistance = d;
                    best = e.getValue();
                    tie = false;
                } else if (d == bestDistance && !e.getValue().equals(best)) {
                    tie = true;
                }
            }
        }
        if (best != null && !tie && bestDistance <= Math.max(1, k.length() / 3)) {
            return "是否应为“" + best + "”？";
        }
        return "";
    }

    /** Matching key: no quotation marks, brackets unified, lower case, no spaces. */
    static String key(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.strip().toCharArray()) {
            switch (c) {
                case '“', '”', '"', '‘', '’', '\'', '「', '」', '『', '』' -> { }
                case '(' -> sb.append('（');
                case ')' -> sb.append('）');
                default -> {
                    if (!Character.isWhitespace(c) && !Character.isSpaceChar(c)) {
                        sb.append(Character.toLowerCase(c));
                    }
                }
            }
        }
        return sb.toString();
    }
}
