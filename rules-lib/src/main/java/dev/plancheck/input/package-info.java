/**
 * What goes into a check, as values: a {@link dev.plancheck.input.Submission}, the assessor's
 * {@link dev.plancheck.input.Waiver}s and the {@link dev.plancheck.input.InputLimits} every reader applies; and what
 * can be wrong with an input: a located {@link dev.plancheck.input.Problem} with its stable
 * {@link dev.plancheck.input.ProblemCode}, carried by {@link dev.plancheck.input.InvalidSubmissionException} or
 * {@link dev.plancheck.input.RulePackException}. Public API; depends on nothing internal.
 */
package dev.plancheck.input;
