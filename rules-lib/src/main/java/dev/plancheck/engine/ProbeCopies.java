package dev.plancheck.engine;

import dev.plancheck.model.Activity;
import java.lang.reflect.Method;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.base.base.ClassObjectType;
import org.drools.base.base.ObjectType;
import org.drools.base.rule.Accumulate;
import org.drools.base.rule.Collect;
import org.drools.base.rule.EntryPointId;
import org.drools.base.rule.Forall;
import org.drools.base.rule.GroupElement;
import org.drools.base.rule.PatternSource;
import org.drools.base.rule.RuleConditionElement;
import org.drools.base.rule.constraint.Constraint;
import org.drools.modelcompiler.constraints.LambdaConstraint;
import org.kie.api.definition.rule.Rule;

/**
 * Which copies of a record that names no organiser the missing-organiser probe must add, so that it need not add one
 * per organiser for every such record.
 *
 * <p>A copy differs from its record only in its organiser. Where a rule's {@code Activity} pattern does not read the
 * organiser, the copy matches it exactly where the record already did, and the probe ignores a copy whose record the
 * rule already had. So a copy can only tell the probe something through a pattern that reads the organiser: when
 * every such pattern of the rules probed reads it only as {@code organiser == "…"}, the copy naming that organiser is
 * needed, and only for a record of the kind that pattern requires by {@code kind == "…"} (any kind when it names none).
 *
 * <p>Anything this cannot see into keeps every copy, as before: a constraint whose text is not known, or that reads
 * the organiser otherwise (or names {@code this}) in a pattern of any type; a record bound to a variable, or one of
 * its fields (either could carry the organiser elsewhere); an {@code eval}, a query, a {@code from} expression; a
 * pattern of a type a record also is ({@code Object}).
 */
final class ProbeCopies {
    private static final Pattern ORGANISER_IS = Pattern.compile("\\s*organiser\\s*==\\s*\"([^\"\\\\]*)\"\\s*");
    private static final Pattern KIND_IS = Pattern.compile("\\s*kind\\s*==\\s*\"([^\"\\\\]*)\"\\s*");
    private static final Pattern READS_ORGANISER = Pattern.compile("\\borganiser\\b|\\bthis\\b|\\bgetOrganiser\\b");
    /** Stands for "of any kind" in a set of kinds. */
    private static final String ANY_KIND = "\u0000any";
    /** How the executable model names the variable of a pattern the DRL left unbound. */
    private static final String UNBOUND = "GENERATED_$pattern_";

    /** What one rule needs: {@code null} kinds map when it cannot be seen into (every copy is needed). */
    record Needs(Map<String, Set<String>> kindsByOrganiser) {
        static final Needs EVERY_COPY = new Needs(null);

        boolean everyCopy() {
            return kindsByOrganiser == null;
        }
    }

    private final boolean everyCopy;
    private final Map<String, Set<String>> kindsByOrganiser;

    private ProbeCopies(boolean everyCopy, Map<String, Set<String>> kindsByOrganiser) {
        this.everyCopy = everyCopy;
        this.kindsByOrganiser = kindsByOrganiser;
    }

    /** What the rules together need. */
    static ProbeCopies of(Collection<Needs> rules) {
        Map<String, Set<String>> merged = new HashMap<>();
        for (Needs n : rules) {
            if (n.everyCopy()) {
                return new ProbeCopies(true, Map.of());
            }
            n.kindsByOrganiser().forEach((organiser, kinds) -> merged.computeIfAbsent(organiser, o -> new HashSet<>()).addAll(kinds));
        }
        return new ProbeCopies(false, merged);
    }

    /** True when the probe must add the copy of {@code record} that names {@code organiser}. */
    boolean needs(Activity record, String organiser) {
        if (everyCopy) {
            return true;
        }
        Set<String> kinds = kindsByOrganiser.get(organiser);
        return kinds != null && (kinds.contains(ANY_KIND) || kinds.contains(record.getKind()));
    }

