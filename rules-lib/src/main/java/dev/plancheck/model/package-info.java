/**
 * The facts the rules match — organisational units, activity records, the periods, quotas and deadlines of a rule
 * pack — and the {@link dev.plancheck.model.Vocabulary} they are written in. Public API: the DRL imports these types;
 * depends on nothing internal.
 */
package dev.plancheck.model;
