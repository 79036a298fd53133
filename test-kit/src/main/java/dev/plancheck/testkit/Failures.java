package dev.plancheck.testkit;

import dev.plancheck.report.Gap;
import dev.plancheck.report.Report;
import dev.plancheck.report.RuleResult;
import java.util.List;
import java.util.stream.Collectors;
import org.opentest4j.AssertionFailedError;

/** The failure messages of the kit, built in one place so that every failure says what differed the same way. */
final class Failures {
    private Failures() {
    }

    static AssertionFailedError fail(String message) {
        return new AssertionFailedError(message);
    }

    /** A failure with an expected and an actual value, which IDEs show as a diff. */
    static AssertionFailedError differ(String message, Object expected, Object actual) {
        return new AssertionFailedError(message + "\n  预期：" + expected + "\n  实际：" + actual, expected, actual);
    }

    /** One result as a line: {@code [R1.2-4] 电厂街道（DC）：缺项 — 应有：…；实有：…}. */
    static String describe(Report report, RuleResult r) {
        StringBuilder sb = new StringBuilder("[" + r.rule().id() + "] " + r.unit().getName() + "（" + r.unit().getId()
                + "）：" + r.status().chineseName());
        Gap g = report.gapOf(r.rule().id(), r.unit().getId());
        if (g != null) {
            sb.append(g.waived() ? "（已说明：" + g.waiver().reason() + "）" : "")
                    .append(" — 应有：").append(g.expected()).append("；实有：").append(g.found());
        } else if (r.note() != null) {
            sb.append(" — ").append(r.note());
        } else if (!r.evidence().isEmpty()) {
            sb.append(" — 证据：").append(String.join("、", r.evidence()));
        }
        return sb.toString();
    }

    static String lines(List<String> items) {
        return items.isEmpty() ? "（无）" : items.stream().map(s -> "    " + s).collect(Collectors.joining("\n"));
    }
}
