package dev.plancheck.json;

import dev.plancheck.text.VisibleText;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plancheck.input.InputLimits;
import dev.plancheck.input.Problem;
import dev.plancheck.input.ProblemCode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON document read into a tree, remembering the line and column of every value so that later checks can
 * say exactly where a problem is. Syntax errors, duplicate keys and text that is not UTF-8 become
 * {@link Problem}s instead of exceptions.
 */
public final class LocatedJson {
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION).build();
    // Deprecated in Jackson 2.x for a configuration feature of ObjectMapper, which this reader (building nodes itself
    // from a parser) does not use: an amount must keep its scale exactly as written (12500.50 stays two decimals).
    @SuppressWarnings("deprecation")
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private final String file;
    private final JsonNode root;

    /** A parser factory that enforces the given limits while it reads, before any value is built. */
    public static JsonFactory factory(InputLimits limits) {
        return JsonFactory.builder().enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(limits.maxDepth())
                        // A little over the limit, so that a long string is reported as a located problem and the
                        // rest of the file is still read; far longer ones stop the parser.
                        .maxStringLength(limits.maxStringLength() * 4 + 1024)
                        .maxNameLength(limits.maxStringLength())
                        .maxNumberLength(limits.maxNumberLength())
                        .maxDocumentLength(limits.maxFileBytes())
                        .build())
                .build();
    }
    private final Map<String, JsonLocation> locations;

    /** A document read elsewhere (a record of a streamed file), with where each of its values starts. */
    public LocatedJson(String file, JsonNode root, Map<String, JsonLocation> locations) {
        this.file = file;
        this.root = root;
        this.locations = locations;
    }

    /**
     * Parses {@code bytes}; on failure adds problems to {@code problems} and returns {@code null}.
     * Duplicate keys are reported (every one) but the document is still returned, keeping the first value.
     */
    public static LocatedJson parse(String file, byte[] bytes, List<Problem> problems) {
        Problem encoding = checkUtf8(file, bytes);
        if (encoding != null) {
            problems.add(encoding);
            return null;
        }
        Map<String, JsonLocation> locations = new HashMap<>();
        try (JsonParser parser = FACTORY.createParser(bytes)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                problems.add(new Problem(ProblemCode.JSON_SYNTAX, file, 0, 0, "", "文件是空的，应为一个 JSON 对象"));
                return null;
            }
            List<Problem> duplicates = new ArrayList<>();
            JsonNode root = read(parser, "$", locations, file, duplicates);
            if (parser.nextToken() != null) {
                JsonLocation at = parser.currentTokenLocation();
                problems.add(new Problem(ProblemCode.JSON_SYNTAX, file, at.getLineNr(), at.getColumnNr(), "",
                        "JSON 值结束后还有多余内容，一个文件只能有一个 JSON 对象"));
                return null;
            }
            problems.addAll(duplicates);
            return new LocatedJson(file, root, locations);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            int line = at == null ? 0 : at.getLineNr();
            int column = at == null ? 0 : at.getColumnNr();
            problems.add(new Problem(codeOf(e), file, Math.max(line, 0), Math.max(column, 0), "",
                    "JSON 语法错误：" + explain(e.getOriginalMessage()) + "（语法错误之后的内容无法继续检查）"));
            return null;
        } catch (IOException e) {
            problems.add(new Problem(ProblemCode.FILE_UNREADABLE, file, 0, 0, "", "无法读取：" + e.getMessage()));
            return null;
        }
    }

    /**
     * A JSON array read element by element, as the submission reader reads records: every limit applied while
     * reading (string and number length, depth, file size), at most {@code maxElements} elements, each its own
     * located document, so that memory grows with the elements kept, never with a tree of the whole text.
     *
     * @param root     the document when it is not an array (then {@code elements} is empty), else null
     * @param elements the elements, each rooted at its path {@code $[i]}
     */
    public record Elements(LocatedJson root, List<LocatedJson> elements) {
    }

    /**
     * Reads a JSON array, bounded. On failure (not UTF-8, a syntax error, a limit that stops the parser, more than
     * {@code maxElements} elements) adds the located problem and returns null; long strings and duplicate keys are
     * added as problems and the elements still returned.
     *
     * <pre>{@code
     * LocatedJson.Elements waivers = LocatedJson.parseArray("情况说明.json", bytes, limits, limits.maxWaivers(),
     *         ProblemCode.LIMIT_WAIVERS, "情况说明过多：超过上限 " + limits.maxWaivers() + " 条", problems);
     * }</pre>
     *
     * @param tooMany the message when there are more than {@code maxElements} elements
     */
    public static Elements parseArray(String file, byte[] bytes, InputLimits limits, int maxElements,
                                      ProblemCode tooManyCode, String tooMany, List<Problem> problems) {
        Problem encoding = checkUtf8(file, bytes);
        if (encoding != null) {
            problems.add(encoding);
            return null;
        }
        List<Problem> found = new ArrayList<>();
        try (JsonParser parser = factory(limits).createParser(bytes)) {
            try {
                return elements(file, parser, limits, maxElements, tooManyCode, tooMany, problems, found);
            } catch (JsonProcessingException e) {
                // A broken limit is reported without a location; the parser knows where it stopped.
                throw e.getLocation() == null ? new JsonParseException(parser, e.getOriginalMessage(), parser.currentLocation(), e) : e;
            }
        } catch (LimitExceeded e) {
            problems.add(new Problem(e.code, file, Math.max(e.at.getLineNr(), 0), Math.max(e.at.getColumnNr(), 0), "",
                    e.getMessage() + "（之后的内容没有检查）"));
            return null;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            problems.add(new Problem(codeOf(e), file, at == null ? 0 : Math.max(at.getLineNr(), 0), at == null ? 0 : Math.max(at.getColumnNr(), 0),
                    "", "JSON 语法错误：" + explain(e.getOriginalMessage()) + "（语法错误之后的内容无法继续检查）"));
            return null;
        } catch (IOException e) {
            problems.add(new Problem(ProblemCode.FILE_UNREADABLE, file, 0, 0, "", "无法读取：" + e.getMessage()));
            return null;
        }
    }

    private static Elements elements(String file, JsonParser parser, InputLimits limits, int maxElements,
                                     ProblemCode tooManyCode, String tooMany,
                                     List<Problem> problems, List<Problem> found) throws IOException {
        {
            JsonToken first = parser.nextToken();
            if (first == null) {
                problems.add(new Problem(ProblemCode.JSON_SYNTAX, file, 0, 0, "", "文件是空的，应为一个 JSON 数组"));
                return null;
            }
            List<LocatedJson> elements = new ArrayList<>();
            LocatedJson root = null;
            if (first != JsonToken.START_ARRAY) {
                Map<String, JsonLocation> locations = new HashMap<>();
                root = new LocatedJson(file, read(parser, "$", locations, file, found, limits), locations);
            } else {
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    if (elements.size() == maxElements) {
                        JsonLocation at = parser.currentTokenLocation();
                        problems.add(new Problem(tooManyCode, file, at.getLineNr(), at.getColumnNr(), JsonPaths.element("$", maxElements),
                                tooMany + "（之后的内容没有检查）"));
                        return null;
                    }
                    Map<String, JsonLocation> locations = new HashMap<>();
                    String path = JsonPaths.element("$", elements.size());
                    elements.add(new LocatedJson(file, read(parser, path, locations, file, found, limits), locations));
                }
            }
            if (parser.nextToken() != null) {
                JsonLocation at = parser.currentTokenLocation();
                problems.add(new Problem(ProblemCode.JSON_SYNTAX, file, at.getLineNr(), at.getColumnNr(), "",
                        "JSON 值结束后还有多余内容，一个文件只能有一个 JSON 值"));
                return null;
            }
            problems.addAll(found);
            return new Elements(root, elements);
        }
    }

    private static JsonNode read(JsonParser p, String path, Map<String, JsonLocation> locations, String file,
                                 List<Problem> duplicates) throws IOException {
        return read(p, path, locations, file, duplicates, null);
    }

    /**
     * Reads the value at the parser's current token into a tree, remembering where each value starts. With
     * {@code limits}, also reports (in {@code found}) strings that are too long or hold a lone UTF-16 surrogate,
     * and stops at an array longer than the record limit.
     */
    public static JsonNode read(JsonParser p, String path, Map<String, JsonLocation> locations, String file,
                                List<Problem> duplicates, InputLimits limits) throws IOException {
        locations.put(path, p.currentTokenLocation());
        switch (p.currentToken()) {
            case START_OBJECT: {
                ObjectNode object = NODES.objectNode();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    JsonLocation keyAt = p.currentTokenLocation();
                    p.nextToken();
                    String childPath = JsonPaths.child(path, name);
                    if (object.has(name)) {
                        duplicates.add(new Problem(ProblemCode.JSON_DUPLICATE_KEY, file, keyAt.getLineNr(), keyAt.getColumnNr(), childPath,
                                "键 \"" + VisibleText.excerpt(name) + "\" 在同一对象中出现了两次，每个键只能出现一次"));
                        p.skipChildren();
                    } else {
                        object.set(name, read(p, childPath, locations, file, duplicates, limits));
                    }
                }
                return object;
            }
            case START_ARRAY: {
                ArrayNode array = NODES.arrayNode();
                int index = 0;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    if (limits != null && index >= limits.maxRecords()) {
                        throw new LimitExceeded(ProblemCode.LIMIT_RECORDS, p.currentTokenLocation(), "数组元素过多：超过上限 "
                                + limits.maxRecords() + " 个（上限可用 --max-records 调整）");
                    }
                    array.add(read(p, JsonPaths.element(path, index++), locations, file, duplicates, limits));
                }
                return array;
            }
            case VALUE_STRING: {
                String text = p.getText();
                if (limits != null) {
                    JsonLocation at = p.currentTokenLocation();
                    if (text.length() > limits.maxStringLength()) {
                        duplicates.add(new Problem(ProblemCode.LIMIT_STRING_LENGTH, file, at.getLineNr(), at.getColumnNr(), path, "字符串过长：有 "
                                + text.length() + " 个字符，上限为 " + limits.maxStringLength() + "（上限可用 --max-string-length 调整）"));
                        text = text.substring(0, limits.maxStringLength());
                    }
                    int lone = loneSurrogate(text);
                    if (lone >= 0) {
                        duplicates.add(new Problem(ProblemCode.TEXT_INVALID, file, at.getLineNr(), at.getColumnNr(), path, String.format(
                                "字符串第 %d 个字符是不成对的 UTF-16 代理项 \\u%04X，不是有效的字符；请检查 \\u 转义（汉字和表情符号可直接写入）",
                                lone + 1, (int) text.charAt(lone))));
                    }
                }
                return NODES.textNode(text);
            }
            case VALUE_NUMBER_INT:
                return NODES.numberNode(p.getBigIntegerValue());
            case VALUE_NUMBER_FLOAT:
                return NODES.numberNode(p.getDecimalValue());
            case VALUE_TRUE:
                return NODES.booleanNode(true);
            case VALUE_FALSE:
                return NODES.booleanNode(false);
            case VALUE_NULL:
                return NODES.nullNode();
            default:
                throw new IllegalStateException("unexpected token " + p.currentToken());
        }
    }

    /**
     * The code of a parser's error: a limit the parser enforces while it reads ({@link StreamConstraintsException},
     * told apart by the constraint it names), or a syntax error.
     */
    public static ProblemCode codeOf(JsonProcessingException e) {
        if (e instanceof StreamConstraintsException || e.getCause() instanceof StreamConstraintsException) {
            String m = String.valueOf(e.getOriginalMessage());
            if (m.contains("getMaxNestingDepth")) {
                return ProblemCode.LIMIT_DEPTH;
            } else if (m.contains("getMaxNumberLength")) {
                return ProblemCode.LIMIT_NUMBER_LENGTH;
            } else if (m.contains("getMaxDocumentLength")) {
                return ProblemCode.LIMIT_FILE_SIZE;
            }
            return ProblemCode.LIMIT_STRING_LENGTH;
        }
        return ProblemCode.JSON_SYNTAX;
    }

    /** The parser's message in Chinese for the common mistakes, with the parser's own words kept for the rest. */
    public static String explain(String parserMessage) {
        String m = parserMessage == null ? "" : parserMessage;
        String why;
        if (m.contains("getMaxNestingDepth")) {
            why = "嵌套过深：对象和数组的嵌套层数超过上限" + limitIn(m) + "（提交文件只需 4 层）";
        } else if (m.contains("getMaxStringLength")) {
            why = "字符串过长：超过上限" + limitIn(m) + " 个字符（上限可用 --max-string-length 调整）";
        } else if (m.contains("getMaxNameLength")) {
            why = "字段名过长：超过上限" + limitIn(m) + " 个字符";
        } else if (m.contains("getMaxNumberLength")) {
            why = "数字过长：超过上限" + limitIn(m) + " 个字符";
        } else if (m.contains("getMaxDocumentLength")) {
            why = "文件过大：超过上限" + limitIn(m) + " 个字符（上限可用 --max-file-mb 调整）";
        } else if (m.contains("code 0)")) {
            why = "此处有 NUL 字符（0x00）：JSON 文件中不能有；文件可能已损坏，或是 UTF-16/UTF-32 编码（请另存为 UTF-8）";
        } else if (m.contains("CTRL-CHAR")) {
            why = "字符串中有未转义的控制字符（换行、制表符等应写作 \\n、\\t）";
        } else if (m.contains("code 65306")) {
            why = "此处是全角冒号“：”，键和值之间应为英文冒号 :";
        } else if (m.contains("code 65292")) {
            why = "此处是全角逗号“，”，成员之间应为英文逗号 ,";
        } else if (m.contains("code 8220") || m.contains("code 8221")) {
            why = "此处是中文引号“ ”，字符串和字段名应使用英文双引号 \"";
        } else if (m.contains("Leading zeroes not allowed")) {
            why = "数字不能以 0 开头（如 007 应写作 7）";
        } else if (m.contains("Non-standard token")) {
            why = "NaN、Infinity 不是合法的 JSON 数字";
        } else if (m.contains("was expecting comma to separate Object entries")) {
            why = "对象的成员之间缺少逗号";
        } else if (m.contains("was expecting comma to separate Array entries")) {
            why = "数组的元素之间缺少逗号";
        } else if (m.contains("Unexpected end-of-input")) {
            why = "文件意外结束，括号或引号没有闭合";
        } else if (m.contains("was expecting double-quote to start field name")) {
            why = "字段名应以英文双引号开始（最后一项后面不能有逗号，也不能用单引号）";
        } else if (m.contains("Unrecognized token")) {
            why = "无法识别的内容（文字要加英文双引号，true、false、null 要小写）";
        } else if (m.contains("Unexpected character")) {
            why = "此处出现了不该出现的字符（中文标点、多余或缺少的符号？）";
        } else {
            return m.length() > 200 ? m.substring(0, 200) + "…" : m;
        }
        // The problem carries our own location; the parser's "[Source: …; line: 1, column: 25]" would contradict it
        // for a line of an NDJSON file, which the parser reads on its own.
        String said = SOURCE_LOCATION.matcher(m.lines().findFirst().orElse(m)).replaceAll("");
        return why + "；解析器原话：" + (said.length() > 160 ? said.substring(0, 160) + "…" : said);
    }

    private static final java.util.regex.Pattern SOURCE_LOCATION =
            java.util.regex.Pattern.compile(" ?\\(start marker at \\[Source: [^\\]]*\\]\\)| ?at \\[Source: [^\\]]*\\]");

    private static String limitIn(String m) {
        java.util.regex.Matcher n = java.util.regex.Pattern.compile("maximum allowed \\((\\d+)").matcher(m);
        return n.find() ? " " + n.group(1) : "";
    }

    /** The index of the first unpaired UTF-16 surrogate, or -1. */
    static int loneSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    /** A limit reached while reading: reading stops there, with a located message. */
    public static final class LimitExceeded extends IOException {
        private static final long serialVersionUID = 1L;

        /** Where reading stopped. */
        public final transient JsonLocation at;
        /** Which limit. */
        public final ProblemCode code;

        /** A limit reached at {@code at}, with the located message. */
        public LimitExceeded(ProblemCode code, JsonLocation at, String message) {
            super(message);
            this.at = at;
            this.code = code;
        }
    }

    /** Chinese offices often save as GBK; say so plainly instead of letting the parser fail on a byte. */
    private static Problem checkUtf8(String file, byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        try {
            decoder.decode(buffer);
            return null;
        } catch (CharacterCodingException e) {
            int bad = firstBadByte(bytes);
            int line = 1;
            for (int i = 0; i < bad; i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            return new Problem(ProblemCode.ENCODING_INVALID, file, line, 0, "",
                    "文件不是 UTF-8 编码（第 " + (bad + 1) + " 个字节无法按 UTF-8 解读）；如果是用 GBK/GB2312 保存的，请另存为 UTF-8");
        }
    }

    private static int firstBadByte(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate(bytes.length + 1);
        decoder.decode(in, out, true);
        return in.position();
    }

    public String file() {
        return file;
    }

    public JsonNode root() {
        return root;
    }

    /** A problem located at the value with the given JSON path (or, failing that, its nearest located parent). */
    public Problem problem(ProblemCode code, String path, String message) {
        String at = path;
        while (!locations.containsKey(at) && at.length() > 1) {
            at = JsonPaths.parent(at);
        }
        JsonLocation location = locations.get(at);
        if (location == null) {
            return new Problem(code, file, 0, 0, path, message);
        }
        return new Problem(code, file, location.getLineNr(), location.getColumnNr(), path, message);
    }
}
