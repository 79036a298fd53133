package dev.plancheck.mutation;

/**
 * What became of one mutant.
 *
 * @param mutant the mutant
 * @param status whether a scenario noticed it
 * @param detail for a killed mutant, the case that noticed it ({@code file:line name}); for one that does not compile,
 *               the compiler's first message; otherwise empty
 */
public record MutantResult(Mutant mutant, Status status, String detail) {
    /** The fate of a mutant. */
    public enum Status {
        /** A case of the rule's scenarios fails on the mutant: the scenarios notice the weakened rule. */
        KILLED,
        /** Every case of the rule's scenarios still passes: no scenario notices the change. */
        SURVIVED,
        /** The mutated file does not compile; the mutant could not be tried. */
        COMPILE_ERROR
    }
}
