package dev.plancheck.engine;

import dev.plancheck.input.Problem;
import dev.plancheck.input.ProblemCode;
import dev.plancheck.report.RuleInfo;
import dev.plancheck.input.RulePackException;
import dev.plancheck.report.Scope;
import dev.plancheck.report.Severity;
import dev.plancheck.pack.ClauseBook;
import dev.plancheck.pack.DrlText;
import dev.plancheck.pack.RuleSet;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.io.Resource;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderError;
import org.kie.api.internal.utils.KieService;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.builder.KnowledgeBuilderFactoryService;
import org.kie.internal.io.ResourceFactory;

/**
 * A rule set compiled once into a Drools {@link KieBase}, with every rule's metadata read and checked: a missing
 * key, a duplicate id, an id that does not match its clause, a clause or sentence that is not in the document, or a
 * rule in the wrong section's file makes the whole pack fail with every such problem listed.
 */
public final class CompiledRules {
    /** Metadata every rule must carry. */
    public static final List<String> REQUIRED_KEYS = List.of("id", "title", "clause", "sentence", "scope", "severity", "evidence");
    /** Metadata a rule may carry. */
    public static final Set<String> OPTIONAL_KEYS = Set.of("trigger", "appliesTo");

    private static final Pattern FILE = Pattern.compile("s(\\d{2})_[a-z0-9_]+\\.drl");

    static {
        QuietLogging.ensure();
    }

    private final KieBase kieBase;
    /** Each rule's {@code exists} gates, found on first use ({@link #existsGates()}). */
    private final Map<org.drools.base.definitions.rule.impl.RuleImpl, List<org.drools.base.rule.Pattern>> existsGates =
            new java.util.concurrent.ConcurrentHashMap<>();
    private final RuleSet ruleSet;
    private final List<RuleInfo> rules;
    private final Map<String, RuleInfo> byId;
    /** Sessions between checks, reused once reset. */
    private final Sessions sessions;

    private CompiledRules(KieBase kieBase, RuleSet ruleSet, List<RuleInfo> rules) {
        this.kieBase = kieBase;
        this.ruleSet = ruleSet;
        this.rules = List.copyOf(rules);
        Map<String, RuleInfo> map = new LinkedHashMap<>();
        for (RuleInfo r : rules) {
            map.put(r.id(), r);
        }
        this.byId = Collections.unmodifiableMap(map);
        this.sessions = new Sessions(kieBase);
    }

    /**
     * The rule set's rules: from the executable model generated at build time when the rule set is bundled and its
     * model is on the class path (no DRL is parsed), otherwise compiled from its DRL now ({@link #compile}). Both
     * give the same rules with the same metadata, checked the same way.
     */
    public static CompiledRules load(RuleSet ruleSet) {
        KieBase prebuilt = PrebuiltModel.kieBase(ruleSet);
        return prebuilt == null ? compile(ruleSet) : of(prebuilt, prebuilt.getKiePackages(), ruleSet, fileNameProblems(ruleSet));
    }

