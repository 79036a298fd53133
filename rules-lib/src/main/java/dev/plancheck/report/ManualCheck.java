package dev.plancheck.report;

/**
 * A sentence of the plan that no ledger can prove, which the assessor checks by hand (人工核验): the pack declares it
 * in {@code clauses.json}, and every report lists it once, whatever the ledger holds. The report does not judge it.
 *
 * <pre>{@code
 * ManualCheck m = report.manualChecks().get(0);
 * m.clause();     // §8
 * m.sentence();   // 认清新形势下团建工作，不断增强紧迫感、责任感，…
 * m.check();      // 查看团组织思想建设、组织建设的工作记录…
 * }</pre>
 *
 * @param clause   the clause, e.g. {@code §8}
 * @param section  the section of the document the clause belongs to, e.g. {@code 八、团委工作}
 * @param sentence the sentence, verbatim from the clause
 * @param check    what the assessor should look at
 */
public record ManualCheck(String clause, String section, String sentence, String check) {
}
