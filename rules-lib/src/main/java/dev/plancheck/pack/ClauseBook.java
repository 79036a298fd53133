package dev.plancheck.pack;

import dev.plancheck.json.JsonFields;
import com.fasterxml.jackson.databind.JsonNode;
import dev.plancheck.json.JsonPaths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The clauses of the source document that carry duties ({@code clauses.json}): each with its original text, the
 * duty sentences the rules enforce, and the sentences no ledger can prove, which an assessor checks by hand (人工核验).
 * Every rule cites one clause and one of its duty sentences.
 */
public final class ClauseBook {
    /**
     * One clause: {@code §1.2}, the section it belongs to, its full original text, its duty sentences and its 人工核验
     * sentences.
     */
    public record Clause(String id, String section, String text, List<String> duties, List<Manual> manual) {
        /** The lists are copied. */
        public Clause {
            duties = List.copyOf(duties);
            manual = List.copyOf(manual);
        }

        /** A clause without 人工核验 sentences. */
        public Clause(String id, String section, String text, List<String> duties) {
            this(id, section, text, duties, List.of());
        }
    }

    /**
     * A sentence of a clause that no ledger can prove, and what the assessor should look at instead, e.g.
     * {@code new Manual("营造良好氛围", "查看宣传照片、展板和新闻报道")}.
     *
     * @param sentence a verbatim piece of the clause's text that no duty sentence overlaps
     * @param check    what the assessor should look at
     */
    public record Manual(String sentence, String check) {
    }

    private final String document;
    private final String source;
    private final Map<String, Clause> clauses;

    ClauseBook(String document, String source, Map<String, Clause> clauses) {
        this.document = document;
        this.source = source;
        this.clauses = Collections.unmodifiableMap(new LinkedHashMap<>(clauses));
    }

    static ClauseBook read(JsonFields f) {
        JsonNode root = f.doc().root();
        f.onlyKnownMembers(root, "$", Set.of("$comment", "document", "source", "clauses"));
        String document = f.text(root, "$", "document", true);
        String source = f.text(root, "$", "source", true);
        Map<String, Clause> clauses = new LinkedHashMap<>();
        JsonNode list = f.array(root, "$", "clauses", true);
        if (list != null) {
            for (int i = 0; i < list.size(); i++) {
                String path = JsonPaths.element("$.clauses", i);
                JsonNode c = list.get(i);
                if (!c.isObject()) {
                    f.report(path, "应为一个对象 {\"clause\": \"§1.2\", …}");
                    continue;
                }
                f.onlyKnownMembers(c, path, Set.of("clause", "section", "text", "duties", "manual"));
                String id = f.text(c, path, "clause", true);
                String section = f.text(c, path, "section", true);
                String text = f.text(c, path, "text", true);
                List<String> duties = new ArrayList<>();
                JsonNode d = f.array(c, path, "duties", true);
                if (d != null) {
                    for (int j = 0; j < d.size(); j++) {
                        String duty = d.get(j).asText("");
                        if (duty.isBlank() || (text != null && !text.contains(duty))) {
                            f.report(JsonPaths.element(path + ".duties", j), "职责原句必须是本条原文 text 中的一段");
                        } else {
                            duties.add(duty);
                        }
                    }
                }
                List<Manual> manual = manual(f, c, path, text, duties);
                if (id != null && !id.matches("§\\d+(\\.\\d+)?")) {
                    f.report(path + ".clause", "条款编号应形如 §1.2 或 §5，实际是 \"" + id + "\"");
                } else if (id != null && clauses.containsKey(id)) {
                    f.report(path + ".clause", "条款 " + id + " 重复出现");
                } else if (id != null && text != null) {
                    clauses.put(id, new Clause(id, section, text, duties, manual));
                }
            }
        }
        return new ClauseBook(document, source, clauses);
    }

    /**
     * The clause's optional {@code manual} list: each sentence a verbatim piece of the clause's text, overlapping no
     * duty sentence (a sentence a rule enforces is not checked by hand) and listed once, each with what to look at.
     */
    private static List<Manual> manual(JsonFields f, JsonNode clause, String path, String text, List<String> duties) {
        List<Manual> out = new ArrayList<>();
        JsonNode list = f.array(clause, path, "manual", false);
        if (list == null) {
            return out;
        }
        for (int j = 0; j < list.size(); j++) {
            String at = JsonPaths.element(path + ".manual", j);
            JsonNode m = list.get(j);
            if (!m.isObject()) {
                f.report(at, "应为一个对象 {\"sentence\": \"原文中的一句\", \"check\": \"评估人员要查看什么\"}，实际是" + JsonFields.describe(m));
                continue;
            }
            f.onlyKnownMembers(m, at, Set.of("sentence", "check"));
            String sentence = f.text(m, at, "sentence", true);
            String check = f.text(m, at, "check", true);
            if (sentence == null || check == null || text == null) {
                continue;
            }
            if (!text.contains(sentence)) {
                f.report(at + ".sentence", "人工核验原句必须是本条原文 text 中一字不差的一段");
                continue;
            }
            String overlapped = overlapped(text, sentence, duties);
            if (overlapped != null) {
                f.report(at + ".sentence", "人工核验原句与职责原句“" + overlapped + "”重叠；已由规则落实的原句不能再列为人工核验，"
                        + "请只写规则没有落实的那一段");
                continue;
            }
            if (out.stream().anyMatch(x -> x.sentence().equals(sentence))) {
                f.report(at + ".sentence", "人工核验原句“" + sentence + "”在本条中重复出现");
                continue;
            }
            out.add(new Manual(sentence, check));
        }
        return out;
    }

    /** The first duty sentence that shares a character of the clause's text with {@code sentence}, or {@code null}. */
    private static String overlapped(String text, String sentence, List<String> duties) {
        for (int at = text.indexOf(sentence); at >= 0; at = text.indexOf(sentence, at + 1)) {
            for (String duty : duties) {
                if (ClauseSentences.overlaps(text, duty, at, at + sentence.length())) {
                    return duty;
                }
            }
        }
        return null;
    }

    /** The document's title, e.g. {@code 《电厂街道2023年度统战群团工作要点》}. */
    public String document() {
        return document;
    }

    /** Where the document's text is kept, relative to the repository, e.g. {@code seeds/000_….txt}. */
    public String source() {
        return source;
    }

    public Map<String, Clause> clauses() {
        return clauses;
    }

    public Clause get(String id) {
        return clauses.get(id);
    }
}
