package dev.plancheck.report;

/**
 * Which rules judged a report: the pack's id, its version and a SHA-256 of its rules and parameters. Two packs
 * with the same fingerprint judge alike, wherever they were loaded from (bundled or copied to disk).
 *
 * <pre>{@code
 * PackFingerprint f = report.fingerprint();
 * f.id();          // "dianchang-2023"
 * f.version();     // "2023.2", or null when the parameter file names none
 * f.sha256();      // 64 hex digits
 * f.toString();    // "dianchang-2023 版本 2023.2　SHA-256：3f2a…"（the whole hash）
 * }</pre>
 *
 * <p>The hash covers every file the pack is made of — the DRL files, {@code ruleset.json}, {@code clauses.json},
 * {@code vocabulary.json} (each by name) and the parameter file — except where the parameter file says where the
 * rule set is ({@code ruleSet}) and its {@code $comment}s, which do not change a judgement.
 *
 * @param id      the pack's id
 * @param version the version the parameter file declares ({@code "version"}), or {@code null}
 * @param sha256  lower-case hex SHA-256 of the pack's content
 */
public record PackFingerprint(String id, String version, String sha256) {
    /** The first 12 hex digits of the hash: enough to tell packs apart on a printed page. */
    public String shortHash() {
        return sha256.substring(0, Math.min(12, sha256.length()));
    }

    /** {@code dianchang-2023 版本 2023.2　SHA-256：3f2a…} (the whole hash): the line printed in text reports. */
    @Override
    public String toString() {
        return id + " 版本 " + (version == null ? "（未标注）" : version) + "　SHA-256：" + sha256;
    }
}
