package dev.plancheck.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * Every report format by name: this library's {@code text} (the default) and {@code json}, then the formats that
 * other modules on the class path register as {@link ReportWriter} services, by name ({@code csv}, {@code html},
 * {@code junit}, {@code xlsx} when the assessors' formats and the authoring kit are there). The one registry of
 * formats: the command line, the service and embedders all choose from it.
 *
 * <pre>{@code
 * ReportFormats.names();                        // [text, json, csv, html, junit, xlsx] with every module present
 * ReportWriter html = ReportFormats.forName("html");
 * }</pre>
 */
public final class ReportFormats {
    private static volatile Map<String, ReportWriter> writers;

    private ReportFormats() {
    }

    /** The names of the known formats, {@code text} first. */
    public static List<String> names() {
        return List.copyOf(all().keySet());
    }

    /** True when a format of that name is known. */
    public static boolean has(String name) {
        return all().containsKey(name);
    }

    /**
     * The writer for a format name.
     *
     * @throws IllegalArgumentException naming the known formats when the name is unknown
     */
    public static ReportWriter forName(String name) {
        ReportWriter w = all().get(name);
        if (w == null) {
            throw new IllegalArgumentException("未知的报告格式 \"" + name + "\"；可用：" + String.join("、", names()));
        }
        return w;
    }

    private static Map<String, ReportWriter> all() {
        Map<String, ReportWriter> known = writers;
        if (known == null) {
            synchronized (ReportFormats.class) {
                if (writers == null) {
                    writers = load();
                }
                known = writers;
            }
        }
        return known;
    }

    private static Map<String, ReportWriter> load() {
        Map<String, ReportWriter> out = new LinkedHashMap<>();
        out.put("text", new TextReportWriter());
        out.put("json", new JsonReportWriter());
        List<ReportWriter> found = new ArrayList<>();
        ServiceLoader.load(ReportWriter.class, ReportFormats.class.getClassLoader()).forEach(found::add);
        found.sort(Comparator.comparing(ReportWriter::name));
        for (ReportWriter w : found) {
            out.putIfAbsent(w.name(), w); // the first of a name wins, so a format cannot be replaced by accident
        }
        return java.util.Collections.unmodifiableMap(out);
    }
}
