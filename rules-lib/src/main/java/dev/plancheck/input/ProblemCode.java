package dev.plancheck.input;

/**
 * The stable machine code of a {@link Problem}, beside its Chinese message: what kind of thing is wrong. Codes are
 * never renamed or reused; the command line's JSON problems and the service's error bodies carry them
 * ({@code "code": "DATE_INVALID"}), and {@code docs/input-format.md} lists them all. Code that decides anything
 * about a problem (an exit code, an HTTP status, a hint) decides by its code, never by its words.
 *
 * <pre>{@code
 * catch (InvalidSubmissionException e) {
 *     if (e.problems().stream().anyMatch(p -> p.code() == ProblemCode.PACK_YEAR_MISMATCH)) { … choose another pack … }
 * }
 * }</pre>
 */
public enum ProblemCode {
    // ---- files ----
    /** The file or folder does not exist. */
    FILE_NOT_FOUND("文件或文件夹不存在"),
    /** Not a regular file (a folder, a FIFO, a device, a socket): never opened. */
    FILE_NOT_REGULAR("不是普通文件，未读取"),
    /** The file exists but cannot be read (permissions, an I/O error, a broken symbolic link). */
    FILE_UNREADABLE("文件无法读取"),
    /** A file type that is not read here (.xls, .pdf, no extension…). */
    FILE_TYPE_UNSUPPORTED("不能读取这种文件"),
    /** A path given empty, or a folder with no ledger in it. */
    FILE_NONE("没有可读的台账文件"),
    /** Not UTF-8 text (GBK, UTF-16, NUL bytes). */
    ENCODING_INVALID("文件不是 UTF-8 编码"),

    // ---- limits (InputLimits) ----
    /** A file larger than the limit (a ledger, a waiver file, an upload). */
    LIMIT_FILE_SIZE("文件超过大小上限"),
    /** More records, units, rows or array elements than the limit. */
    LIMIT_RECORDS("记录条数超过上限"),
    /** A string, a member name or a cell longer than the limit. */
    LIMIT_STRING_LENGTH("字符串超过长度上限"),
    /** A number literal longer than the limit. */
    LIMIT_NUMBER_LENGTH("数字超过长度上限"),
    /** Objects and arrays nested deeper than the limit. */
    LIMIT_DEPTH("嵌套超过层数上限"),
    /** A workbook that inflates to more than the limit, or compresses too well (a zip bomb). */
    LIMIT_UNZIPPED_SIZE("工作簿解压后超过上限"),
    /** A workbook with more parts (zip entries) than the limit. */
    LIMIT_ZIP_ENTRIES("工作簿的部件超过上限"),
    /** More waivers in one file or sheet than the limit. */
    LIMIT_WAIVERS("情况说明条数超过上限"),

    // ---- syntax ----
    /** JSON that does not parse, an empty file, or content after the value. */
    JSON_SYNTAX("JSON 语法错误"),
    /** A key that appears twice in one object. */
    JSON_DUPLICATE_KEY("同一对象中键重复"),
    /** A workbook that cannot be opened (damaged, encrypted, an old format, not a zip). */
    WORKBOOK_INVALID("工作簿无法打开"),
    /** A sheet, a header row or a column the layout needs is missing, or a column is not known. */
    SHEET_LAYOUT("工作表结构不符"),
    /** A CSV file that does not parse (an unclosed quote). */
    CSV_SYNTAX("CSV 格式错误"),

    // ---- fields ----
    /** A member or column that is not part of the format. */
    FIELD_UNKNOWN("未知字段"),
    /** A required field is missing, null or empty. */
    FIELD_MISSING("缺少必填字段"),
    /** A value of the wrong type (a number where text is due, an object where an array is due…). */
    FIELD_TYPE("字段类型不符"),
    /** A value outside its range (a negative count, a year the calendar does not cover…). */
    VALUE_OUT_OF_RANGE("数值超出范围"),
    /** Text holding something no text may hold (an unpaired UTF-16 surrogate). */
    TEXT_INVALID("文本中有无效字符"),
    /** A spreadsheet formula whose result the file does not hold (the checker does not calculate formulas). */
    FORMULA_NO_VALUE("公式没有保存计算结果"),
    /** A date that is not YYYY-MM-DD or does not exist (2023-02-30). */
    DATE_INVALID("日期格式错误或日期不存在"),
    /** An end date before the start date. */
    DATE_ORDER("结束日期早于开始日期"),
    /** An amount of money that is negative, too large or has more than two decimals. */
    AMOUNT_INVALID("金额无效"),
    /** A code (kind, topic, group, organiser, honour level, unit level) the pack's vocabulary does not have. */
    CODE_UNKNOWN("未知的代码"),
    /** The same code twice in one list. */
    CODE_DUPLICATE("代码重复"),
    /** Two units or two records with the same id. */
    ID_DUPLICATE("编号重复"),
    /** A record of a unit that is not in the submission's units. */
    UNIT_UNKNOWN("记录所属单位不存在"),
    /** Not exactly one subdistrict among the units, or no unit at all. */
    UNITS_INVALID("单位列表不符合要求"),
    /** A unit states an attribute the pack does not declare in {@code unitAttributes}. */
    ATTRIBUTE_UNKNOWN("未知的单位属性"),
    /** A unit does not state an attribute the pack declares required. */
    ATTRIBUTE_MISSING("缺少必填的单位属性"),
    /** A unit's attribute is not of its type: not a number of at least 0, or not yes/no (有/无、是/否). */
    ATTRIBUTE_INVALID("单位属性取值不符"),
    /** A field a kind requires is missing (a donation without an amount). */
    KIND_FIELD_MISSING("该类别的记录缺少必填字段"),
    /** A relatesTo that names no record, the record itself, or a record of the wrong kind. */
    REFERENCE_INVALID("relatesTo 指向的记录无效"),
    /** The submission's year is not the pack's: another pack is needed. */
    PACK_YEAR_MISMATCH("提交年度与规则包年度不符"),

