package dev.plancheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plancheck.cli.MainTest.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code checker test --accept}: the actual results written into the cases that differ, nothing else touched. */
class TestAcceptTest {
    private static final Path PACK = Path.of("../sample-data/qingsong-2023/pack");

    @Test
    void accept_round_trips_a_scenario_folder_restoring_the_exact_bytes_and_printing_each_change(@TempDir Path dir)
            throws Exception {
        Path scenarios = copyScenarios(dir);
        Map<Path, String> original = contents(scenarios);
        Path council = scenarios.resolve("s02/R2.1-1.json");
        Path patrol = scenarios.resolve("s03/R3.1-1.json");
        // Three kinds of drift: a wrong status, a wrong 实有 text, and a notice the case forgot.
        edit(council, "{\"unit\": \"BH\", \"status\": \"MET\", \"evidence\": [\"h1\", \"h2\", \"h3\", \"h4\"]}",
                "{\"unit\": \"BH\", \"status\": \"NOT_DUE\"}");
        edit(patrol, "\"found\": \"没有符合条件的记录；本时段外另有 3 条", "\"found\": \"没有符合条件的记录；另有 3 条");
        edit(patrol, ",\n      \"notices\": [{\"type\": \"OUTSIDE_YEAR\", \"record\": \"p4\"}]", "");
        assertEquals(1, MainTest.run("test", "--pack", PACK.toString(), scenarios.toString()).code());

        Run r = MainTest.run("test", "--pack", PACK.toString(), "--accept", scenarios.toString());

        assertEquals(0, r.code(), r.out() + r.err());
        assertEquals(original, contents(scenarios), "accepting restores every file byte for byte");
        assertTrue(r.out().contains("已接受  " + council + ":8  met_with_four_meetings_of_fifteen_or_more  expect\n"
                + "  - \"expect\": [\n"
                + "  -         {\"unit\": \"BH\", \"status\": \"NOT_DUE\"}\n"
                + "  -       ]\n"
                + "  + \"expect\": [\n"
                + "  +         {\"unit\": \"BH\", \"status\": \"MET\", \"evidence\": [\"h1\", \"h2\", \"h3\", \"h4\"]}\n"
                + "  +       ]\n"), r.out());
        assertTrue(r.out().contains("已接受  " + patrol + ":20  reports_gap_when_the_fourth_quarter_patrol_is_dated_next_year  notices\n"
                + "  + \"notices\": [{\"type\": \"OUTSIDE_YEAR\", \"record\": \"p4\"}]\n"), r.out());
        assertTrue(r.out().endsWith("场景：通过 12，失败 0；接受了 2 个场景的实际结果，改写 2 个文件\n"), r.out());

        Run again = MainTest.run("test", "--pack", PACK.toString(), "--accept", scenarios.toString());
        assertEquals(0, again.code(), again.out());
        assertEquals("场景：通过 12，失败 0；接受了 0 个场景的实际结果，改写 0 个文件\n", again.out());
        assertEquals(original, contents(scenarios));
    }

    @Test
    void accepted_text_is_printed_with_hidden_characters_shown_by_code(@TempDir Path dir) throws Exception {
        Path scenarios = copyScenarios(dir);
        Path patrol = scenarios.resolve("s03/R3.1-1.json");
        edit(patrol, "第3季度消防安全志愿巡查\"}", "第3季度\u202e消防安全志愿巡查\"}");
        Run r = MainTest.run("test", "--pack", PACK.toString(), "--accept", scenarios.toString());
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("  + \"expect\": ["), r.out());
        assertTrue(r.out().contains("p3（2023-08-18 第3季度[U+202E]消防安全志愿巡查）"), r.out());
        assertTrue(!r.out().contains("\u202e"), r.out());
        assertTrue(Files.readString(patrol).contains("p3（2023-08-18 第3季度\u202e消防安全志愿巡查）"), "the file keeps the text as written");
    }

    @Test
    void accept_leaves_a_broken_scenario_file_untouched_and_exits_2(@TempDir Path dir) throws Exception {
        Path scenarios = copyScenarios(dir);
        Path council = scenarios.resolve("s02/R2.1-1.json");
        edit(council, "\"rule\": \"R2.1-1\"", "\"rule\": \"R9.9-9\"");
        String broken = Files.readString(council);

        Run r = MainTest.run("test", "--pack", PACK.toString(), "--accept", scenarios.toString());

        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.err().contains(council + " 有误，未运行，未改动："), r.err());
        assertEquals(broken, Files.readString(council));
    }

    @Test
    void accept_with_junit_output_is_refused() {
        Run r = MainTest.run("test", "--pack", PACK.toString(), "--accept", "--format", "junit", PACK.resolve("scenarios").toString());
        assertEquals(2, r.code());
        assertEquals("--accept 不能与 --format junit 同时使用\n", r.err());
    }

    private static Path copyScenarios(Path dir) throws Exception {
        Path from = PACK.resolve("scenarios");
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Path to = dir.resolve("scenarios").resolve(from.relativize(f).toString());
                Files.createDirectories(to.getParent());
                Files.copy(f, to);
            }
        }
        return dir.resolve("scenarios");
    }

    private static void edit(Path file, String from, String to) throws Exception {
        String text = Files.readString(file);
        assertTrue(text.contains(from), file + " has no " + from);
        Files.writeString(file, text.replace(from, to));
    }

    private static Map<Path, String> contents(Path dir) throws Exception {
        Map<Path, String> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                out.put(dir.relativize(f), Files.readString(f));
            }
        }
        return out;
    }
}
