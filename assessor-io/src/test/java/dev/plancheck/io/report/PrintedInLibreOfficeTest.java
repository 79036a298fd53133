package dev.plancheck.io.report;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plancheck.io.ledger.LedgerTemplate;
import dev.plancheck.io.print.PrintedSheet;
import dev.plancheck.report.Report;
import dev.plancheck.report.ReportFormats;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * What assessors print, printed by the program they use: the 整改清单 of a folder of ledgers, a filled-in template and
 * the CSV, rendered to PDF by LibreOffice Calc in one run ({@link LibreOffice}), then read back: every page A4, no text
 * smaller than 9 pt, and the pack's fingerprint on the pages of the workbooks. The PDFs are left in
 * {@code assessor-io/target/printed/} to look at.
 *
 * <p>The pictures in {@code docs/} (page 1 of each) are regenerated with
 * {@code mvn -B -ntp -q -pl assessor-io -am verify -Dtest=PrintedInLibreOfficeTest -Dsurefire.failIfNoSpecifiedTests=false -Dplancheck.docs=write}.
 */
class PrintedInLibreOfficeTest {
    private static final Path OUT = Path.of("target", "printed");
    private static final List<String> FOLDER = List.of("gaps-communities", "gaps-meetings", "gaps-money",
            "gaps-red-cross", "compliant");
    private static List<Report> reports;
    private static Path list;
    private static Path template;
    private static Path csv;

    @BeforeAll
    static void render() throws Exception {
        LibreOffice.require();
        Files.createDirectories(OUT);
        reports = FOLDER.stream().map(Samples::report).toList();
        Path xlsx = Files.write(OUT.resolve("整改清单.xlsx"), Samples.bytes(ReportFormats.forName("xlsx"), reports, true));
        Path csvIn = Files.write(OUT.resolve("整改清单-csv.csv"), Samples.bytes(ReportFormats.forName("csv"), reports, true));
        ByteArrayOutputStream filled = new ByteArrayOutputStream();
        var checker = Samples.checker();
        LedgerTemplate.write(checker.pack(), checker.read(Samples.DIR.resolve("gaps-communities.json")), List.of(), filled);
        Path templateIn = Files.write(OUT.resolve("台账.xlsx"), filled.toByteArray());
        List<Path> pdfs = LibreOffice.toPdf(OUT, xlsx, templateIn, csvIn);
        list = pdfs.get(0);
        template = pdfs.get(1);
        csv = pdfs.get(2);
    }

    @Test
    void the_follow_up_list_of_a_folder_prints_on_landscape_a4_at_9_pt_or_more_with_the_fingerprint() throws Exception {
        LibreOffice.Pdf pdf = LibreOffice.Pdf.read(list);
        String text = LibreOffice.text(list);
        Report r = reports.get(0);
        assertAll(
                () -> assertTrue(pdf.allA4(), "A4: " + sizes(pdf)),
                () -> assertTrue(pdf.landscape(), "landscape"),
                () -> assertTrue(pdf.smallestFont() >= PrintedSheet.MIN_PRINTED_POINTS,
                        "smallest printed text " + pdf.smallestFont() + " pt"),
                () -> assertEquals(pdf.pageSizes().size(), HtmlReportInBrowserTest.footers(text, r),
                        "the fingerprint in the footer of every page"),
                () -> assertTrue(text.contains("规则包 dianchang-2023 版本 " + r.fingerprint().version())),
                () -> assertTrue(text.contains("整治非法宗教活动"), "the gaps' text is printed"),
                () -> assertTrue(text.contains("核验情况") && text.contains("做好新时代妇联工作"),
                        "the 人工核验 sheet is printed, its columns within the page"));
    }

    @Test
    void a_filled_template_prints_on_a4_at_9_pt_or_more_with_the_fingerprint() throws Exception {
        LibreOffice.Pdf pdf = LibreOffice.Pdf.read(template);
        String text = LibreOffice.text(template);
        String guide = text.substring(0, text.indexOf('\f'));
        assertAll(
                () -> assertTrue(pdf.allA4(), "A4, not US Letter: " + sizes(pdf)),
                () -> assertTrue(pdf.smallestFont() >= PrintedSheet.MIN_PRINTED_POINTS,
                        "smallest printed text " + pdf.smallestFont() + " pt"),
                () -> assertTrue(text.contains("SHA-256 " + reports.get(0).fingerprint().shortHash())),
                // 填写说明 is fitted to the page width: a column's explanation is on the same page as its name.
                () -> assertTrue(guide.contains("填写说明") && guide.contains("工作表") && guide.contains("填写内容"), guide));
    }

    @Test
    void the_csv_imported_as_utf8_prints_its_chinese_on_a4() throws Exception {
        LibreOffice.Pdf pdf = LibreOffice.Pdf.read(csv);
        String text = LibreOffice.text(csv);
        assertAll(
                () -> assertTrue(pdf.allA4(), "A4: " + sizes(pdf)),
                () -> assertTrue(pdf.smallestFont() >= PrintedSheet.MIN_PRINTED_POINTS,
                        "smallest printed text " + pdf.smallestFont() + " pt"),
                () -> assertTrue(text.contains("来源文件"), "Chinese, not mojibake: " + text.substring(0, 200)));
    }

    /** Regenerates the pictures of page 1 of each printout in docs/ (pdftoppm from poppler-utils). */
    @Test
    @EnabledIfSystemProperty(named = "plancheck.docs", matches = "write")
    void writes_the_docs_pictures() throws Exception {
        picture(list, 1, "printed-follow-up-list");
        picture(template, 1, "printed-template-guide");
        picture(csv, 1, "printed-csv");
    }

    private static void picture(Path pdf, int page, String name) throws Exception {
        Path target = Path.of("..", "docs", name);
        Process p = new ProcessBuilder("pdftoppm", "-png", "-r", "70", "-singlefile", "-f", String.valueOf(page),
                "-l", String.valueOf(page), pdf.toString(), target.toString()).inheritIO().start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue());
    }

    private static String sizes(LibreOffice.Pdf pdf) {
        return pdf.pageSizes().stream().map(s -> s[0] + "x" + s[1]).distinct().toList().toString();
    }
}
