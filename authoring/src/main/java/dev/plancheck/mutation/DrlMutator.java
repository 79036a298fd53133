package dev.plancheck.mutation;

import dev.plancheck.pack.DrlText;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the places in a DRL file where a rule can be weakened and makes one {@link Mutant} for each. It reads the
 * conditions of each rule ({@code when … then}) the way this project writes them:
 * <ul>
 *   <li>every constraint of an {@code Activity( … )} pattern (kind, topic, group, organiser, {@code unitId == $u.id},
 *       honour level, {@code relatesTo}, …) is dropped in turn;</li>
 *   <li>a {@code Period(id == "…")} other than the year, or a {@code Period(series == "…")}, becomes the year;</li>
 *   <li>a bound {@code Quota} is passed to the consequence with its minimum lowered by one;</li>
 *   <li>a bound {@code Deadline} is passed to the consequence one day longer;</li>
 *   <li>a bound {@code Rate} is passed to {@code findings.ratioAtLeast} with its minimum lowered by 0.1 percentage point
 *       (a share of communities moves in steps of one community, so a share's rate is not mutated: its near miss is one
 *       community fewer, which its scenarios state);</li>
 *   <li>{@code findings.held} (activities only) becomes {@code findings.present} (any kind).</li>
 * </ul>
 * A rule written some other way simply yields fewer mutants; nothing here changes the file's other rules.
 *
 * <pre>{@code
 * List<Mutant> mutants = DrlMutator.mutants("s01_united_front.drl", Files.readString(path));
 * }</pre>
 */
public final class DrlMutator {
    private static final Pattern ACTIVITY = Pattern.compile("\\bActivity\\s*\\(");
    private static final Pattern PERIOD = Pattern.compile("\\bPeriod\\s*\\(\\s*(id|series)\\s*==\\s*\"([^\"]+)\"\\s*\\)");
    private static final Pattern QUOTA = Pattern.compile("(\\$\\w+)\\s*:\\s*Quota\\s*\\(");
    private static final Pattern HELD = Pattern.compile("\\bfindings\\s*\\.\\s*(held)\\s*\\(");
    private static final Pattern DEADLINE = Pattern.compile("(\\$\\w+)\\s*:\\s*Deadline\\s*\\(");
    private static final Pattern RATE = Pattern.compile("(\\$\\w+)\\s*:\\s*Rate\\s*\\(");
    /** The period every pack defines: the whole assessment year. */
    static final String YEAR = "year";

    private DrlMutator() {
    }

    /** Every mutant of every rule of one file, in the order of the file. */
    public static List<Mutant> mutants(String file, String drl) {
        List<Mutant> out = new ArrayList<>();
        for (DrlText.Rule r : DrlText.rules(drl)) {
            dropConditions(file, drl, r.id(), r.lhsFrom(), r.lhsTo(), out);
            widenPeriods(file, drl, r.id(), r.lhsFrom(), r.lhsTo(), out);
            lowerQuotas(file, drl, r.id(), r.lhsFrom(), r.lhsTo(), r.rhsFrom(), r.rhsTo(), out);
            lengthenDeadlines(file, drl, r.id(), r.lhsFrom(), r.lhsTo(), r.rhsFrom(), r.rhsTo(), out);
            lowerRates(file, drl, r.id(), r.lhsFrom(), r.lhsTo(), r.rhsFrom(), r.rhsTo(), out);
            anyKind(file, drl, r.id(), r.rhsFrom(), r.rhsTo(), out);
        }
        return out;
    }

    private static void dropConditions(String file, String drl, String id, int from, int to, List<Mutant> out) {
        Matcher m = ACTIVITY.matcher(drl).region(from, to);
        while (m.find()) {
            int open = m.end() - 1;
            int close = DrlText.matching(drl, open);
            if (close < 0 || close > to) {
                return;
            }
            List<int[]> parts = DrlText.split(drl, open + 1, close);
            for (int i = 0; i < parts.size(); i++) {
                int[] p = parts.get(i);
                String constraint = drl.substring(p[0], p[1]);
                // Remove the constraint with the comma that joins it to its neighbour.
                int cutFrom;
                int cutTo;
                if (i + 1 < parts.size()) {
                    cutFrom = p[0];
                    cutTo = parts.get(i + 1)[0];
                } else if (i > 0) {
                    cutFrom = parts.get(i - 1)[1];
                    cutTo = p[1];
                } else {
                    cutFrom = p[0];
                    cutTo = p[1];
                }
                String mutated = drl.substring(0, cutFrom) + drl.substring(cutTo);
                String oneLine = constraint.replaceAll("\\s+", " ");
                out.add(new Mutant(id, file, DrlText.lineOf(drl, p[0]), Mutant.Kind.DROP_CONDITION, oneLine,
                        "去掉" + describe(oneLine) + "条件 " + oneLine, mutated));
            }
        }
    }

