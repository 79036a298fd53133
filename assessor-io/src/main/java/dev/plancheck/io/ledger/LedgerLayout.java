package dev.plancheck.io.ledger;

import java.util.List;

/**
 * The sheets and columns of a spreadsheet ledger, shared by the template, the readers and the writer so that what
 * is written is what is read. Headers are matched after {@link #headerKey} (spaces, {@code *} and a bracketed note
 * such as {@code （元）} are ignored).
 */
final class LedgerLayout {
    private LedgerLayout() {
    }

    static final String GUIDE_SHEET = "填写说明";
    static final String UNITS_SHEET = "单位";
    static final String ACTIVITIES_SHEET = "活动";
    static final String WAIVERS_SHEET = "情况说明";
    static final String LISTS_SHEET = "选项";

    /** The label in column A of the year row of the 单位 sheet (and of the CSV year line); the year is in column B. */
    static final String YEAR_LABEL = "考核年度";

    /** How a column's cells are read. */
    enum Type { TEXT, DATE, INTEGER, AMOUNT, CODE, CODES, ATTRIBUTE }

    /** The field of the column of a unit attribute: {@code attributes.residents}, as the validator's paths end. */
    static final String ATTRIBUTE_FIELD = "attributes.";

    /**
     * One column.
     *
     * @param header   the header as written in the template
     * @param field    the JSON field it fills, e.g. {@code topics}
     * @param type     how its cells are read
     * @param required whether the column must be present (and its cells filled)
     * @param width    column width in the template, in Excel's units (the 活动 sheet prints two A4 pages across)
     * @param meaning  what it holds, for the 填写说明 sheet
     */
    record Column(String header, String field, Type type, boolean required, double width, String meaning) {
        String key() {
            return headerKey(header);
        }
    }

    static final List<Column> UNIT_COLUMNS = List.of(
            new Column("单位编号", "id", Type.TEXT, true, 12, "单位的简短编号，如 DC；活动表的“单位编号”列引用它，不能重复"),
            new Column("单位名称", "name", Type.TEXT, true, 20, "单位全称，如 电厂街道、松林社区；报告中显示"),
            new Column("单位级别", "level", Type.CODE, true, 12, "街道 或 社区（也可写 subdistrict、community）；有且只有一个街道"));

    /**
     * The columns of the 单位 sheet for a pack: the three above, then one per unit attribute the pack declares, headed
     * by its name and measure ({@code 常住人口（人）}), in the parameter file's order.
     */
    /** The widest an attribute column gets: 常住人口（人） on one line, longer headers on two. */
    static final int ATTRIBUTE_WIDTH = 16;

    static List<Column> unitColumns(java.util.Map<String, dev.plancheck.model.UnitAttribute> attributes) {
        List<Column> out = new java.util.ArrayList<>(UNIT_COLUMNS);
        for (dev.plancheck.model.UnitAttribute a : attributes.values()) {
            // Wide enough for a short header on one line (a Chinese character takes about two of Excel's width units);
            // a longer one wraps in its cell, so that four or five attributes still print one page across.
            out.add(new Column(a.header(), ATTRIBUTE_FIELD + a.id(), Type.ATTRIBUTE, false,
                    Math.min(ATTRIBUTE_WIDTH, Math.max(12, 2 * a.header().length() + 2)),
                    a.description()
                    + (a.type() == dev.plancheck.model.UnitAttribute.Type.YESNO ? "填 有 或 无（也可填 是、否）" : "填不小于 0 的数")
                    + (a.required() ? "；各社区必填，街道可不填" : "；可不填")));
        }
        return List.copyOf(out);
    }

    static final List<Column> ACTIVITY_COLUMNS = List.of(
            new Column("记录编号", "id", Type.TEXT, true, 10, "每条记录唯一的编号，如 DC-024；报告引用记录时使用"),
            new Column("单位编号", "unit", Type.TEXT, true, 7, "开展活动的单位，填“单位”表中的单位编号"),
            new Column("类别", "kind", Type.CODE, true, 20, "记录类别：从下拉列表选择中文名称，或填写类别代码（见下方类别表）"),
            new Column("日期", "date", Type.DATE, true, 11, "活动日期；多日活动填第一天"),
            new Column("结束日期", "endDate", Type.DATE, false, 11, "多日活动的最后一天，不早于日期；单日活动留空"),
            new Column("标题", "title", Type.TEXT, true, 32, "活动名称，报告中显示"),
            new Column("主题", "topics", Type.CODES, false, 18, "活动涉及的主题（议题），可填多个，用“、”分隔；多数类别必填"),
            new Column("对象", "groups", Type.CODES, false, 14, "活动面向的对象，可填多个，用“、”分隔；走访、培训、服务等类别必填"),
            new Column("参与人数", "participants", Type.INTEGER, false, 6, "整数，不填也可以；活动类记录填 0 视为没有开展"),
            new Column("金额（元）", "amount", Type.AMOUNT, false, 9, "募捐和募捐款使用必填：数字，单位元，最多两位小数，不要写“元”"),
            new Column("关联记录", "relatesTo", Type.TEXT, false, 9, "灾害救助必填：所救助的灾害记录的记录编号"),
            new Column("荣誉级别", "honourLevel", Type.CODE, false, 9, "荣誉命名必填：国家级、自治区级、市级、区（旗县）级"),
            new Column("组织方", "organiser", Type.CODE, false, 14, "由哪个群团组织开展：计入工会、团委、妇联、红十字会的职责须填；只由一个组织开展的类别可不填（见类别表）"),
            new Column("说明", "description", Type.TEXT, false, 16, "补充说明，供审核人员参考，不参与检查"));

    static final List<Column> WAIVER_COLUMNS = List.of(
            new Column("规则编号", "rule", Type.TEXT, true, 12, "被说明的规则，如 R8-3（见检查报告或 docs/rules.md）"),
            new Column("单位编号", "unit", Type.TEXT, true, 10, "缺项所在单位的单位编号"),
            new Column("理由", "reason", Type.TEXT, true, 50, "未落实的原因，如 上级通知取消集中活动；必填"),
            new Column("认可人", "acceptedBy", Type.TEXT, false, 12, "认可该说明的审核人员"),
            new Column("有效期至", "expires", Type.DATE, false, 12, "说明适用的最后一天；不填则一直有效"));

    /** The column letter of a 0-based index: 0 → A, 26 → AA. */
    static String letter(int column) {
        StringBuilder sb = new StringBuilder();
        int c = column + 1;
        while (c > 0) {
            int r = (c - 1) % 26;
            sb.insert(0, (char) ('A' + r));
            c = (c - 1) / 26;
        }
        return sb.toString();
    }

    /** A header as matched: no spaces, no {@code *}, no bracketed note. */
    static String headerKey(String header) {
        return header.replaceAll("[（(][^）)]*[）)]", "").replaceAll("[\\s\\u3000*＊]", "");
    }
}
