package dev.plancheck.report;

import dev.plancheck.model.OrgUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The units of several reports side by side: one row per unit of every report, with its met and applicable duties
 * per section of the plan, sorted with the most open gaps first. Every writer prints it after the reports of a batch
 * (a folder or several files), so an assessor sees at once which communities and which files need work.
 *
 * <pre>{@code
 * Comparison c = Comparison.of(reports);
 * c.rows().get(0);          // the unit with the most open gaps
 * c.filesWithGaps();        // the submission files that have an open gap
 * }</pre>
 *
 * @param sections      the sections of the plan met in the reports, in document order, e.g. {@code 一、统战工作}
 * @param rows          one per unit of every report, most open gaps first, then by file and the report's unit order
 * @param filesWithGaps the reports' sources that have at least one open gap, in the order of the reports
 */
public record Comparison(List<String> sections, List<Row> rows, List<String> filesWithGaps) {
    /** The lists are copied. */
    public Comparison {
        sections = List.copyOf(sections);
        rows = List.copyOf(rows);
        filesWithGaps = List.copyOf(filesWithGaps);
    }

    private static final Pattern SECTION_NUMBER = Pattern.compile("§(\\d+)");

    /**
     * How one unit of one report stands.
     *
     * @param source    the report's source (file name)
     * @param unit      the unit
     * @param openGaps  gaps no waiver accepts
     * @param waived    gaps accepted with a reason (已说明)
     * @param notDue    duties not yet due
     * @param met       duties met
     * @param total     duties that apply to the unit (every result but the not-applicable ones)
     * @param bySection met and total per section, in the order of {@link Comparison#sections()}; a section with no
     *                  duty for this unit has total 0
     */
    public record Row(String source, OrgUnit unit, int openGaps, int waived, int notDue, int met, int total,
                      List<Tally> bySection) {
        /** The tallies are copied. */
        public Row {
            bySection = List.copyOf(bySection);
        }
    }

    /**
     * Met and applicable duties in one section.
     *
     * @param section the section, e.g. {@code 一、统战工作}
     * @param met     duties met
     * @param total   duties that apply (not-applicable ones left out)
     */
    public record Tally(String section, int met, int total) {
    }

    /** Compares the units of the given reports. */
    public static Comparison of(List<Report> reports) {
        Builder b = new Builder();
        reports.forEach(b::add);
        return b.build();
    }

    /**
     * Builds a comparison one report at a time, so that a long run need not keep its reports: only a small row per
     * unit is kept.
     */
    public static final class Builder {
        private final Map<Integer, String> sections = new TreeMap<>();
        private final List<Row> rows = new ArrayList<>();
        private final List<String> files = new ArrayList<>();

        /** Adds the units of one report. */
        public Builder add(Report r) {
            for (RuleResult res : r.results()) {
                sections.putIfAbsent(sectionNumber(res.rule()), res.rule().section());
            }
            if (r.hasGaps()) {
                files.add(r.source());
            }
            for (OrgUnit u : r.units()) {
                List<RuleResult> mine = r.results().stream().filter(x -> x.unit().getId().equals(u.getId())).toList();
                List<Gap> gaps = r.gaps().stream().filter(g -> g.unit().getId().equals(u.getId())).toList();
                int open = (int) gaps.stream().filter(g -> !g.waived()).count();
                Map<Status, Integer> counts = Report.countByStatus(mine);
                // Sections are known for certain only at the end: keep this unit's tallies by section name.
                rows.add(new Row(r.source(), u, open, gaps.size() - open, counts.get(Status.NOT_DUE),
                        counts.get(Status.MET), mine.size() - counts.get(Status.NOT_APPLICABLE),
                        tally(mine, List.of())));
            }
            return this;
        }

        /** The comparison of every report added so far. */
        public Comparison build() {
            List<String> order = List.copyOf(sections.values());
            List<Row> out = new ArrayList<>();
            for (Row row : rows) {
                Map<String, Tally> known = new LinkedHashMap<>();
                row.bySection().forEach(t -> known.put(t.section(), t));
                List<Tally> ordered = order.stream().map(s -> known.getOrDefault(s, new Tally(s, 0, 0))).toList();
                out.add(new Row(row.source(), row.unit(), row.openGaps(), row.waived(), row.notDue(), row.met(),
                        row.total(), ordered));
            }
            // Stable: ties keep report order, then the report's unit order (subdistrict first).
            out.sort(Comparator.comparingInt(Row::openGaps).reversed());
            return new Comparison(order, List.copyOf(out), List.copyOf(files));
        }
    }

    /** Met and applicable duties per section for the given results, in the given section order. */
    public static List<Tally> tally(List<RuleResult> results, List<String> sections) {
        Map<String, int[]> counts = new LinkedHashMap<>();
        sections.forEach(s -> counts.put(s, new int[2]));
        for (RuleResult res : results) {
            if (res.status() == Status.NOT_APPLICABLE) {
                continue;
            }
            int[] c = counts.computeIfAbsent(res.rule().section(), s -> new int[2]);
            c[1]++;
            if (res.status() == Status.MET) {
                c[0]++;
            }
        }
        return counts.entrySet().stream().map(e -> new Tally(e.getKey(), e.getValue()[0], e.getValue()[1])).toList();
    }

    /** The sections of a report's rules, in document order. */
    public static List<String> sectionsOf(Report r) {
        return of(List.of(r)).sections();
    }

    private static int sectionNumber(RuleInfo rule) {
        Matcher m = SECTION_NUMBER.matcher(rule.clause());
        return m.find() ? Integer.parseInt(m.group(1)) : Integer.MAX_VALUE;
    }
}