    private static void widenPeriods(String file, String drl, String id, int from, int to, List<Mutant> out) {
        Matcher m = PERIOD.matcher(drl).region(from, to);
        while (m.find()) {
            if (m.group(1).equals("id") && m.group(2).equals(YEAR)) {
                continue;
            }
            String mutated = drl.substring(0, m.start()) + "Period(id == \"" + YEAR + "\")" + drl.substring(m.end());
            String original = m.group();
            out.add(new Mutant(id, file, DrlText.lineOf(drl, m.start()), Mutant.Kind.WIDEN_PERIOD, original,
                    "把时段 " + m.group(2) + " 换成全年", mutated));
        }
    }

    private static void lowerQuotas(String file, String drl, String id, int lhsFrom, int lhsTo, int rhsFrom, int rhsTo,
                                    List<Mutant> out) {
        Matcher m = QUOTA.matcher(drl).region(lhsFrom, lhsTo);
        while (m.find()) {
            String v = m.group(1);
            String lowered = "new dev.plancheck.model.Quota(" + v + ".getId(), " + v + ".getMin() - 1, " + v + ".getDescription())";
            String mutated = replaceVariable(drl, rhsFrom, rhsTo, v, lowered);
            if (mutated != null) {
                int close = DrlText.matching(drl, m.end() - 1);
                out.add(new Mutant(id, file, DrlText.lineOf(drl, m.start()), Mutant.Kind.LOWER_QUOTA,
                        drl.substring(m.start(), close < 0 ? m.end() : close + 1),
                        "把数量要求 " + v + " 减少 1", mutated));
            }
        }
    }

    private static void lowerRates(String file, String drl, String id, int lhsFrom, int lhsTo, int rhsFrom, int rhsTo,
                                   List<Mutant> out) {
        Matcher m = RATE.matcher(drl).region(lhsFrom, lhsTo);
        while (m.find()) {
            if (!Pattern.compile("\\bratioAtLeast\\s*\\([^;]*\\" + m.group(1) + "\\b").matcher(drl.substring(rhsFrom, rhsTo)).find()) {
                continue;
            }
            String v = m.group(1);
            String lowered = "new dev.plancheck.model.Rate(" + v + ".getId(), " + v + ".getMin().subtract(new java.math.BigDecimal(\"0.1\")), "
                    + v + ".getDescription())";
            String mutated = replaceVariable(drl, rhsFrom, rhsTo, v, lowered);
            if (mutated != null) {
                int close = DrlText.matching(drl, m.end() - 1);
                out.add(new Mutant(id, file, DrlText.lineOf(drl, m.start()), Mutant.Kind.LOWER_RATE,
                        drl.substring(m.start(), close < 0 ? m.end() : close + 1),
                        "把比率要求 " + v + " 降低 0.1 个百分点", mutated));
            }
        }
    }

    private static void lengthenDeadlines(String file, String drl, String id, int lhsFrom, int lhsTo, int rhsFrom, int rhsTo,
                                          List<Mutant> out) {
        Matcher m = DEADLINE.matcher(drl).region(lhsFrom, lhsTo);
        while (m.find()) {
            String v = m.group(1);
            String longer = v + ".longer()";
            String mutated = replaceVariable(drl, rhsFrom, rhsTo, v, longer);
            if (mutated != null) {
                int close = DrlText.matching(drl, m.end() - 1);
                out.add(new Mutant(id, file, DrlText.lineOf(drl, m.start()), Mutant.Kind.LENGTHEN_DEADLINE,
                        drl.substring(m.start(), close < 0 ? m.end() : close + 1),
                        "把期限 " + v + " 延长 1 天（工作日期限延长 1 个工作日）", mutated));
            }
        }
    }

    private static void anyKind(String file, String drl, String id, int from, int to, List<Mutant> out) {
        Matcher m = HELD.matcher(drl).region(from, to);
        while (m.find()) {
            String mutated = drl.substring(0, m.start(1)) + "present" + drl.substring(m.end(1));
            out.add(new Mutant(id, file, DrlText.lineOf(drl, m.start()), Mutant.Kind.ANY_KIND, m.group(),
                    "把 findings.held 换成 findings.present（方案、通知等非活动类记录也计入）", mutated));
        }
    }

    /** The drl with every use of a variable in the consequence replaced, or null when the consequence does not use it. */
    private static String replaceVariable(String drl, int from, int to, String variable, String replacement) {
        String rhs = drl.substring(from, to);
        String replaced = rhs.replaceAll(Pattern.quote(variable) + "(?![\\w])", Matcher.quoteReplacement(replacement));
        return replaced.equals(rhs) ? null : drl.substring(0, from) + replaced + drl.substring(to);
    }

    private static String describe(String constraint) {
        String field = constraint.split("[\\s=!<>(]", 2)[0];
        return switch (field) {
            case "topics" -> "议题";
            case "groups" -> "对象";
            case "organiser" -> "组织单位";
            case "unitId" -> "所属单位";
            case "kind" -> "类别";
            case "honourLevel" -> "级别";
            case "relatesTo" -> "关联记录";
            case "positiveAmount", "amount" -> "金额";
            default -> "";
        };
    }
}
