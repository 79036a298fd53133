package dev.plancheck.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The known report formats by name. */
public final class ReportFormats {
    private static final Map<String, ReportWriter> WRITERS = new LinkedHashMap<>();

    static {
        for (ReportWriter w : List.of(new TextReportWriter(), new JsonReportWriter(), new JunitXmlReportWriter())) {
            WRITERS.put(w.name(), w);
        }
    }

    private ReportFormats() {
    }

    /** The names of the known formats, the default ({@code text}) first. */
    public static List<String> names() {
        return List.copyOf(WRITERS.keySet());
    }

    /**
     * The writer for a format name.
     *
     * @throws IllegalArgumentException naming the known formats when the name is unknown
     */
    public static ReportWriter forName(String name) {
        ReportWriter w = WRITERS.get(name);
        if (w == null) {
            throw new IllegalArgumentException("未知的报告格式 \"" + name + "\"；可用：" + String.join("、", names()));
        }
        return w;
    }
}
