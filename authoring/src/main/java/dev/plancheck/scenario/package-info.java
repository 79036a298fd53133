/** Scenario files: small submissions with the result a rule must give for them, run to prove rules before they are used. */
package dev.plancheck.scenario;
