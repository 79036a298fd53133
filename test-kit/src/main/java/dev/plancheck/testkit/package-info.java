/** The test kit: {@link dev.plancheck.testkit.PlanAssertions#assertThat} for reports, {@link dev.plancheck.testkit.ScenarioTests} for scenario folders. */
package dev.plancheck.testkit;
