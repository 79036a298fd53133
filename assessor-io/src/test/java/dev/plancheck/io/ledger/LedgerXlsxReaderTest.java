package dev.plancheck.io.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.plancheck.input.InvalidSubmissionException;
import dev.plancheck.PlanChecker;
import dev.plancheck.input.Problem;
import dev.plancheck.input.Submission;
import dev.plancheck.io.ledger.Xlsx.DateCell;
import dev.plancheck.model.Activity;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading xlsx ledgers: what is accepted, and the located Chinese message for each mistake. */
class LedgerXlsxReaderTest {
    static final PlanChecker CHECKER = LedgerRoundTripTest.CHECKER;

    @TempDir
    Path dir;

    static List<Object> row(Object... cells) {
        return new ArrayList<>(Arrays.asList(cells));
    }

    /** A valid special meeting of DC with the given id, to fill rows around a broken one. */
    static List<Object> meeting(String id) {
        return row(id, "DC", "专题会议", "2023-04-13", null, "党工委专题会议研究统战工作", "统战工作");
    }

    List<String> problems(Xlsx xlsx) throws Exception {
        Path file = xlsx.write(dir.resolve("台账.xlsx"));
        InvalidSubmissionException e = assertThrows(InvalidSubmissionException.class, () -> CHECKER.read(file));
        return e.problems().stream().map(Problem::toString).map(s -> s.replace(dir + "/", "")).toList();
    }

    Submission read(Xlsx xlsx) throws Exception {
        return CHECKER.read(xlsx.write(dir.resolve("台账.xlsx")));
    }

    @Test
    void names_or_codes_date_cells_and_typed_dates_all_read_into_the_same_record() throws Exception {
        Submission s = read(Xlsx.ledger(List.of(
                row("a1", "DC", "专题会议", new DateCell(LocalDate.of(2023, 4, 13)), null, "会议一", "统战工作、民族工作"),
                row("a2", "DC", "special-meeting", "2023/4/13", null, "会议二", "united-front，ethnic"),
                row("a3", "SL", "  专题会议 ", "2023年4月13日", "2023-04-14", "会议三", "民族工作 统战工作"),
                row("a4", "DC", "募捐", "2023-05-08", "2023-5-31", "博爱一日捐", null, null, 412, 38650.5),
                row("a5", "DC", "荣誉命名", "2023-12-01", null, "命名", "民族团结进步示范单位", null, "12", "100.25", null, "市级"))));
        assertEquals(2023, s.year());
        Activity a1 = s.activities().get(0);
        assertEquals(LocalDate.of(2023, 4, 13), a1.getDate());
        assertEquals(Set.of("united-front", "ethnic"), a1.getTopics());
        for (int i = 1; i < 3; i++) {
            assertEquals("special-meeting", s.activities().get(i).getKind());
            assertEquals(LocalDate.of(2023, 4, 13), s.activities().get(i).getDate());
            assertEquals(Set.of("united-front", "ethnic"), s.activities().get(i).getTopics());
        }
        assertEquals(LocalDate.of(2023, 4, 14), s.activities().get(2).getEndDate());
        Activity drive = s.activities().get(3);
        assertEquals("donation-drive", drive.getKind(), "募捐 stands for 募捐（“博爱一日捐”）");
        assertEquals(0, new BigDecimal("38650.5").compareTo(drive.getAmount()));
        assertEquals(412, drive.getParticipants());
        Activity honour = s.activities().get(4);
        assertEquals("city", honour.getHonourLevel());
        assertEquals(12, honour.getParticipants());
        assertEquals(new BigDecimal("100.25"), honour.getAmount());
    }

    @Test
    void a_name_that_itself_contains_a_separator_is_kept_whole() throws Exception {
        Submission s = read(Xlsx.ledger(List.of(
                row("a1", "DC", "集中学习", "2023-03-01", null, "学习", "党的民族、宗教法律法规、统战工作"))));
        assertEquals(Set.of("ethnic-religious-law", "united-front"), s.activities().get(0).getTopics());
    }

    @Test
    void empty_rows_are_skipped_and_later_rows_keep_their_own_numbers() throws Exception {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(meeting("a1"));
        rows.add(row());
        rows.add(row(null, null, null));
        rows.add(row("a4", "HP", "专题会议", "2023-04-13", null, "会议", "统战工作"));
        assertEquals(List.of("台账.xlsx: 活动!B5: 单位编号“HP”不在“单位”表中；已有单位：DC、SL"), problems(Xlsx.ledger(rows)));
    }

