package dev.plancheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plancheck.input.Problem;
import dev.plancheck.input.ProblemCode;
import dev.plancheck.report.Report;
import dev.plancheck.testing.Checkers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one check pipeline: every rule about a check's inputs, decided once, with coded problems. */
class CheckPipelineTest {
    private static final Path SAMPLES = Path.of("..", "sample-data", "dianchang-2023");
    private final PlanChecker checker = Checkers.dianchang2023();

    @TempDir
    Path dir;

    private List<ProblemCode> codes(CheckOutcome o) {
        return o.problems().stream().map(Problem::code).toList();
    }

    @Test
    void as_of_dates_are_bounded_on_both_sides_and_only_four_digit_years_are_dates() {
        CheckRequest r = CheckRequest.ofPaths(List.of(SAMPLES.resolve("compliant.json")));
        assertEquals(List.of(ProblemCode.AS_OF_TOO_LATE), codes(checker.run(r.withAsOf("2040-01-01"))));
        assertEquals(List.of(ProblemCode.AS_OF_INVALID), codes(checker.run(r.withAsOf("+99999-04-13"))));
        assertEquals(List.of(ProblemCode.AS_OF_INVALID), codes(checker.run(r.withAsOf("2023-02-29"))));
        assertEquals(List.of(ProblemCode.AS_OF_BEFORE_YEAR), codes(checker.run(r.withAsOf("2022-12-31"))));
        CheckOutcome late = checker.run(r.withAsOf("2033-12-31"));
        assertEquals(CheckOutcome.Status.NO_GAPS, late.status());
        assertEquals(CheckOutcome.Status.BAD_INPUT, checker.run(r.withAsOf("2040-01-01")).status());
        assertEquals(List.of(ProblemCode.OPTION_INVALID), codes(checker.run(r.withComingDueDays(-1))));
    }

    @Test
    void a_folder_is_read_one_level_deep_and_every_skipped_file_is_named() {
        List<String> skipped = new ArrayList<>();
        CheckOutcome o = checker.run(CheckRequest.ofPaths(List.of(SAMPLES)), new CheckListener() {
            @Override
            public void skipped(Path file, String message) {
                skipped.add(message);
            }
        });
        assertTrue(o.batch());
        assertTrue(skipped.stream().anyMatch(m -> m.contains("gaps-meetings.expected.json") && m.contains("预期结果文件")), skipped.toString());
        assertTrue(o.checked() >= 10, "every ledger of the folder is checked: " + o.checked());
    }

    @Test
    void several_waiver_files_are_merged_and_the_same_rule_and_unit_twice_is_refused() throws Exception {
        Path a = Files.writeString(dir.resolve("a.json"), "[{\"rule\": \"R1.2-4\", \"unit\": \"DC\", \"reason\": \"甲\"}]", StandardCharsets.UTF_8);
        Path b = Files.writeString(dir.resolve("b.json"), "[{\"rule\": \"R2.4-1\", \"unit\": \"DC\", \"reason\": \"乙\"}]", StandardCharsets.UTF_8);
        Path again = Files.writeString(dir.resolve("c.json"), "[{\"rule\": \"R1.2-4\", \"unit\": \"DC\", \"reason\": \"丙\"}]", StandardCharsets.UTF_8);
        CheckRequest r = CheckRequest.ofPaths(List.of(SAMPLES.resolve("gaps-meetings.json")));
        CheckOutcome merged = checker.run(r.withWaivers(List.of(InputFile.of(a), InputFile.of(b))));
        assertEquals(CheckOutcome.Status.NO_GAPS, merged.status(), merged.problems().toString());
        assertEquals(2, merged.reports().get(0).waivedGaps().size());
        CheckOutcome twice = checker.run(r.withWaivers(List.of(InputFile.of(a), InputFile.of(again))));
        assertEquals(CheckOutcome.Status.BAD_INPUT, twice.status());
        assertEquals(List.of(ProblemCode.WAIVER_DUPLICATE), codes(twice));
        assertTrue(twice.problems().get(0).message().contains(a + ":1:2"), twice.problems().toString());
        assertEquals(List.of(), twice.reports());
    }

    @Test
    void a_waiver_for_a_unit_no_ledger_has_is_refused_and_no_report_is_given() throws Exception {
        Path w = Files.writeString(dir.resolve("w.json"), "[{\"rule\": \"R1.2-4\", \"unit\": \"ZZ\", \"reason\": \"甲\"}]", StandardCharsets.UTF_8);
        CheckOutcome o = checker.run(CheckRequest.ofPaths(List.of(SAMPLES.resolve("gaps-meetings.json")))
                .withWaivers(List.of(InputFile.of(w))));
        assertEquals(CheckOutcome.Status.BAD_INPUT, o.status());
        assertEquals(List.of(ProblemCode.WAIVER_UNIT_UNKNOWN), codes(o));
        assertEquals(List.of(), o.reports());
    }

    @Test
    void ndjson_gives_a_report_per_line_and_a_bad_line_at_its_own_line() throws Exception {
        String good = Files.readString(SAMPLES.resolve("compliant.json"), StandardCharsets.UTF_8).replace("\n", " ");
        Path nd = Files.writeString(dir.resolve("city.ndjson"), good + "\n{\"year\": 2023}\n" + good + "\n", StandardCharsets.UTF_8);
        List<Report> reports = new ArrayList<>();
        CheckOutcome o = checker.run(CheckRequest.ofPaths(List.of(nd)), new CheckListener() {
            @Override
            public void report(Report r) {
                reports.add(r);
            }
        });
        assertTrue(o.batch());
        assertEquals(2, reports.size());
        assertEquals(3, o.submissions());
        assertEquals(CheckOutcome.Status.BAD_INPUT, o.status());
        assertTrue(o.problems().stream().allMatch(p -> p.line() == 2 && p.file().equals(nd.toString())), o.problems().toString());
    }

    @Test
    void uploads_and_files_are_read_by_the_format_their_name_says_and_an_unknown_one_is_refused() throws Exception {
        byte[] json = Files.readAllBytes(SAMPLES.resolve("compliant.json"));
        CheckOutcome o = checker.run(CheckRequest.of(List.of(InputFile.of("上传.json", json), InputFile.of("台账.pdf", json))));
        assertEquals(1, o.checked());
        assertEquals(List.of(ProblemCode.FILE_TYPE_UNSUPPORTED), codes(o));
        assertEquals(CheckOutcome.Status.BAD_INPUT, o.status());
    }
}
