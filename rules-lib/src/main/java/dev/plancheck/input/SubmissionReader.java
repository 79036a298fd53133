package dev.plancheck.input;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plancheck.InvalidSubmissionException;
import dev.plancheck.Problem;
import dev.plancheck.Submission;
import dev.plancheck.model.Activity;
import dev.plancheck.model.OrgUnit;
import dev.plancheck.model.UnitLevel;
import dev.plancheck.pack.JsonFields;
import dev.plancheck.pack.Vocabulary;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a submission from JSON (see {@code docs/input-format.md}) and validates it, reporting every problem at
 * once, each with its file, line, column and JSON path.
 */
public final class SubmissionReader {
    private static final Set<String> ROOT_FIELDS = Set.of("$schema", "$comment", "year", "units", "activities");
    private static final Set<String> UNIT_FIELDS = Set.of("id", "name", "level");
    private static final Set<String> ACTIVITY_FIELDS = Set.of("id", "unit", "kind", "date", "endDate", "title",
            "topics", "groups", "participants", "amount", "relatesTo", "honourLevel", "organiser", "description");
    private static final DateTimeFormatter STRICT_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);

    private final SubmissionValidator validator;

    public SubmissionReader(Vocabulary vocabulary, int packYear, String packId) {
        this.validator = new SubmissionValidator(vocabulary, packYear, packId);
    }

    /**
     * Reads and validates a submission.
     *
     * @param file  the file's name as the user gave it, used in messages
     * @param bytes the file's content (UTF-8 JSON)
     * @throws InvalidSubmissionException with every problem found
     */
    public Submission read(String file, byte[] bytes) throws InvalidSubmissionException {
        List<Problem> problems = new ArrayList<>();
        LocatedJson doc = LocatedJson.parse(file, bytes, problems);
        if (doc == null) {
            throw new InvalidSubmissionException(problems);
        }
        JsonFields f = new JsonFields(doc, problems);
        JsonNode root = doc.root();
        if (!root.isObject()) {
            problems.add(doc.problem("$", "提交文件应为一个 JSON 对象 {\"year\": …, \"units\": […], \"activities\": […]}，实际是" + JsonFields.describe(root)));
            throw new InvalidSubmissionException(problems);
        }
        f.onlyKnownMembers(root, "$", ROOT_FIELDS);
        Integer year = f.integer(root, "$", "year", true, 1900, 2100);

        List<OrgUnit> units = new ArrayList<>();
        JsonNode unitsNode = f.array(root, "$", "units", true);
        if (unitsNode != null) {
            if (unitsNode.isEmpty()) {
                f.report("$.units", "units 不能为空：应列出街道及其各社区");
            }
            for (int i = 0; i < unitsNode.size(); i++) {
                units.add(readUnit(f, unitsNode.get(i), JsonPaths.element("$.units", i)));
            }
        }

        List<SubmissionValidator.Draft> drafts = new ArrayList<>();
        List<Activity> activities = new ArrayList<>();
        JsonNode activitiesNode = f.array(root, "$", "activities", true);
        if (activitiesNode != null) {
            for (int i = 0; i < activitiesNode.size(); i++) {
                readActivity(f, activitiesNode.get(i), i, drafts, activities);
            }
        }
        for (SubmissionValidator.PathProblem p : validator.validate(year, units, drafts)) {
            problems.add(doc.problem(p.path(), p.message()));
        }
        if (!problems.isEmpty()) {
            problems.sort(Problem.IN_FILE_ORDER);
            throw new InvalidSubmissionException(problems);
        }
        return Submission.of(file, year, units, activities);
    }

    /**
     * Validates a submission built in code; problems carry JSON paths as if it had been written as JSON.
     *
     * @throws InvalidSubmissionException with every problem found
     */
    public void validate(Submission s) throws InvalidSubmissionException {
        List<SubmissionValidator.Draft> drafts = new ArrayList<>();
        for (int i = 0; i < s.activities().size(); i++) {
            drafts.add(SubmissionValidator.Draft.of(i, s.activities().get(i)));
        }
        List<Problem> problems = new ArrayList<>();
        for (SubmissionValidator.PathProblem p : validator.validate(s.year(), s.units(), drafts)) {
            problems.add(new Problem(s.source(), 0, 0, p.path(), p.message()));
        }
        if (!problems.isEmpty()) {
            throw new InvalidSubmissionException(problems);
        }
    }

    private OrgUnit readUnit(JsonFields f, JsonNode u, String path) {
        if (!u.isObject()) {
            f.report(path, "应为一个单位对象 {\"id\": …, \"name\": …, \"level\": \"subdistrict\" 或 \"community\"}，实际是" + JsonFields.describe(u));
            return null;
        }
        f.onlyKnownMembers(u, path, UNIT_FIELDS);
        String id = f.text(u, path, "id", true);
        String name = f.text(u, path, "name", true);
        String levelCode = f.text(u, path, "level", true);
        UnitLevel level = levelCode == null ? null : UnitLevel.fromCode(levelCode);
        if (levelCode != null && level == null) {
            f.report(path + ".level", "应为 \"subdistrict\"（街道）或 \"community\"（社区），实际是 \"" + levelCode + "\"");
        }
        return id == null || name == null || level == null ? null : new OrgUnit(id, name, level);
    }

    /** Reads one record into a draft (always, if it is an object) and an activity (only if every field could be read). */
    private void readActivity(JsonFields f, JsonNode a, int index, List<SubmissionValidator.Draft> drafts,
                              List<Activity> activities) {
        String path = JsonPaths.element("$.activities", index);
        if (!a.isObject()) {
            f.report(path, "应为一条活动记录对象 {\"id\": …, \"unit\": …, \"kind\": …, \"date\": …, \"title\": …}，实际是" + JsonFields.describe(a));
            return;
        }
        f.onlyKnownMembers(a, path, ACTIVITY_FIELDS);
        String id = f.text(a, path, "id", true);
        String unitId = f.text(a, path, "unit", true);
        String kind = f.text(a, path, "kind", true);
        LocalDate date = date(f, a, path, "date", true);
        LocalDate endDate = date(f, a, path, "endDate", false);
        String title = f.text(a, path, "title", true);
        Set<String> topics = codes(f, a, path, "topics");
        Set<String> groups = codes(f, a, path, "groups");
        Integer participants = f.integer(a, path, "participants", false, 0, 10_000_000);
        BigDecimal amount = amount(f, a, path);
        String relatesTo = f.text(a, path, "relatesTo", false);
        String honourLevel = f.text(a, path, "honourLevel", false);
        String organiser = f.text(a, path, "organiser", false);
        String description = f.text(a, path, "description", false);
        Set<String> present = new java.util.HashSet<>();
        a.fieldNames().forEachRemaining(name -> {
            if (!a.get(name).isNull()) {
                present.add(name);
            }
        });
        drafts.add(new SubmissionValidator.Draft(index, id, unitId, kind, date, endDate, topics, groups, participants,
                amount, relatesTo, honourLevel, present, organiser));
        boolean complete = id != null && unitId != null && kind != null && date != null && title != null
                && topics != null && groups != null && (endDate != null || !a.hasNonNull("endDate"))
                && (participants != null || !a.hasNonNull("participants")) && (amount != null || !a.hasNonNull("amount"));
        if (complete) {
            activities.add(Activity.builder(id).unitId(unitId).kind(kind).date(date).endDate(endDate).title(title)
                    .topics(topics).groups(groups).participants(participants).amount(amount).relatesTo(relatesTo)
                    .honourLevel(honourLevel).organiser(organiser).description(description).build());
        }
    }

    private static LocalDate date(JsonFields f, JsonNode a, String path, String name, boolean required) {
        String text = f.text(a, path, name, required);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text, STRICT_DATE);
        } catch (DateTimeParseException e) {
            boolean shaped = text.matches("\\d{4}-\\d{2}-\\d{2}");
            f.report(JsonPaths.child(path, name), shaped
                    ? "日期 \"" + text + "\" 不存在；应为 YYYY-MM-DD 格式的真实日期"
                    : "应为 YYYY-MM-DD 格式的日期（如 2023-05-04），实际是 \"" + text + "\"");
            return null;
        }
    }

    private static Set<String> codes(JsonFields f, JsonNode a, String path, String name) {
        JsonNode list = f.array(a, path, name, false);
        if (list == null) {
            return a.hasNonNull(name) ? null : Set.of();
        }
        Set<String> out = new LinkedHashSet<>();
        boolean ok = true;
        for (int i = 0; i < list.size(); i++) {
            JsonNode v = list.get(i);
            String at = JsonPaths.element(JsonPaths.child(path, name), i);
            if (!v.isTextual() || v.asText().isBlank()) {
                f.report(at, "应为代码字符串，实际是" + JsonFields.describe(v));
                ok = false;
            } else if (!out.add(v.asText().strip())) {
                f.report(at, "代码 \"" + v.asText() + "\" 重复出现");
                ok = false;
            }
        }
        return ok ? out : null;
    }

    private static BigDecimal amount(JsonFields f, JsonNode a, String path) {
        JsonNode v = a.get("amount");
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isNumber()) {
            f.report(JsonPaths.child(path, "amount"), "金额应为数字（单位：元，如 12500.50），实际是" + JsonFields.describe(v));
            return null;
        }
        return v.decimalValue();
    }
}
