package dev.plancheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A cold check makes the bundled pack's checker on a thread of its own while picocli reads the command line
 * (docs/performance.md, cold start): only when the command will need that pack, and the command then uses the checker
 * made there, with the same report and exit code as without it.
 */
class PreloadTest {
    private static final String SAMPLE = "../sample-data/dianchang-2023/compliant.json";

    @Test
    void a_check_of_a_bundled_pack_makes_that_packs_checker_and_the_command_uses_it() throws Exception {
        for (String[] args : new String[][] {{"check", "--pack", "dianchang-2024-demo", SAMPLE},
                {"--debug", "validate", "--pack=dianchang-2024-demo", SAMPLE}}) {
            PackOption.BUNDLED.remove("dianchang-2024-demo");
            Thread t = PackOption.preload(args);
            assertNotNull(t, String.join(" ", args));
            t.join(60_000);
            assertFalse(t.isAlive());
            var made = PackOption.BUNDLED.get("dianchang-2024-demo");
            assertNotNull(made, "the preloaded checker is kept for the command: " + String.join(" ", args));
            MainTest.run(args);
            assertSame(made, PackOption.BUNDLED.get("dianchang-2024-demo"), "the command used it, and made no other");
        }
        PackOption.BUNDLED.remove("dianchang-2023");
        Thread t = PackOption.preload(new String[] {"check", SAMPLE});
        t.join(60_000);
        assertNotNull(PackOption.BUNDLED.get("dianchang-2023"), "without --pack, the default pack");
    }

    @Test
    void help_version_other_commands_and_packs_on_disk_start_nothing() throws Exception {
        assertNull(PackOption.preload(new String[] {"check", "--help"}));
        assertNull(PackOption.preload(new String[] {"-V"}));
        assertNull(PackOption.preload(new String[] {}));
        assertNull(PackOption.preload(new String[] {"serve"}));
        assertNull(PackOption.preload(new String[] {"lint", "--pack", "dianchang-2023"}));
        Thread t = PackOption.preload(new String[] {"check", "--pack", "../rules-lib/no-such-pack.json", SAMPLE});
        t.join(60_000);
        assertFalse(PackOption.BUNDLED.containsKey("../rules-lib/no-such-pack.json"), "a path is never made here");
        MainTest.Run r = MainTest.run("check", "--pack", "../rules-lib/no-such-pack.json", SAMPLE);
        assertEquals(2, r.code(), r.err()); // reported by the command itself, as before
        assertTrue(r.err().startsWith("--pack：没有名为"), r.err());
    }

    /** The whole process, preloading, prints what the command prints in this JVM without it. */
    @Test
    void the_process_prints_the_same_report_as_the_command_run_in_process() throws Exception {
        MainTest.Run inProcess = MainTest.run("check", SAMPLE);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "check", SAMPLE).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(2, TimeUnit.MINUTES));
        assertEquals(inProcess.code(), p.exitValue(), err);
        assertEquals(inProcess.out(), out);
        assertEquals(inProcess.err(), err);
    }
}
