package dev.plancheck.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plancheck.PlanChecker;
import dev.plancheck.report.Report;
import dev.plancheck.RulePack;
import dev.plancheck.report.CharacterReportWriter;
import dev.plancheck.report.ReportFormats;
import dev.plancheck.testing.Checkers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A copy of a bundled pack, loaded from disk as a rule author would load their own, judges exactly as the bundled
 * pack: the same reports, byte for byte in every format, on every sample ledger — fingerprint included.
 */
class BundledCopyTest {
    @TempDir
    Path dir;

    @Test
    void a_copy_of_the_2023_pack_on_disk_gives_reports_identical_to_the_bundled_pack_on_every_sample() throws Exception {
        assertSameReports(Checkers.dianchang2023(), Checkers.fromDisk("dianchang-2023"),
                Path.of("..", "sample-data", "dianchang-2023"));
    }

    @Test
    void a_copy_of_the_2024_demonstration_pack_does_too() throws Exception {
        assertSameReports(Checkers.demo2024(), Checkers.fromDisk("dianchang-2024-demo"), Path.of("..", "sample-data", "demo-2024"));
    }

    @Test
    void changing_one_quota_in_the_copy_changes_the_fingerprint() throws Exception {
        Path params = Checkers.externalCopy(dir, "dianchang-2023");
        Files.writeString(params, Files.readString(params).replaceFirst("\"min\": 2", "\"min\": 3"));
        assertNotEquals(RulePack.bundled().fingerprint().sha256(), RulePack.load(params).fingerprint().sha256());
    }

    private static void assertSameReports(PlanChecker bundled, PlanChecker copy, Path samples) throws Exception {
        assertEquals(bundled.pack().fingerprint(), copy.pack().fingerprint());
        List<Path> ledgers;
        try (Stream<Path> s = Files.list(samples)) {
            ledgers = s.filter(p -> p.toString().endsWith(".json") && !p.toString().endsWith(".expected.json")).sorted().toList();
        }
        assertTrue(!ledgers.isEmpty(), samples.toString());
        for (Path ledger : ledgers) {
            Report a = bundled.check(ledger);
            Report b = copy.check(ledger);
            for (String format : ReportFormats.names()) {
                assertEquals(write(format, a), write(format, b), ledger + " " + format);
            }
        }
    }

    private static String write(String format, Report r) throws IOException {
        StringBuilder sb = new StringBuilder();
        ((CharacterReportWriter) ReportFormats.forName(format)).write(List.of(r), sb);
        return sb.toString();
    }
}
