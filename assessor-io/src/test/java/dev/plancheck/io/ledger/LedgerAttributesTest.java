package dev.plancheck.io.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.plancheck.RulePack;
import dev.plancheck.input.InputLimits;
import dev.plancheck.input.InvalidSubmissionException;
import dev.plancheck.input.Problem;
import dev.plancheck.input.Submission;
import dev.plancheck.model.OrgUnit;
import dev.plancheck.model.UnitLevel;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Unit attributes in spreadsheet ledgers: the template's 单位 sheet has one column per attribute the pack declares
 * (常住人口（人）…), a workbook and a CSV file read them (有/无 and 是/否 for yes/no), and wrong or missing ones are
 * reported at their cell, all at once. The pack is the authoring kit's attributes test pack (an imagined 青禾街道 plan).
 */
class LedgerAttributesTest {
    static final RulePack PACK = RulePack.load(Path.of("..", "authoring", "src", "test", "resources", "attributes-pack", "pack",
            "pack.json"));
    static final List<Object> HEADER = List.of("单位编号", "单位名称", "单位级别", "常住人口（人）", "在册职工数（人）", "工会会员数（人）",
            "有无日间照料中心");

    @TempDir
    Path dir;

    private Submission xlsx(List<List<Object>> unitRows) throws Exception {
        List<List<Object>> rows = new java.util.ArrayList<>();
        rows.add(List.of("考核年度", 2024));
        rows.add(HEADER);
        rows.addAll(unitRows);
        Path file = new Xlsx().sheet("单位", rows).sheet("活动", List.of(List.of("记录编号", "单位编号", "类别", "日期", "标题")))
                .write(dir.resolve("台账.xlsx"));
        return XlsxLedgerReader.read(new LedgerParser(PACK), "台账.xlsx", java.nio.file.Files.readAllBytes(file), InputLimits.defaults());
    }

    private List<String> xlsxProblems(List<List<Object>> unitRows) {
        InvalidSubmissionException e = assertThrows(InvalidSubmissionException.class, () -> xlsx(unitRows));
        return e.problems().stream().map(Problem::toString).toList();
    }

    private static Map<String, Object> attributes(Object... pairs) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], pairs[i + 1]);
        }
        return m;
    }

    @Test
    void the_template_has_a_column_per_attribute_and_reads_back_what_it_wrote() throws Exception {
        Submission original = Submission.of("s", 2024, List.of(new OrgUnit("QH", "青禾街道", UnitLevel.SUBDISTRICT),
                new OrgUnit("C1", "和平社区", UnitLevel.COMMUNITY, attributes("residents", new BigDecimal("3200"),
                        "employees", new BigDecimal("530"), "union-members", new BigDecimal("412"), "day-care", true)),
                new OrgUnit("C2", "河畔社区", UnitLevel.COMMUNITY, attributes("residents", new BigDecimal("2100.5"),
                        "employees", new BigDecimal("0"), "union-members", new BigDecimal("0")))), List.of());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        LedgerTemplate.write(PACK, original, List.of(), out);
        Submission back = XlsxLedgerReader.read(new LedgerParser(PACK), "t.xlsx", out.toByteArray(), InputLimits.defaults());
        assertEquals(List.of(Map.of(), original.units().get(1).getAttributes(), original.units().get(2).getAttributes()),
                back.units().stream().map(OrgUnit::getAttributes).toList());
        try (org.dhatim.fastexcel.reader.ReadableWorkbook wb = new org.dhatim.fastexcel.reader.ReadableWorkbook(
                new java.io.ByteArrayInputStream(out.toByteArray()))) {
            org.dhatim.fastexcel.reader.Row header = wb.findSheet("单位").orElseThrow().read().get(1);
            assertEquals(HEADER, header.stream().map(c -> c == null ? "" : c.getText()).filter(t -> !t.isEmpty()).toList());
        }
    }

    @Test
    void yes_and_no_are_read_from_you_wu_and_shi_fou_and_numbers_from_cells_or_text() throws Exception {
        Submission s = xlsx(List.of(
                List.of("QH", "青禾街道", "街道"),
                List.of("C1", "和平社区", "社区", 3000, "500", 400, "有"),
                List.of("C2", "河畔社区", "社区", "2,999", 500, 399, "否")));
        assertEquals(attributes("residents", new BigDecimal("3000"), "employees", new BigDecimal("500"),
                "union-members", new BigDecimal("400"), "day-care", true), s.units().get(1).getAttributes());
        assertEquals(attributes("residents", new BigDecimal("2999"), "employees", new BigDecimal("500"),
                "union-members", new BigDecimal("399"), "day-care", false), s.units().get(2).getAttributes());
    }

    @Test
    void wrong_and_missing_attributes_are_all_reported_at_their_cells() {
        assertEquals(List.of(
                        "台账.xlsx: 单位!D4: “常住人口（人）”应为不小于 0 的数，至多 12 位整数、4 位小数，实际是“三千”",
                        "台账.xlsx: 单位!G4: “有无日间照料中心”应填 有 或 无（也可填 是、否），实际是“可能”",
                        "台账.xlsx: 单位!E5: “在册职工数（人）”应为不小于 0 的数，至多 12 位整数、4 位小数，实际是“-5”",
                        "台账.xlsx: 单位!F5: 社区必须填写“工会会员数（人）”"),
                xlsxProblems(List.of(
                        List.of("QH", "青禾街道", "街道"),
                        List.of("C1", "和平社区", "社区", "三千", 500, 400, "可能"),
                        List.of("C2", "河畔社区", "社区", 2999, -5))));
    }

    @Test
    void a_csv_ledger_carries_the_attribute_columns_too() throws Exception {
        String csv = "考核年度,2024\n"
                + "单位编号,单位名称,单位级别,常住人口（人）,在册职工数（人）,工会会员数（人）,有无日间照料中心\n"
                + "QH,青禾街道,街道,,,,\n"
                + "C1,和平社区,社区,3200,530,412,是\n"
                + "C2,河畔社区,社区,2100,300,,无\n"
                + ",,,,,,\n"
                + "记录编号,单位编号,类别,日期,标题\n";
        InvalidSubmissionException e = assertThrows(InvalidSubmissionException.class, () -> CsvLedgerReader.read(new LedgerParser(PACK),
                "台账.csv", csv.getBytes(StandardCharsets.UTF_8), InputLimits.defaults()));
        assertEquals(List.of("台账.csv:5: F5: 社区必须填写“工会会员数（人）”"),
                e.problems().stream().map(Problem::toString).toList());
        Submission s = CsvLedgerReader.read(new LedgerParser(PACK), "台账.csv",
                csv.replace("2100,300,,无", "2100,300,250,无").getBytes(StandardCharsets.UTF_8), InputLimits.defaults());
        assertEquals(attributes("residents", new BigDecimal("3200"), "employees", new BigDecimal("530"),
                "union-members", new BigDecimal("412"), "day-care", true), s.units().get(1).getAttributes());
    }
}
