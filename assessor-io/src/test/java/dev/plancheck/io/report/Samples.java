package dev.plancheck.io.report;

import dev.plancheck.report.ReportFormats;
import dev.plancheck.report.ReportWriter;
import dev.plancheck.CheckOptions;
import dev.plancheck.PlanChecker;
import dev.plancheck.report.Report;
import dev.plancheck.input.Submission;
import dev.plancheck.input.Waiver;
import dev.plancheck.model.Activity;
import dev.plancheck.model.OrgUnit;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reports of the bundled samples for the writer tests; one checker for the whole test run (compiling takes ~1.5 s). */
final class Samples {
    static final Path DIR = Path.of("..", "sample-data", "dianchang-2023");
    /** A record title meant to break out of the page: a script, and an attribute break-out with an event handler. */
    static final String HOSTILE_TITLE = "<script>document.title='pwned'</script>\"><img src=x onerror=alert(1)>会议 & 研究";
    static final String HOSTILE_SOURCE = "恶意\"<b>文件</b>'.json";
    private static PlanChecker checker;

    private Samples() {
    }

    static synchronized PlanChecker checker() {
        if (checker == null) {
            checker = PlanChecker.create();
        }
        return checker;
    }

    /** The year-end report of a sample, e.g. {@code gaps-meetings}; its source is the path as a user would type it. */
    static Report report(String sample) {
        return report(sample, CheckOptions.defaults());
    }

    static Report report(String sample, CheckOptions options) {
        try {
            return checker().check(checker().read(DIR.resolve(sample + ".json")), options);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /**
     * gaps-meetings with hostile text where a report shows it: the title of DC-024 (the one counted meeting, so it is
     * in R1.2-4's found text), a control character in the title of DC-029 and its duplicate DC-095 (in R2.4-1's found text), a community's
     * name, and the file name.
     */
    static Report hostile() {
        try {
            Submission s = checker().read(DIR.resolve("gaps-meetings.json"));
            List<Activity> activities = new ArrayList<>();
            for (Activity a : s.activities()) {
                if (a.getId().equals("DC-024")) {
                    activities.add(copy(a, HOSTILE_TITLE));
                } else if (a.getId().equals("DC-029") || a.getId().equals("DC-095")) {
                    // Both: DC-095 repeats DC-029, and must stay a duplicate of it.
                    activities.add(copy(a, a.getTitle() + "\u0007响铃"));
                } else {
                    activities.add(a);
                }
            }
            List<OrgUnit> units = s.units().stream()
                    .map(u -> u.getId().equals("SL") ? new OrgUnit("SL", "松林<i>社区</i>", u.getLevel()) : u).toList();
            return checker().check(Submission.of(HOSTILE_SOURCE, s.year(), units, activities));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** gaps-meetings with R2.4-1 for DC accepted by a waiver, so that one gap is open and one 已说明. */
    static Report waived() {
        Waiver w = new Waiver("R2.4-1", "DC", "上级通知取消下半年民族工作专题会议，改为书面部署", "王审核",
                java.time.LocalDate.of(2024, 3, 31), "waivers.json:3:5");
        return report("gaps-meetings", CheckOptions.defaults().withWaivers(List.of(w)));
    }

    private static Activity copy(Activity a, String title) {
        return Activity.builder(a.getId()).unitId(a.getUnitId()).kind(a.getKind()).date(a.getDate())
                .endDate(a.getEndDate()).title(title).topics(a.getTopics()).groups(a.getGroups())
                .participants(a.getParticipants()).amount(a.getAmount()).relatesTo(a.getRelatesTo())
                .honourLevel(a.getHonourLevel()).description(a.getDescription()).build();
    }

    /** The output of a file format, as bytes. */
    static byte[] bytes(ReportWriter w, List<Report> reports, boolean batch) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            w.write(reports, batch, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static String text(ReportWriter w, List<Report> reports, boolean batch) {
        return new String(bytes(w, reports, batch), StandardCharsets.UTF_8);
    }

    static String expectedJson(String sample) throws IOException {
        return Files.readString(DIR.resolve(sample + ".expected.json"));
    }
}
