package dev.plancheck.input;

import dev.plancheck.model.Activity;
import dev.plancheck.model.OrgUnit;
import dev.plancheck.model.UnitLevel;
import dev.plancheck.pack.Vocabulary;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The checks of a submission that concern meaning rather than JSON shape: the year, the units, unique ids, known
 * kinds, topics and groups, fields a kind requires, and references between records. Shared by submissions read
 * from JSON and submissions built in code, so both are held to the same vocabulary.
 */
public final class SubmissionValidator {
    /** A problem at a JSON path of the submission, e.g. {@code $.activities[3].kind}. */
    public record PathProblem(String path, String message) {
    }

    /** An activity and its index in the submission's {@code activities} array. */
    public record Indexed(int index, Activity activity) {
    }

    /** The id and kind of a record at an index, known even when the rest of the record could not be read. */
    public record IdEntry(int index, String id, String kind) {
    }

    private final Vocabulary vocabulary;
    private final int packYear;
    private final String packId;

    public SubmissionValidator(Vocabulary vocabulary, int packYear, String packId) {
        this.vocabulary = vocabulary;
        this.packYear = packYear;
        this.packId = packId;
    }

    /**
     * Validates the parts of a submission that could be read.
     *
     * @param year        the submission's year, or {@code null} when it could not be read
     * @param units       units with their index in {@code units}; {@code null} entries could not be read
     * @param activities  activities that could be read, with their index
     * @param ids         the id and kind of every record that had an id, including those that could not be read,
     *                    so that duplicate ids are always found and a reference to a broken record is not
     *                    reported twice
     */
    public List<PathProblem> validate(Integer year, List<OrgUnit> units, List<Indexed> activities, List<IdEntry> ids) {
        List<PathProblem> out = new ArrayList<>();
        if (year != null && year != packYear) {
            out.add(new PathProblem("$.year", "考核年度 " + year + " 与规则包 " + packId + " 的年度 " + packYear
                    + " 不符；请选用 " + year + " 年度的规则包"));
        }
        Map<String, OrgUnit> unitsById = new HashMap<>();
        int subdistricts = 0;
        for (int i = 0; i < units.size(); i++) {
            OrgUnit u = units.get(i);
            if (u == null) {
                continue;
            }
            if (unitsById.putIfAbsent(u.getId(), u) != null) {
                out.add(new PathProblem("$.units[" + i + "].id", "单位 id \"" + u.getId() + "\" 重复；每个单位的 id 必须唯一"));
            }
            if (u.getLevel() == UnitLevel.SUBDISTRICT) {
                subdistricts++;
            }
        }
        if (subdistricts != 1 && units.stream().allMatch(u -> u != null)) {
            out.add(new PathProblem("$.units", "应有且只有一个 level 为 \"subdistrict\" 的单位（街道），实际有 " + subdistricts + " 个"));
        }
        Map<String, Integer> firstIndex = new HashMap<>();
        Map<String, String> kindsById = new HashMap<>();
        for (IdEntry entry : ids) {
            Integer earlier = firstIndex.putIfAbsent(entry.id(), entry.index());
            if (earlier != null) {
                out.add(new PathProblem("$.activities[" + entry.index() + "].id", "记录 id \"" + entry.id()
                        + "\" 与 $.activities[" + earlier + "] 重复；每条记录的 id 必须唯一"));
            } else {
                kindsById.put(entry.id(), entry.kind());
            }
        }
        for (Indexed entry : activities) {
            Activity a = entry.activity();
            String at = "$.activities[" + entry.index() + "]";
            if (!unitsById.containsKey(a.getUnitId()) && units.stream().allMatch(u -> u != null)) {
                out.add(new PathProblem(at + ".unit", "单位 \"" + a.getUnitId() + "\" 不在 units 中；已有单位："
                        + String.join("、", unitsById.keySet().stream().sorted().toList())));
            }
            Vocabulary.Kind kind = vocabulary.kinds().get(a.getKind());
            if (kind == null) {
                out.add(new PathProblem(at + ".kind", "未知的记录类别 \"" + a.getKind() + "\"；"
                        + suggest(a.getKind(), vocabulary.kinds().keySet()) + "（类别表见 docs/input-format.md）"));
            }
            checkCodes(out, at + ".topics", a.getTopics(), vocabulary.topics(), "议题");
            checkCodes(out, at + ".groups", a.getGroups(), vocabulary.groups(), "对象");
            if (a.getHonourLevel() != null && !vocabulary.honourLevels().containsKey(a.getHonourLevel())) {
                out.add(new PathProblem(at + ".honourLevel", "未知的荣誉级别 \"" + a.getHonourLevel() + "\"；可用："
                        + String.join("、", vocabulary.honourLevels().keySet())));
            }
            if (a.getEndDate() != null && a.getEndDate().isBefore(a.getDate())) {
                out.add(new PathProblem(at + ".endDate", "结束日期 " + a.getEndDate() + " 早于开始日期 " + a.getDate()));
            }
            if (a.getAmount() != null && (a.getAmount().signum() < 0 || a.getAmount().stripTrailingZeros().scale() > 2)) {
                out.add(new PathProblem(at + ".amount", "金额应为不小于 0、最多两位小数的数字（单位：元），实际是 " + a.getAmount().toPlainString()));
            }
            if (a.getParticipants() != null && a.getParticipants() < 0) {
                out.add(new PathProblem(at + ".participants", "参与人数不能为负数"));
            }
            if (kind != null) {
                for (String field : kind.requires()) {
                    if (missing(a, field)) {
                        out.add(new PathProblem(at, "类别 \"" + a.getKind() + "\"（" + kind.name() + "）的记录必须有字段 \"" + field + "\""));
                    }
                }
            }
            if (a.getRelatesTo() != null) {
                String target = kindsById.get(a.getRelatesTo());
                if (target == null) {
                    out.add(new PathProblem(at + ".relatesTo", "relatesTo 指向的记录 \"" + a.getRelatesTo() + "\" 不存在"));
                } else if (kind != null && kind.relatesToKind() != null && !kind.relatesToKind().equals(target)) {
                    out.add(new PathProblem(at + ".relatesTo", "relatesTo 应指向类别为 \"" + kind.relatesToKind()
                            + "\" 的记录，\"" + a.getRelatesTo() + "\" 的类别是 \"" + target + "\""));
                } else if (a.getRelatesTo().equals(a.getId())) {
                    out.add(new PathProblem(at + ".relatesTo", "记录不能指向自己"));
                }
            }
        }
        return out;
    }

