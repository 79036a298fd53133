/**
 * Internal: the rule base (a bundled pack's prebuilt model, or a pack's DRL compiled at run time when the DRL compiler
 * is on the class path), the {@code findings} global the rules report to — {@link dev.plancheck.engine.Findings},
 * whose verbs are the rule authors' vocabulary in DRL — and turning findings into a report. Not promised to embedders.
 */
package dev.plancheck.engine;
