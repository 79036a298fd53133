package dev.plancheck;

import dev.plancheck.input.InputLimits;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The inputs of one check, as the command line and the service take them: ledgers (files, folders of them, or bytes
 * uploaded), waiver files, the as-of date as given, the days ahead to list coming duties, and the limits. Every rule
 * about these inputs is applied by {@link PlanChecker#run(CheckRequest)} — the one pipeline — never by a caller.
 *
 * <pre>{@code
 * CheckRequest r = CheckRequest.of(List.of(InputFile.of(Path.of("ledgers/"))))
 *         .withWaivers(List.of(InputFile.of(Path.of("情况说明.json"))))
 *         .withAsOf("2023-06-15");
 * CheckOutcome outcome = checker.run(r);
 * }</pre>
 *
 * @param ledgers       the ledgers: files of any registered {@link LedgerFormat}, folders of them (read one level
 *                      deep), or bytes held in memory
 * @param waivers       waiver files (情况说明), merged: the same rule and unit twice is a problem
 * @param asOf          the as-of date as given ({@code YYYY-MM-DD}), or {@code null} for the end of the assessment year
 * @param comingDueDays days ahead to list coming duties, or {@code null} for the pack's default
 * @param limits        the limits every reader applies
 */
public record CheckRequest(List<InputFile> ledgers, List<InputFile> waivers, String asOf, Integer comingDueDays,
                           InputLimits limits) {
    /** The lists are copied; the limits are required. */
    public CheckRequest {
        ledgers = List.copyOf(ledgers);
        waivers = List.copyOf(waivers);
        Objects.requireNonNull(limits, "limits");
    }

    /** A request for these ledgers, without waivers, as of the end of the year, with the default limits. */
    public static CheckRequest of(List<InputFile> ledgers) {
        return new CheckRequest(ledgers, List.of(), null, null, InputLimits.defaults());
    }

    /** A request for these files and folders. */
    public static CheckRequest ofPaths(List<Path> paths) {
        return of(paths.stream().map(InputFile::of).toList());
    }

    /** The same request with these waiver files. */
    public CheckRequest withWaivers(List<InputFile> files) {
        return new CheckRequest(ledgers, files, asOf, comingDueDays, limits);
    }

    /** The same request as of a day given as text ({@code YYYY-MM-DD}; checked by the pipeline). */
    public CheckRequest withAsOf(String day) {
        return new CheckRequest(ledgers, waivers, day, comingDueDays, limits);
    }

    /** The same request as of a day. */
    public CheckRequest withAsOf(LocalDate day) {
        return withAsOf(day == null ? null : day.toString());
    }

    /** The same request listing coming duties this many days ahead ({@code null}: the pack's default). */
    public CheckRequest withComingDueDays(Integer days) {
        return new CheckRequest(ledgers, waivers, asOf, days, limits);
    }

    /** The same request with other limits. */
    public CheckRequest withLimits(InputLimits newLimits) {
        return new CheckRequest(ledgers, waivers, asOf, comingDueDays, newLimits);
    }
}