    private static boolean missing(Activity a, String field) {
        return switch (field) {
            case "topics" -> a.getTopics().isEmpty();
            case "groups" -> a.getGroups().isEmpty();
            case "amount" -> a.getAmount() == null;
            case "relatesTo" -> a.getRelatesTo() == null;
            case "honourLevel" -> a.getHonourLevel() == null;
            case "participants" -> a.getParticipants() == null;
            case "endDate" -> a.getEndDate() == null;
            default -> false;
        };
    }

    private static void checkCodes(List<PathProblem> out, String path, Set<String> codes, Map<String, String> known,
                                   String what) {
        for (String c : codes.stream().sorted().toList()) {
            if (!known.containsKey(c)) {
                out.add(new PathProblem(path, "未知的" + what + "代码 \"" + c + "\"；" + suggest(c, known.keySet())));
            }
        }
    }

    /** Names the closest known code, or lists them all when there are few. */
    static String suggest(String wrong, Set<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String k : known) {
            int d = distance(wrong.toLowerCase(), k);
            if (d < bestDistance) {
                bestDistance = d;
                best = k;
            }
        }
        if (best != null && bestDistance <= Math.max(2, wrong.length() / 3)) {
            return "是否应为 \"" + best + "\"？";
        }
        return "可用：" + String.join("、", known.stream().sorted().toList());
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
