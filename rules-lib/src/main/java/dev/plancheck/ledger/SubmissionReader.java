package dev.plancheck.ledger;

import dev.plancheck.text.VisibleText;
import dev.plancheck.json.JsonPaths;
import dev.plancheck.json.LocatedJson;
import dev.plancheck.json.ProblemList;
import dev.plancheck.json.Utf8Scan;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plancheck.input.InputLimits;
import dev.plancheck.input.InvalidSubmissionException;
import dev.plancheck.input.Problem;
import dev.plancheck.input.ProblemCode;
import dev.plancheck.input.Submission;
import dev.plancheck.model.Activity;
import dev.plancheck.model.OrgUnit;
import dev.plancheck.model.UnitLevel;
import dev.plancheck.json.JsonFields;
import dev.plancheck.model.Vocabulary;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    /** Opens the input afresh each time: it is read twice, once for its encoding and once as JSON. */
    @FunctionalInterface
    public interface Source extends Utf8Scan.Source {
    }

    /**
     * Reads and validates a submission with the default {@link InputLimits}.
     *
     * @param file  the file's name as the user gave it, used in messages
     * @param bytes the file's content (UTF-8 JSON)
     * @throws InvalidSubmissionException with every problem found
     */
    public Submission read(String file, byte[] bytes) throws InvalidSubmissionException {
        return read(file, bytes, InputLimits.defaults());
    }

    /** Reads and validates a submission held in memory, with the given limits. */
    public Submission read(String file, byte[] bytes, InputLimits limits) throws InvalidSubmissionException {
        try {
            return read(file, () -> new ByteArrayInputStream(bytes), limits);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("reading from memory cannot fail", e);
        }
    }

    /**
     * Reads and validates a submission as a stream: one record at a time is held as a tree, so memory grows with
     * the records kept, not with the text of the file. Every problem is reported at once, up to
     * {@link InputLimits#maxProblems()}, the rest counted.
     *
     * @param file   the file's name as the user gave it, used in messages
     * @param source the file's content (UTF-8 JSON)
     * @throws InvalidSubmissionException with every problem found
     * @throws IOException                when the input cannot be read
     */
    public Submission read(String file, Source source, InputLimits limits) throws IOException, InvalidSubmissionException {
        ProblemList problems = new ProblemList(limits.maxProblems());
        Problem encoding = Utf8Scan.check(file, source, limits.maxFileBytes());
        if (encoding != null) {
            problems.add(encoding);
            throw problems.exception();
        }
        Parsed parsed = new Parsed(file, limits, problems);
        try (Reader in = Utf8Scan.reader(source.open()); JsonParser p = LocatedJson.factory(limits).createParser(in)) {
            try {
                parsed.parse(p);
            } catch (JsonProcessingException e) {
                // A broken limit is reported without a location; the parser knows where it stopped.
                throw e.getLocation() == null ? new JsonParseException(p, e.getOriginalMessage(), p.currentLocation(), e) : e;
            }
        } catch (LocatedJson.LimitExceeded e) {
            problems.add(new Problem(e.code, file, Math.max(e.at.getLineNr(), 0), Math.max(e.at.getColumnNr(), 0), "",
                    e.getMessage() + "（之后的内容没有检查）"));
            throw problems.exception();
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            problems.add(new Problem(LocatedJson.codeOf(e), file, at == null ? 0 : Math.max(at.getLineNr(), 0),
                    at == null ? 0 : Math.max(at.getColumnNr(), 0), "",
                    "JSON 语法错误：" + LocatedJson.explain(e.getOriginalMessage()) + "（语法错误之后的内容无法继续检查）"));
            throw problems.exception();
        }
        if (parsed.fatal) {
            throw problems.exception();
        }
        for (SubmissionValidator.PathProblem vp : validator.validate(parsed.year, parsed.units, parsed.drafts)) {
            problems.add(parsed.locate(vp.code(), vp.path(), vp.message()));
        }
        if (problems.total() > 0) {
            throw problems.exception();
        }
        return Submission.of(file, parsed.year, parsed.units, parsed.activities);
    }

    /** The state of one streaming read: the small root tree, and what was kept of each record. */
    private final class Parsed {
        final String file;
        final InputLimits limits;
        final ProblemList problems;
        final Map<String, JsonLocation> rootLocations = new HashMap<>();
        final ObjectNode root = JsonNodeFactory.instance.objectNode();
        final List<SubmissionValidator.Draft> drafts = new ArrayList<>();
        final List<Activity> activities = new ArrayList<>();
        /** Per record: its line and column, then those of each field in {@link #FIELD_INDEX} order (0 when absent). */
        final List<int[]> positions = new ArrayList<>();
        List<OrgUnit> units = new ArrayList<>();
        Integer year;
        boolean fatal;

        Parsed(String file, InputLimits limits, ProblemList problems) {
            this.file = file;
            this.limits = limits;
            this.problems = problems;
        }

        void parse(JsonParser p) throws IOException {
            JsonToken first = p.nextToken();
            if (first == null) {
                problems.add(new Problem(ProblemCode.JSON_SYNTAX, file, 0, 0, "", "文件是空的，应为一个 JSON 对象"));
                fatal = true;
                return;
            }
            rootLocations.put("$", p.currentTokenLocation());
            if (first != JsonToken.START_OBJECT) {
                JsonNode value = LocatedJson.read(p, "$", rootLocations, file, new ArrayList<>(), limits);
                problems.add(rootDoc().problem(ProblemCode.FIELD_TYPE, "$", "提交文件应为一个 JSON 对象 {\"year\": …, \"units\": […], \"activities\": […]}，实际是"
                        + JsonFields.describe(value)));
                fatal = true;
                return;
            }
            List<Problem> found = new ArrayList<>();
            boolean streamed = false;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonLocation keyAt = p.currentTokenLocation();
                JsonToken value = p.nextToken();
                String path = JsonPaths.child("$", name);
                if (root.has(name)) {
                    found.add(new Problem(ProblemCode.JSON_DUPLICATE_KEY, file, keyAt.getLineNr(), keyAt.getColumnNr(), path,
                            "键 \"" + VisibleText.excerpt(name) + "\" 在同一对象中出现了两次，每个键只能出现一次"));
                    p.skipChildren();
                } else if (!ROOT_FIELDS.contains(name)) {
                    found.add(new Problem(ProblemCode.FIELD_UNKNOWN, file, keyAt.getLineNr(), keyAt.getColumnNr(), path, "未知字段 \""
                            + VisibleText.excerpt(name) + "\"；这里可用的字段是：" + String.join("、", ROOT_FIELDS.stream().sorted().toList())));
                    root.putNull(name);
                    p.skipChildren();
                } else if (name.equals("activities") && value == JsonToken.START_ARRAY) {
                    rootLocations.put(path, p.currentTokenLocation());
                    root.putArray(name);
                    streamed = true;
                    activities(p, found);
                } else {
                    root.set(name, LocatedJson.read(p, path, rootLocations, file, found, limits));
                }
            }
            if (p.nextToken() != null) {
                JsonLocation at = p.currentTokenLocation();
                problems.add(new Problem(ProblemCode.JSON_SYNTAX, file, at.getLineNr(), at.getColumnNr(), "",
                        "JSON 值结束后还有多余内容，一个文件只能有一个 JSON 对象"));
                fatal = true;
                return;
            }
            problems.addAll(found);
            JsonFields f = new JsonFields(rootDoc(), problems, ProblemCode.FIELD_TYPE);
            year = f.integer(root, "$", "year", true, 1900, 2100);
            JsonNode unitsNode = f.array(root, "$", "units", true);
            if (unitsNode != null) {
                if (unitsNode.isEmpty()) {
                    f.report(ProblemCode.UNITS_INVALID, "$.units", "units 不能为空：应列出街道及其各社区");
                }
                for (int i = 0; i < unitsNode.size(); i++) {
                    units.add(readUnit(f, unitsNode.get(i), JsonPaths.element("$.units", i)));
                }
            }
            if (!streamed) {
                f.array(root, "$", "activities", true);
            }
        }

        /** Reads the records one at a time, keeping a draft, the activity and a few positions of each. */
        private void activities(JsonParser p, List<Problem> found) throws IOException {
            int index = 0;
            while (p.nextToken() != JsonToken.END_ARRAY) {
                if (index >= limits.maxRecords()) {
                    throw new LocatedJson.LimitExceeded(ProblemCode.LIMIT_RECORDS, p.currentTokenLocation(), "记录过多：activities 超过上限 "
                            + limits.maxRecords() + " 条（上限可用 --max-records 调整）");
                }
                String path = JsonPaths.element("$.activities", index);
                Map<String, JsonLocation> locations = new HashMap<>();
                JsonNode record = LocatedJson.read(p, path, locations, file, found, limits);
                problems.addAll(found);
                found.clear();
                JsonLocation start = locations.get(path);
                readActivity(new JsonFields(new LocatedJson(file, record, locations), problems, ProblemCode.FIELD_TYPE), record, index, drafts,
                        activities, limits, start == null ? null : file + ":" + start.getLineNr() + ":" + start.getColumnNr());
                int[] at = new int[2 + 2 * ACTIVITY_FIELD_LIST.size()];
                put(at, 0, locations.get(path));
                for (int i = 0; i < ACTIVITY_FIELD_LIST.size(); i++) {
                    put(at, 1 + i, locations.get(path + "." + ACTIVITY_FIELD_LIST.get(i)));
                }
                positions.add(at);
                index++;
            }
        }

        private static void put(int[] at, int slot, JsonLocation location) {
            if (location != null) {
                at[2 * slot] = location.getLineNr();
                at[2 * slot + 1] = location.getColumnNr();
            }
        }

        LocatedJson rootDoc() {
            return new LocatedJson(file, root, rootLocations);
        }

        /** Locates a validator's problem: records by their kept positions, the rest by the root tree. */
        Problem locate(ProblemCode code, String path, String message) {
            java.util.regex.Matcher m = RECORD_PATH.matcher(path);
            if (m.matches()) {
                int index = Integer.parseInt(m.group(1));
                int[] at = positions.get(index);
                int slot = m.group(2) == null ? 0 : 1 + ACTIVITY_FIELD_LIST.indexOf(m.group(2));
                if (slot < 0 || at[2 * slot] == 0) {
                    slot = 0;
                }
                return new Problem(code, file, at[2 * slot], at[2 * slot + 1], path, message);
            }
            return rootDoc().problem(code, path, message);
        }
    }

    private static final List<String> ACTIVITY_FIELD_LIST = ACTIVITY_FIELDS.stream().sorted().toList();
    private static final java.util.regex.Pattern RECORD_PATH =
            java.util.regex.Pattern.compile("\\$\\.activities\\[(\\d+)](?:\\.([A-Za-z]+))?.*");

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
            problems.add(new Problem(p.code(), s.source(), 0, 0, p.path(), p.message()));
        }
        if (!problems.isEmpty()) {
            throw new InvalidSubmissionException(problems);
        }
    }

    private OrgUnit readUnit(JsonFields f, JsonNode u, String path) {
        if (!u.isObject()) {
            f.report(ProblemCode.FIELD_TYPE, path, "应为一个单位对象 {\"id\": …, \"name\": …, \"level\": \"subdistrict\" 或 \"community\"}，实际是" + JsonFields.describe(u));
            return null;
        }
        f.onlyKnownMembers(u, path, UNIT_FIELDS);
        String id = f.text(u, path, "id", true);
        String name = f.text(u, path, "name", true);
        String levelCode = f.text(u, path, "level", true);
        UnitLevel level = levelCode == null ? null : UnitLevel.fromCode(levelCode);
        if (levelCode != null && level == null) {
            f.report(ProblemCode.CODE_UNKNOWN, path + ".level", "应为 \"subdistrict\"（街道）或 \"community\"（社区），实际是 \"" + levelCode + "\"");
        }
        return id == null || name == null || level == null ? null : new OrgUnit(id, name, level);
    }

    /** Reads one record into a draft (always, if it is an object) and an activity (only if every field could be read). */
    private void readActivity(JsonFields f, JsonNode a, int index, List<SubmissionValidator.Draft> drafts,
                              List<Activity> activities, InputLimits limits, String location) {
        String path = JsonPaths.element("$.activities", index);
        if (!a.isObject()) {
            f.report(ProblemCode.FIELD_TYPE, path, "应为一条活动记录对象 {\"id\": …, \"unit\": …, \"kind\": …, \"date\": …, \"title\": …}，实际是" + JsonFields.describe(a));
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
        BigDecimal amount = amount(f, a, path, limits);
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
                amount, relatesTo, honourLevel, Set.copyOf(present), organiser)); // compact: one per record
        boolean complete = id != null && unitId != null && kind != null && date != null && title != null
                && topics != null && groups != null && (endDate != null || !a.hasNonNull("endDate"))
                && (participants != null || !a.hasNonNull("participants")) && (amount != null || !a.hasNonNull("amount"));
        if (complete) {
            activities.add(Activity.builder(id).unitId(unitId).kind(kind).date(date).endDate(endDate).title(title)
                    .topics(topics).groups(groups).participants(participants).amount(amount).relatesTo(relatesTo)
                    .honourLevel(honourLevel).organiser(organiser).description(description).location(location).build());
        }
    }

    private static LocalDate date(JsonFields f, JsonNode a, String path, String name, boolean required) {
        String text = f.text(a, path, name, required);
        if (text == null) {
            return null;
        }
        if (!text.matches("\\d{4}-\\d{2}-\\d{2}")) {
            // uuuu alone would take +99999-04-13 and -999999999-01-01.
            f.report(ProblemCode.DATE_INVALID, JsonPaths.child(path, name), "应为 YYYY-MM-DD 格式的日期（如 2023-05-04），实际是 \""
                    + VisibleText.excerpt(text) + "\"");
            return null;
        }
        try {
            return LocalDate.parse(text, STRICT_DATE);
        } catch (DateTimeParseException e) {
            boolean shaped = text.matches("\\d{4}-\\d{2}-\\d{2}");
            f.report(ProblemCode.DATE_INVALID, JsonPaths.child(path, name), shaped
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
                f.report(ProblemCode.FIELD_TYPE, at, "应为代码字符串，实际是" + JsonFields.describe(v));
                ok = false;
            } else if (!out.add(v.asText().strip())) {
                f.report(ProblemCode.CODE_DUPLICATE, at, "代码 \"" + v.asText() + "\" 重复出现");
                ok = false;
            }
        }
        return ok ? out : null;
    }

    private static BigDecimal amount(JsonFields f, JsonNode a, String path, InputLimits limits) {
        JsonNode v = a.get("amount");
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isNumber()) {
            f.report(ProblemCode.FIELD_TYPE, JsonPaths.child(path, "amount"), "金额应为数字（单位：元，如 12500.50），实际是" + JsonFields.describe(v));
            return null;
        }
        BigDecimal amount = v.decimalValue();
        String wrong = SubmissionValidator.amountProblem(amount, limits.maxAmount());
        if (wrong != null) {
            f.report(ProblemCode.AMOUNT_INVALID, JsonPaths.child(path, "amount"), wrong);
            return null;
        }
        return amount.scale() < 0 ? amount.setScale(0) : amount;
    }
}
