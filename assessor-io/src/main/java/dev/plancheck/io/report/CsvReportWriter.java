package dev.plancheck.io.report;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.plancheck.report.Report;
import dev.plancheck.text.VisibleText;
import dev.plancheck.report.CharacterReportWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The follow-up list's gap rows as CSV (see {@code docs/report-format.md}): a header row, then one row per gap with
 * the same columns as the xlsx 整改清单, the columns to fill in left empty, and a last column 规则包指纹 with the
 * pack's id, version and whole SHA-256 (CSV has no page header to carry it). For Excel and WPS to read the Chinese
 * correctly the text starts with a byte order mark; written as UTF-8 (as {@link ReportFormats} does) that is
 * {@code EF BB BF}. Quoting follows RFC 4180 and lines end in CRLF.
 *
 * <p>A value that a spreadsheet would take for a formula (one starting with {@code = + - @}, a tab or a carriage
 * return) is written with a leading {@code '}, so that opening the file never runs submitted text (CSV injection);
 * the apostrophe is visible in the cell, the text after it is unchanged. Control characters are shown as in the
 * other formats ({@code [U+0007]}).
 */
public final class CsvReportWriter extends CharacterReportWriter {
    /** Made on first use: the format registry makes every writer, and a check in another format need not pay for it. */
    private static final class Csv {
        static final CsvMapper MAPPER = new CsvMapper();
    }

    /** The last column: the pack that judged the row, whole ({@code dianchang-2023 版本 2023.2　SHA-256：…}). */
    static final String FINGERPRINT = "规则包指纹";

    @Override
    public String name() {
        return "csv";
    }

    @Override
    public String description() {
        return "整改清单的缺项行，CSV（UTF-8 带 BOM，Excel/WPS 可直接打开）";
    }

    @Override
    public String extension() {
        return "csv";
    }

    @Override
    public String mediaType() {
        return "text/csv; charset=utf-8";
    }

    @Override
    public void write(List<Report> reports, boolean batch, Appendable out) throws IOException {
        StringWriter buffer = new StringWriter();
        CsvSchema schema = CsvSchema.emptySchema().withoutHeader().withLineSeparator("\r\n");
        try (SequenceWriter rows = Csv.MAPPER.writer(schema).writeValues(buffer)) {
            List<String> header = new ArrayList<>(FollowUpList.headers(batch));
            header.add(FINGERPRINT);
            rows.write(guarded(header));
            for (Report r : reports) {
                String fingerprint = r.fingerprint().toString();
                for (List<String> row : FollowUpList.rows(List.of(r), batch)) {
                    List<String> withPack = new ArrayList<>(row);
                    withPack.add(fingerprint);
                    rows.write(guarded(withPack));
                }
            }
        }
        out.append('\uFEFF').append(buffer.toString());
    }

    private static String[] guarded(List<String> row) {
        return row.stream().map(v -> defuse(VisibleText.text(Objects.toString(v, "")))).toArray(String[]::new);
    }

    /** The value, with a leading {@code '} when a spreadsheet would read it as a formula. */
    static String defuse(String value) {
        if (value.isEmpty()) {
            return value;
        }
        char c = value.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + value : value;
    }
}
