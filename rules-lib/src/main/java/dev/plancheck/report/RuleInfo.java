package dev.plancheck.report;

/**
 * What a rule says of itself, read from its DRL metadata.
 *
 * @param id        stable id, e.g. {@code R1.2-4}; never reused
 * @param name      the DRL rule name, a sentence starting with the id
 * @param title     Chinese title
 * @param clause    the clause it enforces, e.g. {@code §1.2}
 * @param sentence  the original sentence of the clause it enforces
 * @param scope     whom it binds
 * @param severity  how much a gap weighs
 * @param evidence  what counts as evidence, in Chinese
 * @param trigger   for a conditional rule, the kind of record that triggers it (e.g. {@code disaster}); {@code null} otherwise
 * @param file      the DRL file it is written in
 * @param section   the section of the document the clause belongs to, e.g. {@code 一、统战工作}
 * @param appliesTo the unit condition ({@code unitConditions} of the parameter file) a unit must meet to be bound,
 *                  e.g. {@code large-community}; {@code null} when the rule binds every unit of its scope
 */
public record RuleInfo(String id, String name, String title, String clause, String sentence, Scope scope,
                       Severity severity, String evidence, String trigger, String file, String section, String appliesTo) {
    /** True when the rule only applies once something has happened. */
    public boolean conditional() {
        return trigger != null;
    }
}
