/**
 * Loading a rule pack: its rule set (DRL, clauses, vocabulary) and its parameter file, with located errors.
 * {@link dev.plancheck.RulePack} returns the read-only views of this package, which are public API:
 * {@link dev.plancheck.pack.RuleSet} (with {@link dev.plancheck.pack.ResourceDir}, {@link dev.plancheck.pack.ClauseBook}
 * and {@link dev.plancheck.pack.Vocabulary}) and {@link dev.plancheck.pack.PackFile} (with
 * {@link dev.plancheck.pack.NodeDef} and {@link dev.plancheck.pack.PeriodDef}). {@link dev.plancheck.pack.PackLoader}
 * and {@link dev.plancheck.pack.JsonFields} are internals of the library and may change. The views are immutable
 * (their maps are read-only copies in file order), so one pack can be shared by any number of threads.
 */
package dev.plancheck.pack;