    // ---- waivers ----
    /** A waiver names a rule the pack does not have. */
    WAIVER_RULE_UNKNOWN("情况说明所指的规则不存在"),
    /** A waiver names a unit that no checked ledger has. */
    WAIVER_UNIT_UNKNOWN("情况说明所指的单位不在任何台账中"),
    /** Two waivers for the same rule and unit, in one file or in several. */
    WAIVER_DUPLICATE("情况说明重复"),

    // ---- the check's options and request ----
    /** An as-of date that is not a real YYYY-MM-DD date. */
    AS_OF_INVALID("检查日期格式错误"),
    /** An as-of date before the pack's assessment year. */
    AS_OF_BEFORE_YEAR("检查日期早于考核年度"),
    /** An as-of date more than ten years after the pack's assessment year. */
    AS_OF_TOO_LATE("检查日期晚于考核年度十年以上"),
    /** An option out of its range (coming-due days, a limit). */
    OPTION_INVALID("选项取值无效"),
    /** A report format that is not known. */
    FORMAT_UNKNOWN("未知的报告格式"),
    /** A report could not be written to the output asked for. */
    OUTPUT_REFUSED("报告无法写出到指定位置"),

    // ---- the service's requests ----
    /** No such address, or no such pack. */
    REQUEST_NOT_FOUND("地址或规则包不存在"),
    /** A method the address does not accept. */
    REQUEST_METHOD("请求方法不被接受"),
    /** A missing or wrong access token. */
    REQUEST_UNAUTHORIZED("缺少或错误的访问令牌"),
    /** A body over the size limit, or more files than one request may carry. */
    REQUEST_TOO_LARGE("请求过大"),
    /** A content type the address does not read. */
    REQUEST_MEDIA_TYPE("请求的内容类型不被接受"),
    /** A body that is not valid multipart/form-data, or a header that is not valid. */
    REQUEST_MALFORMED("请求格式错误"),
    /** Every check slot is busy: try again shortly. */
    REQUEST_BUSY("服务正忙"),
    /** A request from another site (its Origin), or for a host name that is not this service's. */
    REQUEST_FORBIDDEN("请求来源不被接受"),
    /** A request whose body did not arrive in time: a stalled or too slow upload. */
    REQUEST_TIMEOUT("请求超时"),
    /** The service failed: not the request's fault. */
    INTERNAL_ERROR("服务内部错误"),

    // ---- packs ----
    /** No bundled pack of that id and no file at that path. */
    PACK_NOT_FOUND("规则包不存在"),
    /** A pack file (parameters, rule set index, clauses, vocabulary) that is wrong. */
    PACK_INVALID("规则包文件有误"),
    /** A DRL file that does not compile. */
    RULE_COMPILE("规则文件编译错误"),
    /** A rule whose metadata is missing, duplicated or does not match the clause book. */
    RULE_METADATA("规则元数据有误"),
    /** A rule whose clause is not in the clause book, or whose sentence is not one of its clause's duty sentences. */
    RULE_CLAUSE("规则所引条款或原句不在条款表中"),
    /** A rule that failed while it ran. */
    RULE_FAILED("规则运行出错"),
    /** A pack loaded from disk needs the DRL compiler, which is not on the class path. */
    DRL_COMPILER_MISSING("缺少 DRL 编译器"),

    // ---- the authoring kit ----
    /** A scenario file that is wrong. */
    SCENARIO_INVALID("场景文件有误"),
    /** A scenario file written for a pack of another year. */
    SCENARIO_OTHER_YEAR("场景文件是为另一年度的规则包写的"),
    /** A finding of the pack lint. */
    LINT_FINDING("规则包检查发现的问题");

    private final String chineseName;

    ProblemCode(String chineseName) {
        this.chineseName = chineseName;
    }

    /** What the code means, in Chinese, for the table in {@code docs/input-format.md}. */
    public String chineseName() {
        return chineseName;
    }
}
