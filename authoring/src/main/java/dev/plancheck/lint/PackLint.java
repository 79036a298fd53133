package dev.plancheck.lint;

import dev.plancheck.pack.PackLoader;
import dev.plancheck.pack.LoadedPack;
import dev.plancheck.input.ProblemCode;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plancheck.PlanChecker;
import dev.plancheck.input.Problem;
import dev.plancheck.report.RuleInfo;
import dev.plancheck.RulePack;
import dev.plancheck.input.RulePackException;
import dev.plancheck.lint.LintFinding.Check;
import dev.plancheck.pack.ClauseBook;
import dev.plancheck.pack.ClauseSentences;
import dev.plancheck.pack.DrlText;
import dev.plancheck.pack.DutyEvidence;
import dev.plancheck.pack.PeriodDef;
import dev.plancheck.pack.ResourceDir;
import dev.plancheck.pack.RuleSet;
import dev.plancheck.model.Vocabulary;
import dev.plancheck.model.WorkCalendar;
import dev.plancheck.scenario.CaseOutcome;
import dev.plancheck.scenario.InvalidScenarioException;
import dev.plancheck.scenario.ScenarioRunner;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import dev.plancheck.engine.CompiledRules;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Checks a rule pack without a ledger, as {@code checker lint PACK} does: its files, the DRL's compilation, every
 * rule's metadata and ids, the clauses against the source document, the parameters the rules name against those
 * the parameter file defines, and — with its scenario files — that every scenario passes and every rule is met in
 * one scenario and reports a gap in another. Every problem is collected; none stops the others unless the pack
 * cannot be read at all.
 *
 * <pre>{@code
 * LintResult r = PackLint.lint("sample-data/qingsong-2023/pack", null, true);   // scenarios beside pack.json
 * r.findings().forEach(System.out::println);   // e.g. [参数] …/pack.json:13: 时段 "spare" 已定义，但没有规则使用它；…
 * }</pre>
 */
public final class PackLint {
    private static final Pattern REFERENCE = Pattern.compile("\\b(Period|Quota|Deadline|Rate)\\s*\\(\\s*(id|series)\\s*==\\s*\"([^\"]+)\"");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private PackLint() {
    }

    /**
     * Lints a pack.
     *
     * @param idOrPath       a bundled pack's id, or the path of a parameter file (or of a folder holding {@code pack.json})
     * @param scenarios      the folder of scenario files, or {@code null} to use the pack's own: {@code scenarios/}
     *                       beside its parameter file, or for a bundled pack the repository's test scenarios when run
     *                       from a checkout
     * @param checkScenarios false to check the pack alone, without scenario coverage
     */
    public static LintResult lint(String idOrPath, Path scenarios, boolean checkScenarios) {
        List<LintFinding> findings = new ArrayList<>();
        Map<Check, String> notRun = new EnumMap<>(Check.class);
        RulePack pack;
        try {
            pack = RulePack.resolve(idOrPath);
        } catch (RulePackException e) {
            e.problems().forEach(p -> findings.add(new LintFinding(Check.FILES, p)));
            for (Check c : Check.values()) {
                if (c != Check.FILES) {
                    notRun.put(c, "规则包的文件无法读取");
                }
            }
            return new LintResult(idOrPath, null, 0, 0, 0, notRun, findings);
        }
        LoadedPack contents = PackLoader.reload(pack.origin());
        PlanChecker checker = null;
        try {
            checker = PlanChecker.create(pack);
            if (pack.origin().startsWith("classpath:")) {
                // A bundled pack runs its build-time model; its DRL is compiled here too, for the errors the model only
                // meets when a rule runs (a LocalDate compared with a string).
                CompiledRules.compile(contents.ruleSet());
            }
        } catch (RulePackException e) {
            for (Problem p : e.problems()) {
                findings.add(new LintFinding(classify(p.code()), p));
            }
        }
        if (checker == null) {
            boolean compiled = findings.stream().noneMatch(f -> f.check() == Check.COMPILE);
            if (!compiled && findings.stream().noneMatch(f -> f.check() == Check.METADATA)) {
                notRun.put(Check.METADATA, "规则未能编译");
            }
            notRun.put(Check.SOURCE_TEXT, "只核对了条款原文；职责原句是否都有规则落实，要等规则" + (compiled ? "元数据无误" : "能编译") + "后才能检查");
        }
        sourceText(contents, checker, findings);
        parameters(contents, findings);
        literals(contents, findings);
        evidence(contents, findings);
        matching(contents, findings);
        int files = 0;
        int cases = 0;
        if (!checkScenarios) {
            notRun.put(Check.SCENARIOS, "按要求跳过（--skip-scenarios）");
        } else {
            Path folder = scenarios != null ? scenarios : defaultScenarios(contents);
            if (folder == null || !Files.isDirectory(folder)) {
                findings.add(new LintFinding(Check.SCENARIOS, new Problem(ProblemCode.LINT_FINDING, folder == null ? pack.origin() : folder.toString(),
                        0, 0, "", "找不到场景文件夹，无法检查场景覆盖；请用 --scenarios 给出场景文件夹，或用 --skip-scenarios 只检查规则包本身")));
                notRun.put(Check.SCENARIOS, "找不到场景文件夹");
            } else if (checker != null) {
                int[] counts = scenarios(checker, folder, findings);
                files = counts[0];
                cases = counts[1];
            } else {
                notRun.put(Check.SCENARIOS, "规则包未能加载，场景无法运行");
            }
        }
        findings.sort(java.util.Comparator.comparing(LintFinding::check).thenComparing(LintFinding::problem, Problem.IN_FILE_ORDER));
        return new LintResult(pack.id(), pack.fingerprint(), checker == null ? 0 : checker.rules().size(), files, cases,
                notRun, findings);
    }

