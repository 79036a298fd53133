package dev.plancheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.plancheck.PlanChecker;
import dev.plancheck.report.Report;
import dev.plancheck.RulePack;
import dev.plancheck.report.CharacterReportWriter;
import dev.plancheck.report.ReportFormats;
import dev.plancheck.report.ReportWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Writing reports one at a time gives byte for byte what the writer gives for the whole list. */
class ReportStreamTest {
    @Test
    void streamed_text_and_json_equal_the_writers_own_output_for_zero_one_and_two_reports() throws Exception {
        PlanChecker checker = PlanChecker.create(RulePack.bundled("dianchang-2023"));
        Report a = checker.check(Path.of("../sample-data/dianchang-2023/compliant.json"));
        Report b = checker.check(Path.of("../sample-data/dianchang-2023/gaps-meetings.json"));
        for (String format : List.of("text", "json")) {
            CharacterReportWriter writer = (CharacterReportWriter) ReportFormats.forName(format);
            ReportWriter file = ReportFormats.forName(format);
            for (List<Report> reports : List.of(List.<Report>of(), List.of(a), List.of(a, b), List.of(b, a, b))) {
                StringBuilder whole = new StringBuilder();
                writer.write(reports, true, whole);
                StringBuilder streamed = new StringBuilder();
                ReportStream stream = new ReportStream(file, true, streamed);
                new ArrayList<>(reports).forEach(stream::add);
                stream.close();
                assertEquals(whole.toString(), streamed.toString(), format + " with " + reports.size() + " reports");
            }
        }
    }
}
