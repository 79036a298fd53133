package dev.plancheck;

import dev.plancheck.input.InputLimits;
import dev.plancheck.input.InvalidSubmissionException;
import dev.plancheck.input.Waiver;
import dev.plancheck.ledger.Waivers;
import java.io.IOException;
import java.util.List;

/** JSON ledgers ({@code docs/input-format.md}), streamed, and JSON waiver files. */
final class JsonLedgerFormat implements LedgerFormat {
    @Override
    public String name() {
        return "json";
    }

    @Override
    public List<String> extensions() {
        return List.of(".json");
    }

    @Override
    public void read(InputFile input, PlanChecker checker, InputLimits limits, Sink sink) throws IOException {
        try {
            sink.read(input.path() != null ? checker.readJson(input.path(), limits)
                    : checker.read(input.name(), input.content(), limits));
        } catch (InvalidSubmissionException e) {
            sink.invalid(input.name(), e);
        }
    }

    @Override
    public boolean readsWaivers() {
        return true;
    }

    @Override
    public List<Waiver> readWaivers(InputFile input, PlanChecker checker, InputLimits limits)
            throws IOException, InvalidSubmissionException {
        byte[] bytes = input.bytes(limits.maxWaiverFileBytes(), "--max-waiver-file-mb");
        return Waivers.fromJson(input.name(), bytes, limits, checker.pack().id(),
                checker.rules().stream().map(r -> r.id()).toList());
    }
}
