package dev.plancheck.compiler;

import dev.plancheck.engine.CompiledRules;
import dev.plancheck.engine.LateErrorCheck;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.drools.base.base.ClassObjectType;
import org.drools.base.definitions.InternalKnowledgePackage;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.base.rule.Pattern;
import org.drools.base.rule.RuleConditionElement;
import org.drools.base.rule.constraint.Constraint;
import org.drools.mvel.MVELConstraint;
import org.drools.mvel.MVELDialectRuntimeData;
import org.drools.mvel.expr.MVELCompilationUnit;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;

/**
 * Compiles every MVEL constraint of a rule base compiled from DRL, as Drools would on the constraint's first use, and
 * reports those that fail: the classic compiler accepts {@code date <= "2024-05-31"} and fails only when the first
 * record reaches it. Registered as a {@link LateErrorCheck}, so that a pack loaded from disk with such a constraint is
 * refused when it loads (exit 3 with file and line), never in the middle of a check.
 *
 * <pre>{@code
 * new MvelConstraintCheck().check(kieBase);
 * // [LateError[ruleName=R1.1-1 每月召开一次网格员例会, expression=date <= "2024-05-31",
 * //   message=incompatible types in statement: class java.lang.String (compared from: class java.time.LocalDate),
 * //   onADate=true]]
 * }</pre>
 */
public final class MvelConstraintCheck implements LateErrorCheck {
    /** Drools keeps a constraint's compilation unit to itself; it is what the constraint compiles on first use. */
    private static final Field COMPILATION_UNIT = compilationUnitField();

    @Override
    public List<LateError> check(KieBase kieBase) {
        List<LateError> out = new ArrayList<>();
        for (KiePackage pkg : kieBase.getKiePackages()) {
            MVELDialectRuntimeData data = pkg instanceof InternalKnowledgePackage internal
                    ? (MVELDialectRuntimeData) internal.getDialectRuntimeRegistry().getDialectData("mvel") : null;
            for (Rule rule : pkg.getRules()) {
                if (rule instanceof RuleImpl impl && data != null) {
                    Map<Object, Boolean> seen = new IdentityHashMap<>();
                    visit(impl.getLhs(), impl, data, out, seen);
                }
            }
        }
        return out;
    }

    private static void visit(RuleConditionElement element, RuleImpl rule, MVELDialectRuntimeData data,
                              List<LateError> out, Map<Object, Boolean> seen) {
        if (element == null || seen.put(element, Boolean.TRUE) != null) {
            return;
        }
        if (element instanceof Pattern pattern) {
            for (Constraint c : pattern.getConstraints()) {
                if (c instanceof MVELConstraint mvel) {
                    String error = compile(mvel, data);
                    if (error != null) {
                        out.add(new LateError(rule.getName(), mvel.getExpression(), error, readsADate(pattern, mvel.getExpression())));
                    }
                }
            }
        }
        for (RuleConditionElement nested : element.getNestedElements()) {
            visit(nested, rule, data, out, seen);
        }
    }

    /** True when the expression names a date property of the pattern's fact. */
    private static boolean readsADate(Pattern pattern, String expression) {
        return pattern.getObjectType() instanceof ClassObjectType type && CompiledRules.readsADate(type.getClassType(), expression);
    }

    /** The compiler's first words when the constraint does not compile, else {@code null}. */
    private static String compile(MVELConstraint constraint, MVELDialectRuntimeData data) {
        if (COMPILATION_UNIT == null) {
            return null;
        }
        try {
            MVELCompilationUnit unit = (MVELCompilationUnit) COMPILATION_UNIT.get(constraint);
            if (unit != null) {
                unit.getCompiledExpression(data, constraint.getEvaluationContext());
            }
            return null;
        } catch (IllegalAccessException e) {
            return null;
        } catch (RuntimeException | LinkageError e) {
            return CompiledRules.words(e);
        }
    }

    private static Field compilationUnitField() {
        try {
            Field f = MVELConstraint.class.getDeclaredField("compilationUnit");
            f.setAccessible(true);
            return f;
        } catch (ReflectiveOperationException | RuntimeException e) {
            // Another Drools: the constraints are not compiled ahead, and the run-time guard in the engine still names
            // the rule (MvelConstraintCheckTest fails, so that an upgrade notices).
            return null;
        }
    }
}
