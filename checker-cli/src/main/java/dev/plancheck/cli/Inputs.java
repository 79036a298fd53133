package dev.plancheck.cli;

import dev.plancheck.input.InputLimits;
import dev.plancheck.input.InvalidSubmissionException;
import dev.plancheck.PlanChecker;
import dev.plancheck.input.Submission;
import dev.plancheck.input.Waiver;
import dev.plancheck.io.ledger.Ledgers;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** What the command line reads: ledgers and waiver files, in every format the assessor may hand over. */
final class Inputs {
    static final List<String> EXTENSIONS = Ledgers.EXTENSIONS;

    private Inputs() {
    }

    static boolean isLedger(Path file) {
        return Ledgers.isLedger(file);
    }

    static Submission read(PlanChecker checker, Path file, InputLimits limits) throws IOException, InvalidSubmissionException {
        return Ledgers.read(checker, file, limits);
    }

    static List<Waiver> readWaivers(PlanChecker checker, Path file, InputLimits limits)
            throws IOException, InvalidSubmissionException {
        return Ledgers.readWaivers(checker, file, limits);
    }
}
