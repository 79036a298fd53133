package dev.plancheck.testing;

import dev.plancheck.PlanChecker;
import dev.plancheck.RulePack;

/** Checkers shared by the tests, so the rules are compiled once per test run rather than once per test class. */
public final class Checkers {
    private static PlanChecker dianchang2023;
    private static PlanChecker demo2024;

    private Checkers() {
    }

    public static synchronized PlanChecker dianchang2023() {
        if (dianchang2023 == null) {
            dianchang2023 = PlanChecker.create(RulePack.bundled("dianchang-2023"));
        }
        return dianchang2023;
    }

    public static synchronized PlanChecker demo2024() {
        if (demo2024 == null) {
            demo2024 = PlanChecker.create(RulePack.bundled("dianchang-2024-demo"));
        }
        return demo2024;
    }
}
