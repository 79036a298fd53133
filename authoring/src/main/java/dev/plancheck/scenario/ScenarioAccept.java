package dev.plancheck.scenario;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import dev.plancheck.PlanChecker;
import dev.plancheck.input.InvalidSubmissionException;
import dev.plancheck.report.Gap;
import dev.plancheck.report.Notice;
import dev.plancheck.report.Report;
import dev.plancheck.report.RuleResult;
import dev.plancheck.report.Status;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code checker test --accept}: writes the actual results into the cases of a scenario file that differ from them.
 * Only the {@code expect} (and, when the notices differ, the {@code notices}) value of such a case is replaced; every
 * other character of the file stays as it was, so the change reads as a small diff. A replaced list keeps its layout
 * (one entry per line, indented as the member, with the file's line ends, or all on one line); a {@code notices}
 * list a case lacked is added after its {@code expect}, on one line. A byte order mark stays.
 *
 * <p>An accepted {@code expect} entry gives the unit, the status and the evidence, and for a gap what was expected and
 * what was found; a {@code note} is kept only where the case already stated one for that unit. A case whose
 * submission cannot be checked (its date is outside the pack's year) is left as it is and stays failing.
 *
 * <pre>{@code
 * ScenarioAccept.Accepted a = ScenarioAccept.accept(checker, "R1.2-4.json", Files.readAllBytes(path));
 * if (!a.changes().isEmpty()) Files.write(path, a.json());
 * }</pre>
 */
public final class ScenarioAccept {
    private static final JsonFactory JSON = new JsonFactory();

    private ScenarioAccept() {
    }

    /**
     * One replaced value of one case.
     *
     * @param caseName the case
     * @param line     the line of the case in the file as it was
     * @param member   {@code expect} or {@code notices}
     * @param before   the value's text as it was ({@code null} when the case had no such member)
     * @param after    the value's text as written
     */
    public record Change(String caseName, int line, String member, String before, String after) {
    }

    /**
     * A scenario file after accepting its actual results.
     *
     * @param before  the outcome of every case before the change
     * @param changes what was replaced, in file order; empty when every case passed
     * @param json    the file's new content (the same bytes when nothing changed)
     */
    public record Accepted(List<CaseOutcome> before, List<Change> changes, byte[] json) {
        public Accepted {
            before = List.copyOf(before);
            changes = List.copyOf(changes);
        }
    }

    /**
     * Runs every case of a scenario file and writes the actual results into those that differ.
     *
     * @throws InvalidScenarioException when the file cannot be run (then nothing can be accepted)
     */
    public static Accepted accept(PlanChecker checker, String file, byte[] json) throws InvalidScenarioException {
        ScenarioFile prepared = new ScenarioRunner(checker).prepare(file, json);
        String text = new String(json, StandardCharsets.UTF_8);
        String newline = text.contains("\r\n") ? "\r\n" : "\n";
        List<CaseSpan> spans = spans(text);
        List<CaseOutcome> before = new ArrayList<>();
        List<Edit> edits = new ArrayList<>();
        for (int i = 0; i < prepared.cases().size(); i++) {
            ScenarioCase c = prepared.cases().get(i);
            Report report;
            try {
                report = c.report(checker);
            } catch (InvalidSubmissionException | IllegalArgumentException e) {
                before.add(c.run(checker));
                continue;
            }
            CaseOutcome outcome = c.judge(report);
            before.add(outcome);
            if (outcome.passed()) {
                continue;
            }
            CaseSpan span = spans.get(i);
            String indent = indentOfLine(text, span.expectStart);
            if (!c.resultMismatches(report).isEmpty()) {
                String after = list(expectEntries(c, report), indent, newline, text.substring(span.expectStart, span.expectEnd));
                edits.add(new Edit(span.expectStart, span.expectEnd, after,
                        new Change(c.name(), c.line(), "expect", text.substring(span.expectStart, span.expectEnd), after)));
            }
            if (!c.noticeMismatches(report).isEmpty()) {
                String after = list(noticeEntries(report), indent, newline,
                        span.noticesStart < 0 ? "" : text.substring(span.noticesStart, span.noticesEnd));
                if (span.noticesStart >= 0) {
                    edits.add(new Edit(span.noticesStart, span.noticesEnd, after,
                            new Change(c.name(), c.line(), "notices", text.substring(span.noticesStart, span.noticesEnd), after)));
                } else {
                    edits.add(new Edit(span.expectEnd, span.expectEnd, "," + newline + indent + "\"notices\": " + after,
                            new Change(c.name(), c.line(), "notices", null, after)));
                }
            }
        }
        if (edits.isEmpty()) {
            return new Accepted(before, List.of(), json);
        }
        edits.sort(Comparator.comparingInt(Edit::start));
        StringBuilder out = new StringBuilder(text);
        for (int k = edits.size() - 1; k >= 0; k--) {
            Edit e = edits.get(k);
            out.replace(e.start, e.end, e.text);
        }
        return new Accepted(before, edits.stream().map(Edit::change).toList(), out.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> expectEntries(ScenarioCase c, Report report) {
        List<String> entries = new ArrayList<>();
        for (RuleResult r : report.results()) {
            if (!r.rule().id().equals(c.rule().id())) {
                continue;
            }
            String unit = r.unit().getId();
            StringBuilder e = new StringBuilder("{\"unit\": ").append(quote(unit))
                    .append(", \"status\": ").append(quote(r.status().name()))
                    .append(", \"evidence\": [")
                    .append(r.evidence().stream().map(ScenarioAccept::quote).collect(Collectors.joining(", "))).append(']');
            if (r.status() == Status.GAP) {
                Gap gap = report.gaps().stream()
                        .filter(g -> g.ruleId().equals(r.rule().id()) && g.unit().getId().equals(unit)).findFirst().orElseThrow();
                e.append(", \"expected\": ").append(quote(gap.expected())).append(", \"found\": ").append(quote(gap.found()));
            }
            boolean hadNote = c.expected().stream().anyMatch(x -> x.unit().equals(unit) && x.note() != null);
            if (hadNote && r.note() != null) {
                e.append(", \"note\": ").append(quote(r.note()));
            }
            entries.add(e.append('}').toString());
        }
        return entries;
    }

    private static List<String> noticeEntries(Report report) {
        List<String> entries = new ArrayList<>();
        for (Notice n : report.notices()) {
            entries.add("{\"type\": " + quote(n.type().name()) + ", \"record\": " + quote(n.recordId()) + "}");
        }
        return entries;
    }

    /** A JSON array of the entries, one per line if the value it replaces spanned lines, else on one line. */
    private static String list(List<String> entries, String indent, String newline, String replaced) {
        if (entries.isEmpty()) {
            return "[]";
        }
        if (replaced.indexOf('\n') < 0) {
            return "[" + String.join(", ", entries) + "]";
        }
        return "[" + newline + indent + "  " + String.join("," + newline + indent + "  ", entries) + newline + indent + "]";
    }

    private static String quote(String s) {
        return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(s)) + "\"";
    }

    private static String indentOfLine(String text, int at) {
        int start = text.lastIndexOf('\n', at - 1) + 1;
        int end = start;
        while (end < at && (text.charAt(end) == ' ' || text.charAt(end) == '\t')) {
            end++;
        }
        return text.substring(start, end);
    }

    /** Where each case's {@code expect} and {@code notices} values lie in the text (character offsets). */
    private static List<CaseSpan> spans(String text) {
        List<CaseSpan> spans = new ArrayList<>();
        // A byte order mark is not JSON: parse after it, and count offsets from the start of the text.
        int bom = text.startsWith("\uFEFF") ? 1 : 0;
        try (JsonParser p = JSON.createParser(text.substring(bom))) {
            p.nextToken();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (!name.equals("cases") || value != JsonToken.START_ARRAY) {
                    p.skipChildren();
                    continue;
                }
                while (p.nextToken() == JsonToken.START_OBJECT) {
                    CaseSpan span = new CaseSpan();
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String member = p.currentName();
                        p.nextToken();
                        int start = bom + (int) p.currentTokenLocation().getCharOffset();
                        p.skipChildren();
                        int end = bom + (int) p.currentLocation().getCharOffset();
                        if (member.equals("expect")) {
                            span.expectStart = start;
                            span.expectEnd = end;
                        } else if (member.equals("notices")) {
                            span.noticesStart = start;
                            span.noticesEnd = end;
                        }
                    }
                    spans.add(span);
                }
            }
        } catch (IOException e) {
            // The runner has read the same text without a problem.
            throw new UncheckedIOException(e);
        }
        return spans;
    }

    private static final class CaseSpan {
        int expectStart = -1;
        int expectEnd = -1;
        int noticesStart = -1;
        int noticesEnd = -1;
    }

    private record Edit(int start, int end, String text, Change change) {
    }
}
