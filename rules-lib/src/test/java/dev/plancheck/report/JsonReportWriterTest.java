package dev.plancheck.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plancheck.CheckOptions;
import dev.plancheck.PlanChecker;
import dev.plancheck.RulePack;
import dev.plancheck.input.Submission;
import dev.plancheck.input.Waiver;
import dev.plancheck.testing.Checkers;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The JSON report is streamed through a generator, byte for byte what the tree-based writer it replaced gave
 * ({@link TreeReference}): for every sample ledger under {@code sample-data/}, as of the year's end and of mid-year
 * (coming-due items, not-due parts), with waivers (with and without their optional members), alone and in batches.
 */
class JsonReportWriterTest {
    private static final Path SAMPLES = Path.of("..", "sample-data");
    private static final JsonReportWriter WRITER = new JsonReportWriter();
    private static final Map<Path, PlanChecker> FROM_DISK = new HashMap<>();

    @TestFactory
    Stream<DynamicTest> every_sample_report_is_streamed_byte_for_byte_as_the_tree_wrote_it() throws IOException {
        List<Path> ledgers = ledgers();
        assertTrue(ledgers.size() >= 19, "samples: " + ledgers);
        return ledgers.stream().map(ledger -> DynamicTest.dynamicTest(SAMPLES.relativize(ledger).toString(), () -> {
            for (Report r : reports(ledger)) {
                String expected = TreeReference.write(List.of(r), false);
                assertEquals(expected, streamed(List.of(r), false), r.source() + " as of " + r.asOf());
                assertEquals(TreeReference.toJson(r), JsonReportWriter.toJson(r), "the tree of toJson(Report)");
            }
        }));
    }

    @Test
    void a_batch_of_several_reports_and_its_comparison_are_streamed_byte_for_byte_as_the_tree_wrote_them() throws Exception {
        List<Report> batch = new ArrayList<>();
        for (Path ledger : ledgers()) {
            batch.addAll(reports(ledger));
        }
        assertTrue(batch.size() > 40, "reports: " + batch.size());
        assertEquals(TreeReference.write(batch, true), streamed(batch, true));
        assertEquals(TreeReference.toJson(Comparison.of(batch)), JsonReportWriter.toJson(Comparison.of(batch)));
        // Two reports of one file are a batch too, and one report asked for as a batch is wrapped.
        assertEquals(TreeReference.write(batch.subList(0, 2), true), streamed(batch.subList(0, 2), true));
        assertEquals(TreeReference.write(batch.subList(0, 1), true), streamed(batch.subList(0, 1), true));
    }

    @Test
    void an_empty_batch_has_an_empty_reports_array_and_one_file_that_could_not_be_checked_writes_nothing() throws Exception {
        assertEquals("""
                {
                  "reports": [],
                  "comparison": {
                    "sections": [],
                    "filesWithGaps": [],
                    "units": []
                  }
                }
                """, streamed(List.of(), true));
        assertEquals(TreeReference.write(List.of(), true), streamed(List.of(), true));
        assertEquals("", streamed(List.of(), false));
    }

    @Test
    void a_writer_a_string_builder_another_appendable_and_a_byte_stream_get_the_same_characters() throws Exception {
        Report r = Checkers.dianchang2023().check(SAMPLES.resolve("dianchang-2023/gaps-no-organiser.json"));
        String expected = TreeReference.write(List.of(r), false);
        assertTrue(expected.length() > 100_000, "long enough for the generator to hand over many buffers");

        StringWriter writer = new StringWriter();
        writer.write("before\n");
        WRITER.write(List.of(r), false, writer);
        assertEquals("before\n" + expected, writer.toString(), "a Writer is written to, after what it held");

        StringBuilder builder = new StringBuilder("before\n");
        WRITER.write(List.of(r), false, builder);
        assertEquals("before\n" + expected, builder.toString());

        StringBuilder behind = new StringBuilder();
        Appendable other = new Appendable() { // neither a Writer nor a StringBuilder
            @Override
            public Appendable append(CharSequence csq) {
                behind.append(csq);
                return this;
            }

            @Override
            public Appendable append(CharSequence csq, int start, int end) {
                behind.append(csq, start, end);
                return this;
            }

            @Override
            public Appendable append(char c) {
                behind.append(c);
                return this;
            }
        };
        WRITER.write(List.of(r), false, other);
        assertEquals(expected, behind.toString());

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        WRITER.write(List.of(r), false, bytes);
        assertEquals(expected, bytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void the_writer_leaves_the_callers_writer_open() throws Exception {
        Report r = Checkers.dianchang2023().check(SAMPLES.resolve("dianchang-2023/gaps-meetings.json"));
        StringWriter writer = new StringWriter() {
            @Override
            public void close() {
                throw new AssertionError("closed the caller's writer");
            }
        };
        WRITER.write(List.of(r), false, writer);
        WRITER.write(List.of(r), false, writer);
        String one = TreeReference.write(List.of(r), false);
        assertEquals(one + one, writer.toString());
    }

    /** Every ledger under sample-data/ (not the .expected.json files, not the packs' own files). */
    private static List<Path> ledgers() throws IOException {
        try (Stream<Path> files = Files.walk(SAMPLES)) {
            return files.filter(p -> p.toString().endsWith(".json") && !p.toString().endsWith(".expected.json"))
                    .filter(p -> !SAMPLES.relativize(p).toString().contains("pack")).sorted().toList();
        }
    }

    /**
     * The reports of one ledger: as of the default day and of the year's 15 June; a ledger with gaps once more with
     * each gap waived, every other waiver without its optional acceptedBy and expires.
     */
    private static List<Report> reports(Path ledger) throws Exception {
        PlanChecker checker = checker(ledger);
        Submission s = checker.read(ledger.toString(), Files.readAllBytes(ledger));
        List<Report> out = new ArrayList<>();
        Report atEnd = checker.check(s);
        out.add(atEnd);
        out.add(checker.check(s, CheckOptions.asOf(LocalDate.of(s.year(), 6, 15))));
        if (!atEnd.gaps().isEmpty()) {
            List<Waiver> waivers = new ArrayList<>();
            for (Gap g : atEnd.gaps()) {
                boolean full = waivers.size() % 2 == 0;
                waivers.add(new Waiver(g.ruleId(), g.unit().getId(), "已说明“原因”\n第二行", full ? "王某" : null,
                        full ? LocalDate.of(s.year() + 1, 3, 31) : null, "waivers.json:" + (waivers.size() + 2) + ":5"));
            }
            Report waived = checker.check(s, CheckOptions.defaults().withWaivers(waivers));
            assertTrue(!waived.waivedGaps().isEmpty(), ledger + ": the waivers apply");
            out.add(waived);
        }
        return out;
    }

    private static PlanChecker checker(Path ledger) {
        Path dir = ledger.getParent();
        return switch (dir.getFileName().toString()) {
            case "dianchang-2023" -> Checkers.dianchang2023();
            case "demo-2024" -> Checkers.demo2024();
            default -> FROM_DISK.computeIfAbsent(dir, d -> PlanChecker.create(RulePack.load(d.resolve("pack"))));
        };
    }

    private static String streamed(List<Report> reports, boolean batch) {
        StringBuilder out = new StringBuilder();
        try {
            WRITER.write(reports, batch, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