    @Test
    void an_unknown_kind_name_is_reported_at_its_cell_with_the_nearest_name() throws Exception {
        assertEquals(List.of(
                        "台账.xlsx: 活动!C2: 未知的类别“会议”；是否应为“工作领导小组会议”或“专题会议”？请从下拉列表选择，或填写“填写说明”表中列出的名称或代码",
                        "台账.xlsx: 活动!C3: 未知的类别“专题会”；是否应为“专题会议”？请从下拉列表选择，或填写“填写说明”表中列出的名称或代码"),
                problems(Xlsx.ledger(List.of(
                        row("a1", "DC", "会议", "2023-04-13", null, "会", "统战工作"),
                        row("a2", "DC", "专题会", "2023-04-13", null, "会", "统战工作")))));
    }

    @Test
    void ambiguous_dates_and_bare_numbers_are_rejected_never_guessed() throws Exception {
        String hint = "；请写成 2023-04-13、2023/4/13、2023.4.13、2023年4月13日 或 20230413（四位年份在前），或使用日期单元格";
        assertEquals(List.of(
                        "台账.xlsx: 活动!D2: “日期”无法识别的日期“4/13/2023”：年份写在后面（月/日/年或日/月/年的写法），不予猜测" + hint,
                        "台账.xlsx: 活动!D3: “日期”无法识别的日期“13/4/2023”：年份写在后面（月/日/年或日/月/年的写法），不予猜测" + hint,
                        "台账.xlsx: 活动!D4: “日期”无法识别的日期“23-4-13”：年份只有两位（“23”），不能确定是哪一年，也可能是月/日/年的写法，不予猜测" + hint,
                        "台账.xlsx: 活动!D5: “日期”应为日期，实际是数字 45029（单元格不是日期格式或超出了 Excel 日期的范围，也不是 8 位的年月日如 20230413，无法确定它表示哪一天）；请填写 2023-04-13、2023/4/13、2023.4.13、2023年4月13日 或 20230413，或把单元格设为日期格式",
                        "台账.xlsx: 活动!E6: “结束日期”日期“2023-02-30”不存在；应为真实的日期，如 2023-04-13、2023/4/13、2023.4.13、2023年4月13日 或 20230413"),
                problems(Xlsx.ledger(List.of(
                        row("a1", "DC", "专题会议", "4/13/2023", null, "会", "统战工作"),
                        row("a2", "DC", "专题会议", "13/4/2023", null, "会", "统战工作"),
                        row("a3", "DC", "专题会议", "23-4-13", null, "会", "统战工作"),
                        row("a4", "DC", "专题会议", 45029, null, "会", "统战工作"),
                        row("a5", "DC", "专题会议", "2023-02-01", "2023-02-30", "会", "统战工作")))));
    }