    /** Compiles the rule set's DRL (read as UTF-8 text, so Chinese literals match) and checks every rule's metadata. */
    public static CompiledRules compile(RuleSet ruleSet) {
        if (!drlCompilerPresent()) {
            throw new RulePackException(List.of(new Problem(ProblemCode.DRL_COMPILER_MISSING, ruleSet.dir().describe(), 0, 0, "",
                    "这个规则包要在运行时编译 DRL，而类路径上没有 DRL 编译器；从磁盘加载规则包的程序请加入依赖 "
                            + "dev.plancheck:plancheck-authoring（它带有 drools-mvel 与 drools-compiler），内置规则包不需要它")));
        }
        List<Problem> problems = fileNameProblems(ruleSet);
        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder();
        Map<String, String> fileByPackagePath = new HashMap<>();
        for (Map.Entry<String, String> drl : ruleSet.drl().entrySet()) {
            Resource resource = ResourceFactory.newReaderResource(new StringReader(drl.getValue()), "UTF-8");
            resource.setSourcePath(drl.getKey());
            builder.add(resource, ResourceType.DRL);
            fileByPackagePath.put(drl.getKey(), ruleSet.dir().nameOf(drl.getKey()));
        }
        if (builder.hasErrors()) {
            for (KnowledgeBuilderError e : builder.getErrors()) {
                String source = e.getResource() == null ? ruleSet.dir().describe() : e.getResource().getSourcePath();
                int[] lines = e.getLines();
                problems.add(new Problem(ProblemCode.RULE_COMPILE, fileByPackagePath.getOrDefault(source, source),
                        lines != null && lines.length > 0 ? Math.max(lines[0], 0) : 0, 0, "",
                        "DRL 编译错误：" + e.getMessage().strip()));
            }
            throw new RulePackException(problems);
        }
        KieBase kieBase;
        try {
            kieBase = builder.newKieBase();
        } catch (RuntimeException e) {
            // Some errors surface only when the rule base is assembled; they are the pack's, not the checker's.
            problems.add(new Problem(ProblemCode.RULE_COMPILE, ruleSet.dir().describe(), 0, 0, "",
                    "DRL 编译错误（组装规则库时）：" + firstLine(e)));
            throw new RulePackException(problems);
        }
        for (LateErrorCheck check : java.util.ServiceLoader.load(LateErrorCheck.class, CompiledRules.class.getClassLoader())) {
            for (LateErrorCheck.LateError e : check.check(kieBase)) {
                String[] where = locate(ruleSet, e.ruleName(), e.expression());
                problems.add(new Problem(ProblemCode.RULE_COMPILE, where[0], Integer.parseInt(where[1]), 0, "",
                        "DRL 编译错误：规则 \"" + e.ruleName() + "\"" + (e.expression() == null ? "" : " 的条件 " + e.expression())
                                + " 无法编译：" + e.message() + (e.onADate() ? DATE_HINT : "")));
            }
        }
        return of(kieBase, builder.getKnowledgePackages(), ruleSet, problems);
    }