    private static Check classify(ProblemCode code) {
        return switch (code) {
            case RULE_COMPILE, DRL_COMPILER_MISSING -> Check.COMPILE;
            case RULE_CLAUSE -> Check.SOURCE_TEXT;
            default -> Check.METADATA;
        };
    }

    /** Clauses verbatim in the source document, and every duty sentence enforced by some rule. */
    private static void sourceText(LoadedPack contents, PlanChecker checker, List<LintFinding> findings) {
        RuleSet rules = contents.ruleSet();
        ClauseBook book = rules.clauses();
        String clausesFile = rules.dir().nameOf("clauses.json");
        Path source = find(rules.dir(), book.source());
        if (source == null) {
            findings.add(new LintFinding(Check.SOURCE_TEXT, new Problem(ProblemCode.LINT_FINDING, clausesFile, 0, 0, "$.source",
                    "找不到原文文件 " + book.source() + "（在规则集文件夹及其上级、当前文件夹及其上级中查找），无法核对条款原文")));
        } else {
            String document;
            try {
                document = Files.readString(source, StandardCharsets.UTF_8);
            } catch (IOException e) {
                document = "";
            }
            for (ClauseBook.Clause c : book.clauses().values()) {
                if (!document.contains(c.text())) {
                    findings.add(new LintFinding(Check.SOURCE_TEXT, new Problem(ProblemCode.LINT_FINDING, clausesFile, lineOf(text(rules.dir(), "clauses.json"),
                            "\"" + c.id() + "\""), 0, "", "条款 " + c.id() + " 的 text 不是原文 " + book.source() + " 中一字不差的一段")));
                }
            }
        }
        unaccounted(book, clausesFile, text(rules.dir(), "clauses.json"), findings);
        if (checker == null) {
            return;
        }
        for (ClauseBook.Clause c : book.clauses().values()) {
            for (String duty : c.duties()) {
                boolean cited = checker.rules().stream().anyMatch(r -> r.clause().equals(c.id()) && r.sentence().equals(duty));
                if (!cited) {
                    findings.add(new LintFinding(Check.SOURCE_TEXT, new Problem(ProblemCode.LINT_FINDING, clausesFile,
                            lineOf(text(rules.dir(), "clauses.json"), duty), 0, "",
                            "条款 " + c.id() + " 的职责原句“" + duty + "”没有任何规则落实（没有规则的 @sentence 是它）")));
                }
            }
        }
    }

