package dev.plancheck.lint;

import dev.plancheck.input.Problem;

/**
 * One thing {@link PackLint} found wrong with a pack, under the check that found it.
 *
 * <pre>{@code
 * new LintFinding(LintFinding.Check.COMPILE, new Problem("s01_grid.drl", 27, 0, "", "DRL 编译错误：…"))
 *         .toString();   // "[编译] s01_grid.drl:27: DRL 编译错误：…"
 * }</pre>
 *
 * @param check   which check found it
 * @param problem where and what, in Chinese
 */
public record LintFinding(Check check, Problem problem) {
    /** The checks of {@code checker lint}, in the order they run. */
    public enum Check {
        /** The pack's files can be read: parameter file, rule set index, clause book, vocabulary. */
        FILES("文件"),
        /** The DRL compiles; a compiler error names its file, line and the compiler's message. */
        COMPILE("编译"),
        /** Every rule has its metadata, a well-formed and unique id, and sits in its section's file. */
        METADATA("元数据"),
        /**
         * Clauses are verbatim in the source document; every rule's sentence is one of its clause's duties; every duty
         * has a rule; every sentence of a clause is ruled or declared 人工核验 ({@code manual}).
         */
        SOURCE_TEXT("原文"),
        /**
         * Every period, quota and deadline a rule names is defined, and every one defined is used; no rule holds a
         * number or a date of its own.
         */
        PARAMETERS("参数"),
        /**
         * Every duty says which kinds of record it accepts (a {@code kind} condition, or {@code findings.held} for
         * activities), and every kind and organiser a rule names is in the vocabulary.
         */
        EVIDENCE("证据"),
        /**
         * Every fact pattern outside a {@code collect} matches once per requirement, or is passed to the period or the
         * name of what the rule records ({@code $deadline.after($d)}); a gate is {@code exists Activity(…)}.
         */
        MATCHING("匹配"),
        /** Every scenario passes, and every rule is met in one scenario and reports a gap in another. */
        SCENARIOS("场景");

        private final String chineseName;

        Check(String chineseName) {
            this.chineseName = chineseName;
        }

        /** The check's name in reports, e.g. {@code 编译}. */
        public String chineseName() {
            return chineseName;
        }
    }

    @Override
    public String toString() {
        return "[" + check.chineseName() + "] " + problem;
    }
}
