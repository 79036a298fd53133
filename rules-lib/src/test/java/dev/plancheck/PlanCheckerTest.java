package dev.plancheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plancheck.input.InvalidSubmissionException;
import dev.plancheck.input.Submission;
import dev.plancheck.report.Report;
import dev.plancheck.report.RuleResult;
import dev.plancheck.report.Status;
import dev.plancheck.model.Activity;
import dev.plancheck.model.OrgUnit;
import dev.plancheck.model.UnitLevel;
import dev.plancheck.report.CharacterReportWriter;
import dev.plancheck.report.ReportFormats;
import dev.plancheck.testing.Checkers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The embedders' contract: one checker shared by many threads gives the same, byte-identical reports. */
class PlanCheckerTest {
    private final PlanChecker checker = Checkers.dianchang2023();

    private static List<Path> samples() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("..", "sample-data", "dianchang-2023"))) {
            return files.filter(p -> p.toString().endsWith(".json") && !p.toString().endsWith(".expected.json")).sorted().toList();
        }
    }

    private String render(Path sample, String format) throws Exception {
        StringBuilder out = new StringBuilder();
        ((CharacterReportWriter) ReportFormats.forName(format)).write(List.of(checker.check(sample)), out);
        return out.toString();
    }

    @Test
    void one_checker_shared_by_eight_threads_gives_the_same_reports_as_one_thread() throws Exception {
        List<Path> samples = samples();
        List<String> expected = new ArrayList<>();
        for (Path s : samples) {
            expected.add(render(s, "json") + render(s, "text"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> futures = new ArrayList<>();
            for (int round = 0; round < 8; round++) {
                for (Path s : samples) {
                    futures.add(pool.submit(() -> render(s, "json") + render(s, "text")));
                }
            }
            for (int i = 0; i < futures.size(); i++) {
                assertEquals(expected.get(i % samples.size()), futures.get(i).get(), samples.get(i % samples.size()).toString());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void a_submission_built_in_code_is_validated_against_the_same_vocabulary() {
        Submission s = Submission.of("ledger", 2023,
                List.of(new OrgUnit("DC", "电厂街道", UnitLevel.SUBDISTRICT)),
                List.of(Activity.builder("m1").unitId("DC").kind("special-meeting").date(LocalDate.of(2023, 3, 9))
                        .title("统战工作专题会议").topics(Set.of("united_front")).build()));
        InvalidSubmissionException e = assertThrows(InvalidSubmissionException.class, () -> checker.check(s));
        assertEquals("ledger: $.activities[0].topics: 未知的议题代码 \"united_front\"；是否应为 \"united-front\"？",
                e.problems().get(0).toString());
    }

    @Test
    void a_submission_built_in_code_is_checked_like_one_read_from_json() throws Exception {
        Submission s = Submission.of("ledger", 2023,
                List.of(new OrgUnit("DC", "电厂街道", UnitLevel.SUBDISTRICT), new OrgUnit("C1", "胜利社区", UnitLevel.COMMUNITY)),
                List.of(Activity.builder("m1").unitId("DC").kind("special-meeting").date(LocalDate.of(2023, 3, 9))
                                .title("统战工作专题会议（一）").topics(Set.of("united-front")).build(),
                        Activity.builder("m2").unitId("DC").kind("special-meeting").date(LocalDate.of(2023, 9, 9))
                                .title("统战工作专题会议（二）").topics(Set.of("united-front")).build()));
        Report report = checker.check(s);
        RuleResult quota = report.results().stream().filter(r -> r.rule().id().equals("R1.2-4")).findFirst().orElseThrow();
        assertEquals(Status.MET, quota.status());
        assertEquals(List.of("m1", "m2"), quota.evidence());
        assertTrue(report.summary().gap() > 0);
    }
}