    /**
     * Every sentence of every clause ({@link ClauseSentences}) is either ruled (a duty sentence covers part of it) or
     * declared 人工核验: a sentence that is neither would be left out of every report without a word.
     */
    private static void unaccounted(ClauseBook book, String clausesFile, String clausesText, List<LintFinding> findings) {
        for (ClauseBook.Clause c : book.clauses().values()) {
            for (ClauseSentences.Sentence s : ClauseSentences.unaccounted(c)) {
                findings.add(new LintFinding(Check.SOURCE_TEXT, new Problem(ProblemCode.LINT_FINDING, clausesFile,
                        lineOf(clausesText, "\"" + c.id() + "\""), 0, "", "条款 " + c.id() + " 的原句“" + s.text()
                        + "”既没有规则落实（不在任何职责原句 duties 中），也没有列为人工核验；请为它写规则并列入 duties，"
                        + "或在该条的 manual 中写明评估人员要查看什么：{\"sentence\": \"" + s.text() + "\", \"check\": \"…\"}")));
            }
        }
    }

    /** Every period, series, quota and deadline named in a rule is defined, and every one defined is named. */
    private static void parameters(LoadedPack contents, List<LintFinding> findings) {
        var params = contents.parameters();
        Set<String> series = new HashSet<>();
        params.periods().values().stream().map(PeriodDef::series).filter(s -> s != null).forEach(series::add);
        // Ids of the periods as rules see them: a series declared with "every" gives monthly.01, monthly.02…
        Set<String> periodIds = new HashSet<>();
        contents.periods().forEach(p -> periodIds.add(p.getId()));
        Set<String> usedPeriods = new HashSet<>();
        Set<String> usedSeries = new HashSet<>();
        Set<String> usedQuotas = new HashSet<>();
        Set<String> usedDeadlines = new HashSet<>();
        Set<String> usedRates = new HashSet<>();
        for (Map.Entry<String, String> drl : contents.ruleSet().drl().entrySet()) {
            Matcher m = REFERENCE.matcher(drl.getValue());
            while (m.find()) {
                String type = m.group(1);
                boolean bySeries = m.group(2).equals("series");
                String id = m.group(3);
                String defined = switch (type) {
                    case "Period" -> bySeries ? (series.contains(id) ? id : null) : (periodIds.contains(id) ? id : null);
                    case "Quota" -> params.quotas().containsKey(id) ? id : null;
                    case "Rate" -> params.units().rates().containsKey(id) ? id : null;
                    default -> params.deadlines().containsKey(id) ? id : null;
                };
                (type.equals("Quota") ? usedQuotas : type.equals("Deadline") ? usedDeadlines : type.equals("Rate") ? usedRates
                        : bySeries ? usedSeries : usedPeriods).add(id);
                if (defined == null) {
                    String what = switch (type) {
                        case "Period" -> bySeries ? "时段系列（series）" : "时段（periods）";
                        case "Quota" -> "数量（quotas）";
                        case "Rate" -> "比率（rates）";
                        default -> "期限（deadlines）";
                    };
                    findings.add(new LintFinding(Check.PARAMETERS, new Problem(ProblemCode.LINT_FINDING, contents.ruleSet().dir().nameOf(drl.getKey()),
                            lineAt(drl.getValue(), m.start()), 0, "", "规则引用的" + what + " \"" + id + "\" 在参数文件 "
                            + contents.origin() + " 中没有定义")));
                }
            }
        }
        String paramText = originText(contents);
        for (PeriodDef p : params.periods().values()) {
            boolean usedOne = p.every() != null && p.periodsIn(params.year()).stream().anyMatch(g -> usedPeriods.contains(g.getId()));
            if (!usedPeriods.contains(p.id()) && !usedOne && (p.series() == null || !usedSeries.contains(p.series()))) {
                unused(findings, contents, paramText, "时段", p.id());
            }
        }
        params.quotas().keySet().stream().filter(q -> !usedQuotas.contains(q)).forEach(q -> unused(findings, contents, paramText, "数量", q));
        params.deadlines().keySet().stream().filter(d -> !usedDeadlines.contains(d)).forEach(d -> unused(findings, contents, paramText, "期限", d));
        params.units().rates().keySet().stream().filter(r -> !usedRates.contains(r)).forEach(r -> unused(findings, contents, paramText, "比率", r));
        unitReferences(contents, paramText, findings);
        calendarReach(contents, paramText, findings);
    }

