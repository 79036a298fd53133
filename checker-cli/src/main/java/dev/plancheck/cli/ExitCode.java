package dev.plancheck.cli;

import dev.plancheck.report.Report;
import java.util.List;

/** The exit codes of the command line, decided in one place from what a run produced. */
enum ExitCode {
    /** Every submission was checked and nothing is missing (gaps accepted by a waiver do not count). */
    OK(0),
    /** At least one open gap was found (or, for {@code test}, a scenario failed). */
    GAPS(1),
    /** Bad input or usage: a submission, a waiver file or an option could not be used. */
    BAD_INPUT(2),
    /** The rule pack itself is broken. */
    BROKEN_PACK(3),
    /** The report could not be written to the file named by {@code --output} (no room, no permission…). */
    OUTPUT_FAILED(74),
    /**
     * The checker itself failed (out of memory, stack overflow, an unexpected exception): nothing can be concluded
     * about gaps. 70 is {@code EX_SOFTWARE} of sysexits.h, so that no caller reads a crash as "gaps found".
     */
    CRASH(70);

    final int code;

    ExitCode(int code) {
        this.code = code;
    }

    /** Bad input outweighs gaps: a run that could not read everything has not checked everything. */
    static ExitCode of(List<Report> reports, boolean badInput) {
        if (badInput) {
            return BAD_INPUT;
        }
        return of(reports.stream().anyMatch(Report::hasGaps), badInput);
    }

    /** The same, from whether any report has gaps, for runs that do not keep their reports. */
    static ExitCode of(boolean gaps, boolean badInput) {
        if (badInput) {
            return BAD_INPUT;
        }
        return gaps ? GAPS : OK;
    }
}
