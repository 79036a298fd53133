package dev.plancheck.io.ledger;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/** Builds small workbooks for tests, cell by cell, the way a user's spreadsheet program would store them. */
final class Xlsx {
    /** A number shown with a date format, as Excel stores a typed date. */
    record DateCell(LocalDate date) {
    }

    /** A formula without a cached result, as a program that does not calculate writes it. */
    record Formula(String formula) {
    }

    private final Map<String, List<List<Object>>> sheets = new LinkedHashMap<>();

    Xlsx sheet(String name, List<List<Object>> rows) {
        sheets.put(name, rows);
        return this;
    }

    /** A workbook with the 单位 sheet (year 2023, DC and SL) and the given 活动 rows under the template header. */
    static Xlsx ledger(List<List<Object>> activityRows) {
        List<List<Object>> activities = new ArrayList<>();
        activities.add(List.of("记录编号", "单位编号", "类别", "日期", "结束日期", "标题", "主题", "对象", "参与人数",
                "金额（元）", "关联记录", "荣誉级别", "说明"));
        activities.addAll(activityRows);
        return new Xlsx().sheet("单位", List.of(List.of("考核年度", 2023), List.of("单位编号", "单位名称", "单位级别"),
                List.of("DC", "电厂街道", "街道"), List.of("SL", "松林社区", "社区"))).sheet("活动", activities);
    }

    Path write(Path file) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook wb = new Workbook(out, "test", "1.0");
        for (Map.Entry<String, List<List<Object>>> e : sheets.entrySet()) {
            Worksheet ws = wb.newWorksheet(e.getKey());
            for (int r = 0; r < e.getValue().size(); r++) {
                List<Object> row = e.getValue().get(r);
                for (int c = 0; c < row.size(); c++) {
                    Object v = row.get(c);
                    if (v == null) {
                        continue;
                    }
                    if (v instanceof DateCell d) {
                        ws.value(r, c, d.date());
                        ws.style(r, c).format("yyyy-mm-dd").set();
                    } else if (v instanceof Formula f) {
                        ws.formula(r, c, f.formula());
                    } else if (v instanceof Number n) {
                        ws.value(r, c, n);
                    } else if (v instanceof Boolean b) {
                        ws.value(r, c, b);
                    } else {
                        ws.value(r, c, v.toString());
                    }
                }
            }
        }
        wb.finish();
        Files.write(file, out.toByteArray());
        return file;
    }

    /** The text of one part of an xlsx (a zip), e.g. {@code xl/worksheets/sheet3.xml}. */
    static String part(Path xlsx, String name) throws IOException {
        try (ZipFile zip = new ZipFile(xlsx.toFile())) {
            ZipEntry e = zip.getEntry(name);
            if (e == null) {
                throw new IOException("no part " + name + " in " + xlsx);
            }
            try (InputStream in = zip.getInputStream(e)) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
    }
}
