package dev.plancheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plancheck.PlanChecker;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code checker template} and {@code checker convert}: the files they write, their messages and exit codes. */
class LedgerCommandsTest {
    private static final Path COMPLIANT = Path.of("../sample-data/dianchang-2023/compliant.json");

    @TempDir
    Path dir;

    @Test
    void template_writes_a_workbook_that_reads_back_as_an_empty_ledger_of_the_pack_year() throws Exception {
        Path out = dir.resolve("模板.xlsx");
        MainTest.Run r = MainTest.run("template", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("已生成台账模板 " + out + "（规则包 dianchang-2023，考核年度 2023）\n", r.out());
        assertTrue(Files.size(out) > 0);
        MainTest.Run again = MainTest.run("template", "--out", out.toString());
        assertEquals(2, again.code());
        assertEquals(out + " 已存在，未覆盖（它可能是已填写的台账）；如确要覆盖，请加 --force\n", again.err());
        assertEquals(0, MainTest.run("template", "--out", out.toString(), "--force", "--pack", "dianchang-2024-demo").code());
        MainTest.Run check = MainTest.run("convert", out.toString(), "--to", "json", "--pack", "dianchang-2024-demo");
        assertEquals(2, check.code(), "an empty template has no units");
        assertEquals(out + " 有 1 处问题，未转换：\n  " + out + ": 单位: 没有单位：请在表头下方逐行填写街道及其各社区\n", check.err());
    }

    @Test
    void convert_json_to_xlsx_and_back_gives_the_same_json_beside_the_input_by_default() throws Exception {
        Path json = dir.resolve("compliant.json");
        Files.copy(COMPLIANT, json);
        MainTest.Run toXlsx = MainTest.run("convert", json.toString(), "--to", "xlsx");
        assertEquals(0, toXlsx.code(), toXlsx.err());
        Path xlsx = dir.resolve("compliant.xlsx");
        assertEquals("已转换 " + json + " → " + xlsx + "（5 个单位，169 条记录）\n", toXlsx.out());
        Path back = dir.resolve("back.json");
        MainTest.Run toJson = MainTest.run("convert", xlsx.toString(), "--to", "json", "--out", back.toString());
        assertEquals(0, toJson.code(), toJson.err());
        PlanChecker checker = PlanChecker.create();
        String expected = dev.plancheck.io.ledger.SubmissionJson.write(checker.read(COMPLIANT), checker.pack().vocabulary());
        assertEquals(expected, Files.readString(back, StandardCharsets.UTF_8));
        assertEquals(0, MainTest.run("check", back.toString()).code(), "the converted ledger is still compliant");
    }

    @Test
    void a_workbook_in_an_old_format_is_refused_with_how_to_resave_it_named_or_in_a_folder() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("台账"));
        Files.copy(COMPLIANT, folder.resolve("a.json"));
        Files.write(folder.resolve("b.xls"), new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0});
        Files.writeString(folder.resolve("说明.txt"), "不是台账");
        String resave = "不是台账文件，未读取：台账应为 .json、.ndjson、.csv 或 .xlsx 文件；这是旧版 Excel 97-2003 格式，请“另存为” .xlsx";

        MainTest.Run named = MainTest.run("check", folder.resolve("b.xls").toString());
        assertEquals(2, named.code(), named.err());
        assertTrue(named.err().startsWith(folder.resolve("b.xls") + "：" + resave + "\n"), named.err());
        assertTrue(named.err().endsWith("另有 1 个路径无法使用\n"), named.err());

        MainTest.Run text = MainTest.run("validate", folder.resolve("说明.txt").toString());
        assertEquals(2, text.code(), text.err());
        assertTrue(text.err().startsWith(folder.resolve("说明.txt") + "：不是台账文件，未读取：台账应为 .json、.ndjson、.csv 或 .xlsx 文件\n"),
                text.err());

        // In a folder: the old workbook is a ledger that was not checked (exit 2); a note beside it is only skipped.
        MainTest.Run all = MainTest.run("check", folder.toString());
        assertEquals(2, all.code(), all.err());
        assertTrue(all.out().contains("提交文件：" + folder.resolve("a.json")), all.out());
        assertTrue(all.err().contains(folder.resolve("b.xls") + "：" + resave + "\n"), all.err());
        assertTrue(all.err().contains("跳过 " + folder.resolve("说明.txt") + "（不是 .json、.ndjson、.csv 或 .xlsx 台账文件）"), all.err());
    }

    @Test
    void convert_refuses_to_overwrite_the_input_or_an_existing_file() throws Exception {
        Path json = dir.resolve("a.json");
        Files.copy(COMPLIANT, json);
        MainTest.Run same = MainTest.run("convert", json.toString(), "--to", "json");
        assertEquals(2, same.code());
        assertEquals("输出文件与输入文件相同（" + json + "），不会覆盖输入；请用 --out 指定另一个文件\n", same.err());
        MainTest.Run forced = MainTest.run("convert", json.toString(), "--to", "json", "--out", json.toString(), "--force");
        assertEquals(2, forced.code(), "not even with --force");
        Files.writeString(dir.resolve("a.xlsx"), "x");
        MainTest.Run exists = MainTest.run("convert", json.toString(), "--to", "xlsx");
        assertEquals(2, exists.code());
        assertEquals(dir.resolve("a.xlsx") + " 已存在，未覆盖；如确要覆盖，请加 --force，或用 --out 指定另一个文件\n", exists.err());
        assertEquals("x", Files.readString(dir.resolve("a.xlsx")));
    }

    @Test
    void a_bad_csv_exits_2_with_every_located_problem_and_writes_nothing() throws Exception {
        Path csv = dir.resolve("台账.csv");
        Files.writeString(csv, "考核年度,2023\n单位编号,单位名称,单位级别\nDC,电厂街道,街道\n"
                + "记录编号,单位编号,类别,日期,标题,主题\n"
                + "a1,DC,会议,2023-04-13,会,统战工作\n"
                + "a2,DC,专题会议,13/4/2023,会,统战工作\n", StandardCharsets.UTF_8);
        MainTest.Run r = MainTest.run("convert", csv.toString(), "--to", "xlsx");
        assertEquals(2, r.code());
        assertEquals(csv + " 有 2 处问题，未转换：\n"
                + "  " + csv + ":5: C5: 未知的类别“会议”；是否应为“工作领导小组会议”或“专题会议”？请从下拉列表选择，或填写“填写说明”表中列出的名称或代码\n"
                + "  " + csv + ":6: D6: “日期”无法识别的日期“13/4/2023”：年份写在后面（月/日/年或日/月/年的写法），不予猜测；请写成 2023-04-13、2023/4/13、2023.4.13、2023年4月13日 或 20230413（四位年份在前），或使用日期单元格\n", r.err());
        assertFalse(Files.exists(dir.resolve("台账.xlsx")));
        assertEquals("", r.out());
    }

    @Test
    void waivers_of_an_xlsx_ledger_are_written_beside_a_json_output_not_dropped() throws Exception {
        Path json = dir.resolve("c.json");
        Files.copy(COMPLIANT, json);
        assertEquals(0, MainTest.run("convert", json.toString(), "--to", "xlsx").code());
        // Add a waiver row by rewriting the workbook with one waiver, as an assessor would fill the sheet.
        PlanChecker checker = PlanChecker.create();
        Path xlsx = dir.resolve("c.xlsx");
        try (var out = Files.newOutputStream(xlsx)) {
            dev.plancheck.io.ledger.LedgerTemplate.write(checker.pack(), checker.read(json),
                    java.util.List.of(new dev.plancheck.input.Waiver("R8-3", "HP", "上级通知取消", null, null, "t")), out);
        }
        Files.delete(json);
        MainTest.Run r = MainTest.run("convert", xlsx.toString(), "--to", "json");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().endsWith("“情况说明”表的 1 条说明不属于 JSON 提交格式，已另存为 " + dir.resolve("c.waivers.json") + "\n"), r.out());
        assertEquals("[\n  {\"rule\": \"R8-3\", \"unit\": \"HP\", \"reason\": \"上级通知取消\"}\n]\n",
                Files.readString(dir.resolve("c.waivers.json")));

        // And back: --waivers puts them into the 情况说明 sheet again.
        Path again = dir.resolve("again.xlsx");
        MainTest.Run back = MainTest.run("convert", dir.resolve("c.json").toString(), "--to", "xlsx", "--out", again.toString(),
                "--waivers", dir.resolve("c.waivers.json").toString());
        assertEquals(0, back.code(), back.err());
        dev.plancheck.input.Waiver w = checker.readWaivers(again).get(0);
        assertEquals(java.util.List.of("R8-3", "HP", "上级通知取消"), java.util.List.of(w.ruleId(), w.unitId(), w.reason()));
    }

    @Test
    void waivers_naming_a_unit_the_ledger_does_not_have_are_refused() throws Exception {
        Path waivers = dir.resolve("w.json");
        Files.writeString(waivers, "[{\"rule\": \"R8-3\", \"unit\": \"ZZ\", \"reason\": \"取消\"}]\n");
        MainTest.Run r = MainTest.run("convert", COMPLIANT.toString(), "--to", "xlsx", "--out", dir.resolve("o.xlsx").toString(),
                "--waivers", waivers.toString());
        assertEquals(2, r.code());
        assertEquals(COMPLIANT + " 和 " + waivers + " 有 1 处问题，未转换：\n  " + waivers
                + ":1:2: 情况说明所指的单位 \"ZZ\" 不在任何所检查的台账中；请核对单位编号\n", r.err());
        assertFalse(Files.exists(dir.resolve("o.xlsx")));
    }
}
