package dev.plancheck.io.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.plancheck.input.InvalidSubmissionException;
import dev.plancheck.PlanChecker;
import dev.plancheck.input.Problem;
import dev.plancheck.input.Waiver;
import dev.plancheck.io.ledger.Xlsx.DateCell;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Waivers (情况说明) from the 情况说明 sheet of a workbook and from a JSON file. */
class LedgerWaiverTest {
    static final PlanChecker CHECKER = LedgerRoundTripTest.CHECKER;

    @TempDir
    Path dir;

    static List<Object> row(Object... cells) {
        return LedgerXlsxReaderTest.row(cells);
    }

    List<String> problems(Path file) {
        InvalidSubmissionException e = assertThrows(InvalidSubmissionException.class, () -> CHECKER.readWaivers(file));
        return e.problems().stream().map(Problem::toString).map(s -> s.replace(dir + "/", "")).toList();
    }

    @Test
    void waivers_are_read_from_the_sheet_with_where_each_came_from() throws Exception {
        Path file = Xlsx.ledger(List.of()).sheet("情况说明", List.of(row("规则编号", "单位编号", "理由", "认可人", "有效期至"),
                row("R8-3", "HP", "上级通知取消集中活动，改为线上", "王审核", new DateCell(LocalDate.of(2024, 3, 31))),
                row(),
                row("R1.2-4", "DC", "第二次会议并入年终总结会", null, "2024/1/31"))).write(dir.resolve("台账.xlsx"));
        String at = dir.resolve("台账.xlsx") + ":情况说明!A";
        assertEquals(List.of(
                new Waiver("R8-3", "HP", "上级通知取消集中活动，改为线上", "王审核", LocalDate.of(2024, 3, 31), at + "2"),
                new Waiver("R1.2-4", "DC", "第二次会议并入年终总结会", null, LocalDate.of(2024, 1, 31), at + "4")),
                CHECKER.readWaivers(file));
    }

    @Test
    void a_workbook_without_a_waiver_sheet_has_no_waivers() throws Exception {
        assertEquals(List.of(), CHECKER.readWaivers(Xlsx.ledger(List.of()).write(dir.resolve("a.xlsx"))));
    }

    @Test
    void a_missing_reason_an_unknown_rule_a_bad_date_and_a_repeat_are_each_located() throws Exception {
        Path file = Xlsx.ledger(List.of()).sheet("情况说明", List.of(row("规则编号", "单位编号", "理由", "认可人", "有效期至"),
                row("R8-3", "HP", null, "王审核"),
                row("R83", "HP", "理由"),
                row("R8-4", "HP", "理由", null, "3/31/2024"),
                row("R8-4", "HP", "另一条理由"))).write(dir.resolve("台账.xlsx"));
        assertEquals(List.of(
                "台账.xlsx: 情况说明!C2: 必填的“理由”为空：情况说明必须写明未落实的理由",
                "台账.xlsx: 情况说明!A3: 规则包 dianchang-2023 中没有规则“R83”；是否应为“R8-3”？",
                "台账.xlsx: 情况说明!E4: “有效期至”无法识别的日期“3/31/2024”：年份写在后面（月/日/年或日/月/年的写法），不予猜测；请写成 2023-04-13、2023/4/13、2023.4.13、2023年4月13日 或 20230413（四位年份在前），或使用日期单元格",
                "台账.xlsx: 情况说明!A5: 规则 R8-4、单位 HP 的情况说明与第 4 行重复；每个缺项只写一条说明"), problems(file));
    }

    @Test
    void waivers_are_read_from_json_and_problems_carry_line_and_column() throws Exception {
        Path file = dir.resolve("waivers.json");
        Files.writeString(file, """
                [
                  {"rule": "R8-3", "unit": "HP", "reason": "上级通知取消集中活动", "acceptedBy": "王审核", "expires": "2024-03-31"},
                  {"rule": "R10.2-1", "unit": "DC"}
                ]
                """, StandardCharsets.UTF_8);
        assertEquals(List.of("waivers.json:3:3: $[1]: 缺少必填字段 \"reason\"（应为一个字符串）"), problems(file));
        Files.writeString(file, """
                [
                  {"rule": "R8-3", "unit": "HP", "reason": "上级通知取消集中活动", "acceptedBy": "王审核", "expires": "2024-03-31"},
                  {"rule": "R99", "unit": "DC", "reason": "无", "note": "x", "expires": "2024-02-30"}
                ]
                """, StandardCharsets.UTF_8);
        assertEquals(List.of(
                "waivers.json:3:12: $[1].rule: 规则包 dianchang-2023 中没有规则“R99”；规则编号见检查报告或 docs/rules.md，如 R8-3",
                "waivers.json:3:58: $[1].note: 未知字段 \"note\"；这里可用的字段是：acceptedBy、expires、reason、rule、unit",
                "waivers.json:3:74: $[1].expires: 应为 YYYY-MM-DD 格式的真实日期（如 2024-03-31），实际是 \"2024-02-30\""), problems(file));
        Files.writeString(file, "[{\"rule\": \"R8-3\", \"unit\": \"HP\", \"reason\": \"取消\"}]\n", StandardCharsets.UTF_8);
        assertEquals(List.of(new Waiver("R8-3", "HP", "取消", null, null, file + ":1:2")), CHECKER.readWaivers(file));
    }
}
