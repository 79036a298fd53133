package dev.plancheck.io.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plancheck.PlanChecker;
import dev.plancheck.input.Submission;
import dev.plancheck.report.JsonReportWriter;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A ledger written as xlsx or JSON and read back is the same ledger: the report does not change. */
class LedgerRoundTripTest {
    static final PlanChecker CHECKER = PlanChecker.create();
    static final Path COMPLIANT = Path.of("../sample-data/dianchang-2023/compliant.json");

    static ObjectNode reportWithoutSource(Submission s) throws Exception {
        ObjectNode json = JsonReportWriter.toJson(CHECKER.check(s));
        json.remove("source");
        return json;
    }

    @Test
    void the_compliant_sample_written_as_xlsx_and_read_back_gives_the_same_report(@TempDir Path dir) throws Exception {
        Submission original = CHECKER.read(COMPLIANT);
        Path xlsx = dir.resolve("compliant.xlsx");
        try (OutputStream out = Files.newOutputStream(xlsx)) {
            LedgerTemplate.write(CHECKER.pack(), original, List.of(), out);
        }
        Submission back = CHECKER.read(xlsx);
        assertEquals(original.activities().size(), back.activities().size());
        assertEquals(reportWithoutSource(original), reportWithoutSource(back));
    }

    @Test
    void the_compliant_sample_written_as_json_is_read_back_unchanged_and_writes_the_same_bytes_again(@TempDir Path dir)
            throws Exception {
        Submission original = CHECKER.read(COMPLIANT);
        String json = SubmissionJson.write(original, CHECKER.pack().vocabulary());
        Path file = dir.resolve("again.json");
        Files.writeString(file, json, StandardCharsets.UTF_8);
        Submission back = CHECKER.read(file);
        assertEquals(reportWithoutSource(original), reportWithoutSource(back));
        assertEquals(json, SubmissionJson.write(back, CHECKER.pack().vocabulary()));
    }
}
