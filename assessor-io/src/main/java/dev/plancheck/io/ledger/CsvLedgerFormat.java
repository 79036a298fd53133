package dev.plancheck.io.ledger;

import dev.plancheck.InputFile;
import dev.plancheck.LedgerFormat;
import dev.plancheck.PlanChecker;
import dev.plancheck.input.InputLimits;
import dev.plancheck.input.InvalidSubmissionException;
import java.io.IOException;
import java.util.List;

/**
 * CSV ledgers (UTF-8, the year line, the 单位 table, then the 活动 table), with problems named by line and cell
 * ({@code 台账.csv:12: C12}). Registered as a {@link LedgerFormat} service.
 */
public final class CsvLedgerFormat implements LedgerFormat {
    @Override
    public String name() {
        return "csv";
    }

    @Override
    public List<String> extensions() {
        return List.of(".csv");
    }

    @Override
    public void read(InputFile input, PlanChecker checker, InputLimits limits, Sink sink) throws IOException {
        try {
            byte[] bytes = input.bytes(limits.maxFileBytes(), "--max-file-mb");
            sink.read(CsvLedgerReader.read(new LedgerParser(checker.pack()), input.name(), bytes, limits));
        } catch (InvalidSubmissionException e) {
            sink.invalid(input.name(), e);
        }
    }
}
