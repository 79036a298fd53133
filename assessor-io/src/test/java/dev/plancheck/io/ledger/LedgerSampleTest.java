package dev.plancheck.io.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.plancheck.PlanChecker;
import dev.plancheck.Submission;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The committed {@code compliant.xlsx} is {@code compliant.json} as a workbook (regenerate with checker convert). */
class LedgerSampleTest {
    static final PlanChecker CHECKER = LedgerRoundTripTest.CHECKER;
    static final Path XLSX = Path.of("../sample-data/dianchang-2023/compliant.xlsx");

    @Test
    void the_sample_workbook_gives_the_same_report_as_the_json_sample() throws Exception {
        Submission fromXlsx = Ledgers.read(CHECKER, XLSX);
        Submission fromJson = CHECKER.read(LedgerRoundTripTest.COMPLIANT);
        assertEquals(LedgerRoundTripTest.reportWithoutSource(fromJson), LedgerRoundTripTest.reportWithoutSource(fromXlsx));
        assertEquals(XLSX.toString(), fromXlsx.source());
    }

    @Test
    void the_sample_workbook_holds_exactly_the_records_of_the_json_sample_and_no_waivers() throws Exception {
        var vocabulary = CHECKER.pack().ruleSet().vocabulary();
        assertEquals(SubmissionJson.write(CHECKER.read(LedgerRoundTripTest.COMPLIANT), vocabulary),
                SubmissionJson.write(Ledgers.read(CHECKER, XLSX), vocabulary),
                "stale sample: ./checker convert sample-data/dianchang-2023/compliant.json --to xlsx --force");
        assertEquals(List.of(), Ledgers.readWaivers(CHECKER, XLSX));
    }
}
