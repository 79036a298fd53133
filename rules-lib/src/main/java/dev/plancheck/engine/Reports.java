package dev.plancheck.engine;

import dev.plancheck.report.Gap;
import dev.plancheck.report.Notice;
import dev.plancheck.report.Report;
import java.util.List;

/** Changes to a report that the library makes after the rules ran (waivers, notices quieted across a batch). */
public final class Reports {
    private Reports() {
    }

    /** The same report with other gaps and notices; everything else is kept. */
    public static Report withGapsAndNotices(Report r, List<Gap> gaps, List<Notice> notices) {
        return new Report(r.source(), r.packId(), r.packTitle(), r.year(), r.asOf(), r.comingDueDays(), r.units(),
                r.results(), gaps, notices, r.comingDue(), r.retiredRules(), r.fingerprint(), r.manualChecks());
    }
}
