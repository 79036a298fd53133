package dev.plancheck.ledger;

import dev.plancheck.input.Problem;
import dev.plancheck.input.ProblemCode;
import dev.plancheck.input.Waiver;
import com.fasterxml.jackson.databind.JsonNode;
import dev.plancheck.input.InputLimits;
import dev.plancheck.input.InvalidSubmissionException;
import dev.plancheck.json.JsonFields;
import dev.plancheck.json.JsonPaths;
import dev.plancheck.json.LocatedJson;
import dev.plancheck.text.VisibleText;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reading JSON waiver files, and the problems about a waiver, located where it was read ({@link Waiver#source()}). */
public final class Waivers {
    private static final Pattern LINE_AND_COLUMN = Pattern.compile("(.+):(\\d+):(\\d+)");
    private static final Pattern CELL = Pattern.compile("(.+):([^:!]+![A-Z]+\\d+)");

    private static final Set<String> FIELDS = Set.of("rule", "unit", "reason", "acceptedBy", "expires");
    private static final Pattern ELEMENT = Pattern.compile("\\$\\[\\d+]");

    private Waivers() {
    }

    /**
     * A problem with a waiver, located where it was read: {@code waivers.json:4:5} gives the file, line and column,
     * {@code 台账.xlsx:情况说明!A3} the file and the cell (as the path, the way spreadsheet problems name cells); any
     * other source is taken as the file.
     */
    public static Problem problem(Waiver waiver, ProblemCode code, String message) {
        String source = waiver.source();
        Matcher m = LINE_AND_COLUMN.matcher(source);
        if (m.matches()) {
            return new Problem(code, m.group(1), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)), "", message);
        }
        m = CELL.matcher(source);
        if (m.matches()) {
            return new Problem(code, m.group(1), 0, 0, m.group(2), message);
        }
        return new Problem(code, source, 0, 0, "", message);
    }

    /** Why a rule id of a waiver is not the pack's, with the closest id when one is close. */
    public static String unknownRule(String packId, List<String> ruleIds, String rule) {
        List<String> close = ruleIds.stream()
                .filter(id -> id.equalsIgnoreCase(rule) || id.replace("-", "").equalsIgnoreCase(rule.replace("-", "")))
                .toList();
        return "规则包 " + packId + " 中没有规则“" + VisibleText.excerpt(rule) + "”"
                + (close.size() == 1 ? "；是否应为“" + close.get(0) + "”？" : "；规则编号见检查报告或 docs/rules.md，如 R8-3");
    }

    /**
     * The waivers that name a unit none of the given units is: a waiver must name a unit of a checked ledger,
     * otherwise it is a typo, not a waiver. One rule for the check and for converting a ledger.
     */
    public static List<Problem> strayUnits(List<Waiver> waivers, java.util.Collection<String> unitIds) {
        List<Problem> out = new ArrayList<>();
        for (Waiver w : waivers) {
            if (!unitIds.contains(w.unitId())) {
                out.add(problem(w, ProblemCode.WAIVER_UNIT_UNKNOWN, "情况说明所指的单位 \"" + VisibleText.excerpt(w.unitId())
                        + "\" 不在任何所检查的台账中；请核对单位编号"));
            }
        }
        return out;
    }

    /** The message of a waiver file or sheet with more waivers than the limit. */
    public static String tooMany(InputLimits limits) {
        return "情况说明过多：超过上限 " + limits.maxWaivers() + " 条（上限可用 --max-waivers 调整）";
    }

    /**
     * Reads a JSON waiver file {@code [{"rule": "R8-3", "unit": "HP", "reason": "…", "acceptedBy": "…", "expires":
     * "2024-03-31"}]}: at most {@link InputLimits#maxWaivers()} waivers; a missing reason, a rule the pack does not
     * have or the same rule and unit twice is a located problem.
     *
     * @throws InvalidSubmissionException with every problem found
     */
    public static List<Waiver> fromJson(String file, byte[] bytes, InputLimits limits, String packId, List<String> ruleIds)
            throws InvalidSubmissionException {
        List<Problem> problems = new ArrayList<>();
        LocatedJson.Elements doc = LocatedJson.parseArray(file, bytes, limits, limits.maxWaivers(), ProblemCode.LIMIT_WAIVERS, tooMany(limits), problems);
        if (doc == null) {
            throw new InvalidSubmissionException(problems);
        }
        if (doc.root() != null) {
            problems.add(doc.root().problem(ProblemCode.FIELD_TYPE, "$", "情况说明文件应为一个 JSON 数组 [{\"rule\": …, \"unit\": …, \"reason\": …}, …]，实际是"
                    + JsonFields.describe(doc.root().root())));
            throw new InvalidSubmissionException(problems);
        }
        Map<String, String> seen = new LinkedHashMap<>();
        List<Waiver> out = new ArrayList<>();
        // Problems found while reading (a reason over the string limit, a key twice) keep their element out too.
        Set<String> flawed = new java.util.HashSet<>();
        for (Problem p : problems) {
            java.util.regex.Matcher m = ELEMENT.matcher(p.path());
            if (m.lookingAt()) {
                flawed.add(m.group());
            }
        }
        for (int i = 0; i < doc.elements().size(); i++) {
            String path = JsonPaths.element("$", i);
            LocatedJson element = doc.elements().get(i);
            JsonFields f = new JsonFields(element, problems, ProblemCode.FIELD_TYPE);
            JsonNode w = element.root();
            if (!w.isObject()) {
                f.report(ProblemCode.FIELD_TYPE, path, "应为一条情况说明 {\"rule\": …, \"unit\": …, \"reason\": …}，实际是" + JsonFields.describe(w));
                continue;
            }
            int before = problems.size();
            f.onlyKnownMembers(w, path, FIELDS);
            String rule = f.text(w, path, "rule", true);
            String unit = f.text(w, path, "unit", true);
            String reason = f.text(w, path, "reason", true);
            String acceptedBy = f.text(w, path, "acceptedBy", false);
            String expiresText = f.text(w, path, "expires", false);
            LocalDate expires = null;
            if (expiresText != null) {
                try {
                    expires = LocalDate.parse(expiresText);
                } catch (java.time.format.DateTimeParseException e) {
                    f.report(ProblemCode.DATE_INVALID, JsonPaths.child(path, "expires"), "应为 YYYY-MM-DD 格式的真实日期（如 2024-03-31），实际是 \"" + VisibleText.excerpt(expiresText) + "\"");
                }
            }
            if (rule != null && !ruleIds.contains(rule)) {
                f.report(ProblemCode.WAIVER_RULE_UNKNOWN, JsonPaths.child(path, "rule"), unknownRule(packId, ruleIds, rule));
            }
            if (rule != null && unit != null) {
                String earlier = seen.putIfAbsent(rule + "\u0000" + unit, path);
                if (earlier != null) {
                    f.report(ProblemCode.WAIVER_DUPLICATE, path, "规则 " + rule + "、单位 " + unit + " 的情况说明与 " + earlier + " 重复；每个缺项只写一条说明");
                }
            }
            if (problems.size() == before && !flawed.contains(path)) {
                Problem at = element.problem(ProblemCode.FIELD_TYPE, path, ""); // only its place is used
                out.add(new Waiver(rule, unit, reason, acceptedBy, expires, file + ":" + at.line() + ":" + at.column()));
            }
        }
        if (!problems.isEmpty()) {
            problems.sort(Problem.IN_FILE_ORDER);
            int kept = Math.min(problems.size(), limits.maxProblems());
            throw new InvalidSubmissionException(problems.subList(0, kept), problems.size() - kept);
        }
        return out;
    }
}
