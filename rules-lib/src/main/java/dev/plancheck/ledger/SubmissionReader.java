package dev.plancheck.ledger;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.base.ParserBase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plancheck.input.InputLimits;
import dev.plancheck.input.InvalidSubmissionException;
import dev.plancheck.input.Problem;
import dev.plancheck.input.ProblemCode;
import dev.plancheck.input.Submission;
import dev.plancheck.json.JsonFields;
import dev.plancheck.json.JsonPaths;
import dev.plancheck.json.LocatedJson;
import dev.plancheck.json.ProblemList;
import dev.plancheck.json.Utf8Scan;
import dev.plancheck.model.Activity;
import dev.plancheck.model.OrgUnit;
import dev.plancheck.model.UnitAttribute;
import dev.plancheck.model.UnitLevel;
import dev.plancheck.model.Vocabulary;
import dev.plancheck.text.VisibleText;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads a submission from JSON (see {@code docs/input-format.md}) and validates it, reporting every problem at
 * once, each with its file, line, column and JSON path.
 *
 * <p><b>Validated while it streams.</b> The text is read once, token by token, with Jackson's streaming parser,
 * straight into the model: each record's members become an {@link Activity} (and a
 * {@link SubmissionValidator.Draft} for the checks that span records) as they pass, with no tree of the record. Of a
 * value's place only its line and column are kept, as two ints; a JSON path, a location and a message are built only
 * for a value that is wrong. A value of the wrong type and an unknown member are read into a small located tree
 * ({@link LocatedJson#read}), so that they are described, and what is nested in them checked, exactly as elsewhere.
 * Problems of a record are added when the record has been read to its end, JSON-level ones (a duplicate key, a string
 * over the limit) with them, those of the units and the year when the document has: a syntax error reports what was
 * complete before it, as it always has.
 *
 * <p><b>Adding a member</b> (e.g. an attribute of a unit): add a constant to {@link RecordField} or {@link UnitField}
 * naming the member and how its value is read ({@link Value}: text, date, codes, an integer in a range, an amount);
 * the value is then in {@code Members.value} under the constant's ordinal when the object ends, ready to be put in the
 * {@code Activity}, {@code Draft} or {@code OrgUnit}. Until a member is added it is reported as unknown. An object
 * has at most 31 members (they are bits of an int).
 */
public final class SubmissionReader {
    private static final Set<String> ROOT_FIELDS = Set.of("$schema", "$comment", "year", "units", "activities");
    private static final String ROOT_FIELDS_TEXT = String.join("、", JsonFields.sorted(ROOT_FIELDS));

    private final SubmissionValidator validator;
    /** Submissions this reader read: already validated against this pack, so {@link #validate} has nothing to add. */
    private final Map<Submission, Boolean> readHere = Collections.synchronizedMap(new WeakHashMap<>());
    private volatile Factory factory = new Factory(InputLimits.defaults(), LocatedJson.factory(InputLimits.defaults()));

    private final Map<String, UnitAttribute> attributes;

    public SubmissionReader(Vocabulary vocabulary, int packYear, String packId) {
        this(vocabulary, packYear, packId, Map.of());
    }

    /** @param attributes the unit attributes the pack declares, by id: a unit's {@code attributes} are read as these */
    public SubmissionReader(Vocabulary vocabulary, int packYear, String packId, Map<String, UnitAttribute> attributes) {
        this.validator = new SubmissionValidator(vocabulary, packYear, packId, attributes);
        this.attributes = Map.copyOf(attributes);
    }

    /** Opens the input afresh each time: on a problem with its encoding or size it is read again to say where. */
    @FunctionalInterface
    public interface Source extends Utf8Scan.Source {
    }

    /** A parser factory with the limits of the last read (a factory is made once per set of limits, not per read). */
    private record Factory(InputLimits limits, JsonFactory json) {
    }

    private JsonFactory factory(InputLimits limits) {
        Factory f = factory;
        if (!f.limits().equals(limits)) {
            f = new Factory(limits, LocatedJson.factory(limits));
            factory = f;
        }
        return f.json();
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

    /**
     * Reads and validates a submission held in memory, with the given limits: the bytes are decoded (and so checked
     * to be UTF-8) in one pass, then parsed from the characters.
     */
    public Submission read(String file, byte[] bytes, InputLimits limits) throws InvalidSubmissionException {
        Source source = () -> new ByteArrayInputStream(bytes);
        try {
            CharBuffer text = bytes.length > limits.maxFileBytes() ? null : decode(bytes);
            if (text == null) {
                ProblemList problems = new ProblemList(limits.maxProblems());
                problems.add(encodingOrSize(file, source, limits, null));
                throw problems.exception();
            }
            int bom = text.length() > 0 && text.get(0) == '\uFEFF' ? 1 : 0;
            try (JsonParser p = factory(limits).createParser(text.array(), bom, text.length() - bom)) {
                return finish(new Read(file, limits), p, null);
            } catch (JsonProcessingException e) {
                // A syntax error or a limit the parser enforces: the same text read as a stream gives the parser's
                // message exactly as every other reader of plancheck's gives it (it names its source).
                return read(file, source, limits);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("reading from memory cannot fail", e);
        }
    }

    /**
     * Reads and validates a submission as a stream: one record at a time is held, so memory grows with the records
     * kept, not with the text of the file. The text is decoded as it is parsed, and to its end whatever the parser
     * finds: a file that is not UTF-8 or is over {@link InputLimits#maxFileBytes()} gets that one problem, wherever
     * the bad byte is. Every problem is reported at once, up to {@link InputLimits#maxProblems()}, the rest counted.
     *
     * @param file   the file's name as the user gave it, used in messages
     * @param source the file's content (UTF-8 JSON)
     * @throws InvalidSubmissionException with every problem found
     * @throws IOException                when the input cannot be read
     */
    public Submission read(String file, Source source, InputLimits limits) throws IOException, InvalidSubmissionException {
        Read read = new Read(file, limits);
        try (Reader in = Utf8Scan.reader(new Bounded(source.open(), limits.maxFileBytes()));
             // The parser would close the text at its end; what it leaves is still to be decoded (below).
             JsonParser p = factory(limits).createParser(in).disable(JsonParser.Feature.AUTO_CLOSE_SOURCE)) {
            return finish(read, p, in);
        } catch (CharacterCodingException | Bounded.TooLarge e) {
            ProblemList problems = new ProblemList(limits.maxProblems());
            problems.add(encodingOrSize(file, source, limits, e));
            throw problems.exception();
        }
    }

    /** Parses, reads the rest of {@code rest} (a stream's text after where the parser stopped), validates. */
    private Submission finish(Read read, JsonParser p, Reader rest) throws IOException, InvalidSubmissionException {
        ProblemList problems = read.problems;
        String file = read.file;
        try {
            try {
                read.parse(p);
            } catch (JsonProcessingException e) {
                if (rest == null) {
                    throw e;
                }
                // A broken limit is reported without a location; the parser knows where it stopped.
                throw e.getLocation() == null ? new JsonParseException(p, e.getOriginalMessage(), p.currentLocation(), e) : e;
            }
        } catch (LocatedJson.LimitExceeded e) {
            problems.add(new Problem(e.code, file, Math.max(e.at.getLineNr(), 0), Math.max(e.at.getColumnNr(), 0), "",
                    e.getMessage() + "（之后的内容没有检查）"));
            read.fatal = true;
        } catch (JsonProcessingException e) {
            if (rest == null) {
                throw e;
            }
            JsonLocation at = e.getLocation();
            problems.add(new Problem(LocatedJson.codeOf(e), file, at == null ? 0 : Math.max(at.getLineNr(), 0),
                    at == null ? 0 : Math.max(at.getColumnNr(), 0), "",
                    "JSON 语法错误：" + LocatedJson.explain(e.getOriginalMessage()) + "（语法错误之后的内容无法继续检查）"));
            read.fatal = true;
        }
        if (rest != null) {
            // The rest of the text, which the parser may not have reached, must be UTF-8 within the size limit too.
            char[] skip = new char[8192];
            while (rest.read(skip) >= 0) {
                // only decoded
            }
        }
        if (read.fatal) {
            throw problems.exception();
        }
        for (SubmissionValidator.PathProblem vp : validator.validate(read.year, read.units, read.drafts)) {
            problems.add(read.locate(vp.code(), vp.path(), vp.message()));
        }
        if (problems.total() > 0) {
            throw problems.exception();
        }
        Submission s = Submission.of(file, read.year, read.units, read.activities);
        // Validated above exactly as validate() would (the validator holds amounts to the default limit whatever
        // the reader's limit was): a check of this submission need not validate it again.
        readHere.put(s, Boolean.TRUE);
        return s;
    }

    /** The bytes as text, or {@code null} when they are not UTF-8. */
    private static CharBuffer decode(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CharBuffer out = CharBuffer.allocate(bytes.length); // UTF-8 never has more characters than bytes
        CoderResult r = decoder.decode(ByteBuffer.wrap(bytes), out, true);
        if (r.isError() || decoder.flush(out).isError()) {
            return null;
        }
        return out.flip();
    }

    /** The file's one problem when it is not UTF-8 or is too large, said as the first pass over a file says it. */
    private static Problem encodingOrSize(String file, Source source, InputLimits limits, IOException seen) throws IOException {
        Problem p = Utf8Scan.check(file, source, limits.maxFileBytes());
        return p != null ? p : new Problem(ProblemCode.FILE_UNREADABLE, file, 0, 0, "", "无法读取：" + seen.getMessage());
    }

    /** A stream that refuses to go past {@code max} bytes: the size limit, applied while the text is parsed. */
    private static final class Bounded extends FilterInputStream {
        private final long max;
        private long count;

        Bounded(InputStream in, long max) {
            super(in);
            this.max = max;
        }

        static final class TooLarge extends IOException {
            private static final long serialVersionUID = 1L;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0 && ++count > max) {
                throw new TooLarge();
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0 && (count += n) > max) {
                throw new TooLarge();
            }
            return n;
        }
    }

    /**
     * Validates a submission built in code; problems carry JSON paths as if it had been written as JSON. A
     * submission this reader read has been validated already.
     *
     * @throws InvalidSubmissionException with every problem found
     */
    public void validate(Submission s) throws InvalidSubmissionException {
        if (readHere.containsKey(s)) {
            return;
        }
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

    // ---- what is read, member by member ----

    /** How a member's value is read; each gives {@code null} for a value that is wrong (and reports it) or absent. */
    enum Value {
        /** A non-blank string, stripped. */
        TEXT,
        /** A {@code YYYY-MM-DD} date that exists. */
        DATE,
        /** An array of distinct non-blank code strings, stripped; absent or null is the empty set. */
        CODES,
        /** An integer from 0 to 10,000,000. */
        COUNT,
        /** An amount of money in yuan: at least 0, at most the limit, two decimals at most. */
        AMOUNT,
        /** A unit's attributes: an object of the pack's attribute ids; values are checked by the validator. */
        ATTRIBUTES
    }

    /** A member of an object of the submission. */
    interface Field {
        /** The member's name in JSON. */
        String json();

        Value value();

        boolean required();

        int ordinal();
    }

    /** The members of an activity record, in alphabetical order (the order messages list them in). */
    enum RecordField implements Field {
        AMOUNT("amount", Value.AMOUNT, false),
        DATE("date", Value.DATE, true),
        DESCRIPTION("description", Value.TEXT, false),
        END_DATE("endDate", Value.DATE, false),
        GROUPS("groups", Value.CODES, false),
        HONOUR_LEVEL("honourLevel", Value.TEXT, false),
        ID("id", Value.TEXT, true),
        KIND("kind", Value.TEXT, true),
        ORGANISER("organiser", Value.TEXT, false),
        PARTICIPANTS("participants", Value.COUNT, false),
        RELATES_TO("relatesTo", Value.TEXT, false),
        TITLE("title", Value.TEXT, true),
        TOPICS("topics", Value.CODES, false),
        UNIT("unit", Value.TEXT, true);

        private final String json;
        private final Value value;
        private final boolean required;

        RecordField(String json, Value value, boolean required) {
            this.json = json;
            this.value = value;
            this.required = required;
        }

        @Override
        public String json() {
            return json;
        }

        @Override
        public Value value() {
            return value;
        }

        @Override
        public boolean required() {
            return required;
        }
    }

    /** The members of a unit. */
    enum UnitField implements Field {
        ATTRIBUTES("attributes", Value.ATTRIBUTES, false),
        ID("id", Value.TEXT, true),
        LEVEL("level", Value.TEXT, true),
        NAME("name", Value.TEXT, true);

        private final String json;
        private final Value value;
        private final boolean required;

        UnitField(String json, Value value, boolean required) {
            this.json = json;
            this.value = value;
            this.required = required;
        }

        @Override
        public String json() {
            return json;
        }

        @Override
        public Value value() {
            return value;
        }

        @Override
        public boolean required() {
            return required;
        }
    }

    /** The members of one kind of object, looked up by name. */
    private static final class Schema {
        final Field[] fields;
        final Map<String, Field> byName = new HashMap<>();
        /** "这里可用的字段是：…" */
        final String allowed;

        Schema(Field[] fields) {
            this.fields = fields;
            for (Field f : fields) {
                byName.put(f.json(), f);
            }
            this.allowed = String.join("、", JsonFields.sorted(byName.keySet()));
        }
    }

    private static final Schema RECORD = new Schema(RecordField.values());
    private static final Schema UNIT = new Schema(UnitField.values());
    private static final List<String> RECORD_FIELD_NAMES = Arrays.stream(RecordField.values()).map(RecordField::json).toList();

    /** The names of the members present (not null) in a record, for each set of them: one set, not one per record. */
    private static final Map<Integer, Set<String>> PRESENT = new ConcurrentHashMap<>();

    private static Set<String> present(int mask, List<String> unknownPresent) {
        Set<String> known = PRESENT.computeIfAbsent(mask, k -> {
            Set<String> s = new HashSet<>();
            for (RecordField f : RecordField.values()) {
                if ((k & 1 << f.ordinal()) != 0) {
                    s.add(f.json());
                }
            }
            return Set.copyOf(s);
        });
        if (unknownPresent == null) {
            return known;
        }
        Set<String> all = new HashSet<>(known);
        all.addAll(unknownPresent);
        return Set.copyOf(all);
    }

    /** What was read of one object's members, by the member's ordinal; reused from object to object. */
    private static final class Members {
        final Object[] value;
        final int[] line;
        final int[] column;
        /** Members met (the first of a duplicate is the one read). */
        int seen;
        /** Members met whose value is not null. */
        int present;
        /** Unknown members: names met, in order; and where each one's path was last given a value. */
        List<String> unknown;
        Map<String, int[]> unknownAt;
        List<String> unknownPresent;

        Members(int size) {
            value = new Object[size];
            line = new int[size];
            column = new int[size];
        }

        void clear() {
            Arrays.fill(value, null);
            seen = 0;
            present = 0;
            unknown = null;
            unknownAt = null;
            unknownPresent = null;
        }

        boolean has(Field f) {
            return (seen & 1 << f.ordinal()) != 0;
        }

        boolean isPresent(Field f) {
            return (present & 1 << f.ordinal()) != 0;
        }

        String text(Field f) {
            return (String) value[f.ordinal()];
        }
    }

    /** The state of one read: what was kept of the records, and the problems waiting for the end of a record. */
    private final class Read {
        final String file;
        final InputLimits limits;
        final ProblemList problems;
        /** JSON-level problems (a duplicate key, a long string, a lone surrogate), added when the record ends. */
        final List<Problem> found = new ArrayList<>();
        /** Problems of the record being read, added when it ends. */
        final List<Problem> recordProblems = new ArrayList<>();
        /** Problems of the units, added when the document ends. */
        final List<Problem> unitProblems = new ArrayList<>();
        /** The root's small members (year, $schema, $comment) as a tree; the streamed arrays as placeholders. */
        final ObjectNode root = JsonNodeFactory.instance.objectNode();
        final Map<String, JsonLocation> rootLocations = new HashMap<>();
        final List<SubmissionValidator.Draft> drafts = new ArrayList<>();
        final List<Activity> activities = new ArrayList<>();
        final List<OrgUnit> units = new ArrayList<>();
        final Members record = new Members(RecordField.values().length);
        final Members unit = new Members(UnitField.values().length);
        /** Where each unit's id is, by the unit's index. */
        final Map<Integer, int[]> unitIdAt = new HashMap<>();
        /** Where each unit's attributes, and each attribute, were read, by path. */
        final Map<String, int[]> attributeAt = new HashMap<>();
        /** Per record: its line and column, then those of each member in {@link RecordField} order (0 when absent). */
        int[] positions = new int[64 * SLOTS];
        int records;
        boolean unitsStreamed;
        boolean activitiesStreamed;
        Integer year;
        boolean fatal;
        ParserBase at;

        Read(String file, InputLimits limits) {
            this.file = file;
            this.limits = limits;
            this.problems = new ProblemList(limits.maxProblems());
        }

        void parse(JsonParser p) throws IOException {
            // Jackson's parsers keep the token's line and column as ints; a JsonLocation is made only for a problem.
            at = (ParserBase) p;
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
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonLocation keyAt = p.currentTokenLocation();
                JsonToken value = p.nextToken();
                String path = JsonPaths.child("$", name);
                if (root.has(name)) {
                    found.add(duplicate(keyAt, path, name));
                    p.skipChildren();
                } else if (!ROOT_FIELDS.contains(name)) {
                    found.add(new Problem(ProblemCode.FIELD_UNKNOWN, file, keyAt.getLineNr(), keyAt.getColumnNr(), path, "未知字段 \""
                            + VisibleText.excerpt(name) + "\"；这里可用的字段是：" + ROOT_FIELDS_TEXT));
                    root.putNull(name);
                    p.skipChildren();
                } else if (name.equals("activities") && value == JsonToken.START_ARRAY) {
                    rootLocations.put(path, p.currentTokenLocation());
                    root.putArray(name);
                    activitiesStreamed = true;
                    activities(p);
                } else if (name.equals("units") && value == JsonToken.START_ARRAY) {
                    rootLocations.put(path, p.currentTokenLocation());
                    root.putArray(name);
                    unitsStreamed = true;
                    units(p);
                } else {
                    root.set(name, LocatedJson.read(p, path, rootLocations, file, found, limits));
                }
            }
            if (p.nextToken() != null) {
                JsonLocation end = p.currentTokenLocation();
                problems.add(new Problem(ProblemCode.JSON_SYNTAX, file, end.getLineNr(), end.getColumnNr(), "",
                        "JSON 值结束后还有多余内容，一个文件只能有一个 JSON 对象"));
                fatal = true;
                return;
            }
            problems.addAll(found);
            JsonFields f = new JsonFields(rootDoc(), problems, ProblemCode.FIELD_TYPE);
            year = f.integer(root, "$", "year", true, 1900, 2100);
            if (unitsStreamed) {
                if (units.isEmpty()) {
                    f.report(ProblemCode.UNITS_INVALID, "$.units", "units 不能为空：应列出街道及其各社区");
                }
                problems.addAll(unitProblems);
            } else {
                f.array(root, "$", "units", true);
            }
            if (!activitiesStreamed) {
                f.array(root, "$", "activities", true);
            }
        }

        // ---- the units ----

        private void units(JsonParser p) throws IOException {
            int index = 0;
            while (p.nextToken() != JsonToken.END_ARRAY) {
                if (index >= limits.maxRecords()) {
                    throw new LocatedJson.LimitExceeded(ProblemCode.LIMIT_RECORDS, p.currentTokenLocation(), "数组元素过多：超过上限 "
                            + limits.maxRecords() + " 个（上限可用 --max-records 调整）");
                }
                units.add(unit(p, index++));
            }
        }

        private OrgUnit unit(JsonParser p, int index) throws IOException {
            int line = line();
            int column = column();
            if (p.currentToken() != JsonToken.START_OBJECT) {
                String path = JsonPaths.element("$.units", index);
                JsonNode v = LocatedJson.read(p, path, new HashMap<>(), file, found, limits);
                unitProblems.add(new Problem(ProblemCode.FIELD_TYPE, file, line, column, path,
                        "应为一个单位对象 {\"id\": …, \"name\": …, \"level\": \"subdistrict\" 或 \"community\"}，实际是" + JsonFields.describe(v)));
                return null;
            }
            Members m = unit;
            m.clear();
            String path = JsonPaths.element("$.units", index); // a handful of units: no need to defer
            objectPath = path;
            members(p, m, UNIT, unitProblems);
            ended(m, UNIT, line, column, unitProblems);
            if (m.has(UnitField.ID)) {
                int i = UnitField.ID.ordinal();
                unitIdAt.put(index, new int[] {m.line[i], m.column[i]});
            }
            String id = m.text(UnitField.ID);
            String name = m.text(UnitField.NAME);
            String levelCode = m.text(UnitField.LEVEL);
            UnitLevel level = levelCode == null ? null : UnitLevel.fromCode(levelCode);
            if (levelCode != null && level == null) {
                int i = UnitField.LEVEL.ordinal();
                unitProblems.add(new Problem(ProblemCode.CODE_UNKNOWN, file, m.line[i], m.column[i], path + ".level",
                        "应为 \"subdistrict\"（街道）或 \"community\"（社区），实际是 \"" + levelCode + "\""));
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> attributes = (Map<String, Object>) m.value[UnitField.ATTRIBUTES.ordinal()];
            if (!m.has(UnitField.ATTRIBUTES)) {
                attributeAt.put(path + ".attributes", new int[] {line, column});
            }
            return id == null || name == null || level == null ? null
                    : new OrgUnit(id, name, level, attributes == null ? Map.of() : attributes);
        }

        // ---- the records ----

        /** Reads the records one at a time, keeping a draft, the activity and the place of each member. */
        private void activities(JsonParser p) throws IOException {
            int index = 0;
            while (p.nextToken() != JsonToken.END_ARRAY) {
                if (index >= limits.maxRecords()) {
                    throw new LocatedJson.LimitExceeded(ProblemCode.LIMIT_RECORDS, p.currentTokenLocation(), "记录过多：activities 超过上限 "
                            + limits.maxRecords() + " 条（上限可用 --max-records 调整）");
                }
                activity(p, index++);
                problems.addAll(found);
                found.clear();
                problems.addAll(recordProblems);
                recordProblems.clear();
            }
        }

        /** Reads one record into a draft (always, if it is an object) and an activity (only if every member could be read). */
        private void activity(JsonParser p, int index) throws IOException {
            int line = line();
            int column = column();
            if ((records + 1) * SLOTS > positions.length) {
                positions = Arrays.copyOf(positions, positions.length * 2);
            }
            int base = records++ * SLOTS;
            Arrays.fill(positions, base, base + SLOTS, 0);
            positions[base] = line;
            positions[base + 1] = column;
            if (p.currentToken() != JsonToken.START_OBJECT) {
                String path = JsonPaths.element("$.activities", index);
                JsonNode v = LocatedJson.read(p, path, new HashMap<>(), file, found, limits);
                recordProblems.add(new Problem(ProblemCode.FIELD_TYPE, file, line, column, path, "应为一条活动记录对象 {\"id\": …, \"unit\": …, "
                        + "\"kind\": …, \"date\": …, \"title\": …}，实际是" + JsonFields.describe(v)));
                return;
            }
            Members m = record;
            m.clear();
            objectPath = null;
            recordIndex = index;
            members(p, m, RECORD, recordProblems);
            ended(m, RECORD, line, column, recordProblems);
            for (RecordField f : RecordField.values()) {
                int i = f.ordinal();
                if (m.has(f)) {
                    positions[base + 2 + 2 * i] = m.line[i];
                    positions[base + 3 + 2 * i] = m.column[i];
                }
            }
            String id = m.text(RecordField.ID);
            String unitId = m.text(RecordField.UNIT);
            String kind = m.text(RecordField.KIND);
            LocalDate date = (LocalDate) m.value[RecordField.DATE.ordinal()];
            LocalDate endDate = (LocalDate) m.value[RecordField.END_DATE.ordinal()];
            String title = m.text(RecordField.TITLE);
            @SuppressWarnings("unchecked")
            Set<String> topics = m.isPresent(RecordField.TOPICS) ? (Set<String>) m.value[RecordField.TOPICS.ordinal()] : Set.of();
            @SuppressWarnings("unchecked")
            Set<String> groups = m.isPresent(RecordField.GROUPS) ? (Set<String>) m.value[RecordField.GROUPS.ordinal()] : Set.of();
            Integer participants = (Integer) m.value[RecordField.PARTICIPANTS.ordinal()];
            BigDecimal amount = (BigDecimal) m.value[RecordField.AMOUNT.ordinal()];
            String relatesTo = m.text(RecordField.RELATES_TO);
            String honourLevel = m.text(RecordField.HONOUR_LEVEL);
            String organiser = m.text(RecordField.ORGANISER);
            String description = m.text(RecordField.DESCRIPTION);
            drafts.add(new SubmissionValidator.Draft(index, id, unitId, kind, date, endDate, topics, groups, participants,
                    amount, relatesTo, honourLevel, present(m.present, m.unknownPresent), organiser));
            boolean complete = id != null && unitId != null && kind != null && date != null && title != null
                    && topics != null && groups != null && (endDate != null || !m.isPresent(RecordField.END_DATE))
                    && (participants != null || !m.isPresent(RecordField.PARTICIPANTS))
                    && (amount != null || !m.isPresent(RecordField.AMOUNT));
            if (complete) {
                activities.add(Activity.builder(id).unitId(unitId).kind(kind).date(date).endDate(endDate).title(title)
                        .topics(topics).groups(groups).participants(participants).amount(amount).relatesTo(relatesTo)
                        .honourLevel(honourLevel).organiser(organiser).description(description)
                        .location(file + ":" + line + ":" + column).build());
            }
        }

        // ---- members and their values ----

        /** Reads the members of the object at the parser's {@code START_OBJECT} into {@code m}. */
        private void members(JsonParser p, Members m, Schema schema, List<Problem> out) throws IOException {
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                Field f = schema.byName.get(name);
                if (f != null ? m.has(f) : m.unknown != null && m.unknown.contains(name)) {
                    JsonLocation keyAt = p.currentTokenLocation();
                    p.nextToken();
                    found.add(duplicate(keyAt, JsonPaths.child(objectPath(), name), name));
                    p.skipChildren();
                    continue;
                }
                JsonToken token = p.nextToken();
                if (f == null) {
                    unknown(p, m, name);
                    continue;
                }
                int i = f.ordinal();
                m.seen |= 1 << i;
                m.line[i] = line();
                m.column[i] = column();
                if (token == JsonToken.VALUE_NULL) {
                    if (f.required()) {
                        out.add(at(ProblemCode.FIELD_MISSING, m, f, "字段 \"" + f.json() + "\" 不能为 null（应为" + expected(f.value()) + "）"));
                    }
                    continue;
                }
                m.present |= 1 << i;
                Object v = switch (f.value()) {
                    case TEXT -> text(p, m, f, out);
                    case DATE -> date(p, m, f, out);
                    case CODES -> codes(p, m, f, out);
                    case COUNT -> count(p, m, f, out);
                    case AMOUNT -> amount(p, m, f, out);
                    case ATTRIBUTES -> attributes(p, m, f, out);
                };
                m.value[i] = v;
            }
        }

        /** At the end of an object: required members that were missing, and the members that are not known. */
        private void ended(Members m, Schema schema, int line, int column, List<Problem> out) {
            for (Field f : schema.fields) {
                if (f.required() && !m.has(f)) {
                    out.add(new Problem(ProblemCode.FIELD_MISSING, file, line, column, objectPath(),
                            "缺少必填字段 \"" + f.json() + "\"（应为" + expected(f.value()) + "）"));
                }
            }
            if (m.unknown != null) {
                for (String name : m.unknown) {
                    String at = JsonPaths.child(objectPath(), name);
                    int[] where = m.unknownAt.get(at);
                    out.add(new Problem(ProblemCode.FIELD_UNKNOWN, file, where[0], where[1], at,
                            "未知字段 \"" + VisibleText.excerpt(name) + "\"；这里可用的字段是：" + schema.allowed));
                }
            }
        }

        /** An unknown member's value, read into a located tree for what is nested in it. */
        private void unknown(JsonParser p, Members m, String name) throws IOException {
            if (m.unknown == null) {
                m.unknown = new ArrayList<>();
                m.unknownAt = new HashMap<>();
            }
            m.unknown.add(name);
            String at = JsonPaths.child(objectPath(), name);
            Map<String, JsonLocation> where = new HashMap<>();
            JsonNode v = LocatedJson.read(p, at, where, file, found, limits);
            JsonLocation l = where.get(at);
            // Two long names can share a path (names in paths are excerpts): the later value is where both are shown.
            m.unknownAt.put(at, new int[] {l.getLineNr(), l.getColumnNr()});
            if (!v.isNull()) {
                if (m.unknownPresent == null) {
                    m.unknownPresent = new ArrayList<>();
                }
                m.unknownPresent.add(name);
            }
        }

        private String text(JsonParser p, Members m, Field f, List<Problem> out) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                out.add(at(ProblemCode.FIELD_TYPE, m, f, "应为字符串，实际是" + JsonFields.describe(tree(p, f))));
                return null;
            }
            String s = string(p, m.line[f.ordinal()], m.column[f.ordinal()], f);
            if (s.isBlank()) {
                out.add(at(ProblemCode.FIELD_MISSING, m, f, "不能为空字符串"));
                return null;
            }
            return s.strip();
        }

        private LocalDate date(JsonParser p, Members m, Field f, List<Problem> out) throws IOException {
            String text = text(p, m, f, out);
            if (text == null) {
                return null;
            }
            LocalDate d = Dates.parse(text);
            if (d == null) {
                out.add(at(ProblemCode.DATE_INVALID, m, f, Dates.shaped(text)
                        ? "日期 \"" + text + "\" 不存在；应为 YYYY-MM-DD 格式的真实日期"
                        // uuuu alone would take +99999-04-13 and -999999999-01-01.
                        : "应为 YYYY-MM-DD 格式的日期（如 2023-05-04），实际是 \"" + VisibleText.excerpt(text) + "\""));
            }
            return d;
        }

        private Set<String> codes(JsonParser p, Members m, Field f, List<Problem> out) throws IOException {
            if (p.currentToken() != JsonToken.START_ARRAY) {
                out.add(at(ProblemCode.FIELD_TYPE, m, f, "应为一个数组 […]，实际是" + JsonFields.describe(tree(p, f))));
                return null;
            }
            Set<String> codes = new LinkedHashSet<>();
            boolean ok = true;
            int index = 0;
            while (p.nextToken() != JsonToken.END_ARRAY) {
                if (index >= limits.maxRecords()) {
                    throw new LocatedJson.LimitExceeded(ProblemCode.LIMIT_RECORDS, p.currentTokenLocation(), "数组元素过多：超过上限 "
                            + limits.maxRecords() + " 个（上限可用 --max-records 调整）");
                }
                int line = line();
                int column = column();
                int i = index++;
                String s = null;
                if (p.currentToken() == JsonToken.VALUE_STRING) {
                    s = string(p, line, column, f, i);
                    if (!s.isBlank()) {
                        if (!codes.add(s.strip())) {
                            out.add(new Problem(ProblemCode.CODE_DUPLICATE, file, line, column, elementPath(f, i),
                                    "代码 \"" + s + "\" 重复出现"));
                            ok = false;
                        }
                        continue;
                    }
                }
                String path = elementPath(f, i);
                JsonNode v = s != null ? JsonNodeFactory.instance.textNode(s)
                        : LocatedJson.read(p, path, new HashMap<>(), file, found, limits);
                out.add(new Problem(ProblemCode.FIELD_TYPE, file, line, column, path, "应为代码字符串，实际是" + JsonFields.describe(v)));
                ok = false;
            }
            return ok ? codes : null;
        }

        private Integer count(JsonParser p, Members m, Field f, List<Problem> out) throws IOException {
            if (p.currentToken() == JsonToken.VALUE_NUMBER_INT && isLong(p)) {
                long v = p.getLongValue();
                if (v >= 0 && v <= MAX_PARTICIPANTS) {
                    return (int) v;
                }
            }
            JsonNode v = tree(p, f);
            if (!v.isIntegralNumber() || !v.canConvertToLong() || v.asLong() < 0 || v.asLong() > MAX_PARTICIPANTS) {
                out.add(at(v.isIntegralNumber() ? ProblemCode.VALUE_OUT_OF_RANGE : ProblemCode.FIELD_TYPE, m, f,
                        "应为 0 到 " + MAX_PARTICIPANTS + " 之间的整数，实际是" + JsonFields.describe(v)));
                return null;
            }
            return (int) v.asLong();
        }

        private BigDecimal amount(JsonParser p, Members m, Field f, List<Problem> out) throws IOException {
            BigDecimal amount;
            JsonToken t = p.currentToken();
            if (t == JsonToken.VALUE_NUMBER_INT) {
                amount = isLong(p) ? BigDecimal.valueOf(p.getLongValue()) : new BigDecimal(p.getBigIntegerValue());
            } else if (t == JsonToken.VALUE_NUMBER_FLOAT) {
                amount = p.getDecimalValue();
            } else {
                out.add(at(ProblemCode.FIELD_TYPE, m, f, "金额应为数字（单位：元，如 12500.50），实际是" + JsonFields.describe(tree(p, f))));
                return null;
            }
            String wrong = SubmissionValidator.amountProblem(amount, limits.maxAmount());
            if (wrong != null) {
                out.add(at(ProblemCode.AMOUNT_INVALID, m, f, wrong));
                return null;
            }
            return amount.scale() < 0 ? amount.setScale(0) : amount;
        }

        /**
         * A unit's attributes as the pack's declarations take them: a JSON number for a number, true/false for yes/no.
         * Anything else (an unknown id, a string, a negative number) is kept as read, for the validator to report at
         * the place kept here.
         */
        private Map<String, Object> attributes(JsonParser p, Members m, Field f, List<Problem> out) throws IOException {
            String at = JsonPaths.child(objectPath(), f.json());
            Map<String, JsonLocation> where = new HashMap<>();
            JsonNode v = LocatedJson.read(p, at, where, file, found, limits);
            if (!v.isObject()) {
                out.add(at(ProblemCode.FIELD_TYPE, m, f, "应为一个对象 {\"属性 id\": 值, …}，实际是" + JsonFields.describe(v)));
                return null;
            }
            Map<String, Object> read = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> e : JsonFields.members(v)) {
                JsonNode value = e.getValue();
                if (value.isNull()) {
                    continue; // stated as not known: a required one is reported missing
                }
                UnitAttribute a = attributes.get(e.getKey());
                Object taken = a == null ? null : a.parse(value.isNumber() ? value.decimalValue()
                        : value.isBoolean() ? (Object) value.booleanValue() : null);
                read.put(e.getKey(), taken == null ? value : taken);
                JsonLocation l = where.get(JsonPaths.child(at, e.getKey()));
                attributeAt.put(JsonPaths.child(at, e.getKey()), new int[] {l.getLineNr(), l.getColumnNr()});
            }
            attributeAt.put(at, new int[] {m.line[f.ordinal()], m.column[f.ordinal()]});
            return read;
        }

        private boolean isLong(JsonParser p) throws IOException {
            JsonParser.NumberType t = p.getNumberType();
            return t == JsonParser.NumberType.INT || t == JsonParser.NumberType.LONG;
        }

        /**
         * The string at the parser: one over the length limit is reported and cut to it, one with an unpaired UTF-16
         * surrogate is reported (as the located tree does for every string it reads).
         */
        private String string(JsonParser p, int line, int column, Field f) throws IOException {
            return string(p, line, column, f, -1);
        }

        private String string(JsonParser p, int line, int column, Field f, int element) throws IOException {
            String text = p.getText();
            if (text.length() > limits.maxStringLength()) {
                found.add(new Problem(ProblemCode.LIMIT_STRING_LENGTH, file, line, column, valuePath(f, element), "字符串过长：有 "
                        + text.length() + " 个字符，上限为 " + limits.maxStringLength() + "（上限可用 --max-string-length 调整）"));
                text = text.substring(0, limits.maxStringLength());
            }
            int lone = loneSurrogate(text);
            if (lone >= 0) {
                found.add(new Problem(ProblemCode.TEXT_INVALID, file, line, column, valuePath(f, element), String.format(
                        "字符串第 %d 个字符是不成对的 UTF-16 代理项 \\u%04X，不是有效的字符；请检查 \\u 转义（汉字和表情符号可直接写入）",
                        lone + 1, (int) text.charAt(lone))));
            }
            return text;
        }

        /** The value at the parser, of a type that is wrong for {@code f}, read into a located tree. */
        private JsonNode tree(JsonParser p, Field f) throws IOException {
            return LocatedJson.read(p, JsonPaths.child(objectPath(), f.json()), new HashMap<>(), file, found, limits);
        }

        private Problem at(ProblemCode code, Members m, Field f, String message) {
            int i = f.ordinal();
            return new Problem(code, file, m.line[i], m.column[i], JsonPaths.child(objectPath(), f.json()), message);
        }

        private String valuePath(Field f, int element) {
            return element < 0 ? JsonPaths.child(objectPath(), f.json()) : elementPath(f, element);
        }

        private String elementPath(Field f, int element) {
            return JsonPaths.element(JsonPaths.child(objectPath(), f.json()), element);
        }

        /** The path of the object being read, made when a problem first needs it. */
        private String objectPath;
        private int recordIndex;

        private String objectPath() {
            if (objectPath == null) {
                objectPath = recordPath(recordIndex);
            }
            return objectPath;
        }

        private String recordPath(int index) {
            return JsonPaths.element("$.activities", index);
        }

        private int line() {
            return at.getTokenLineNr();
        }

        /** The column as {@link JsonParser#currentTokenLocation()} gives it (Jackson's token column counts from 2). */
        private int column() {
            return at.getTokenColumnNr() - 1;
        }

        private Problem duplicate(JsonLocation keyAt, String path, String name) {
            return new Problem(ProblemCode.JSON_DUPLICATE_KEY, file, keyAt.getLineNr(), keyAt.getColumnNr(), path,
                    "键 \"" + VisibleText.excerpt(name) + "\" 在同一对象中出现了两次，每个键只能出现一次");
        }

        LocatedJson rootDoc() {
            return new LocatedJson(file, root, rootLocations);
        }

        /** Locates a validator's problem: records by their kept positions, the rest by the root's locations. */
        Problem locate(ProblemCode code, String path, String message) {
            java.util.regex.Matcher m = RECORD_PATH.matcher(path);
            if (m.matches()) {
                int base = Integer.parseInt(m.group(1)) * SLOTS;
                int slot = m.group(2) == null ? 0 : 1 + RECORD_FIELD_NAMES.indexOf(m.group(2));
                if (slot < 0 || positions[base + 2 * slot] == 0) {
                    slot = 0;
                }
                return new Problem(code, file, positions[base + 2 * slot], positions[base + 2 * slot + 1], path, message);
            }
            int[] attribute = attributeAt.get(path);
            if (attribute != null) {
                return new Problem(code, file, attribute[0], attribute[1], path, message);
            }
            m = UNIT_ID_PATH.matcher(path);
            if (m.matches() && unitIdAt.containsKey(Integer.parseInt(m.group(1)))) {
                int[] where = unitIdAt.get(Integer.parseInt(m.group(1)));
                return new Problem(code, file, where[0], where[1], path, message);
            }
            return rootDoc().problem(code, path, message);
        }
    }

    /** Ints kept per record: its line and column, then each member's. */
    private static final int SLOTS = 2 + 2 * RecordField.values().length;

    private static final int MAX_PARTICIPANTS = 10_000_000;
    private static final java.util.regex.Pattern RECORD_PATH =
            java.util.regex.Pattern.compile("\\$\\.activities\\[(\\d+)](?:\\.([A-Za-z]+))?.*");
    private static final java.util.regex.Pattern UNIT_ID_PATH = java.util.regex.Pattern.compile("\\$\\.units\\[(\\d+)]\\.id");

    private static String expected(Value v) {
        return switch (v) {
            case CODES -> "一个数组 […]";
            case COUNT -> "一个整数";
            case ATTRIBUTES -> "一个对象 {…}";
            default -> "一个字符串";
        };
    }

    /** The index of the first unpaired UTF-16 surrogate, or -1. */
    static int loneSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                } else {
                    return i;
                }
            }
        }
        return -1;
    }

    /** {@code YYYY-MM-DD} dates, parsed without a formatter: this runs for every date of every record. */
    static final class Dates {
        private Dates() {
        }

        /** Four digits, a hyphen, two digits, a hyphen, two digits (ASCII digits, as the regular expression \d is). */
        static boolean shaped(String s) {
            if (s.length() != 10 || s.charAt(4) != '-' || s.charAt(7) != '-') {
                return false;
            }
            for (int i = 0; i < 10; i++) {
                char c = s.charAt(i);
                if (i != 4 && i != 7 && (c < '0' || c > '9')) {
                    return false;
                }
            }
            return true;
        }

        /** The date, or {@code null} when it is not shaped so or does not exist (2023-02-30). */
        static LocalDate parse(String s) {
            if (!shaped(s)) {
                return null;
            }
            try {
                return LocalDate.of(digits(s, 0, 4), digits(s, 5, 7), digits(s, 8, 10));
            } catch (DateTimeException e) {
                return null;
            }
        }

        private static int digits(String s, int from, int to) {
            int n = 0;
            for (int i = from; i < to; i++) {
                n = n * 10 + s.charAt(i) - '0';
            }
            return n;
        }
    }
}
