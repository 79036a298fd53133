package dev.plancheck.engine;

import java.util.List;
import org.kie.api.KieBase;

/**
 * Finds, right after a rule set's DRL is compiled at run time, the errors the DRL compiler would otherwise report only
 * when a rule first runs: Drools compiles each MVEL constraint lazily, so {@code date <= "2024-05-31"} (a
 * {@code LocalDate} against a string) compiles, loads, and fails on the first ledger. {@link CompiledRules#compile}
 * runs every check found with {@link java.util.ServiceLoader} and refuses the pack, with the file, the line and the
 * compiler's words, when one fails. plancheck-authoring, which brings the DRL compiler, registers the one that
 * compiles every MVEL constraint ahead of time; a program without the DRL compiler compiles no DRL and needs none.
 *
 * <pre>{@code
 * for (LateErrorCheck check : ServiceLoader.load(LateErrorCheck.class)) {
 *     check.check(kieBase);   // [LateError[ruleName=R1.1-1 每月召开一次网格员例会, expression=date <= "2024-05-31",
 *                             //   message=incompatible types in statement: class java.lang.String (compared from: class java.time.LocalDate),
 *                             //   onADate=true]]
 * }
 * }</pre>
 */
public interface LateErrorCheck {
    /** Every error found in the rule base, in rule order; empty when there is none. */
    List<LateError> check(KieBase kieBase);

    /**
     * One error a rule would meet when it first runs.
     *
     * @param ruleName   the rule's name, as in {@code rule "…"}
     * @param expression the constraint or expression as the compiler saw it, or {@code null}
     * @param message    the compiler's words, on one line
     * @param onADate    true when the expression reads a date property of its fact ({@code date}, {@code endDate}…):
     *                   the author is advised to leave dates to the periods
     */
    record LateError(String ruleName, String expression, String message, boolean onADate) {
    }
}
