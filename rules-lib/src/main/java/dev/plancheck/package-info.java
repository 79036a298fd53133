/**
 * The entry points of the runtime library: {@link dev.plancheck.PlanChecker} reads and checks submissions against a
 * {@link dev.plancheck.RulePack}, as the options of {@link dev.plancheck.CheckOptions} say. Embedders are promised
 * this package and the value packages it hands out — {@code dev.plancheck.input} (what goes into a check and what
 * can be wrong with it), {@code dev.plancheck.report} (what a check finds, and the report writers),
 * {@code dev.plancheck.model} (the facts and their vocabulary) and {@code dev.plancheck.text} (how submitted text is
 * shown). Every other package of this jar is internal and may change.
 */
package dev.plancheck;