    /** {@code findings.ratioAtLeast(kcontext, $u, "…", "numerator", "denominator", $rate)}: the two attribute ids. */
    private static final Pattern RATIO = Pattern.compile("\\bratioAtLeast\\s*\\([^;]*?,\\s*\"[^\"]*\"\\s*,\\s*\"([^\"]*)\"\\s*,\\s*\"([^\"]*)\"");
    private static final Pattern APPLIES_TO = Pattern.compile("@appliesTo\\s*\\(\\s*\"([^\"]*)\"");

    /**
     * The attributes a ratio divides are declared numbers, and every unit condition is named by some rule's
     * {@code @appliesTo} (an {@code @appliesTo} naming no condition fails the pack itself, reported as metadata).
     */
    private static void unitReferences(LoadedPack contents, String paramText, List<LintFinding> findings) {
        var units = contents.parameters().units();
        Set<String> usedConditions = new HashSet<>();
        for (Map.Entry<String, String> drl : contents.ruleSet().drl().entrySet()) {
            String text = DrlText.withoutComments(drl.getValue());
            Matcher applies = APPLIES_TO.matcher(text);
            while (applies.find()) {
                usedConditions.add(applies.group(1));
            }
            Matcher m = RATIO.matcher(text);
            while (m.find()) {
                for (int g = 1; g <= 2; g++) {
                    var a = units.attributes().get(m.group(g));
                    if (a == null || a.type() != dev.plancheck.model.UnitAttribute.Type.NUMBER) {
                        findings.add(new LintFinding(Check.PARAMETERS, new Problem(ProblemCode.LINT_FINDING,
                                contents.ruleSet().dir().nameOf(drl.getKey()), lineAt(drl.getValue(), m.start(g)), 0, "",
                                "findings.ratioAtLeast 引用的单位属性 \"" + m.group(g) + "\" " + (a == null
                                        ? "在参数文件 " + contents.origin() + " 的 unitAttributes 中没有定义"
                                        : "是有/无属性；比率只能用数值属性"))));
                    }
                }
            }
        }
        units.conditions().keySet().stream().filter(c -> !usedConditions.contains(c))
                .forEach(c -> unused(findings, contents, paramText, "适用条件", c));
    }

    /**
     * A deadline in working days needs the calendar of the pack's year and of the next one: a record of late December
     * is answered in January. The pack's own year is checked when the pack loads; the next year is checked here.
     */
    private static void calendarReach(LoadedPack contents, String paramText, List<LintFinding> findings) {
        int next = contents.parameters().year() + 1;
        for (var d : contents.parameters().deadlines().values()) {
            if (d.isInWorkingDays() && !d.calendar().covers(next)) {
                findings.add(new LintFinding(Check.PARAMETERS, new Problem(ProblemCode.LINT_FINDING, contents.origin(),
                        lineOf(paramText, "\"" + d.getId() + "\""), 0, "", "期限 \"" + d.getId() + "\" 按工作日计算（" + d.length()
                        + "），年末的记录要数到 " + next + " 年；" + WorkCalendar.missing(next, d.calendar().years().keySet()))));
            }
        }
    }

    /**
     * No literals in a rule: a date, a window length, a count or a threshold written into a rule is a parameter in
     * disguise, and next year's pack would have to edit the rule. Digits in a rule's conditions or consequence are
     * reported, except in comments and in the names of the parameters the rule binds ({@code Quota(id == "q1")}).
     */
    private static void literals(LoadedPack contents, List<LintFinding> findings) {
        for (Map.Entry<String, String> drl : contents.ruleSet().drl().entrySet()) {
            String text = drl.getValue();
            String file = contents.ruleSet().dir().nameOf(drl.getKey());
            for (DrlText.Rule r : DrlText.rules(text)) {
                String body = DrlText.withoutComments(text.substring(r.lhsFrom(), r.rhsTo()));
                body = blank(body, REFERENCE);
                Matcher digit = DIGIT_LINE.matcher(body);
                while (digit.find()) {
                    int at = r.lhsFrom() + digit.start();
                    String line = text.substring(at, Math.max(at, text.indexOf('\n', at) < 0 ? text.length() : text.indexOf('\n', at))).strip();
                    findings.add(new LintFinding(Check.PARAMETERS, new Problem(ProblemCode.LINT_FINDING, file, lineAt(text, at), 0, "",
                            "规则 " + r.id() + " 中写有数字：" + line + "；日期、期限天数、次数和人数都是参数，请写进参数文件"
                                    + "（periods、quotas、deadlines）并在规则中按 id 绑定（Period、Quota、Deadline），不要写在规则里")));
                }
            }
        }
    }

