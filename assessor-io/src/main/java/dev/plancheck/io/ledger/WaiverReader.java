package dev.plancheck.io.ledger;

import dev.plancheck.ledger.Waivers;
import dev.plancheck.input.ProblemCode;
import dev.plancheck.text.VisibleText;
import com.fasterxml.jackson.databind.JsonNode;
import dev.plancheck.input.InputLimits;
import dev.plancheck.input.InvalidSubmissionException;
import dev.plancheck.PlanChecker;
import dev.plancheck.input.Problem;
import dev.plancheck.report.RuleInfo;
import dev.plancheck.input.Waiver;
import dev.plancheck.json.JsonPaths;
import dev.plancheck.json.LocatedJson;
import dev.plancheck.io.ledger.LedgerLayout.Column;
import dev.plancheck.io.ledger.Table.Located;
import dev.plancheck.json.JsonFields;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads waivers (情况说明) from the 情况说明 sheet of an xlsx ledger (JSON waiver files are the runtime's). Rule ids
 * are checked against the pack; unit ids are left to the check, which has the submissions.
 */
final class WaiverReader {
    private static final Set<String> FIELDS = Set.of("rule", "unit", "reason", "acceptedBy", "expires");

    private WaiverReader() {
    }

    static List<Waiver> fromWorkbook(PlanChecker checker, String file, byte[] bytes, InputLimits limits)
            throws InvalidSubmissionException {
        XlsxLedgerReader.Workbook wb = XlsxLedgerReader.open(file, bytes, limits, List.of(LedgerLayout.WAIVERS_SHEET), null);
        if (wb.failure() != null) {
            throw new InvalidSubmissionException(List.of(wb.failure()));
        }
        List<Table.Row> rows = wb.sheets().get(LedgerLayout.WAIVERS_SHEET);
        if (rows == null) {
            return List.of();
        }
        Table.Place place = Table.workbook(file);
        Table t = XlsxLedgerReader.table(LedgerLayout.WAIVERS_SHEET, 1, rows, place);
        LocatedProblems problems = new LocatedProblems(limits.maxProblems());
        XlsxLedgerReader.beyond(wb, LedgerLayout.WAIVERS_SHEET, 1, place, problems);
        if (t.headerRow() == 0 && problems.isEmpty()) {
            return List.of(); // an empty sheet: no waivers
        }
        Map<String, Integer> cols = LedgerParser.columns(t, LedgerLayout.WAIVER_COLUMNS, problems);
        List<Waiver> out = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        Set<String> ruleIds = checker.rules().stream().map(RuleInfo::id).collect(Collectors.toSet());
        int read = 0;
        if (cols != null) {
            for (Table.Row row : t.rows()) {
                if (row.isBlank()) {
                    continue;
                }
                if (read++ == limits.maxWaivers()) {
                    problems.add(t.at(ProblemCode.LIMIT_WAIVERS, row.number(), 0, Waivers.tooMany(limits) + "，这一行起没有读取"));
                    break;
                }
                LedgerParser.cellProblems(t, row, limits, problems);
                int before = problems.total();
                String rule = text(t, cols, row, "rule", problems);
                String unit = text(t, cols, row, "unit", problems);
                String reason = text(t, cols, row, "reason", problems);
                String acceptedBy = text(t, cols, row, "acceptedBy", problems);
                LocalDate expires = null;
                CellValue e = cols.containsKey("expires") ? row.cell(cols.get("expires")) : CellValue.BLANK;
                if (!e.isBlank() && !e.reportedAtCell()) {
                    LedgerDates.Parsed p = LedgerDates.read(e);
                    if (p.problem() != null) {
                        problems.add(t.at(ProblemCode.DATE_INVALID, row.number(), cols.get("expires"), "“有效期至”" + p.problem()));
                    }
                    expires = p.date();
                }
                if (rule != null && !ruleIds.contains(rule)) {
                    problems.add(t.at(ProblemCode.WAIVER_RULE_UNKNOWN, row.number(), cols.get("rule"), Waivers.unknownRule(checker.pack().id(), checker.rules().stream().map(RuleInfo::id).toList(), rule)));
                }
                if (rule != null && unit != null) {
                    Integer earlier = seen.putIfAbsent(rule + "\u0000" + unit, row.number());
                    if (earlier != null) {
                        problems.add(t.at(ProblemCode.WAIVER_DUPLICATE, row.number(), cols.get("rule"), "规则 " + rule + "、单位 " + unit
                                + " 的情况说明与第 " + earlier + " 行重复；每个缺项只写一条说明"));
                    }
                }
                if (problems.total() == before) {
                    out.add(new Waiver(rule, unit, reason, acceptedBy, expires,
                            file + ":" + LedgerLayout.WAIVERS_SHEET + "!A" + row.number()));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw problems.exception();
        }
        return out;
    }

    /** The message for more waivers than {@link InputLimits#maxWaivers()}. */

    private static String text(Table t, Map<String, Integer> cols, Table.Row row, String field, LocatedProblems problems) {
        Integer c = cols.get(field);
        CellValue v = c == null ? CellValue.BLANK : row.cell(c);
        Column col = LedgerLayout.WAIVER_COLUMNS.stream().filter(x -> x.field().equals(field)).findFirst().orElseThrow();
        if (v.isBlank()) {
            if (col.required()) {
                problems.add(t.at(ProblemCode.FIELD_MISSING, row.number(), c, "必填的“" + col.header() + "”为空"
                        + (field.equals("reason") ? "：情况说明必须写明未落实的理由" : "")));
            }
            return null;
        }
        if (v.reportedAtCell()) {
            return null; // reported by cellProblems
        }
        if (v.kind() != CellValue.Kind.TEXT && v.kind() != CellValue.Kind.NUMBER && v.kind() != CellValue.Kind.DATE) {
            problems.add(t.at(ProblemCode.FIELD_TYPE, row.number(), c, "“" + col.header() + "”应为文字，实际是" + v.describe()));
            return null;
        }
        return v.text();
    }

}