    /**
     * True when an expression names a date property of a fact type ({@code date}, {@code endDate}… of
     * {@code Activity}): decided by the expression, never by the compiler's words.
     *
     * <pre>{@code
     * CompiledRules.readsADate(Activity.class, "date <= \"2024-05-31\"");   // true
     * }</pre>
     */
    public static boolean readsADate(Class<?> type, String expression) {
        if (expression == null) {
            return false;
        }
        for (java.lang.reflect.Method m : type.getMethods()) {
            if (m.getParameterCount() == 0 && m.getName().startsWith("get") && m.getName().length() > 3
                    && java.time.temporal.Temporal.class.isAssignableFrom(m.getReturnType())) {
                String property = Character.toLowerCase(m.getName().charAt(3)) + m.getName().substring(4);
                if (Pattern.compile("\\b" + property + "\\b").matcher(expression).find()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Advice for the error a rule author meets most: a condition on a record's date that does not compile. */
    private static final String DATE_HINT =
            "（日期不能与字符串或数字比较：不要在条件中按日期筛选，把候选记录都交给 findings，由参数文件中的时段 Period 决定哪些计入）";

    /** The first line of an exception's message, or its type when it has none. */
    static String firstLine(Throwable t) {
        String m = t.getMessage();
        if (m == null || m.isBlank()) {
            return t.getClass().getSimpleName();
        }
        return m.strip().lines().findFirst().orElse("").strip();
    }

    /**
     * A problem of the rule set located at a rule: its file, and the line of {@code needle} within the rule (a constraint
     * as written), else the rule's own line.
     */
    Problem problemAt(ProblemCode code, String ruleName, String needle, String message) {
        String[] where = locate(ruleSet, ruleName, needle);
        return new Problem(code, where[0], Integer.parseInt(where[1]), 0, "", message);
    }

    /**
     * The problem for an exception thrown while the rules ran: a consequence that failed names its rule; a constraint
     * that failed (an executable model's, or a DRL one no check caught ahead) is traced to the rule whose text holds the
     * expression the engine quotes. Either way the engine's words, and a broken pack (exit 3), never a crash.
     */
    Problem failure(RuntimeException e) {
        String words = words(e);
        if (e instanceof org.kie.api.runtime.rule.ConsequenceException c && c.getRule() != null) {
            return problemAt(ProblemCode.RULE_FAILED, c.getRule().getName(), null,
                    "规则 \"" + c.getRule().getName() + "\" 的结论部分（then）运行出错：" + words);
        }
        Matcher near = NEAR.matcher(String.valueOf(e.getMessage()));
        String expression = near.find() ? near.group(1).strip() : null;
        if (expression != null) {
            for (Map.Entry<String, String> drl : ruleSet.drl().entrySet()) {
                int at = drl.getValue().indexOf(expression);
                if (at < 0) {
                    continue;
                }
                for (DrlText.Rule r : DrlText.rules(drl.getValue())) {
                    if (r.lhsFrom() <= at && at < r.rhsTo()) {
                        return new Problem(ProblemCode.RULE_FAILED, ruleSet.dir().nameOf(drl.getKey()),
                                DrlText.lineOf(drl.getValue(), at), 0, "", "规则 " + r.id() + " 的条件 " + expression
                                + " 运行时无法求值：" + words + (readsADate(dev.plancheck.model.Activity.class, expression) ? DATE_HINT : ""));
                    }
                }
            }
        }
        return new Problem(ProblemCode.RULE_FAILED, ruleSet.dir().describe(), 0, 0, "",
                "规则运行出错：" + words + (expression == null ? "" : "（条件 " + expression + "）"));
    }

    /** How MVEL quotes the expression it failed on: {@code [Near : {... date <= "2024-05-31" ....}]}. */
    private static final Pattern NEAR = Pattern.compile("\\[Near : \\{\\.\\.\\.(.*?)\\.\\.\\.\\.}]");

    /**
     * What the compiler or engine said, on one line: the innermost cause's first line, without MVEL's brackets.
     *
     * <pre>{@code
     * CompiledRules.words(e);   // "incompatible types in statement: class java.lang.String (compared from: class java.time.LocalDate)"
     * }</pre>
     */
    public static String words(Throwable t) {
        Throwable deepest = t;
        while (deepest.getCause() != null && deepest.getCause() != deepest) {
            deepest = deepest.getCause();
        }
        String first = firstLine(deepest);
        while (first.startsWith("[Error:")) {
            first = first.substring("[Error:".length()).strip();
        }
        while (first.endsWith("]")) {
            first = first.substring(0, first.length() - 1);
        }
        return dev.plancheck.text.VisibleText.line(first.isBlank() ? deepest.getClass().getSimpleName() : first);
    }

    /** The file (as shown) and line of a rule, or of {@code needle} inside it: {name, line}. */
    private static String[] locate(RuleSet ruleSet, String ruleName, String needle) {
        String head = "rule \"" + ruleName + "\"";
        for (Map.Entry<String, String> drl : ruleSet.drl().entrySet()) {
            String text = drl.getValue();
            int at = ruleName == null ? -1 : text.indexOf(head);
            if (at < 0) {
                continue;
            }
            int end = text.indexOf("\nend", at);
            int inRule = needle == null ? -1 : text.indexOf(needle, at);
            if (inRule < 0 && needle != null && needle.endsWith(" :")) {
                inRule = text.indexOf(needle.substring(0, needle.length() - 2) + ":", at);
            }
            int offset = inRule >= 0 && (end < 0 || inRule < end) ? inRule : at;
            return new String[] {ruleSet.dir().nameOf(drl.getKey()), String.valueOf(DrlText.lineOf(text, offset))};
        }
        return new String[] {ruleSet.dir().describe(), "0"};
    }

    /**
     * True when the DRL compiler is on the class path: the runtime runs the bundled packs' prebuilt models without it,
     * and plancheck-authoring brings it (drools-mvel, which brings drools-compiler) for packs loaded from disk.
     */
    public static boolean drlCompilerPresent() {
        return KieService.load(KnowledgeBuilderFactoryService.class) != null;
    }

    private static List<Problem> fileNameProblems(RuleSet ruleSet) {
        List<Problem> problems = new ArrayList<>();
        for (String file : ruleSet.drl().keySet()) {
            if (!FILE.matcher(file).matches()) {
                problems.add(new Problem(ProblemCode.PACK_INVALID, ruleSet.dir().nameOf(file), 0, 0, "", "规则文件名应形如 sNN_名称.drl（NN 为原文的章节号，如 s01_united_front.drl）"));
            }
        }
        return problems;
    }

    /** Reads and checks the metadata of every rule. */
    private static CompiledRules of(KieBase kieBase, Collection<KiePackage> packages, RuleSet ruleSet, List<Problem> problems) {
        List<RuleInfo> infos = new ArrayList<>();
        Map<String, String> idsSeen = new HashMap<>();
        for (KiePackage pkg : packages) {
            for (Rule rule : pkg.getRules()) {
                RuleInfo info = readMetadata(rule, ruleSet, problems, idsSeen);
                if (info != null) {
                    infos.add(info);
                }
            }
        }
        if (infos.isEmpty() && problems.isEmpty()) {
            problems.add(new Problem(ProblemCode.PACK_INVALID, ruleSet.dir().describe(), 0, 0, "", "规则集中没有任何规则"));
        }
        if (!problems.isEmpty()) {
            problems.sort(Problem.IN_FILE_ORDER);
            throw new RulePackException(problems);
        }
        infos.sort((a, b) -> RuleOrder.BY_ID.compare(a.id(), b.id()));
        return new CompiledRules(kieBase, ruleSet, infos);
    }

    private static RuleInfo readMetadata(Rule rule, RuleSet ruleSet, List<Problem> problems, Map<String, String> idsSeen) {
        String file = fileOf(rule, ruleSet);
        int line = lineOf(rule, ruleSet, file);
        String where = file == null ? ruleSet.dir().describe() : ruleSet.dir().nameOf(file);
        Map<String, Object> meta = rule.getMetaData();
        List<String> local = new ArrayList<>();
        for (String key : REQUIRED_KEYS) {
            Object v = meta.get(key);
            if (v == null || v.toString().isBlank()) {
                local.add("规则 \"" + rule.getName() + "\" 缺少元数据 @" + key + "(…)");
            }
        }
        for (String key : meta.keySet()) {
            if (!REQUIRED_KEYS.contains(key) && !OPTIONAL_KEYS.contains(key)) {
                local.add("规则 \"" + rule.getName() + "\" 有未知的元数据 @" + key + "；可用：" + String.join("、", REQUIRED_KEYS) + "、trigger、appliesTo");
            }
        }
        if (!local.isEmpty()) {
            local.forEach(m -> problems.add(new Problem(ProblemCode.RULE_METADATA, where, line, 0, "", m)));
            return null;
        }
        String id = text(meta, "id");
        String clause = text(meta, "clause");
        String sentence = text(meta, "sentence");
        Scope scope = Scope.fromCode(text(meta, "scope"));
        Severity severity = Severity.fromCode(text(meta, "severity"));
        if (!RuleOrder.ID.matcher(id).matches()) {
            local.add("规则 id \"" + id + "\" 应形如 R1.2-4（章节.条目-序号）或 R8-3（无条目的章节）");
        } else if (!clause.equals(RuleOrder.clauseOf(id))) {
            local.add("规则 " + id + " 的 id 属于 " + RuleOrder.clauseOf(id) + "，但 @clause 是 " + clause);
        }
        String earlier = idsSeen.putIfAbsent(id, rule.getName());
        if (earlier != null) {
            local.add("规则 id " + id + " 重复：\"" + earlier + "\" 与 \"" + rule.getName() + "\"；id 必须唯一且永不复用");
        }
        if (!rule.getName().startsWith(id + " ")) {
            local.add("规则名应以其 id 开头，如 \"" + id + " …\"，实际是 \"" + rule.getName() + "\"");
        }
        ClauseBook.Clause c = ruleSet.clauses() == null ? null : ruleSet.clauses().get(clause);
        if (c == null) {
            problems.add(new Problem(ProblemCode.RULE_CLAUSE, where, line, 0, "", "规则 " + id + " 引用的条款 " + clause + " 不在 clauses.json 中"));
        } else if (!c.duties().contains(sentence)) {
            problems.add(new Problem(ProblemCode.RULE_CLAUSE, where, line, 0, "", "规则 " + id + " 的 @sentence 不是条款 " + clause
                    + " 在 clauses.json 中列出的职责原句之一"));
        }
        if (scope == null) {
            local.add("规则 " + id + " 的 @scope 应为 subdistrict 或 community，实际是 \"" + text(meta, "scope") + "\"");
        }
        if (severity == null) {
            local.add("规则 " + id + " 的 @severity 应为 high、medium 或 low，实际是 \"" + text(meta, "severity") + "\"");
        }
        if (file != null) {
            Matcher m = FILE.matcher(file);
            String section = clause.replaceAll("§(\\d+).*", "$1");
            if (m.matches() && !String.valueOf(Integer.parseInt(m.group(1))).equals(section)) {
                local.add("规则 " + id + "（" + clause + "）写在了第 " + Integer.parseInt(m.group(1)) + " 部分的文件里；每个文件只放原文一个部分的规则");
            }
        }
        if (!local.isEmpty()) {
            local.forEach(m -> problems.add(new Problem(ProblemCode.RULE_METADATA, where, line, 0, "", m)));
            return null;
        }
        String trigger = meta.get("trigger") == null ? null : text(meta, "trigger");
        if (trigger != null && ruleSet.vocabulary() != null && !ruleSet.vocabulary().kinds().containsKey(trigger)) {
            problems.add(new Problem(ProblemCode.RULE_METADATA, where, line, 0, "", "规则 " + id + " 的 @trigger 应为 vocabulary.json 中的记录类别，实际是 \"" + trigger + "\""));
            return null;
        }
        String appliesTo = meta.get("appliesTo") == null ? null : text(meta, "appliesTo");
        return new RuleInfo(id, rule.getName(), text(meta, "title"), clause, sentence, scope, severity,
                text(meta, "evidence"), trigger, file, c.section(), appliesTo);
    }

    private static String text(Map<String, Object> meta, String key) {
        String v = String.valueOf(meta.get(key)).strip();
        // Depending on the DRL parser, a quoted value may come back with its quotes.
        if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
            v = v.substring(1, v.length() - 1);
        }
        return v;
    }

    private static String fileOf(Rule rule, RuleSet ruleSet) {
        String needle = "rule \"" + rule.getName() + "\"";
        for (Map.Entry<String, String> drl : ruleSet.drl().entrySet()) {
            if (drl.getValue().contains(needle)) {
                return drl.getKey();
            }
        }
        return null;
    }

    private static int lineOf(Rule rule, RuleSet ruleSet, String file) {
        if (file == null) {
            return 0;
        }
        String text = ruleSet.drl().get(file);
        int at = text.indexOf("rule \"" + rule.getName() + "\"");
        int line = 1;
        for (int i = 0; i < at; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    public KieBase kieBase() {
        return kieBase;
    }

    /** What each rule needs of the missing-organiser probe's copies, by rule id, read on first use ({@link ProbeCopies}). */
    private volatile Map<String, ProbeCopies.Needs> probeNeeds;

    /** The copies a probe of these rules (by id) must add. */
    ProbeCopies probeCopies(Collection<String> ruleIds) {
        Map<String, ProbeCopies.Needs> needs = probeNeeds;
        if (needs == null) {
            Map<String, ProbeCopies.Needs> read = new HashMap<>();
            for (KiePackage pkg : kieBase.getKiePackages()) {
                for (Rule rule : pkg.getRules()) {
                    read.put(Findings.idOf(rule), ProbeCopies.needs(rule));
                }
            }
            needs = Map.copyOf(read);
            probeNeeds = needs;
        }
        List<ProbeCopies.Needs> probed = new ArrayList<>(ruleIds.size());
        for (String id : ruleIds) {
            probed.add(needs.getOrDefault(id, ProbeCopies.Needs.EVERY_COPY));
        }
        return ProbeCopies.of(probed);
    }

    /** The rule base's sessions: each check takes one and gives it back ({@link Sessions}). */
    Sessions sessions() {
        return sessions;
    }

    /** The rules in id order. */
    public List<RuleInfo> rules() {
        return rules;
    }

    public RuleInfo rule(String id) {
        return byId.get(id);
    }

    /**
     * Each rule's top-level {@code exists Activity(…)} patterns, found once for the rule base and shared by the checks of
     * all threads ({@link ExistsGates}).
     */
    Map<org.drools.base.definitions.rule.impl.RuleImpl, List<org.drools.base.rule.Pattern>> existsGates() {
        return existsGates;
    }
}