    /** A line (within a rule's text) that holds a digit. */
    private static final Pattern DIGIT_LINE = Pattern.compile("(?m)^.*\\d.*$");

    /** The text with every match of {@code pattern} replaced by spaces, so that offsets and lines stay as they were. */
    private static String blank(String text, Pattern pattern) {
        StringBuilder out = new StringBuilder(text);
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            for (int i = m.start(); i < m.end(); i++) {
                out.setCharAt(i, ' ');
            }
        }
        return out.toString();
    }

    /**
     * Every fact pattern outside a {@code collect} either matches once per requirement or tells the requirements apart:
     * {@code $d : Activity(kind == "disaster")} matches each disaster, so a rule that records one requirement
     * ("对…的救助" within {@code $deadline.after($d)}) per match must pass the record to the period or the name. A
     * pattern that only gates the rule ("only where there is such a record") matches twice when there are two such
     * records, and the rule then records the same requirement twice: that is {@code exists Activity(…)}.
     */
    private static void matching(LoadedPack contents, List<LintFinding> findings) {
        for (Map.Entry<String, String> drl : contents.ruleSet().drl().entrySet()) {
            String text = drl.getValue();
            String file = contents.ruleSet().dir().nameOf(drl.getKey());
            for (DrlText.Rule r : DrlText.rules(text)) {
                List<String> distinguishing = new ArrayList<>();
                Matcher call = FINDINGS_CALL.matcher(text).region(r.rhsFrom(), r.rhsTo());
                while (call.find()) {
                    int close = DrlText.matching(text, call.end() - 1);
                    if (close < 0) {
                        break;
                    }
                    List<int[]> args = DrlText.split(text, call.end(), close);
                    // what, and for the verbs that take one, the period: what tells one requirement from another
                    for (int i = 2; i < Math.min(args.size(), 4); i++) {
                        distinguishing.add(text.substring(args.get(i)[0], args.get(i)[1]));
                    }
                }
                for (DrlText.FactPattern p : DrlText.topLevelPatterns(text, r)) {
                    if (!p.type().equals("Activity") || p.quantifier() != null) {
                        continue;
                    }
                    String binding = p.binding();
                    boolean told = binding != null && distinguishing.stream()
                            .anyMatch(a -> Pattern.compile(Pattern.quote(binding) + "\\b").matcher(a).find());
                    if (told) {
                        continue;
                    }
                    String pattern = text.substring(p.from(), p.to()).replaceAll("\\s+", " ");
                    findings.add(new LintFinding(Check.MATCHING, new Problem(ProblemCode.LINT_FINDING, file, lineAt(text, p.from()), 0, "",
                            "规则 " + r.id() + " 的条件 " + pattern + " 不在 collect 中：台账中有两条这样的记录时规则触发两次，"
                                    + "为同一单位两次记录同一要求，检查会因规则包有误而中止；只要求“有这类记录时才适用”的，请写 exists "
                                    + pattern.replaceFirst("^\\$\\w+\\s*:\\s*", "") + "；每条记录各有一项要求的（如灾害后的救助期限），"
                                    + "请把它绑定的变量传给时段或要求的名称，如 $deadline.after(" + (binding == null ? "$d" : binding) + ")")));
                }
            }
        }
    }

    private static final Pattern FINDINGS_CALL = Pattern.compile("\\bfindings\\s*\\.\\s*\\w+\\s*\\(");

    /**
     * Every duty names the kinds it accepts, or holds activities of a vocabulary that has some; every kind and
     * organiser a rule names exists. A duty that takes records of any kind would count a plan or a notice as the
     * thing done.
     */
    private static void evidence(LoadedPack contents, List<LintFinding> findings) {
        Vocabulary v = contents.ruleSet().vocabulary();
        if (v == null) {
            return;
        }
        Map<String, List<DutyEvidence.Duty>> duties = DutyEvidence.of(contents.ruleSet().drl());
        for (Map.Entry<String, String> drl : contents.ruleSet().drl().entrySet()) {
            String file = contents.ruleSet().dir().nameOf(drl.getKey());
            for (DrlText.Rule r : DrlText.rules(drl.getValue())) {
                int line = lineAt(drl.getValue(), r.lhsFrom());
                for (DutyEvidence.Duty d : duties.getOrDefault(r.id(), List.of())) {
                    boolean limit = d.verb().startsWith("notExceeding");
                    if (d.activitiesOnly() && v.activityKinds().isEmpty()) {
                        findings.add(new LintFinding(Check.EVIDENCE, new Problem(ProblemCode.LINT_FINDING, file, line, 0, "", "规则 " + r.id() + " 的“"
                                + d.what() + "”用 findings.held 只计活动类记录，但 vocabulary.json 没有标为 \"activity\": true 的类别")));
                    }
                    for (DutyEvidence.Source s : d.sources()) {
                        if (s.kinds().isEmpty() && !d.activitiesOnly() && !limit) {
                            findings.add(new LintFinding(Check.EVIDENCE, new Problem(ProblemCode.LINT_FINDING, file, line, 0, "", "规则 " + r.id() + " 的“"
                                    + d.what() + "”接受任何类别的记录，方案、通知也会算作做到；请用 kind == \"…\" 限定类别，"
                                    + "或用 findings.held 只计活动类记录")));
                        }
                        s.kinds().stream().filter(k -> !v.kinds().containsKey(k)).sorted().forEach(k -> findings.add(
                                new LintFinding(Check.EVIDENCE, new Problem(ProblemCode.LINT_FINDING, file, line, 0, "", "规则 " + r.id() + " 的类别 \""
                                        + k + "\" 不在 vocabulary.json 的 kinds 中，没有记录能满足它"))));
                        if (s.organiser() != null && !v.organisers().containsKey(s.organiser())) {
                            findings.add(new LintFinding(Check.EVIDENCE, new Problem(ProblemCode.LINT_FINDING, file, line, 0, "", "规则 " + r.id()
                                    + " 的组织单位 \"" + s.organiser() + "\" 不在 vocabulary.json 的 organisers 中，没有记录能满足它")));
                        }
                    }
                }
            }
        }
    }

    private static void unused(List<LintFinding> findings, LoadedPack pack, String paramText, String what, String id) {
        findings.add(new LintFinding(Check.PARAMETERS, new Problem(ProblemCode.LINT_FINDING, pack.origin(), lineOf(paramText, "\"" + id + "\""), 0, "",
                what + " \"" + id + "\" 已定义，但没有规则使用它；删除它，或检查规则中的名字是否写错")));
    }

    /** Runs every scenario file; returns {files, cases}. */
    private static int[] scenarios(PlanChecker checker, Path folder, List<LintFinding> findings) {
        List<Path> files;
        try (Stream<Path> s = Files.walk(folder)) {
            files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            findings.add(new LintFinding(Check.SCENARIOS, new Problem(ProblemCode.LINT_FINDING, folder.toString(), 0, 0, "", "无法列出场景文件夹：" + e.getMessage())));
            return new int[] {0, 0};
        }
        ScenarioRunner runner = new ScenarioRunner(checker);
        Map<String, Set<String>> statuses = new TreeMap<>();
        int cases = 0;
        for (Path file : files) {
            try {
                List<CaseOutcome> outcomes = runner.run(file);
                cases += outcomes.size();
                Set<String> passed = new HashSet<>();
                for (CaseOutcome o : outcomes) {
                    if (o.passed()) {
                        passed.add(o.name());
                    } else {
                        findings.add(new LintFinding(Check.SCENARIOS, new Problem(ProblemCode.LINT_FINDING, o.file(), o.line(), 0, "",
                                "场景 " + o.name() + " 未通过：" + String.join("；", o.mismatches()).replace("\n", " "))));
                    }
                }
                JsonNode root = MAPPER.readTree(file.toFile());
                String rule = root.path("rule").asText();
                for (JsonNode c : root.path("cases")) {
                    if (passed.contains(c.path("name").asText())) {
                        c.path("expect").forEach(e -> statuses.computeIfAbsent(rule, k -> new TreeSet<>()).add(e.path("status").asText()));
                    }
                }
            } catch (RulePackException e) {
                // The pack itself fails on this input (e.g. a rule names a quota that is not defined): say it once.
                e.problems().forEach(p -> findings.add(new LintFinding(Check.SCENARIOS, new Problem(ProblemCode.LINT_FINDING, p.file(), p.line(),
                        p.column(), p.path(), "运行场景 " + file + " 时规则包出错：" + p.message()))));
                return new int[] {files.size(), cases};
            } catch (InvalidScenarioException e) {
                e.problems().forEach(p -> findings.add(new LintFinding(Check.SCENARIOS, p)));
            } catch (IOException e) {
                findings.add(new LintFinding(Check.SCENARIOS, new Problem(ProblemCode.LINT_FINDING, file.toString(), 0, 0, "", "无法读取：" + e.getMessage())));
            }
        }
        for (RuleInfo r : checker.rules()) {
            Set<String> seen = statuses.getOrDefault(r.id(), Set.of());
            List<String> missing = new ArrayList<>();
            if (!seen.contains("MET")) {
                missing.add("已落实（MET）");
            }
            if (!seen.contains("GAP")) {
                missing.add("缺项（GAP）");
            }
            if (!missing.isEmpty()) {
                findings.add(new LintFinding(Check.SCENARIOS, new Problem(ProblemCode.LINT_FINDING, folder.toString(), 0, 0, "",
                        "规则 " + r.id() + " 没有结果为" + String.join("、", missing) + "的通过场景；每条规则至少要有一个落实的场景和一个缺项的场景")));
            }
        }
        return new int[] {files.size(), cases};
    }

    /** The scenario folder of a pack: beside its parameter file, or for a bundled pack in this repository's tests. */
    static Path defaultScenarios(LoadedPack pack) {
        if (!pack.origin().startsWith("classpath:")) {
            Path beside = Path.of(pack.origin()).getParent().resolve("scenarios");
            return Files.isDirectory(beside) ? beside : null;
        }
        String inTests = "src/test/resources/" + RuleSet.BUNDLED_ROOT + "/" + pack.ruleSet().name() + "/scenarios";
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            for (Path p : List.of(dir.resolve("rules-lib").resolve(inTests), dir.resolve(inTests))) {
                if (Files.isDirectory(p)) {
                    return p;
                }
            }
        }
        return null;
    }

    /** A file named relative to the rule set's folder or the current folder, or one of their ancestors. */
    private static Path find(ResourceDir dir, String name) {
        Set<Path> starts = new LinkedHashSet<>();
        if (dir instanceof ResourceDir.Directory d) {
            starts.add(d.dir().toAbsolutePath());
        }
        starts.add(Path.of("").toAbsolutePath());
        for (Path start : starts) {
            for (Path p = start; p != null; p = p.getParent()) {
                if (Files.isRegularFile(p.resolve(name))) {
                    return p.resolve(name);
                }
            }
        }
        return null;
    }

    private static String text(ResourceDir dir, String file) {
        try {
            byte[] b = dir.read(file);
            return b == null ? "" : new String(b, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private static String originText(LoadedPack pack) {
        String origin = pack.origin();
        try {
            if (origin.startsWith("classpath:")) {
                try (InputStream in = PackLint.class.getClassLoader().getResourceAsStream(origin.substring("classpath:".length()))) {
                    return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
            return Files.readString(Path.of(origin), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private static int lineOf(String text, String needle) {
        int at = text.indexOf(needle);
        return at < 0 ? 0 : lineAt(text, at);
    }

    private static int lineAt(String text, int offset) {
        return DrlText.lineOf(text, offset);
    }
}
