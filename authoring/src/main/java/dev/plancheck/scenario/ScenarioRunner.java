package dev.plancheck.scenario;

import dev.plancheck.input.ProblemCode;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plancheck.input.InvalidSubmissionException;
import dev.plancheck.report.Notice;
import dev.plancheck.PlanChecker;
import dev.plancheck.input.Problem;
import dev.plancheck.report.Report;
import dev.plancheck.report.RuleInfo;
import dev.plancheck.report.RuleResult;
import dev.plancheck.report.Status;
import dev.plancheck.input.Submission;
import dev.plancheck.json.JsonPaths;
import dev.plancheck.json.LocatedJson;
import dev.plancheck.json.JsonFields;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Runs scenario files against a checker. A scenario file tests one rule: each case is a small submission (the
 * standard units and the case's activities) with the result the rule must give for every unit it applies to;
 * gaps are compared in full (what was expected and what was found), evidence exactly, and the notices exactly (a
 * case that lists none expects none). See {@code docs/rule-authoring.md}.
 *
 * <pre>{@code
 * ScenarioRunner runner = new ScenarioRunner(PlanChecker.create());
 * for (CaseOutcome o : runner.run(Path.of("R1.2-4.json"))) {
 *     System.out.println((o.passed() ? "PASS " : "FAIL ") + o.name() + " " + o.mismatches());
 * }
 * }</pre>
 */
public final class ScenarioRunner {
    /** The units every case starts from unless the file gives its own. */
    public static final String STANDARD_UNITS = """
            [{"id": "DC", "name": "电厂街道", "level": "subdistrict"},
             {"id": "C1", "name": "胜利社区", "level": "community"},
             {"id": "C2", "name": "和平社区", "level": "community"}]""";

    private static final Set<String> FILE_FIELDS = Set.of("$comment", "rule", "units", "cases");
    private static final Set<String> CASE_FIELDS = Set.of("name", "description", "asOf", "activities", "expect", "notices");
    private static final Set<String> EXPECT_FIELDS = Set.of("unit", "status", "evidence", "expected", "found", "note");
    private static final Set<String> NOTICE_FIELDS = Set.of("type", "record");

    private final PlanChecker checker;

    public ScenarioRunner(PlanChecker checker) {
        this.checker = checker;
    }

    /** Runs every case of a scenario file. */
    public List<CaseOutcome> run(Path file) throws IOException, InvalidScenarioException {
        return run(file.toString(), Files.readAllBytes(file));
    }

    /**
     * Runs every case of a scenario given as bytes.
     *
     * @throws InvalidScenarioException when the file or one of its cases cannot be run (every problem listed)
     */
    public List<CaseOutcome> run(String file, byte[] json) throws InvalidScenarioException {
        return prepare(file, json).run(checker);
    }

    /** Reads a scenario file once, so that its cases can be run against several checkers (see {@link ScenarioFile}). */
    public ScenarioFile prepare(Path file) throws IOException, InvalidScenarioException {
        return prepare(file.toString(), Files.readAllBytes(file));
    }

    /**
     * Reads a scenario given as bytes: every case's submission is parsed and validated against this runner's pack.
     *
     * @throws InvalidScenarioException when the file or one of its cases cannot be run (every problem listed)
     */
    public ScenarioFile prepare(String file, byte[] json) throws InvalidScenarioException {
        List<Problem> problems = new ArrayList<>();
        LocatedJson doc = LocatedJson.parse(file, json, problems);
        if (doc == null) {
            throw new InvalidScenarioException(problems);
        }
        JsonFields f = new JsonFields(doc, problems, ProblemCode.SCENARIO_INVALID);
        JsonNode root = doc.root();
        if (!root.isObject()) {
            throw new InvalidScenarioException(List.of(doc.problem(ProblemCode.SCENARIO_INVALID, "$", "场景文件应为一个 JSON 对象 {\"rule\": …, \"cases\": […]}")));
        }
        f.onlyKnownMembers(root, "$", FILE_FIELDS);
        String ruleId = f.text(root, "$", "rule", true);
        RuleInfo rule = ruleId == null ? null : checker.rules().stream().filter(r -> r.id().equals(ruleId)).findFirst().orElse(null);
        if (ruleId != null && rule == null) {
            f.report("$.rule", "规则包 " + checker.pack().id() + " 中没有规则 " + ruleId);
        }
        JsonNode units = root.has("units") ? f.array(root, "$", "units", true) : parse(STANDARD_UNITS);
        JsonNode cases = f.array(root, "$", "cases", true);
        List<ScenarioCase> prepared = new ArrayList<>();
        if (cases != null && units != null && rule != null && ofThePacksYear(f, cases)) {
            for (int i = 0; i < cases.size(); i++) {
                String path = JsonPaths.element("$.cases", i);
                ScenarioCase c = prepare(f, doc, rule, units, cases.get(i), path);
                if (c != null) {
                    prepared.add(c);
                }
            }
        }
        if (!problems.isEmpty()) {
            problems.sort(Problem.IN_FILE_ORDER);
            throw new InvalidScenarioException(problems);
        }
        return new ScenarioFile(doc.file(), rule, prepared);
    }

    /**
     * Scenarios are written for one assessment year; run against a pack of another year every record would fall
     * outside it. Says so once, for the whole file, instead of failing every case.
     */
    private boolean ofThePacksYear(JsonFields f, JsonNode cases) {
        java.util.Set<String> years = new java.util.TreeSet<>();
        for (JsonNode c : cases) {
            c.path("activities").forEach(a -> {
                String date = a.path("date").asText("");
                if (date.matches("\\d{4}-.*")) {
                    years.add(date.substring(0, 4));
                }
            });
            String asOf = c.path("asOf").asText("");
            if (asOf.matches("\\d{4}-.*")) {
                years.add(asOf.substring(0, 4));
            }
        }
        String year = String.valueOf(checker.pack().year());
        if (years.isEmpty() || years.contains(year)) {
            return true;
        }
        f.report(ProblemCode.SCENARIO_OTHER_YEAR, "$", "场景文件的日期都在 " + String.join("、", years) + " 年，而规则包 " + checker.pack().id() + " 的考核年度是 "
                + year + " 年：这些场景是为另一年度的规则包写的；请用 --pack 选择 " + String.join("、", years) + " 年的规则包");
        return false;
    }

    private ScenarioCase prepare(JsonFields f, LocatedJson doc, RuleInfo rule, JsonNode units, JsonNode c, String path) {
        if (!c.isObject()) {
            f.report(path, "应为一个场景对象 {\"name\": …, \"activities\": […], \"expect\": […]}");
            return null;
        }
        f.onlyKnownMembers(c, path, CASE_FIELDS);
        String name = f.text(c, path, "name", true);
        String asOfText = f.text(c, path, "asOf", false);
        LocalDate asOf = null;
        if (asOfText != null) {
            try {
                asOf = LocalDate.parse(asOfText);
            } catch (DateTimeParseException e) {
                f.report(path + ".asOf", "应为 YYYY-MM-DD 格式的日期");
            }
        }
        JsonNode activities = f.array(c, path, "activities", true);
        JsonNode expect = f.array(c, path, "expect", true);
        JsonNode notices = f.array(c, path, "notices", false);
        if (name == null || activities == null || expect == null) {
            return null;
        }
        List<Expected> expected = new ArrayList<>();
        for (int j = 0; j < expect.size(); j++) {
            String at = JsonPaths.element(path + ".expect", j);
            JsonNode e = expect.get(j);
            if (!e.isObject()) {
                f.report(at, "应为 {\"unit\": …, \"status\": …}");
                continue;
            }
            f.onlyKnownMembers(e, at, EXPECT_FIELDS);
            String unit = f.text(e, at, "unit", true);
            String statusText = f.text(e, at, "status", true);
            Status status = null;
            if (statusText != null) {
                try {
                    status = Status.valueOf(statusText);
                } catch (IllegalArgumentException ex) {
                    f.report(at + ".status", "应为 MET、GAP、NOT_DUE 或 NOT_APPLICABLE");
                }
            }
            List<String> evidence = e.has("evidence") ? strings(f, e.get("evidence"), at + ".evidence") : null;
            String exp = f.text(e, at, "expected", status == Status.GAP);
            String found = f.text(e, at, "found", status == Status.GAP);
            String note = f.text(e, at, "note", false);
            if (unit != null && status != null) {
                expected.add(new Expected(unit, status, evidence, exp, found, note));
            }
        }
        // A case that lists no notices expects none: a stray notice (a record no rule used) is a finding too.
        List<String[]> expectedNotices = new ArrayList<>();
        if (notices != null) {
            for (int j = 0; j < notices.size(); j++) {
                String at = JsonPaths.element(path + ".notices", j);
                JsonNode n = notices.get(j);
                if (!n.isObject()) {
                    f.report(at, "应为 {\"type\": …, \"record\": …}");
                    continue;
                }
                f.onlyKnownMembers(n, at, NOTICE_FIELDS);
                String type = f.text(n, at, "type", true);
                String record = f.text(n, at, "record", true);
                if (type != null && record != null) {
                    expectedNotices.add(new String[] {type, record});
                }
            }
        }
        ObjectNode submission = JsonNodeFactory.instance.objectNode();
        submission.put("year", checker.pack().year());
        submission.set("units", units);
        submission.set("activities", activities);
        Submission parsed;
        try {
            parsed = checker.read(doc.file() + "#" + name, submission.toString().getBytes(StandardCharsets.UTF_8));
        } catch (InvalidSubmissionException e) {
            for (Problem p : e.problems()) {
                String inCase = p.path().startsWith("$.activities") ? path + p.path().substring(1) : path;
                f.report(p.code(), inCase, p.message());
            }
            return null;
        }
        int line = doc.problem(ProblemCode.SCENARIO_INVALID, path, "").line();
        return new ScenarioCase(doc.file(), line, rule, name, parsed, asOf, expected, expectedNotices);
    }

    /** What differs between a case's expected results of the rule and a report; empty when they agree. */
    static List<String> compareResults(RuleInfo rule, Report report, List<Expected> expected) {
        List<String> mismatches = new ArrayList<>();
        List<RuleResult> actual = report.results().stream().filter(r -> r.rule().id().equals(rule.id())).toList();
        for (RuleResult r : actual) {
            Expected e = expected.stream().filter(x -> x.unit.equals(r.unit().getId())).findFirst().orElse(null);
            if (e == null) {
                mismatches.add("单位 " + r.unit().getId() + " 的结果没有写在 expect 中：实际为 " + r.status() + " " + r.evidence());
                continue;
            }
            String u = "单位 " + r.unit().getId() + "：";
            if (e.status != r.status()) {
                mismatches.add(u + "状态应为 " + e.status + "，实际为 " + r.status() + describe(report, r));
            }
            if (e.evidence != null && !e.evidence.equals(r.evidence())) {
                mismatches.add(u + "证据应为 " + e.evidence + "，实际为 " + r.evidence());
            }
            var gap = report.gaps().stream().filter(g -> g.ruleId().equals(rule.id()) && g.unit().getId().equals(r.unit().getId())).findFirst();
            if (e.expected != null && !e.expected.equals(gap.map(g -> g.expected()).orElse(null))) {
                mismatches.add(u + "应有（expected）不符\n    预期：" + e.expected + "\n    实际：" + gap.map(g -> g.expected()).orElse("（不是缺项）"));
            }
            if (e.found != null && !e.found.equals(gap.map(g -> g.found()).orElse(null))) {
                mismatches.add(u + "实有（found）不符\n    预期：" + e.found + "\n    实际：" + gap.map(g -> g.found()).orElse("（不是缺项）"));
            }
            if (e.note != null && !e.note.equals(r.note())) {
                mismatches.add(u + "说明应为 " + e.note + "，实际为 " + r.note());
            }
        }
        for (Expected e : expected) {
            if (actual.stream().noneMatch(r -> r.unit().getId().equals(e.unit))) {
                mismatches.add("expect 中的单位 " + e.unit + " 没有该规则的结果（规则不适用于该单位，或单位不存在）");
            }
        }
        return List.copyOf(mismatches);
    }

    /** What differs between a case's expected notices and a report's; empty when they agree. */
    static List<String> compareNotices(Report report, List<String[]> expectedNotices) {
        List<String> want = expectedNotices.stream().map(n -> n[0] + " " + n[1]).toList();
        List<String> got = report.notices().stream().map(n -> n.type().name() + " " + n.recordId()).toList();
        if (want.equals(got)) {
            return List.of();
        }
        return List.of("记录提示应为 " + want + "，实际为 " + got + report.notices().stream().map(Notice::message).toList());
    }

    private static String describe(Report report, RuleResult r) {
        return report.gaps().stream().filter(g -> g.ruleId().equals(r.rule().id()) && g.unit().getId().equals(r.unit().getId()))
                .findFirst().map(g -> "（应有：" + g.expected() + "；实有：" + g.found() + "）").orElse("");
    }

    private static List<String> strings(JsonFields f, JsonNode array, String path) {
        if (!array.isArray()) {
            f.report(path, "应为字符串数组");
            return List.of();
        }
        List<String> out = new ArrayList<>();
        array.forEach(v -> out.add(v.asText()));
        return out;
    }

    private static JsonNode parse(String json) {
        List<Problem> none = new ArrayList<>();
        return LocatedJson.parse("units", json.getBytes(StandardCharsets.UTF_8), none).root();
    }

    record Expected(String unit, Status status, List<String> evidence, String expected, String found, String note) {
    }
}
