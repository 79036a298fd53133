package dev.plancheck.engine;

import dev.plancheck.input.Problem;
import dev.plancheck.input.ProblemCode;
import dev.plancheck.input.RulePackException;
import dev.plancheck.model.OrgUnit;
import dev.plancheck.model.UnitCondition;
import dev.plancheck.pack.LoadedPack;
import dev.plancheck.pack.UnitParameters;
import dev.plancheck.report.RuleInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Which units a rule binds: a rule with {@code @appliesTo("large-community")} binds only the units of its scope that
 * meet that condition of the pack's {@code unitConditions}. A unit that does not meet it is not bound: its result is
 * 不适用 with the reason ({@code 常住人口 2,100 人，未达 3,000 人，本条不适用}). A unit that does not state the attribute is
 * bound: leaving an attribute out never excuses a unit from a duty.
 */
public final class UnitBinding {
    private final Map<String, UnitCondition> conditions;

    private UnitBinding(Map<String, UnitCondition> conditions) {
        this.conditions = conditions;
    }

    /**
     * The binding of a pack's rules.
     *
     * @throws RulePackException naming the rule, its file and line, when a rule's {@code @appliesTo} names a condition the
     *                           parameter file does not declare
     */
    public static UnitBinding of(CompiledRules rules, LoadedPack pack) {
        List<Problem> problems = problems(rules, pack.parameters().units());
        if (!problems.isEmpty()) {
            throw new RulePackException(problems);
        }
        return new UnitBinding(pack.parameters().units().conditions());
    }

    /** The rules whose {@code @appliesTo} names a condition that is not declared, each at its rule's line. */
    public static List<Problem> problems(CompiledRules rules, UnitParameters units) {
        List<Problem> out = new ArrayList<>();
        for (RuleInfo r : rules.rules()) {
            if (r.appliesTo() != null && !units.conditions().containsKey(r.appliesTo())) {
                out.add(rules.problemAt(ProblemCode.RULE_METADATA, r.name(), "@appliesTo", "规则 " + r.id() + " 的 @appliesTo(\""
                        + r.appliesTo() + "\") 不是参数文件 unitConditions 中的条件；已定义：" + (units.conditions().isEmpty()
                        ? "（无）" : String.join("、", units.conditions().keySet()))));
            }
        }
        return out;
    }

    /** Why the rule does not bind the unit, or {@code null} when it does. */
    public String whyNot(RuleInfo rule, OrgUnit unit) {
        if (rule.appliesTo() == null) {
            return null;
        }
        UnitCondition c = conditions.get(rule.appliesTo());
        return Boolean.FALSE.equals(c.test(unit)) ? c.whyNot(unit) + "，本条不适用" : null;
    }
}
