package dev.plancheck.io.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.junit.jupiter.api.Assumptions;

/**
 * LibreOffice Calc, headless ({@code libreoffice-calc-nogui}), and poppler's {@code pdftotext}: how a workbook or a CSV
 * prints, as a PDF read back. Every file of one call is rendered by one {@code soffice} run (it starts in a few seconds),
 * with a fresh profile so that no setting of the machine's user changes the result. CSV files are imported as UTF-8
 * with commas, as {@code docs/assessor-guide.md} tells assessors to choose in the import dialog.
 *
 * <p>Without the programs the calling test fails when {@code CI} is set ({@code .ci/run} installs them), and is
 * skipped otherwise.
 */
final class LibreOffice {
    /** Seconds one run may take; {@code -Dplancheck.soffice.timeout=N} changes it. */
    private static final long TIMEOUT_SECONDS = Long.getLong("plancheck.soffice.timeout", 180);
    /** CSV import options: comma, double quote, UTF-8 (76), from line 1. */
    static final String CSV_UTF8 = "CSV:44,34,76,1";

    private LibreOffice() {
    }

    static void require() {
        for (String program : List.of("soffice", "pdftotext")) {
            if (!onPath(program)) {
                String message = "没有找到 " + program + "，无法检查打印效果：请安装 libreoffice-calc-nogui 和 poppler-utils"
                        + "（apt-get install libreoffice-calc-nogui poppler-utils）";
                if (System.getenv("CI") != null) {
                    fail(message + "（CI 环境中此测试必须运行）");
                }
                Assumptions.abort(message + "；不在 CI 中，跳过");
            }
        }
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        for (String dir : path == null ? new String[0] : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    /** Renders the files to PDF in {@code outDir} (same names, {@code .pdf}) in one run; returns the PDFs in order. */
    static List<Path> toPdf(Path outDir, Path... files) throws IOException, InterruptedException {
        Files.createDirectories(outDir);
        Path profile = Files.createTempDirectory("plancheck-soffice");
        List<String> command = new ArrayList<>(List.of("soffice", "--headless", "--norestore",
                "-env:UserInstallation=" + profile.toUri(), "--infilter=" + CSV_UTF8, "--convert-to", "pdf",
                "--outdir", outDir.toString()));
        for (Path f : files) {
            command.add(f.toString());
        }
        String log = run(command);
        List<Path> pdfs = new ArrayList<>();
        for (Path f : files) {
            String name = f.getFileName().toString();
            Path pdf = outDir.resolve(name.substring(0, name.lastIndexOf('.')) + ".pdf");
            if (!Files.isRegularFile(pdf)) {
                fail("LibreOffice 没有生成 " + pdf + "：" + log);
            }
            pdfs.add(pdf);
        }
        return pdfs;
    }

    /** The text of the PDF's pages, as {@code pdftotext -layout} lays it out; pages are separated by a form feed. */
    static String text(Path pdf) throws IOException, InterruptedException {
        Path out = pdf.resolveSibling(pdf.getFileName() + ".txt");
        run(List.of("pdftotext", "-layout", pdf.toString(), out.toString()));
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] out;
        try (var in = p.getInputStream()) {
            out = in.readAllBytes(); // ends when the process closes its output
        }
        if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail(command.get(0) + " 超时");
        }
        String log = new String(out, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), () -> command + " 失败：" + log);
        return log;
    }

    /** A PDF's pages and the font sizes its text is set in, read from the file itself. */
    record Pdf(List<double[]> pageSizes, List<Double> fontSizes) {
        private static final Pattern PAGE_SIZE = Pattern.compile("Page +\\d+ size: +([\\d.]+) x ([\\d.]+) pts");
        private static final Pattern STREAM = Pattern.compile("stream\r?\n");
        /** {@code /F1 10.604 Tf}: LibreOffice sets the printed size in the font operator (it scales no matrix). */
        private static final Pattern FONT = Pattern.compile("/\\S+ ([\\d.]+) Tf");

        static Pdf read(Path file) throws IOException, InterruptedException {
            byte[] bytes = Files.readAllBytes(file);
            String latin = new String(bytes, StandardCharsets.ISO_8859_1);
            // Each page's size as poppler reads it (the page tree's own default box is not a page).
            List<double[]> pages = new ArrayList<>();
            Matcher box = PAGE_SIZE.matcher(run(List.of("pdfinfo", "-f", "1", "-l", "100000", file.toString())));
            while (box.find()) {
                pages.add(new double[] {Double.parseDouble(box.group(1)), Double.parseDouble(box.group(2))});
            }
            List<Double> sizes = new ArrayList<>();
            Matcher s = STREAM.matcher(latin);
            while (s.find()) {
                int end = latin.indexOf("endstream", s.end());
                String content = inflate(bytes, s.end(), end);
                if (content == null) {
                    continue;
                }
                Matcher f = FONT.matcher(content);
                while (f.find()) {
                    sizes.add(Double.parseDouble(f.group(1)));
                }
            }
            return new Pdf(pages, sizes);
        }

        private static String inflate(byte[] bytes, int from, int to) {
            Inflater inflater = new Inflater();
            inflater.setInput(bytes, from, Math.max(0, to - from));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            try {
                while (!inflater.finished()) {
                    int n = inflater.inflate(buf);
                    if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                        break;
                    }
                    out.write(buf, 0, n);
                }
            } catch (DataFormatException e) {
                return null; // not a deflated stream (an image, a font program)
            } finally {
                inflater.end();
            }
            return out.toString(StandardCharsets.ISO_8859_1);
        }

        double smallestFont() {
            return fontSizes.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
        }

        /** True when every page is A4, either way round, to the PDF's rounding. */
        boolean allA4() {
            return !pageSizes.isEmpty() && pageSizes.stream().allMatch(p -> {
                double w = Math.min(p[0], p[1]);
                double h = Math.max(p[0], p[1]);
                return Math.abs(w - 595.3) < 1 && Math.abs(h - 841.9) < 1;
            });
        }

        boolean landscape() {
            return pageSizes.stream().allMatch(p -> p[0] > p[1]);
        }
    }
}