    @Test
    void dates_as_offices_type_them_are_read_from_text_and_number_cells() throws Exception {
        List<String> typed = List.of("2023.5.4", "2023.05.04", "２０２３年５月４日", "2023／5／4", "20230504", "2023-05-04 09:30");
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < typed.size(); i++) {
            rows.add(row("a" + i, "DC", "专题会议", typed.get(i), null, "会", "统战工作"));
        }
        rows.add(row("n1", "DC", "专题会议", 20230504, null, "会", "统战工作"));
        Submission s = read(Xlsx.ledger(rows));
        assertEquals(java.util.Collections.nCopies(typed.size() + 1, java.time.LocalDate.of(2023, 5, 4)),
                s.activities().stream().map(a -> a.getDate()).toList());
    }

    @Test
    void a_formula_without_a_saved_result_gets_its_own_message_not_empty() throws Exception {
        assertEquals(List.of("台账.xlsx: 活动!D2: “日期”是公式“=DATE(2023,5,4)”，文件里没有保存它的计算结果，检查程序不计算公式"
                        + "（多半是其他程序生成、没有在 Excel 或 WPS 中保存过的文件）；请用 Excel 或 WPS 打开后保存一次，或把公式换成它的值"),
                problems(Xlsx.ledger(List.of(
                        row("a1", "DC", "专题会议", new Xlsx.Formula("DATE(2023,5,4)"), null, "会", "统战工作")))));
    }

    @Test
    void text_in_a_number_column_is_reported_with_the_text_found() throws Exception {
        assertEquals(List.of(
                        "台账.xlsx: 活动!I2: “参与人数”应为 0 到 10000000 之间的整数，实际是文字“三十七人”",
                        "台账.xlsx: 活动!J2: 金额应为数字（单位：元，如 12500.50，不写“元”和千位分隔符），实际是文字“38650元”"),
                problems(Xlsx.ledger(List.of(
                        row("a1", "DC", "募捐", "2023-05-08", null, "博爱一日捐", null, null, "三十七人", "38650元")))));
    }

    @Test
    void a_missing_required_column_is_one_message_naming_the_header_expected() throws Exception {
        Xlsx xlsx = new Xlsx().sheet("单位", List.of(row("考核年度", 2023), row("单位编号", "单位名称", "单位级别"),
                        row("DC", "电厂街道", "街道")))
                .sheet("活动", List.of(row("记录编号", "单位编号", "日期", "标题", "主题"),
                        row("a1", "DC", "2023-04-13", "会", "统战工作"),
                        row("a2", "DC", "2023-04-14", "会", "统战工作")));
        assertEquals(List.of("台账.xlsx: 活动: 第 1 行表头缺少必需的列：“类别”；该行应为表头，依次是 "
                + "记录编号、单位编号、类别、日期、结束日期、标题、主题、对象、参与人数、金额（元）、关联记录、荣誉级别、组织方、说明"), problems(xlsx));
    }

    @Test
    void an_unknown_column_and_a_cell_without_header_are_errors_not_ignored() throws Exception {
        Xlsx xlsx = new Xlsx().sheet("单位", List.of(row("考核年度", 2023), row("单位编号", "单位名称", "单位级别"),
                        row("DC", "电厂街道", "街道")))
                .sheet("活动", List.of(row("记录编号", "单位编号", "类别", "日期", "标题", "主题", "备注"),
                        row("a1", "DC", "专题会议", "2023-04-13", "会", "统战工作", "已归档", null, "多余")));
        assertEquals(List.of(
                "台账.xlsx: 活动!G1: 未知的列“备注”；“活动”表的列是：记录编号、单位编号、类别、日期、结束日期、标题、主题、对象、参与人数、金额（元）、关联记录、荣誉级别、组织方、说明（多余的列请删除，内容可写入“说明”等列）",
                "台账.xlsx: 活动!I2: 这一列没有表头，内容文字“多余”无法读取；请填入已有的列，或删除"), problems(xlsx));
    }

    @Test
    void duplicate_ids_unknown_units_and_fields_a_kind_requires_are_mapped_to_their_cells() throws Exception {
        assertEquals(List.of(
                        "台账.xlsx: 活动!A3: 记录编号“a1”与第 2 行重复；每条记录的编号必须唯一",
                        "台账.xlsx: 活动!B4: 单位编号“HP”不在“单位”表中；已有单位：DC、SL",
                        "台账.xlsx: 活动!J5: 类别为“募捐（“博爱一日捐”）”的记录必须填写“金额（元）”",
                        "台账.xlsx: 活动!G6: 类别为“专题会议”的记录必须填写“主题”",
                        "台账.xlsx: 活动!K7: 关联记录“a9”不存在；应为本表中另一条记录的记录编号",
                        "台账.xlsx: 活动!K8: 关联记录应为类别“灾害”的记录，“a1”的类别是“专题会议”"),
                problems(Xlsx.ledger(List.of(
                        meeting("a1"),
                        meeting("a1"),
                        row("a3", "HP", "专题会议", "2023-04-13", null, "会", "统战工作"),
                        row("a4", "DC", "募捐", "2023-05-08", null, "博爱一日捐"),
                        row("a5", "DC", "专题会议", "2023-04-13", null, "会"),
                        row("a6", "DC", "灾害救助", "2023-08-02", null, "救灾", null, null, null, null, "a9"),
                        row("a7", "DC", "灾害救助", "2023-08-02", null, "救灾", null, null, null, null, "a1")))));
    }

    @Test
    void every_problem_of_the_workbook_is_reported_at_once_in_sheet_and_cell_order() throws Exception {
        Xlsx xlsx = new Xlsx().sheet("单位", List.of(row("考核年度", 2024), row("单位编号", "单位名称", "单位级别"),
                        row("DC", "电厂街道", "街道办"), row("DC", "松林社区", "社区")))
                .sheet("活动", List.of(row("记录编号", "单位编号", "类别", "日期", "标题", "主题"),
                        row("a1", "DC", "会议", "2023-04-13", null, "统战"),
                        row(null, "DC", "专题会议", "2023-04-31", "会", "统战工作、统战工作")))
                .sheet("Sheet1", List.of(row("草稿")));
        assertEquals(List.of(
                "台账.xlsx: Sheet1: 未知的工作表“Sheet1”有内容，不会被读取；台账只读取“单位”“活动”“情况说明”三个工作表，请把内容移入这些表或删除此工作表",
                "台账.xlsx: 单位!B1: 考核年度 2024 与规则包 dianchang-2023 的年度 2023 不符；请选用 2024 年度的规则包",
                "台账.xlsx: 单位!C3: 未知的单位级别“街道办”；是否应为“街道”？请从下拉列表选择，或填写“填写说明”表中列出的名称或代码",
                "台账.xlsx: 活动!C2: 未知的类别“会议”；是否应为“工作领导小组会议”或“专题会议”？请从下拉列表选择，或填写“填写说明”表中列出的名称或代码",
                "台账.xlsx: 活动!E2: 必填的“标题”为空",
                "台账.xlsx: 活动!F2: 未知的主题“统战”（是否应为“统战工作”或“统战领域风险隐患”？）；单元格内容是“统战”。多个主题用“、”分隔，名称见下拉列表或“填写说明”表",
                "台账.xlsx: 活动!A3: 必填的“记录编号”为空",
                "台账.xlsx: 活动!D3: “日期”日期“2023-04-31”不存在；应为真实的日期，如 2023-04-13、2023/4/13、2023.4.13、2023年4月13日 或 20230413",
                "台账.xlsx: 活动!F3: 主题“统战工作”重复；单元格内容是“统战工作、统战工作”。多个主题用“、”分隔，名称见下拉列表或“填写说明”表"),
                problems(xlsx));
    }

    @Test
    void an_empty_or_cut_off_file_is_a_located_problem_not_a_crash() throws Exception {
        for (byte[] content : new byte[][] {{}, {'P', 'K', 3, 4}}) {
            Path file = java.nio.file.Files.write(dir.resolve("空.xlsx"), content);
            InvalidSubmissionException e = assertThrows(InvalidSubmissionException.class, () -> CHECKER.read(file));
            assertEquals(List.of(file + ": " + (content.length == 0 ? "文件是空的" : "文件只有 4 个字节")
                    + "，不是 xlsx 工作簿；请用 Excel 或 WPS 重新保存为 .xlsx"),
                    e.problems().stream().map(Problem::toString).toList());
        }
    }

    @Test
    void a_missing_year_and_a_missing_sheet_are_named() throws Exception {
        assertEquals(List.of("台账.xlsx: 活动: 缺少工作表“活动”；工作表有：单位。请用 ./checker template 生成的模板填写"),
                problems(new Xlsx().sheet("单位", List.of(row("单位编号", "单位名称", "单位级别"), row("DC", "电厂街道", "街道")))));
        assertEquals(List.of("台账.xlsx: 单位!B1: 缺少考核年度：“考核年度”右侧应填写年度，如 2023"),
                problems(new Xlsx().sheet("单位", List.of(row("单位编号", "单位名称", "单位级别"), row("DC", "电厂街道", "街道")))
                        .sheet("活动", List.of(row("记录编号", "单位编号", "类别", "日期", "标题")))));
    }

    @Test
    void unit_problems_are_located_on_the_unit_sheet() throws Exception {
        Xlsx xlsx = new Xlsx().sheet("单位", List.of(row("考核年度", "2023年"), row("单位编号", "单位名称", "单位级别"),
                        row("DC", "电厂街道", "subdistrict"), row("DC", "松林社区", "社区"), row("HP", null, "街道")))
                .sheet("活动", List.of(row("记录编号", "单位编号", "类别", "日期", "标题")));
        assertEquals(List.of(
                "台账.xlsx: 单位!A4: 单位编号“DC”重复；每个单位的编号必须唯一",
                "台账.xlsx: 单位!B5: 必填的“单位名称”为空"), problems(xlsx));
        Xlsx two = new Xlsx().sheet("单位", List.of(row("考核年度", 2023), row("单位编号", "单位名称", "单位级别"),
                        row("DC", "电厂街道", "街道"), row("HP", "河畔社区", "街道")))
                .sheet("活动", List.of(row("记录编号", "单位编号", "类别", "日期", "标题")));
        assertEquals(List.of("台账.xlsx: 单位: 单位级别为“街道”的单位应有且只有一个，实际有 2 个"), problems(two));
    }
}
