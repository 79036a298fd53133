package dev.plancheck.pack;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plancheck.json.JsonFields;
import dev.plancheck.json.JsonPaths;
import dev.plancheck.model.Rate;
import dev.plancheck.model.UnitAttribute;
import dev.plancheck.model.UnitCondition;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The optional members of a parameter file about units and rates: {@code unitAttributes} (what ledgers state of each
 * unit), {@code unitConditions} (which units a rule binds, named by {@code @appliesTo}) and {@code rates} (minimum
 * percentages). See {@code docs/parameters.md}. The maps are read-only, in the file's order.
 */
public record UnitParameters(Map<String, UnitAttribute> attributes, Map<String, UnitCondition> conditions,
                             Map<String, Rate> rates) {
    /** None of them. */
    public static final UnitParameters NONE = new UnitParameters(Map.of(), Map.of(), Map.of());

    /** The fixed columns of a spreadsheet's 单位 sheet: an attribute's name, its column header, must differ from them. */
    private static final Set<String> FIXED_COLUMNS = Set.of("考核年度", "单位编号", "单位名称", "单位级别");

    public UnitParameters {
        attributes = PackFile.readOnly(attributes);
        conditions = PackFile.readOnly(conditions);
        rates = PackFile.readOnly(rates);
    }

    static UnitParameters read(JsonFields f, JsonNode root) {
        Map<String, UnitAttribute> attributes = new LinkedHashMap<>();
        each(f, root, "unitAttributes", (id, a, path) -> {
            f.onlyKnownMembers(a, path, Set.of("name", "type", "measure", "required", "description", "$comment"));
            String name = f.text(a, path, "name", true);
            String typeCode = f.text(a, path, "type", true);
            String measure = f.text(a, path, "measure", false);
            String description = f.text(a, path, "description", true);
            JsonNode required = a.get("required");
            if (required != null && !required.isBoolean()) {
                f.report(path + ".required", "应为 true 或 false，实际是" + JsonFields.describe(required));
            }
            UnitAttribute.Type type = typeCode == null ? null : UnitAttribute.Type.fromCode(typeCode);
            if (typeCode != null && type == null) {
                f.report(path + ".type", "应为 \"number\"（数值）或 \"yesno\"（有/无），实际是 \"" + typeCode + "\"");
            }
            if (type == UnitAttribute.Type.YESNO && measure != null) {
                f.report(path + ".measure", "有/无属性没有计量单位，请删去 measure");
            }
            if (name != null && (FIXED_COLUMNS.contains(name) || attributes.values().stream().anyMatch(x -> x.name().equals(name)))) {
                f.report(path + ".name", "名称“" + name + "”已被" + (FIXED_COLUMNS.contains(name) ? "表格“单位”表的固定列" : "另一个单位属性")
                        + "使用；它是表格中的列名，必须各不相同");
                return;
            }
            if (name != null && type != null && description != null) {
                attributes.put(id, new UnitAttribute(id, name, type, measure,
                        required != null && required.asBoolean(), description));
            }
        });
        Map<String, UnitCondition> conditions = new LinkedHashMap<>();
        each(f, root, "unitConditions", (id, c, path) -> {
            f.onlyKnownMembers(c, path, Set.of("attribute", "atLeast", "below", "is", "description", "$comment"));
            String attributeId = f.text(c, path, "attribute", true);
            String description = f.text(c, path, "description", true);
            int ways = (c.has("atLeast") ? 1 : 0) + (c.has("below") ? 1 : 0) + (c.has("is") ? 1 : 0);
            if (ways != 1) {
                f.report(path, "条件应给出 atLeast（不少于）、below（少于）或 is（有/无）三者之一");
                return;
            }
            UnitAttribute attribute = attributeId == null ? null : attributes.get(attributeId);
            if (attributeId != null && attribute == null) {
                f.report(path + ".attribute", "属性 \"" + attributeId + "\" 不在 unitAttributes 中；已定义："
                        + (attributes.isEmpty() ? "（无）" : String.join("、", attributes.keySet())));
                return;
            }
            if (attribute == null || description == null) {
                return;
            }
            if (c.has("is")) {
                if (attribute.type() != UnitAttribute.Type.YESNO) {
                    f.report(path + ".is", "属性 \"" + attributeId + "\" 是数值，请用 atLeast 或 below");
                } else if (!c.get("is").isBoolean()) {
                    f.report(path + ".is", "应为 true（有）或 false（无），实际是" + JsonFields.describe(c.get("is")));
                } else {
                    conditions.put(id, new UnitCondition(id, attribute, null, null, c.get("is").asBoolean(), description));
                }
                return;
            }
            String member = c.has("atLeast") ? "atLeast" : "below";
            JsonNode v = c.get(member);
            if (attribute.type() != UnitAttribute.Type.NUMBER) {
                f.report(path + "." + member, "属性 \"" + attributeId + "\" 是有/无，请用 is（true 或 false）");
            } else if (!v.isNumber() || v.decimalValue().signum() < 0) {
                f.report(path + "." + member, "应为不小于 0 的数，实际是" + JsonFields.describe(v));
            } else {
                BigDecimal n = v.decimalValue();
                conditions.put(id, new UnitCondition(id, attribute, member.equals("atLeast") ? n : null,
                        member.equals("below") ? n : null, null, description));
            }
        });
        Map<String, Rate> rates = new LinkedHashMap<>();
        each(f, root, "rates", (id, r, path) -> {
            f.onlyKnownMembers(r, path, Set.of("min", "description", "$comment"));
            String description = f.text(r, path, "description", true);
            JsonNode min = r.get("min");
            if (min == null || min.isNull()) {
                f.report(path, "缺少必填字段 \"min\"（应为百分数，如 80 表示 80%）");
                return;
            }
            if (!min.isNumber() || min.decimalValue().signum() <= 0 || min.decimalValue().compareTo(BigDecimal.valueOf(100)) > 0
                    || min.decimalValue().stripTrailingZeros().scale() > 1) {
                f.report(path + ".min", "应为大于 0、不超过 100 的百分数，至多一位小数（如 80 或 66.7），实际是" + JsonFields.describe(min));
                return;
            }
            if (description != null) {
                rates.put(id, new Rate(id, min.decimalValue(), description));
            }
        });
        return new UnitParameters(attributes, conditions, rates);
    }

    private interface Entry {
        void read(String id, JsonNode value, String path);
    }

    /** Each member of the optional object {@code member} of the root, which must be an object. */
    private static void each(JsonFields f, JsonNode root, String member, Entry entry) {
        JsonNode object = f.object(root, "$", member, false);
        if (object == null) {
            return;
        }
        for (Map.Entry<String, JsonNode> e : JsonFields.members(object)) {
            String path = JsonPaths.child("$." + member, e.getKey());
            if (!e.getValue().isObject()) {
                f.report(path, "应为一个对象 {…}，实际是" + JsonFields.describe(e.getValue()));
                continue;
            }
            entry.read(e.getKey(), e.getValue(), path);
        }
    }
}
