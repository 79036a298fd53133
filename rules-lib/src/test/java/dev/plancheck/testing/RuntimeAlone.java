package dev.plancheck.testing;

import dev.plancheck.PlanChecker;
import dev.plancheck.RulePack;
import dev.plancheck.input.RulePackException;
import java.nio.file.Path;

/**
 * What an embedder with nothing but the runtime does, run by RuntimeWithoutCompilerTest in a JVM whose class path lacks
 * the DRL compiler: checks a ledger with the bundled pack, then tries a pack from disk. Prints what happened.
 */
public final class RuntimeAlone {
    private RuntimeAlone() {
    }

    public static void main(String[] args) throws Exception {
        System.out.println(PlanChecker.create().check(Path.of(args[0])).summary());
        try {
            PlanChecker.create(RulePack.load(Path.of(args[1])));
            System.out.println("compiled");
        } catch (RulePackException e) {
            System.out.println(e.problems().get(0).code());
        }
    }
}
