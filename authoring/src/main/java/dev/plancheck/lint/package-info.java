/** Checks a rule pack without a ledger: {@link dev.plancheck.lint.PackLint}, run by {@code checker lint}. */
package dev.plancheck.lint;
