package dev.plancheck.testkit;

import dev.plancheck.report.Report;

/**
 * The one static entry point of the test kit, in the manner of AssertJ: {@code assertThat(report)} and chain.
 *
 * <pre>{@code
 * import static dev.plancheck.testkit.PlanAssertions.assertThat;
 *
 * Report report = checker.check(Path.of("gaps.json"));
 * assertThat(report)
 *         .wasJudgedBy("qingsong-2023")
 *         .isMetForEveryCommunity("R1.2-1")
 *         .hasNoGapsExcept("R2.1-1@FL")
 *         .hasGap("R2.1-1", "FL")
 *             .expecting("居民议事会：全年（2023-01-01 至 2023-12-31）内至少 4 条，每条参加人数不少于 15 人")
 *             .findingContaining("参加人数不足 15 人的另有 1 条");
 * }</pre>
 *
 * A failing assertion throws {@link org.opentest4j.AssertionFailedError} with a message in Chinese that shows what
 * was expected and what the report holds; where the two are texts, IDEs show them side by side.
 */
public final class PlanAssertions {
    private PlanAssertions() {
    }

    /** Starts assertions on a report. */
    public static ReportAssert assertThat(Report report) {
        if (report == null) {
            throw Failures.fail("期望一份检查报告，实际是 null");
        }
        return new ReportAssert(report);
    }
}
