package dev.plancheck.engine;

import dev.plancheck.model.Activity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.drools.base.base.ClassObjectType;
import org.drools.base.base.ValueResolver;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.base.reteoo.BaseTuple;
import org.drools.base.rule.ContextEntry;
import org.drools.base.rule.GroupElement;
import org.drools.base.rule.Pattern;
import org.drools.base.rule.RuleConditionElement;
import org.drools.base.rule.constraint.AlphaNodeFieldConstraint;
import org.drools.base.rule.constraint.BetaConstraint;
import org.drools.base.rule.constraint.Constraint;
import org.drools.core.rule.consequence.InternalMatch;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;
import org.kie.api.runtime.rule.RuleContext;

/**
 * The records that satisfy a firing rule's {@code exists Activity(…)} gate. Drools does not say which facts made an
 * {@code exists} true (they are not part of the match), yet a record that made a duty apply was used: it must not be
 * reported as matched by no rule. The gate's own constraints, as Drools compiled them, are asked about each record,
 * with the rule's variables as bound in the match ({@code unitId == $u.id}).
 *
 * <pre>
 * rule "R2.3-1 …"  @trigger("elevator") …
 * when
 *     $u : OrgUnit(level == UnitLevel.COMMUNITY)
 *     exists Activity(unitId == $u.id, kind == "elevator")      // the records that satisfy this for $u are used
 *     …
 * </pre>
 *
 * A constraint that cannot be asked (a kind Drools may add later) counts as satisfied: a record is rather not called
 * unused than wrongly so.
 */
final class ExistsGates {
    private ExistsGates() {
    }

    /**
     * The records among {@code records} that satisfy one of the rule's top-level {@code exists Activity(…)} gates; each
     * rule's gates are found once per {@code memo} (the rule base's, shared by threads: a concurrent map of lists that
     * are not changed once made).
     */
    static List<Activity> satisfying(RuleContext kcontext, List<Activity> records, Map<RuleImpl, List<Pattern>> memo) {
        if (records.isEmpty() || !(kcontext.getRule() instanceof RuleImpl rule)) {
            return List.of();
        }
        List<Pattern> gates = memo.computeIfAbsent(rule, r -> {
            List<Pattern> found = new ArrayList<>();
            gates(r.getLhs(), false, found);
            return List.copyOf(found);
        });
        if (gates.isEmpty() || !(kcontext.getMatch() instanceof InternalMatch match) || match.getTuple() == null
                || !(kcontext.getKieRuntime() instanceof KieSession session)
                || !(kcontext.getKieRuntime() instanceof ValueResolver resolver)) {
            return List.of();
        }
        BaseTuple tuple = match.getTuple();
        List<Activity> out = new ArrayList<>();
        for (Activity record : records) {
            FactHandle handle = session.getFactHandle(record);
            if (handle != null && gates.stream().anyMatch(g -> allows(g, handle, tuple, resolver))) {
                out.add(record);
            }
        }
        return out;
    }

    private static void gates(RuleConditionElement element, boolean underExists, List<Pattern> out) {
        if (element instanceof Pattern p) {
            if (underExists && p.getObjectType() instanceof ClassObjectType type && type.getClassType() == Activity.class) {
                out.add(p);
            }
            return;
        }
        if (element instanceof GroupElement group && (group.isAnd() || group.isExists())) {
            for (RuleConditionElement child : group.getChildren()) {
                gates(child, underExists || group.isExists(), out);
            }
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static boolean allows(Pattern gate, FactHandle handle, BaseTuple tuple, ValueResolver resolver) {
        for (Constraint c : gate.getConstraints()) {
            try {
                if (c instanceof AlphaNodeFieldConstraint alpha) {
                    if (!alpha.isAllowed(handle, resolver)) {
                        return false;
                    }
                } else if (c instanceof BetaConstraint beta) {
                    Object context = beta.createContext();
                    if (context instanceof ContextEntry entry) {
                        entry.updateFromTuple(resolver, tuple);
                        boolean allowed = ((BetaConstraint) beta).isAllowedCachedLeft(context, handle);
                        entry.resetTuple();
                        if (!allowed) {
                            return false;
                        }
                    }
                }
            } catch (RuntimeException e) {
                // cannot be asked here: counts as satisfied (see the class comment)
            }
        }
        return true;
    }
}
