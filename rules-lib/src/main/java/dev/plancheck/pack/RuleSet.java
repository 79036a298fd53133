package dev.plancheck.pack;

import dev.plancheck.json.JsonFields;
import dev.plancheck.model.Vocabulary;
import com.fasterxml.jackson.databind.JsonNode;
import dev.plancheck.input.Problem;
import dev.plancheck.input.ProblemCode;
import dev.plancheck.json.JsonPaths;
import dev.plancheck.json.LocatedJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules of one source document: its DRL files (one per section of the document), its clause book and its
 * vocabulary, as listed by the folder's {@code ruleset.json}. Several packs (one per year) may share a rule set.
 */
public record RuleSet(String name, ResourceDir dir, Map<String, String> drl, ClauseBook clauses, Vocabulary vocabulary) {
    /** The folder of the bundled rule sets on the class path. */
    public static final String BUNDLED_ROOT = "dev/plancheck/packs";

    /** The DRL texts are copied and read-only, in the listed order: a rule set is shared by every check. */
    public RuleSet {
        drl = PackFile.readOnly(drl);
    }

    static RuleSet load(String name, ResourceDir dir, List<Problem> problems) throws IOException {
        JsonFields index = fields(dir, "ruleset.json", problems);
        Map<String, String> drl = new LinkedHashMap<>();
        if (index != null) {
            JsonNode root = index.doc().root();
            index.onlyKnownMembers(root, "$", Set.of("$comment", "files"));
            JsonNode files = index.array(root, "$", "files", true);
            List<String> listed = new ArrayList<>();
            if (files != null) {
                for (int i = 0; i < files.size(); i++) {
                    String file = files.get(i).asText("");
                    String path = JsonPaths.element("$.files", i);
                    if (!file.endsWith(".drl")) {
                        index.report(path, "应为 .drl 文件名，实际是 " + JsonFields.describe(files.get(i)));
                        continue;
                    }
                    byte[] bytes = dir.read(file);
                    if (bytes == null) {
                        index.report(path, "规则文件 " + dir.nameOf(file) + " 不存在");
                        continue;
                    }
                    listed.add(file);
                    drl.put(file, new String(bytes, StandardCharsets.UTF_8));
                }
            }
            for (String present : dir.list(".drl")) {
                if (!listed.contains(present)) {
                    index.report("$.files", "文件夹中的 " + present + " 没有列在 files 中；未列出的规则文件不会被加载，请列出或删除它");
                }
            }
        }
        JsonFields clauseFields = fields(dir, "clauses.json", problems);
        JsonFields vocabularyFields = fields(dir, "vocabulary.json", problems);
        ClauseBook clauses = clauseFields == null ? null : ClauseBook.read(clauseFields);
        Vocabulary vocabulary = vocabularyFields == null ? null : VocabularyFile.read(vocabularyFields);
        return new RuleSet(name, dir, drl, clauses, vocabulary);
    }

    static JsonFields fields(ResourceDir dir, String file, List<Problem> problems) throws IOException {
        byte[] bytes = dir.read(file);
        if (bytes == null) {
            problems.add(new Problem(ProblemCode.PACK_INVALID, dir.nameOf(file), 0, 0, "", "文件不存在"));
            return null;
        }
        LocatedJson doc = LocatedJson.parse(dir.nameOf(file), bytes, problems);
        if (doc == null) {
            return null;
        }
        if (!doc.root().isObject()) {
            problems.add(doc.problem(ProblemCode.PACK_INVALID, "$", "应为一个 JSON 对象 {…}"));
            return null;
        }
        return new JsonFields(doc, problems, ProblemCode.PACK_INVALID);
    }
}
