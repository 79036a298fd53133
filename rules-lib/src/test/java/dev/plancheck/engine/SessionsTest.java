package dev.plancheck.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plancheck.PlanChecker;
import dev.plancheck.RulePack;
import dev.plancheck.input.InvalidSubmissionException;
import dev.plancheck.input.Submission;
import dev.plancheck.pack.LoadedPack;
import dev.plancheck.pack.PackLoader;
import dev.plancheck.report.JsonReportWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A check runs in a session that earlier checks used and gave back reset ({@link Sessions}). Its report must be the
 * report of a session never used before, whatever the earlier checks were: every sample, as of three days, checked
 * once on a new session and then again after all the others, in reverse order, and again from four threads at once.
 */
class SessionsTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private record Case(String name, LoadedPack pack, CompiledRules rules, Submission submission, LocalDate asOf) {
        String report() throws Exception {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(JsonReportWriter.toJson(
                    Evaluation.run(rules, pack, submission, asOf, 30)));
        }
    }

    private static List<Case> cases() throws Exception {
        List<Case> out = new ArrayList<>();
        for (String id : List.of("dianchang-2023", "dianchang-2024-demo")) {
            LoadedPack pack = PackLoader.bundled(id);
            CompiledRules rules = CompiledRules.load(pack.ruleSet());
            PlanChecker reader = PlanChecker.create(RulePack.bundled(id));
            boolean demo = id.contains("2024");
            List<Path> samples;
            try (Stream<Path> files = Files.walk(Path.of("..", "sample-data"))) {
                samples = files.filter(p -> p.toString().endsWith(".json") && !p.toString().endsWith(".expected.json"))
                        .filter(p -> p.toString().contains("demo-2024") == demo).sorted().toList();
            }
            for (Path sample : samples) {
                Submission submission;
                try {
                    submission = reader.read(sample.toString(), Files.readAllBytes(sample));
                } catch (InvalidSubmissionException e) {
                    continue; // the samples of bad input are not checked
                }
                for (String day : List.of("-12-31", "-06-15", "-02-01")) {
                    out.add(new Case(sample.getFileName() + " as of " + pack.year() + day, pack, rules, submission,
                            LocalDate.parse(pack.year() + day)));
                }
            }
        }
        return out;
    }

    @Test
    void a_reused_session_gives_the_report_of_a_new_one_whatever_it_checked_before() throws Exception {
        List<Case> cases = cases();
        assertTrue(cases.size() >= 30, "cases: " + cases.size());
        List<String> fresh = new ArrayList<>();
        for (Case c : cases) {
            c.rules().sessions().discardIdle();
            fresh.add(c.report());
            assertEquals(1, c.rules().sessions().idle(), "the session is kept after a check that ran to the end");
        }
        for (int round = 0; round < 2; round++) {
            for (int i = cases.size() - 1; i >= 0; i--) {
                assertEquals(fresh.get(i), cases.get(i).report(), cases.get(i).name() + ", after the other checks");
                assertEquals(1, cases.get(i).rules().sessions().idle(), "one thread reuses one session");
            }
        }
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> reports = new ArrayList<>();
            for (int round = 0; round < 3; round++) {
                for (Case c : cases) {
                    reports.add(threads.submit(c::report));
                }
            }
            for (int i = 0; i < reports.size(); i++) {
                assertEquals(fresh.get(i % cases.size()), reports.get(i).get(), cases.get(i % cases.size()).name() + ", four threads");
            }
        } finally {
            threads.shutdown();
        }
        for (Case c : cases) {
            assertTrue(c.rules().sessions().idle() <= Sessions.KEPT);
        }
    }
}
