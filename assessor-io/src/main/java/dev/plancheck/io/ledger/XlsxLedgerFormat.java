package dev.plancheck.io.ledger;

import dev.plancheck.InputFile;
import dev.plancheck.LedgerFormat;
import dev.plancheck.PlanChecker;
import dev.plancheck.input.InputLimits;
import dev.plancheck.input.InvalidSubmissionException;
import dev.plancheck.input.Waiver;
import java.io.IOException;
import java.util.List;

/**
 * xlsx ledgers in the layout of {@link LedgerTemplate} (the 单位 and 活动 sheets), and their 情况说明 sheet as
 * waivers. Registered as a {@link LedgerFormat} service: with this module on the class path, the runtime's pipeline
 * and {@code PlanChecker.read} read workbooks like JSON, with problems named by sheet and cell ({@code 活动!C12}).
 */
public final class XlsxLedgerFormat implements LedgerFormat {
    @Override
    public String name() {
        return "xlsx";
    }

    @Override
    public List<String> extensions() {
        return List.of(".xlsx");
    }

    @Override
    public void read(InputFile input, PlanChecker checker, InputLimits limits, Sink sink) throws IOException {
        try {
            byte[] bytes = input.bytes(limits.maxFileBytes(), "--max-file-mb");
            sink.read(XlsxLedgerReader.read(new LedgerParser(checker.pack()), input.name(), bytes, limits));
        } catch (InvalidSubmissionException e) {
            sink.invalid(input.name(), e);
        }
    }

    @Override
    public boolean readsWaivers() {
        return true;
    }

    @Override
    public boolean ledgersCarryWaivers() {
        return true;
    }

    @Override
    public List<Waiver> readWaivers(InputFile input, PlanChecker checker, InputLimits limits)
            throws IOException, InvalidSubmissionException {
        return WaiverReader.fromWorkbook(checker, input.name(), input.bytes(limits.maxFileBytes(), "--max-file-mb"), limits);
    }
}
