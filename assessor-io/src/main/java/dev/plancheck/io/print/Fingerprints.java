package dev.plancheck.io.print;

import dev.plancheck.report.PackFingerprint;
import dev.plancheck.report.Report;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The pack's fingerprint as the printed formats show it: short on paper (the id, the version and the first 12 hex
 * digits of the SHA-256, enough to tell packs apart), whole where a program or a careful reader looks (a cell, the
 * document's properties, a CSV column). A batch may mix packs; then each is named once, in the order of the reports.
 *
 * <pre>{@code
 * Fingerprints.onPaper(report.fingerprint())   // "规则包 dianchang-2023 版本 2023.2　SHA-256 3f2a1b2c3d4e"
 * }</pre>
 */
public final class Fingerprints {
    private Fingerprints() {
    }

    /** {@code dianchang-2023 版本 2023.2}. */
    public static String pack(PackFingerprint f) {
        return f.id() + " 版本 " + (f.version() == null ? "（未标注）" : f.version());
    }

    /** {@code 规则包 dianchang-2023 版本 2023.2　SHA-256 3f2a1b2c3d4e}: the line for a page footer. */
    public static String onPaper(PackFingerprint f) {
        return "规则包 " + pack(f) + "　SHA-256 " + f.shortHash();
    }

    /** The distinct fingerprints of the reports, in order of first use. */
    public static List<PackFingerprint> of(List<Report> reports) {
        return reports.stream().map(Report::fingerprint).distinct().toList();
    }

    /** The footer line of a batch: each pack's {@link #onPaper} line, joined by {@code ；}; empty without reports. */
    public static String onPaper(List<Report> reports) {
        return of(reports).stream().map(Fingerprints::onPaper).collect(Collectors.joining("；"));
    }

    /** The whole fingerprint of each pack ({@link PackFingerprint#toString()}), joined by {@code ；}. */
    public static String whole(List<Report> reports) {
        return of(reports).stream().map(PackFingerprint::toString).collect(Collectors.joining("；"));
    }
}
