/**
 * Internal: loading a rule pack (its rule set — DRL, clauses, vocabulary — and its parameter file) with located
 * errors, into a {@link dev.plancheck.pack.LoadedPack}. {@code dev.plancheck.RulePack} wraps it and hands out
 * read-only views only; the authoring kit reads a pack's files through {@link dev.plancheck.pack.PackLoader}. Not
 * promised to embedders.
 */
package dev.plancheck.pack;
