package dev.plancheck.io.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.plancheck.InputFile;
import dev.plancheck.PlanChecker;
import dev.plancheck.input.Submission;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The committed {@code compliant.xlsx} is {@code compliant.json} as a workbook (regenerate with checker convert). */
class LedgerSampleTest {
    static final PlanChecker CHECKER = LedgerRoundTripTest.CHECKER;
    static final Path XLSX = Path.of("../sample-data/dianchang-2023/compliant.xlsx");

    @Test
    void the_sample_workbook_gives_the_same_report_as_the_json_sample() throws Exception {
        Submission fromXlsx = CHECKER.read(XLSX);
        Submission fromJson = CHECKER.read(LedgerRoundTripTest.COMPLIANT);
        assertEquals(LedgerRoundTripTest.reportWithoutSource(fromJson), LedgerRoundTripTest.reportWithoutSource(fromXlsx));
        assertEquals(XLSX.toString(), fromXlsx.source());
    }

    @Test
    void the_sample_workbook_holds_exactly_the_records_of_the_json_sample_and_no_waivers() throws Exception {
        var vocabulary = CHECKER.pack().vocabulary();
        assertEquals(SubmissionJson.write(CHECKER.read(LedgerRoundTripTest.COMPLIANT), vocabulary),
                SubmissionJson.write(CHECKER.read(XLSX), vocabulary),
                "stale sample: ./checker convert sample-data/dianchang-2023/compliant.json --to xlsx --force");
        assertEquals(List.of(), CHECKER.readWaivers(XLSX));
    }

    @Test
    void a_ledger_in_memory_reads_as_the_same_file_on_disk_under_the_name_given() throws Exception {
        var vocabulary = CHECKER.pack().vocabulary();
        Submission inMemory = CHECKER.read(InputFile.of("上传/台账.xlsx", java.nio.file.Files.readAllBytes(XLSX)), dev.plancheck.input.InputLimits.defaults());
        assertEquals(SubmissionJson.write(CHECKER.read(XLSX), vocabulary), SubmissionJson.write(inMemory, vocabulary));
        assertEquals("上传/台账.xlsx", inMemory.source());
        var e = org.junit.jupiter.api.Assertions.assertThrows(dev.plancheck.input.InvalidSubmissionException.class,
                () -> CHECKER.read(InputFile.of("台账.XLS", new byte[0]), dev.plancheck.input.InputLimits.defaults()));
        assertEquals("台账.XLS: 不能读取“.xls”文件；这是旧版 Excel 97-2003 格式，请“另存为” .xlsx", e.problems().get(0).toString());
    }
}
