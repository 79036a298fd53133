package dev.plancheck.engine;

import dev.plancheck.pack.LoadedPack;
import dev.plancheck.model.Activity;
import dev.plancheck.model.OrgUnit;
import java.time.LocalDate;
import java.util.List;
import org.kie.api.runtime.KieSession;

/**
 * The benchmark's second baseline: Drools used naively, one session for a whole city, every record inserted and
 * the rules fired once. In this package only to reach {@link Findings}' constructor (the rules' global); the
 * library never does this.
 */
public final class NaiveDrools {
    private NaiveDrools() {
    }

    /** Fires the rules once over everything; returns the number of rule firings. */
    public static int fireOnce(CompiledRules rules, LoadedPack pack, List<OrgUnit> units, List<Activity> activities) {
        KieSession session = rules.kieBase().newKieSession();
        try {
            session.setGlobal("findings", new Findings(rules, LocalDate.of(pack.year(), 12, 31), new Counting(pack)));
            units.forEach(session::insert);
            activities.forEach(session::insert);
            pack.periods().forEach(session::insert);
            pack.parameters().quotas().values().forEach(session::insert);
            pack.parameters().deadlines().values().forEach(session::insert);
            return session.fireAllRules();
        } finally {
            session.dispose();
        }
    }
}
