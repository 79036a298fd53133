package dev.plancheck.cli;

import static dev.plancheck.cli.HostileInputTest.run;
import static dev.plancheck.cli.HostileInputTest.wellBehaved;
import static dev.plancheck.io.ledger.HostileFiles.number;
import static dev.plancheck.io.ledger.HostileFiles.record;
import static dev.plancheck.io.ledger.HostileFiles.text;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plancheck.io.ledger.HostileFiles;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile spreadsheets, CSV files, waiver files and output paths, made at test time (never committed): each run
 * ends with its documented exit code and a located Chinese message, with no stack trace, bounded output and no raw
 * control character ({@link HostileInputTest#wellBehaved}). The huge ones run in a child JVM of 512 MB in
 * {@link HugeInputTest}.
 */
class HostileFilesTest {
    @TempDir
    static Path dir;

    /** A case: a name, the files it writes and the arguments it runs with, the exit code and a fragment of the output. */
    record Case(String name, Function<Path, String[]> setUp, int code, String expected) {
        /** The same case, expecting one more fragment. */
        Case withExpected(String more) {
            return new Case(name, setUp, code, expected + "\u0001" + more);
        }

        /** The same case with more options after the subcommand. */
        Case withArgs(String... options) {
            return new Case(name, d -> {
                String[] a = setUp.apply(d);
                String[] out = new String[a.length + options.length];
                out[0] = a[0];
                System.arraycopy(options, 0, out, 1, options.length);
                System.arraycopy(a, 1, out, 1 + options.length, a.length - 1);
                return out;
            }, code, expected);
        }
    }

    static Path write(Path file, byte[] bytes) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path write(Path file, String text) {
        return write(file, text.getBytes(StandardCharsets.UTF_8));
    }

    static Case xlsx(String name, byte[] workbook, int code, String expected) {
        return new Case(name, d -> new String[] {"check", write(d.resolve(name + ".xlsx"), workbook).toString()}, code,
                name + ".xlsx: " + expected);
    }

    static Case csv(String name, String content, int code, String expected) {
        return new Case(name, d -> new String[] {"check", write(d.resolve(name + ".csv"), content).toString()}, code, expected);
    }

    static String csvLedger(String activityRows) {
        return "考核年度,2023\n单位编号,单位名称,单位级别\nDC,电厂街道,街道\nSL,松林社区,社区\n"
                + "记录编号,单位编号,类别,日期,结束日期,标题,主题,对象,参与人数,金额（元）,关联记录,荣誉级别,说明\n" + activityRows;
    }

    static Case waivers(String name, Function<Path, Path> file, int code, String expected) {
        return new Case(name, d -> new String[] {"check", "--waivers", file.apply(d).toString(),
                write(d.resolve(name + "-ledger.xlsx"), HostileFiles.ledger()).toString()}, code, expected);
    }

    static String waiver(int i, String reason) {
        return "{\"rule\": \"R1.2-4\", \"unit\": \"DC" + i + "\", \"reason\": \"" + reason + "\"}";
    }

    static List<Case> cases() {
        List<Case> c = new ArrayList<>();
        // Numbers are numbers: refused at their cell before any string is built from them.
        c.add(xlsx("xlsx-participants-1e999999999", HostileFiles.ledger(record(2, number("I2", "1E999999999"))), 2,
                "活动!I2: “参与人数”应为 0 到 10000000 之间的整数，实际是数字 1E+999999999"));
        c.add(xlsx("xlsx-amount-1e999999999", HostileFiles.ledger(record(2, number("J2", "1E999999999"))), 2,
                "活动!J2: 金额过大：上限为 999999999999.99 元，实际是 1E+999999999"));
        c.add(xlsx("xlsx-amount-1e-999999999", HostileFiles.ledger(record(2, number("J2", "1E-999999999"))), 2,
                "活动!J2: 金额应为不小于 0、最多两位小数的数字（单位：元），实际是 1E-999999999"));
        c.add(xlsx("xlsx-date-1e999999999", HostileFiles.ledger(record(2, number("D2", "1E999999999"))), 2,
                "活动!D2: “日期”应为日期，实际是数字 1E+999999999"));
        c.add(xlsx("xlsx-date-serial-beyond-9999", HostileFiles.ledger(record(2, HostileFiles.date("D2", "3000000"))), 2,
                "活动!D2: “日期”应为日期，实际是数字 3000000"));
        c.add(xlsx("xlsx-date-20230230", HostileFiles.ledger(record(2, number("D2", "20230230"))), 2,
                "活动!D2: “日期”日期 20230230（按 8 位的年月日读）不存在"));
        c.add(new Case("xlsx-date-20230413-is-read", d -> new String[] {"check", "--detail",
                write(d.resolve("xlsx-date-20230413.xlsx"), HostileFiles.ledger(record(2, number("D2", "20230413")))).toString()},
                1, "a2（2023-04-13 党工委专题会议研究统战工作）"));
        c.add(xlsx("xlsx-nan", HostileFiles.ledger(record(2, number("I2", "NaN"))), 2,
                "活动!I2: “参与人数”应为 0 到 10000000 之间的整数，实际是无法识别的数字“NaN”"));
        c.add(xlsx("xlsx-number-100000-digits", HostileFiles.ledger(record(2, number("I2", "7".repeat(100_000)))), 2,
                "活动!I2: 数字过长：超过上限 40 个字符；工作簿未读取"));
        c.add(xlsx("xlsx-year-1e999999999", HostileFiles.ledgerWith("xl/worksheets/sheet1.xml",
                new String(HostileFiles.parts().get("xl/worksheets/sheet1.xml"), StandardCharsets.UTF_8)
                        .replace("<v>2023</v>", "<v>1E999999999</v>")), 2,
                "单位!B1: 考核年度应为四位数的年份，如 2023，实际是数字 1E+999999999"));
        // Bounded workbook reading.
        c.add(xlsx("xlsx-shared-string-1gib", HostileFiles.bomb(HostileFiles.SHARED_STRINGS, "<sst xmlns=\"x\"><si><t>",
                "a", 1L << 30, "</t></si></sst>", null), 2, "活动!F2: 字符串过长：单元格内容超过 96384 个字节"));
        c.add(xlsx("xlsx-ratio-bomb", HostileFiles.bomb(HostileFiles.SHARED_STRINGS, "<sst xmlns=\"x\">",
                "<si><t>a</t></si>", 1L << 26, "</sst>", null), 2, "xl/sharedStrings.xml: 工作簿的这一部分压缩比异常"));
        c.add(xlsx("xlsx-ratio-bomb-lying-size", HostileFiles.bomb(HostileFiles.SHARED_STRINGS, "<sst xmlns=\"x\">",
                "<si><t>a</t></si>", 1L << 26, "</sst>", 1000L), 2, "xl/sharedStrings.xml: 工作簿的这一部分压缩比异常"));
        c.add(xlsx("xlsx-media-bomb", HostileFiles.bomb("xl/media/image1.png", "", "\u0000", 1L << 30, "", null), 2,
                "xl/media/image1.png: 工作簿的这一部分压缩比异常"));
        Map<String, byte[]> many = HostileFiles.parts();
        for (int i = 0; i < 1_200; i++) {
            many.put("xl/media/x" + i + ".bin", new byte[0]);
        }
        c.add(xlsx("xlsx-1200-parts", HostileFiles.zip(many), 2, "工作簿的组成部分（zip 条目）过多：有 1208 个，上限为 1000 个"));
        c.add(xlsx("xlsx-cell-outside-grid", HostileFiles.ledger(record(2, number("ZZZZZZ2", "1"))), 2,
                "活动!ZZZZZZ2: 单元格地址超出 Excel 的范围（A1 至 XFD1048576），文件已损坏"));
        c.add(xlsx("xlsx-title-12000-characters", HostileFiles.ledgerWith(HostileFiles.SHARED_STRINGS,
                HostileFiles.sharedStrings("题".repeat(12_000))), 2, "活动!F2: 字符串过长：有 12000 个字符，上限为 10000"));
        c.add(xlsx("xlsx-unknown-sheet", HostileFiles.zip(withSheet("秘密")), 2, "秘密: 未知的工作表“秘密”有内容，不会被读取"));
        c.add(xlsx("xlsx-cells-far-right", HostileFiles.ledger(record(2).replace("</row>", number("CA2", "1") + "</row>")), 2,
                "活动!CA2: 这一列超出了台账的列（只读取前 64 列）"));
        c.add(new Case("xlsx-rows-over-the-record-limit", d -> new String[] {"check", "--max-records", "5",
                write(d.resolve("rows.xlsx"), HostileFiles.streamed(HostileFiles.ACTIVITIES, HostileFiles.rows(20))).toString()},
                2, "rows.xlsx: 活动!A8: 记录过多：工作表“活动”有内容的行超过上限 5 条（上限可用 --max-records 调整）"));
        c.add(new Case("xlsx-cut-off", d -> {
            byte[] whole = HostileFiles.ledger();
            return new String[] {"check", write(d.resolve("cut.xlsx"), java.util.Arrays.copyOf(whole, whole.length - 200)).toString()};
        }, 2, "cut.xlsx: 不是有效的 xlsx 工作簿：zip 结构已损坏，无法读取"));
        c.add(new Case("xlsx-encrypted", d -> new String[] {"check", write(d.resolve("加密.xlsx"), HostileFiles.encrypted()).toString()},
                2, "加密.xlsx: 工作簿受密码保护，无法读取；请在 Excel 或 WPS 中取消密码，另存为不加密的 .xlsx"));
        // Text stays safe everywhere, convert included.
        // XML cannot hold ESC or BEL: in a workbook they are _x001B_; bidirectional and zero-width characters can be.
        c.add(new Case("xlsx-title-invisible-characters", d -> new String[] {"check", "--detail", write(d.resolve("esc.xlsx"),
                HostileFiles.ledgerWith(HostileFiles.SHARED_STRINGS, HostileFiles.sharedStrings(
                        "会议\u202e\u200b\u2028\ufeff结论：没有缺项"))).toString()}, 1,
                "会议[U+202E][U+200B][U+2028][U+FEFF]结论：没有缺项"));
        c.add(new Case("xlsx-control-character-in-xml", d -> new String[] {"check", write(d.resolve("ctrl.xlsx"),
                HostileFiles.ledger(record(2, text("C2", "\u001b[31m红")))).toString()}, 2,
                "ctrl.xlsx: xlsx 工作簿的内容不合规范，无法读取"));
        c.add(new Case("convert-escapes-cell-text", d -> new String[] {"convert", "--to", "json",
                write(d.resolve("convert.csv"), csvLedger("a1,DC,\u001b[31m红\u0007,2023-04-13,,会议,统战工作,,,,,,\n")).toString()},
                2, "convert.csv:6: C6: 未知的类别“[U+001B][31m红[U+0007]”"));
        c.add(new Case("convert-escapes-bidi-in-xlsx", d -> new String[] {"convert", "--to", "json",
                write(d.resolve("bidi.xlsx"), HostileFiles.ledger(record(2, text("C2", "会\u202e议")))).toString()},
                2, "bidi.xlsx: 活动!C2: 未知的类别“会[U+202E]议”"));
        c.add(new Case("convert-escapes-its-paths", d -> new String[] {"convert", "--to", "json",
                d.resolve("无此\u001b[2J文件.xlsx").toString()}, 2, "无此[U+001B][2J文件.xlsx：文件不存在"));
        // CSV: the same limits.
        c.add(csv("csv-participants-1e999999999", csvLedger("a1,DC,专题会议,2023-04-13,,会议,统战工作,,1E999999999,,,,\n"), 2,
                "csv-participants-1e999999999.csv:6: I6: “参与人数”应为 0 到 10000000 之间的整数，实际是文字“1E999999999”"));
        c.add(csv("csv-20000-unknown-columns", csvLedger("").replace("说明\n", "说明," + columns(20_000) + "\n"), 2,
                "另有 ").withExpected("（只列出前 200 个；可用 --max-problems 调整）"));
        c.add(csv("csv-cell-12000-characters", csvLedger("a1,DC,专题会议,2023-04-13,,\"" + "题".repeat(12_000) + "\",统战工作,,,,,,\n"),
                2, "F6: 字符串过长：有 12000 个字符，上限为 10000"));
        c.add(csv("csv-cell-ten-megabytes", csvLedger("a1,DC,专题会议,2023-04-13,,\"" + "x".repeat(10 << 20) + "\",,,,,,,\n"),
                2, "字符串过长：单元格内容超过上限 10000 个字符的 4 倍，文件未读完"));
        c.add(csv("csv-rows-over-the-record-limit", csvLedger("a1,DC,专题会议,2023-04-13,,会议,统战工作,,,,,,\n".repeat(12)),
                2, "记录过多").withArgs("--max-records", "10"));
        // Waivers are input like any other.
        c.add(waivers("waivers-fifo", d -> fifo(d.resolve("pipe.json")), 2,
                "pipe.json: 不是普通文件（是文件夹、管道、设备或套接字等），未读取"));
        c.add(waivers("waivers-dev-zero-link", d -> link(d.resolve("zero.json"), Path.of("/dev/zero")), 2,
                "zero.json: 不是普通文件（是文件夹、管道、设备或套接字等），未读取"));
        c.add(waivers("waivers-folder", d -> folder(d.resolve("folder.json")), 2, "folder.json: 不是普通文件"));
        c.add(waivers("waivers-sparse-20-gib", d -> sparse(d.resolve("sparse.json"), 20L << 30), 2,
                "sparse.json: 文件过大：有 21474836480 字节，上限为 16777216 字节，未读取（上限可用 --max-waiver-file-mb 调整）"));
        c.add(waivers("waivers-10001", d -> write(d.resolve("many.json"), "[" + String.join(",\n",
                java.util.stream.IntStream.range(0, 10_001).mapToObj(i -> waiver(i, "理由")).toList()) + "]"), 2,
                "many.json:10001:1: $[10000]: 情况说明过多：超过上限 10000 条（上限可用 --max-waivers 调整）"));
        c.add(waivers("waivers-reason-5m-characters", d -> write(d.resolve("long.json"), "[" + waiver(0, "理".repeat(5_000_000)) + "]"),
                2, "long.json:1:").withExpected("字符串过长"));
        c.add(waivers("waivers-reason-12000-characters", d -> write(d.resolve("reason.json"), "[" + waiver(0, "理".repeat(12_000)) + "]"),
                2, "reason.json:1:46: $[0].reason: 字符串过长：有 12000 个字符，上限为 10000"));
        c.add(new Case("empty-path", d -> new String[] {"check", ""}, 2, "\"\"：路径为空（要检查当前文件夹，请写 .）"));
        c.add(new Case("pack-dev-zero", d -> new String[] {"check", "--pack", "/dev/zero",
                write(d.resolve("p.xlsx"), HostileFiles.ledger()).toString()}, 2, "--pack：/dev/zero 不是普通文件或文件夹"));
        c.add(new Case("pack-empty", d -> new String[] {"check", "--pack", "",
                write(d.resolve("p.xlsx"), HostileFiles.ledger()).toString()}, 2, "--pack：为空"));
        return c;
    }

    private static String columns(int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "" : ",").append("列").append(i);
        }
        return sb.toString();
    }

    private static Map<String, byte[]> withSheet(String name) {
        Map<String, byte[]> p = HostileFiles.parts();
        p.put("xl/workbook.xml", new String(p.get("xl/workbook.xml"), StandardCharsets.UTF_8)
                .replace("</sheets>", "<sheet name=\"" + name + "\" sheetId=\"3\" r:id=\"rId9\"/></sheets>")
                .getBytes(StandardCharsets.UTF_8));
        p.put("xl/_rels/workbook.xml.rels", new String(p.get("xl/_rels/workbook.xml.rels"), StandardCharsets.UTF_8)
                .replace("</Relationships>", "<Relationship Id=\"rId9\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet9.xml\"/></Relationships>")
                .getBytes(StandardCharsets.UTF_8));
        p.put("xl/worksheets/sheet9.xml", HostileFiles.activities("").getBytes(StandardCharsets.UTF_8));
        return p;
    }


    static Path fifo(Path p) {
        try {
            assertEquals(0, new ProcessBuilder("mkfifo", p.toString()).start().waitFor());
            return p;
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path link(Path link, Path target) {
        try {
            return Files.createSymbolicLink(link, target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path folder(Path p) {
        try {
            return Files.createDirectories(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path sparse(Path p, long size) {
        try (RandomAccessFile f = new RandomAccessFile(p.toFile(), "rw")) {
            f.setLength(size);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @TestFactory
    Stream<DynamicTest> every_hostile_file_gives_its_exit_code_and_a_located_message() {
        List<Case> all = cases();
        assertTrue(all.size() >= 35, "cases: " + all.size());
        return all.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            Path d = Files.createDirectories(dir.resolve(c.name()));
            MainTest.Run r = run(c.setUp().apply(d));
            wellBehaved(r);
            String all2 = r.out() + r.err();
            assertEquals(c.code(), r.code(), all2.length() > 3000 ? all2.substring(0, 3000) : all2);
            for (String fragment : c.expected().split("\u0001")) {
                assertTrue(all2.contains(fragment), "expected \"" + fragment + "\" in:\n"
                        + (all2.length() > 3000 ? all2.substring(0, 3000) : all2));
            }
        }));
    }

    @Test
    void junit_xml_shows_characters_xml_cannot_hold_and_stays_well_formed() throws Exception {
        String json = Files.readString(HostileInputTest.CORPUS.resolve("bom-utf8-valid.json")).substring(1)
                .replace("\"电厂街道\"", "\"电厂\\ufffe\\u0001街道\\u0008\"");
        Path ledger = write(dir.resolve("junit-fffe.json"), json);
        MainTest.Run r = run("check", "--format", "junit", ledger.toString());
        wellBehaved(r);
        assertEquals(1, r.code(), r.err());
        javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new java.io.ByteArrayInputStream(r.out().getBytes(StandardCharsets.UTF_8)));
        assertTrue(r.out().contains("电厂[U+FFFE][U+0001]街道[U+0008]（DC）"), r.out());
    }

    @Test
    void notices_are_bounded_in_the_text_report_and_complete_in_json() throws IOException {
        StringBuilder rows = new StringBuilder();
        for (int r = 2; r < 2_002; r++) {
            rows.append(record(r)); // 2,000 copies of one meeting: 1,999 duplicates
        }
        Path ledger = write(dir.resolve("duplicates.xlsx"), HostileFiles.ledger(rows.toString()));
        MainTest.Run text = run("check", ledger.toString());
        wellBehaved(text);
        assertEquals(1, text.code(), text.err());
        assertTrue(text.out().contains("记录提示（1999）"), text.out());
        assertTrue(text.out().contains("  ! 【重复记录】另有 1979 条同类提示（只列出前 20 条；JSON 格式的报告列出全部）"), text.out());
        assertEquals(20, text.out().lines().filter(l -> l.contains("【重复记录】") && !l.contains("另有")).count());
        MainTest.Run html = run("check", "--format", "html", ledger.toString());
        assertTrue(html.out().contains("【重复记录】另有 1979 条同类提示"), "html too");
        MainTest.Run json = run("check", "--format", "json", ledger.toString());
        assertEquals(1_999, json.out().split("\"DUPLICATE\"", -1).length - 1, "JSON keeps them all");
    }

    @Test
    void output_refuses_links_devices_folders_and_inputs_and_writes_only_regular_files() throws IOException {
        Path d = Files.createDirectories(dir.resolve("output"));
        Path ledger = write(d.resolve("ledger.xlsx"), HostileFiles.ledger());
        byte[] before = Files.readAllBytes(ledger);
        Path victim = write(d.resolve("victim.txt"), "受害文件");
        Map<String, String> refused = new java.util.LinkedHashMap<>();
        refused.put(link(d.resolve("report-link.html"), victim).toString(), "是符号链接，不会写入");
        refused.put(link(d.resolve("stdout-link.html"), Path.of("/proc/self/fd/1")).toString(), "是符号链接，不会写入");
        refused.put("/dev/null", "是设备、管道或套接字等特殊文件，不会写入");
        refused.put(fifo(d.resolve("pipe.html")).toString(), "是设备、管道或套接字等特殊文件，不会写入");
        refused.put(folder(d.resolve("empty-folder")).toString(), "是文件夹，不会写入");
        refused.put(ledger.toString(), "是本次要读取的输入文件");
        refused.put(link(d.resolve("dangling.html"), d.resolve("nowhere.html")).toString(), "是符号链接，不会写入");
        for (Map.Entry<String, String> e : refused.entrySet()) {
            MainTest.Run r = run("check", "--format", "html", "--output", e.getKey(), ledger.toString());
            wellBehaved(r);
            assertEquals(2, r.code(), r.err());
            assertTrue(r.err().contains("--output " + e.getKey() + "：" + e.getValue()), r.err());
        }
        assertArrayEquals(before, Files.readAllBytes(ledger), "the ledger is untouched");
        assertEquals("受害文件", Files.readString(victim));
        assertFalse(Files.exists(d.resolve("nowhere.html")), "a dangling link is not followed to create its target");
        assertTrue(Files.isDirectory(d.resolve("empty-folder")));

        // A temporary file planted under the old fixed name is no longer followed.
        link(d.resolve(".report.html.tmp"), victim);
        MainTest.Run ok = run("check", "--format", "html", "--output", d.resolve("report.html").toString(), ledger.toString());
        assertEquals(1, ok.code(), ok.err());
        assertTrue(Files.readString(d.resolve("report.html")).startsWith("<!DOCTYPE html>"));
        assertEquals("受害文件", Files.readString(victim));
        try (Stream<Path> left = Files.list(d)) {
            assertEquals(List.of(), left.filter(p -> p.getFileName().toString().matches("\\.report\\.html\\.[0-9a-f]+\\.tmp")).toList(),
                    "no temporary file is left");
        }
        // An existing regular report is replaced; "-" is standard output.
        MainTest.Run again = run("check", "--output", d.resolve("report.html").toString(), ledger.toString());
        assertEquals(1, again.code());
        assertTrue(Files.readString(d.resolve("report.html")).contains("落实情况检查报告"));
        MainTest.Run stdout = run("check", "--output", "-", ledger.toString());
        assertTrue(stdout.out().contains("落实情况检查报告"), stdout.out());
    }

    @Test
    void a_failed_write_leaves_no_temporary_file_and_the_old_report_stands(@TempDir Path d) throws IOException {
        Path target = write(d.resolve("report.txt"), "旧报告");
        IOException e = org.junit.jupiter.api.Assertions.assertThrows(IOException.class, () -> OutputFile.write(target, out -> {
            out.write("半份报告".getBytes(StandardCharsets.UTF_8));
            throw new IOException("磁盘已满");
        }));
        assertEquals("磁盘已满", e.getMessage());
        assertEquals("旧报告", Files.readString(target));
        try (Stream<Path> files = Files.list(d)) {
            assertEquals(List.of(target), files.toList());
        }
    }

    @Test
    void convert_and_template_write_only_regular_files_too() throws IOException {
        Path d = Files.createDirectories(dir.resolve("convert-output"));
        Path ledger = write(d.resolve("ledger.xlsx"), HostileFiles.ledger());
        Path victim = write(d.resolve("victim.json"), "{}");
        link(d.resolve("out.json"), victim);
        MainTest.Run convert = run("convert", "--to", "json", "--force", "--out", d.resolve("out.json").toString(), ledger.toString());
        wellBehaved(convert);
        assertEquals(2, convert.code(), convert.err());
        assertTrue(convert.err().contains("out.json：是符号链接，不会写入"), convert.err());
        assertEquals("{}", Files.readString(victim));
        MainTest.Run template = run("template", "--force", "--out", "/dev/null.xlsx".replace("/dev/null.xlsx",
                link(d.resolve("t.xlsx"), victim).toString()));
        assertEquals(2, template.code(), template.err());
        assertTrue(template.err().contains("t.xlsx：是符号链接，不会写入"), template.err());
        assertEquals("{}", Files.readString(victim));
    }
}
