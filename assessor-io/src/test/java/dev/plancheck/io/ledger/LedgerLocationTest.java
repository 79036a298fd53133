package dev.plancheck.io.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plancheck.report.Notice;
import dev.plancheck.PlanChecker;
import dev.plancheck.report.Report;
import dev.plancheck.input.Submission;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A record that lacks only its organiser is pointed at where the ledger keeps it: a line of a JSON file, a cell of a
 * workbook or of a CSV file. The place is only shown; it never changes what counts.
 */
class LedgerLocationTest {
    static final PlanChecker CHECKER = LedgerRoundTripTest.CHECKER;
    static final Path NO_ORGANISER = Path.of("../sample-data/dianchang-2023/gaps-no-organiser.json");

    private static Notice missingOrganiser(Report r, String record) {
        return r.notices().stream().filter(n -> n.type() == Notice.Type.MISSING_ORGANISER && n.recordId().equals(record))
                .findFirst().orElseThrow(() -> new AssertionError(record + " has no organiser notice: " + r.notices()));
    }

    @Test
    void a_json_ledger_points_at_the_line_of_the_record() throws Exception {
        Report r = CHECKER.check(CHECKER.read(NO_ORGANISER));
        Notice n = missingOrganiser(r, "DC-002");
        assertEquals(NO_ORGANISER + ":12:5", n.location(), "DC-002 is the record on line 12");
        assertTrue(n.message().startsWith(NO_ORGANISER + ":12:5：没有填写组织方；若由街道联合工会组织，可计入 R7.2-4（冬送温暖）"), n.message());
    }

    @Test
    void a_workbook_points_at_the_cell_of_the_record_and_otherwise_reports_like_its_json_twin(@TempDir Path dir)
            throws Exception {
        Submission json = CHECKER.read(NO_ORGANISER);
        Path xlsx = dir.resolve("台账.xlsx");
        try (OutputStream out = Files.newOutputStream(xlsx)) {
            LedgerTemplate.write(CHECKER.pack(), json, List.of(), out);
        }
        Report fromJson = CHECKER.check(json);
        Report fromXlsx = CHECKER.check(CHECKER.read(xlsx));
        // DC-002 is the second record: row 3 under the header row.
        assertEquals(xlsx + ": 活动!A3", missingOrganiser(fromXlsx, "DC-002").location());
        assertEquals(fromJson.gaps().stream().map(g -> g.ruleId() + g.found()).toList(),
                fromXlsx.gaps().stream().map(g -> g.ruleId() + g.found()).toList());
        assertEquals(fromJson.notices().stream().map(n -> n.type() + n.recordId()).toList(),
                fromXlsx.notices().stream().map(n -> n.type() + n.recordId()).toList());
    }

    @Test
    void a_csv_ledger_points_at_the_row_and_cell_of_the_record(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("台账.csv");
        Files.writeString(csv, """
                考核年度,2023
                单位编号,单位名称,单位级别
                DC,电厂街道,街道
                SL,松林社区,社区

                记录编号,单位编号,类别,日期,标题,主题,对象
                DC-001,DC,帮扶活动,2023-01-12,春节“冬送温暖”走访慰问困难职工,冬送温暖,职工
                """, StandardCharsets.UTF_8);
        Report r = CHECKER.check(CHECKER.read(csv));
        assertEquals(csv + ":7: A7", missingOrganiser(r, "DC-001").location());
    }
}
