package dev.plancheck.bench;

import java.nio.file.Path;

/**
 * What an embedder's program does once: create the checker of the bundled pack, read and check one ledger, print the
 * summary. Called by reflection, so that one compiled class measures any version of the library.
 */
public final class EmbedderCheck {
    private EmbedderCheck() {
    }

    public static void main(String[] args) throws Exception {
        Class<?> planChecker = Class.forName("dev.plancheck.PlanChecker");
        Object checker = planChecker.getMethod("create").invoke(null);
        Object report = planChecker.getMethod("check", Path.class).invoke(checker, Path.of(args[0]));
        System.out.println(report.getClass().getMethod("summary").invoke(report));
    }
}
