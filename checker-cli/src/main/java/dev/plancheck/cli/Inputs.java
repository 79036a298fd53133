package dev.plancheck.cli;

import dev.plancheck.InvalidSubmissionException;
import dev.plancheck.PlanChecker;
import dev.plancheck.Submission;
import dev.plancheck.Waiver;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** What the command line reads: ledgers and waiver files, in every format the assessor may hand over. */
final class Inputs {
    static final List<String> EXTENSIONS = List.of(".json");

    private Inputs() {
    }

    static boolean isLedger(Path file) {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return EXTENSIONS.stream().anyMatch(name::endsWith);
    }

    static Submission read(PlanChecker checker, Path file) throws IOException, InvalidSubmissionException {
        return checker.read(file);
    }

    static List<Waiver> readWaivers(PlanChecker checker, Path file) throws IOException, InvalidSubmissionException {
        throw new IOException("merge pending");
    }
}
