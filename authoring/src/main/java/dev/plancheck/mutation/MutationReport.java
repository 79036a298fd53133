package dev.plancheck.mutation;

import java.io.PrintWriter;
import java.util.List;

/**
 * The result of {@link MutationTester#run}: every mutant with its fate, and the cases that fail on the unmutated rules
 * (those cannot judge a mutant, so they are listed as problems).
 *
 * @param packId          the pack that was mutated
 * @param results         one per mutant, in the order of the rule files and of the lines in them
 * @param baselineFailures cases that fail on the unmutated rule set ({@code file:line name: mismatch})
 * @param untested        rules of the pack that no scenario file given tests (their mutants all survive)
 */
public record MutationReport(String packId, List<MutantResult> results, List<String> baselineFailures, List<String> untested) {
    public MutationReport {
        results = List.copyOf(results);
        baselineFailures = List.copyOf(baselineFailures);
        untested = List.copyOf(untested);
    }

    public List<MutantResult> surviving() {
        return results.stream().filter(r -> r.status() == MutantResult.Status.SURVIVED).toList();
    }

    public List<MutantResult> notCompiled() {
        return results.stream().filter(r -> r.status() == MutantResult.Status.COMPILE_ERROR).toList();
    }

    public long killed() {
        return results.stream().filter(r -> r.status() == MutantResult.Status.KILLED).count();
    }

    /** True when every mutant was killed and every case passes on the unmutated rules. */
    public boolean clean() {
        return surviving().isEmpty() && baselineFailures.isEmpty();
    }

    /**
     * Writes the report in Chinese: the surviving mutants (rule id, file and line, the change), the mutants that did
     * not compile, the cases that fail before any change, and a summary line. With {@code all}, killed mutants too.
     */
    public void write(PrintWriter out, boolean all) {
        for (String f : baselineFailures) {
            out.println("场景未通过（未作任何改动）  " + f);
        }
        for (MutantResult r : results) {
            Mutant m = r.mutant();
            String where = m.ruleId() + "  " + m.file() + ":" + m.line() + "  " + m.description();
            switch (r.status()) {
                case SURVIVED -> out.println("存活  " + where + "：没有任何场景察觉这一改动"
                        + (untested.contains(m.ruleId()) ? "（该规则没有场景文件）" : ""));
                case COMPILE_ERROR -> out.println("无法编译  " + where + "：" + r.detail());
                case KILLED -> {
                    if (all) {
                        out.println("发现  " + where + "：" + r.detail());
                    }
                }
            }
        }
        out.println("规则变异测试（规则包 " + packId + "）：变异体 " + results.size() + " 个，被场景发现 " + killed()
                + "，存活 " + surviving().size() + "，无法编译 " + notCompiled().size()
                + (baselineFailures.isEmpty() ? "" : "；另有 " + baselineFailures.size() + " 个场景在未改动的规则上就不通过"));
    }
}