    /** Reads one rule (once per rule base). */
    static Needs needs(Rule rule) {
        if (!(rule instanceof org.drools.base.definitions.rule.impl.RuleImpl impl)) {
            return Needs.EVERY_COPY;
        }
        Map<String, Set<String>> out = new HashMap<>();
        return visit(impl.getLhs(), out) ? new Needs(out) : Needs.EVERY_COPY;
    }

    /** Adds what the element needs; false when it cannot be seen into. */
    private static boolean visit(RuleConditionElement element, Map<String, Set<String>> out) {
        if (element instanceof org.drools.base.rule.Pattern p) {
            return pattern(p, out) && source(p.getSource(), out);
        }
        if (element instanceof GroupElement group) {
            return visitAll(group.getChildren(), out);
        }
        if (element instanceof Forall forall) {
            return visit(forall.getBasePattern(), out) && visitAll(forall.getRemainingPatterns(), out);
        }
        if (element instanceof Accumulate || element instanceof Collect) {
            return source((PatternSource) element, out);
        }
        return false;
    }

    private static boolean visitAll(List<? extends RuleConditionElement> elements, Map<String, Set<String>> out) {
        for (RuleConditionElement e : elements) {
            if (!visit(e, out)) {
                return false;
            }
        }
        return true;
    }

    private static boolean source(PatternSource source, Map<String, Set<String>> out) {
        if (source == null || source instanceof EntryPointId) {
            return true;
        }
        if (source instanceof Accumulate accumulate) {
            return visitAll(accumulate.getNestedElements(), out);
        }
        if (source instanceof Collect collect) {
            return visit(collect.getSourcePattern(), out);
        }
        return false;
    }

    private static boolean pattern(org.drools.base.rule.Pattern p, Map<String, Set<String>> out) {
        ObjectType type = p.getObjectType();
        if (!(type instanceof ClassObjectType classType)) {
            return false;
        }
        Class<?> c = classType.getClassType();
        if (c != Activity.class) {
            // A pattern of another type cannot match a record, unless a record is also of that type (Object); it may
            // still read a record's organiser through a variable, which is refused below, or by name.
            if (c.isAssignableFrom(Activity.class)) {
                return false;
            }
            for (Constraint constraint : p.getConstraints()) {
                String text = textOf(constraint);
                if (text == null || READS_ORGANISER.matcher(text).find()) {
                    return false;
                }
            }
            return true;
        }
        for (org.drools.base.rule.Declaration d : p.getDeclarations().values()) {
            if (!d.getIdentifier().startsWith(UNBOUND)) {
                return false; // the record or a field of it is bound: it could be read anywhere
            }
        }
        String organiser = null;
        String kind = ANY_KIND;
        boolean readsOrganiser = false;
        for (Constraint constraint : p.getConstraints()) {
            String text = textOf(constraint);
            if (text == null) {
                return false;
            }
            Matcher o = ORGANISER_IS.matcher(text);
            Matcher k = KIND_IS.matcher(text);
            if (o.matches()) {
                if (organiser != null && !organiser.equals(o.group(1))) {
                    return false; // two organisers: not a shape worth reading
                }
                organiser = o.group(1);
            } else if (READS_ORGANISER.matcher(text).find()) {
                return false;
            } else if (k.matches()) {
                kind = k.group(1);
            }
        }
        if (organiser != null) {
            out.computeIfAbsent(organiser, x -> new HashSet<>()).add(kind);
        }
        return true;
    }

    /** The constraint as written in the DRL, or {@code null} when it cannot be known. */
    private static String textOf(Constraint constraint) {
        String text = null;
        if (constraint instanceof LambdaConstraint lambda && lambda.getPredicateInformation() != null) {
            text = lambda.getPredicateInformation().getStringConstraint();
        } else {
            try {
                // The DRL compiler's constraint (drools-mvel, not on the runtime's class path) says its expression.
                Method m = constraint.getClass().getMethod("getExpression");
                if (m.getReturnType() == String.class) {
                    text = (String) m.invoke(constraint);
                }
            } catch (ReflectiveOperationException | RuntimeException e) {
                text = null;
            }
        }
        return text == null || text.isBlank() ? null : text;
    }
}
