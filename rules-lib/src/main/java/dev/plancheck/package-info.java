/**
 * The embedders' API: {@link dev.plancheck.PlanChecker} checks a {@link dev.plancheck.Submission} against a
 * {@link dev.plancheck.RulePack} and returns a {@link dev.plancheck.Report}. Only this package and
 * {@code dev.plancheck.report} (report writers), {@code dev.plancheck.model} (the facts) and
 * {@code dev.plancheck.scenario} (scenario files) are promised to embedders; the other packages are internals.
 */
package dev.plancheck;
