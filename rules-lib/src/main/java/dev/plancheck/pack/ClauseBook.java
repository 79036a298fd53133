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
 * The clauses of the source document that carry duties ({@code clauses.json}): each with its original text and
 * the duty sentences the rules enforce. Every rule cites one clause and one of its duty sentences.
 */
public final class ClauseBook {
    /** One clause: {@code §1.2}, the section it belongs to, its full original text, and its duty sentences. */
    public record Clause(String id, String section, String text, List<String> duties) {
        /** The duties are copied. */
        public Clause {
            duties = List.copyOf(duties);
        }
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
                f.onlyKnownMembers(c, path, Set.of("clause", "section", "text", "duties"));
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
                if (id != null && !id.matches("§\\d+(\\.\\d+)?")) {
                    f.report(path + ".clause", "条款编号应形如 §1.2 或 §5，实际是 \"" + id + "\"");
                } else if (id != null && clauses.containsKey(id)) {
                    f.report(path + ".clause", "条款 " + id + " 重复出现");
                } else if (id != null && text != null) {
                    clauses.put(id, new Clause(id, section, text, List.copyOf(duties)));
                }
            }
        }
        return new ClauseBook(document, source, clauses);
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
