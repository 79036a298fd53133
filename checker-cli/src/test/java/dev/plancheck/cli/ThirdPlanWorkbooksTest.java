package dev.plancheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.plancheck.PlanChecker;
import dev.plancheck.RulePack;
import dev.plancheck.input.Submission;
import dev.plancheck.io.ledger.SubmissionJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The third plan's workbooks (sample-data/baishu-2024, regenerate with
 * {@code ./checker convert --pack sample-data/baishu-2024/pack --to xlsx --force …json}) are its JSON ledgers: the
 * same units with the same attributes on the 单位 sheet, and the same records; and converting back to JSON keeps
 * every attribute.
 */
class ThirdPlanWorkbooksTest {
    static final Path DIR = Path.of("..", "sample-data", "baishu-2024");
    static final PlanChecker CHECKER = PlanChecker.create(RulePack.load(DIR.resolve("pack")));

    @TempDir
    Path temp;

    @ParameterizedTest
    @ValueSource(strings = {"compliant", "gaps"})
    void the_workbook_holds_exactly_the_units_attributes_and_records_of_the_json_ledger(String name) throws Exception {
        var vocabulary = CHECKER.pack().vocabulary();
        Submission json = CHECKER.read(DIR.resolve(name + ".json"));
        Submission xlsx = CHECKER.read(DIR.resolve(name + ".xlsx"));
        assertEquals(SubmissionJson.write(json, vocabulary), SubmissionJson.write(xlsx, vocabulary),
                "stale sample: ./checker convert --pack sample-data/baishu-2024/pack --to xlsx --force sample-data/baishu-2024/" + name + ".json");
        assertEquals(Map.of("residents", new java.math.BigDecimal("2100"), "day-care", false,
                "elderly", new java.math.BigDecimal("460"), "elderly-insured", new java.math.BigDecimal(name.equals("gaps") ? "360" : "390")),
                xlsx.units().get(2).getAttributes());
    }

    @ParameterizedTest
    @ValueSource(strings = {"compliant", "gaps"})
    void converted_back_to_json_the_ledger_keeps_every_attribute(String name) throws Exception {
        var vocabulary = CHECKER.pack().vocabulary();
        Submission xlsx = CHECKER.read(DIR.resolve(name + ".xlsx"));
        Path back = temp.resolve(name + ".json");
        Files.writeString(back, SubmissionJson.write(xlsx, vocabulary));
        Submission reread = CHECKER.read(back);
        for (int i = 0; i < xlsx.units().size(); i++) {
            assertEquals(xlsx.units().get(i).getAttributes(), reread.units().get(i).getAttributes(), xlsx.units().get(i).getId());
        }
        assertEquals(SubmissionJson.write(xlsx, vocabulary), SubmissionJson.write(reread, vocabulary));
    }
}
