package dev.plancheck.catalogue;

import dev.plancheck.pack.PackLoader;
import dev.plancheck.pack.LoadedPack;
import dev.plancheck.report.PartResult;
import dev.plancheck.report.RuleInfo;
import dev.plancheck.RulePack;
import dev.plancheck.report.Scope;
import dev.plancheck.engine.Evaluation;
import dev.plancheck.model.Deadline;
import dev.plancheck.model.Quota;
import dev.plancheck.model.Rate;
import dev.plancheck.model.UnitAttribute;
import dev.plancheck.model.UnitCondition;
import dev.plancheck.pack.ClauseBook;
import dev.plancheck.pack.DrlText;
import dev.plancheck.pack.DutyEvidence;
import dev.plancheck.pack.NodeDef;
import dev.plancheck.pack.PackFile;
import dev.plancheck.pack.PeriodDef;
import dev.plancheck.pack.SpanLimit;
import dev.plancheck.calendar.Series;
import dev.plancheck.model.DateRange;
import java.time.LocalDate;
import dev.plancheck.pack.UnitParameters;
import dev.plancheck.model.Vocabulary;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Writes the rule catalogue as Markdown: an index, one entry per rule (clause and original sentence, scope,
 * severity, what counts as evidence, the kinds of record each duty accepts, the requirements with their periods and
 * quotas), the pack's parameters and the vocabulary submissions may use (with the activity kinds, the kinds one body
 * organises and the topics that imply broader ones).
 * The committed {@code docs/rules.md} is this output for the default pack; a test keeps it current.
 */
public final class CatalogueWriter {
    private CatalogueWriter() {
    }

    /** The catalogue as Markdown. */
    public static String markdown(Catalogue catalogue) {
        RulePack pack = catalogue.pack();
        LoadedPack contents = PackLoader.reload(pack.origin());
        PackFile params = contents.parameters();
        ClauseBook clauses = contents.ruleSet().clauses();
        Vocabulary vocabulary = pack.vocabulary();
        Map<String, List<DutyEvidence.Duty>> duties = DutyEvidence.of(pack.ruleFiles());
        StringBuilder md = new StringBuilder();
        md.append("# 规则目录：").append(pack.title()).append("（").append(pack.id()).append("）\n\n");
        md.append("<!-- 由 `./checker rules --pack ").append(pack.id())
                .append("` 从规则元数据和规则包参数生成，请勿手工编辑；CatalogueTest 在它与规则不一致时失败。 -->\n\n");
        md.append("考核年度 ").append(pack.year()).append(" 年，共 ").append(catalogue.entries().size())
                .append(" 条规则，依据").append(clauses.document()).append("（原文见 `").append(clauses.source()).append("`）。")
                .append("每条规则对一个单位给出一个状态：已落实（MET）、缺项（GAP）、未到期（NOT_DUE）或不适用（NOT_APPLICABLE）。")
                .append("“要求”一栏由规则在空台账上实际运行得出，时段和数量取自规则包参数（见文末）。\n\n");

        md.append("| 规则 | 条款 | 标题 | 范围 | 严重程度 |\n|---|---|---|---|---|\n");
        for (Catalogue.Entry e : catalogue.entries()) {
            RuleInfo r = e.rule();
            md.append("| [").append(r.id()).append("](#").append(anchor(r.id())).append(") | ").append(r.clause())
                    .append(" | ").append(r.title()).append(" | ").append(r.scope().chineseName()).append(" | ")
                    .append(r.severity().chineseName()).append(" |\n");
        }

        String section = null;
        for (Catalogue.Entry e : catalogue.entries()) {
            RuleInfo r = e.rule();
            ClauseBook.Clause clause = clauses.get(r.clause());
            if (!clause.section().equals(section)) {
                section = clause.section();
                md.append("\n## ").append(section).append("\n");
            }
            md.append("\n### ").append(r.id()).append("\n\n");
            md.append("**").append(r.title()).append("**\n\n");
            md.append("- 条款：").append(r.clause()).append("\n");
            md.append("- 原文：").append(r.sentence()).append("\n");
            md.append("- 范围：").append(r.scope() == Scope.SUBDISTRICT ? "街道（整体负责）" : "各社区（每个社区分别落实）").append("\n");
            md.append("- 严重程度：").append(r.severity().chineseName()).append("\n");
            md.append("- 证据：").append(r.evidence()).append("\n");
            List<DutyEvidence.Duty> accepted = duties.getOrDefault(r.id(), List.of());
            if (!accepted.isEmpty()) {
                md.append("- 计入的记录类别：\n");
                for (DutyEvidence.Duty d : accepted) {
                    md.append("  - ").append(d.what()).append("：").append(accepts(d, vocabulary)).append("\n");
                }
            }
            String trigger = r.conditional() ? "“" + pack.vocabulary().nameOf(r.trigger()) + "”记录（kind 为 " + r.trigger() + "）" : null;
            if (r.conditional()) {
                md.append("- 适用条件：有").append(trigger).append(switch (Gate.of(pack.ruleFiles().get(r.file()), r.id())) {
                    case EACH_RECORD -> "时适用，每条记录分别检查";
                    case EXISTS -> "且满足规则所列条件时适用，不论这样的记录有几条，只检查一次";
                    case OTHER -> "并满足规则所列条件时适用";
                }).append("；没有则为“不适用”\n");
            }
            if (r.appliesTo() != null) {
                UnitCondition c = params.units().conditions().get(r.appliesTo());
                String who = r.scope() == Scope.SUBDISTRICT ? "街道" : "社区";
                md.append("- 适用于：").append(c == null ? "（未定义的条件）" : c.words()).append("的").append(who)
                        .append("（条件参数 `").append(r.appliesTo()).append("`）；其他").append(who)
                        .append("为“不适用”，并写明其填报数；未填写该属性的").append(who).append("照常检查\n");
            }
            if (e.requirements().isEmpty()) {
                // The catalogue runs the rules on one sample trigger record that has only a kind; a gate asking more
                // (a topic, a unit) is not met by it. Say so rather than print a bare heading.
                md.append("- 要求：目录用一条只有类别的示例").append(trigger == null ? "记录" : trigger)
                        .append("运行规则时，规则没有给出要求（其适用条件还要求示例记录没有的内容，如议题或单位）；")
                        .append("适用时的要求见规则文件\n");
            } else {
                md.append("- 要求：\n");
                for (PartResult p : e.requirements()) {
                    md.append("  - ").append(requirement(p, contents, pack)).append("\n");
                }
            }
            md.append("- 规则文件：`").append(r.file()).append("`\n");
        }

        manualChecks(md, clauses);
        md.append("\n## 规则包参数\n\n");
        md.append("取自 `").append(pack.id()).append(".json`。规则只按 id 引用这些参数，自身不含日期或数字；换一年只需换参数文件。\n");
        md.append("\n### 节点日\n\n| id | 名称 | 确定方式 | ").append(pack.year()).append(" 年 | 说明 |\n|---|---|---|---|---|\n");
        for (NodeDef n : params.nodes().values()) {
            md.append("| `").append(n.id()).append("` | ").append(n.day().name()).append(" | ").append(n.day().rule())
                    .append(" | ").append(n.day().dateIn(pack.year())).append(" | ").append(n.description()).append(" |\n");
        }
        md.append("\n### 时段\n\n| id | 名称 | 定义 | ").append(pack.year()).append(" 年的日期 | 说明 |\n|---|---|---|---|---|\n");
        for (PeriodDef p : params.periods().values()) {
            md.append("| `").append(p.id()).append("` | ").append(p.name()).append(" | ").append(p.describe())
                    .append(p.series() == null ? "" : "（系列 `" + p.series() + "`）").append(" | ")
                    .append(p.every() == null ? days(p.in(pack.year()).getRanges(), pack.year())
                            : p.periodsIn(pack.year()).stream().map(g -> "`" + g.getId() + "` " + g.getName() + "："
                            + days(g.getRanges(), pack.year())).collect(Collectors.joining("；")))
                    .append(" | ").append(p.description()).append(" |\n");
        }
        md.append("\n### 数量\n\n| id | 至少 | 说明 |\n|---|---|---|\n");
        for (Quota q : params.quotas().values()) {
            md.append("| `").append(q.getId()).append("` | ").append(q.getMin()).append(" | ").append(q.getDescription()).append(" |\n");
        }
        md.append("\n### 期限\n\n| id | 天数 | 说明 |\n|---|---|---|\n");
        for (Deadline d : params.deadlines().values()) {
            md.append("| `").append(d.getId()).append("` | ").append(d.isInWorkingDays() ? d.length() : String.valueOf(d.getDays()))
                    .append(" | ").append(d.getDescription()).append(" |\n");
        }
        workingCalendar(md, params);
        unitParameters(md, params);
        md.append("\n### 跨日活动\n\n");
        SpanLimit span = params.longestSpan();
        if (span == null) {
            md.append("未设 `longestSpan`：多日活动只在开始日所在的时段计入。\n");
        } else {
            md.append("| 参数 | 天数 | 说明 |\n|---|---|---|\n| `longestSpan` | ").append(span.days()).append(" | ")
                    .append(span.description()).append(" |\n");
        }
        md.append("\n“即将到期”默认向后看 ").append(params.comingDueDays()).append(" 天（`comingDueDays`）。\n");
        vocabulary(md, pack.vocabulary());
        return md.toString();
    }

    /**
     * The sentences no ledger can prove, clause by clause, with what the assessor looks at: they have no rule, so
     * without this list the catalogue would not show that the pack knows them.
     */
    private static void manualChecks(StringBuilder md, ClauseBook clauses) {
        List<ClauseBook.Clause> with = clauses.clauses().values().stream().filter(c -> !c.manual().isEmpty()).toList();
        if (with.isEmpty()) {
            return;
        }
        int count = with.stream().mapToInt(c -> c.manual().size()).sum();
        md.append("\n## 人工核验\n\n");
        md.append("以下 ").append(count).append(" 句台账无法证明，没有规则检查，由评估人员人工核验（`clauses.json` 中各条的 `manual`）。")
                .append("每份报告在“人工核验”中把它们列出一次（不按单位重复），写明条款、原句和要查看什么，留出打勾的位置；")
                .append("报告不判定它们，也不把它们计入结论和各状态的条数。\n");
        for (ClauseBook.Clause c : with) {
            md.append("\n### ").append(c.id()).append("（").append(c.section()).append("）\n\n");
            for (ClauseBook.Manual m : c.manual()) {
                md.append("- 原文：").append(m.sentence()).append("\n  - 人工核验：").append(m.check()).append("\n");
            }
        }
    }

    /** How a conditional rule's trigger is written: bound (a duty per record), under {@code exists} (once), or otherwise. */
    private enum Gate {
        EACH_RECORD, EXISTS, OTHER;

        static Gate of(String drl, String ruleId) {
            if (drl == null) {
                return OTHER;
            }
            for (DrlText.Rule rule : DrlText.rules(drl)) {
                if (!rule.id().equals(ruleId)) {
                    continue;
                }
                List<DrlText.FactPattern> activities = DrlText.topLevelPatterns(drl, rule).stream()
                        .filter(p -> p.type().equals("Activity")).toList();
                if (activities.stream().anyMatch(p -> p.binding() != null && p.quantifier() == null)) {
                    return EACH_RECORD;
                }
                if (activities.stream().anyMatch(p -> "exists".equals(p.quantifier()))) {
                    return EXISTS;
                }
            }
            return OTHER;
        }
    }

    private static void vocabulary(StringBuilder md, Vocabulary v) {
        md.append("\n## 提交用语\n\n");
        md.append("提交文件中 `kind`、`topics`、`groups`、`honourLevel`、`organiser` 只能使用下列代码（取自规则集的 `vocabulary.json`，")
                .append("`docs/submission.schema.json` 列出同样的代码）。哪条规则采用哪些代码，见上文各条规则的“证据”。\n");
        md.append("\n### 记录类别（kind）\n\n")
                .append("“活动”：有人参加、开展的活动（会议、学习、主题活动、走访……），要求“开展活动”的职责只计这些类别，")
                .append("参加人数为 0 的不算开展；其余是文书或工作记录（计划、通知、统计、排查……）。")
                .append("“组织方”：该类别只由这一组织开展，记录未填组织方时即按其计。\n\n")
                .append("| 代码 | 名称 | 必填字段 | 活动 | 组织方 |\n|---|---|---|---|---|\n");
        for (Vocabulary.Kind k : v.kinds().values()) {
            String required = k.requires().isEmpty() ? "—" : k.requires().stream().map(f -> "`" + f + "`").collect(Collectors.joining("、"));
            if (k.relatesToKind() != null) {
                required += "（relatesTo 指向 `" + k.relatesToKind() + "` 记录）";
            }
            md.append("| `").append(k.code()).append("` | ").append(k.name()).append(" | ").append(required).append(" | ")
                    .append(k.activity() ? "活动" : "—").append(" | ")
                    .append(k.organiser() == null ? "—" : v.nameOf(k.organiser()) + "（`" + k.organiser() + "`）").append(" |\n");
        }
        md.append("\n### 议题（topics）\n\n")
                .append("“也算作”：关于这一议题的记录，也是关于所列更宽议题的记录（如铸牢中华民族共同体意识的专题会议也是研究民族工作的专题会议）；")
                .append("判断两条记录是否同一活动时只看填写的议题。\n\n| 代码 | 名称 | 也算作 |\n|---|---|---|\n");
        v.topics().forEach((code, name) -> md.append("| `").append(code).append("` | ").append(name).append(" | ")
                .append(v.implications().containsKey(code) ? v.implications().get(code).stream()
                        .map(t -> v.nameOf(t) + "（`" + t + "`）").collect(Collectors.joining("、")) : "—").append(" |\n"));
        table(md, "对象（groups）", v.groups());
        table(md, "荣誉级别（honourLevel）", v.honourLevels());
        if (!v.organisers().isEmpty()) {
            table(md, "组织单位（organiser）", v.organisers());
        }
    }

    /** What one duty counts: its kinds (with organiser), or, for {@code notExceeding…}, what is used against what. */
    private static String accepts(DutyEvidence.Duty d, Vocabulary v) {
        if (d.verb().startsWith("notExceeding") && d.sources().size() == 2) {
            return "使用：" + source(d.sources().get(0), false, v) + "，不论由谁登记；对照：" + source(d.sources().get(1), false, v)
                    + "，不论由谁登记";
        }
        List<String> out = new ArrayList<>();
        d.sources().forEach(s -> out.add(source(s, d.activitiesOnly(), v)));
        String text = String.join("；", new LinkedHashSet<>(out));
        return d.activitiesOnly() ? text + "；方案、通知、统计等其他类别只提示、不计入" : text;
    }

    private static String source(DutyEvidence.Source s, boolean activitiesOnly, Vocabulary v) {
        String kinds;
        if (s.kinds().isEmpty()) {
            kinds = activitiesOnly
                    ? "活动类记录（" + v.activityKinds().stream().map(Vocabulary.Kind::name).collect(Collectors.joining("、")) + "）"
                    : "任何类别";
        } else {
            kinds = s.kinds().stream().sorted().filter(k -> !activitiesOnly || v.kinds().containsKey(k) && v.kinds().get(k).activity())
                    .map(k -> v.nameOf(k) + "（`" + k + "`）").collect(Collectors.joining("、"));
        }
        if (s.organiser() == null) {
            return kinds;
        }
        Set<String> implied = new LinkedHashSet<>();
        s.kinds().forEach(k -> {
            Vocabulary.Kind kind = v.kinds().get(k);
            if (kind != null && s.organiser().equals(kind.organiser())) {
                implied.add(k);
            }
        });
        return kinds + "，组织方为" + v.nameOf(s.organiser()) + "（`" + s.organiser() + "`"
                + (!implied.isEmpty() && implied.size() == s.kinds().size() ? "；该类别未填组织方即按其计" : "") + "）";
    }

    private static void table(StringBuilder md, String heading, java.util.Map<String, String> codes) {
        md.append("\n### ").append(heading).append("\n\n| 代码 | 名称 |\n|---|---|\n");
        codes.forEach((code, name) -> md.append("| `").append(code).append("` | ").append(name).append(" |\n"));
    }

    /** The years of the working-day calendar and their notices, shown only when a deadline counts working days. */
    private static void workingCalendar(StringBuilder md, PackFile params) {
        params.deadlines().values().stream().filter(Deadline::isInWorkingDays).findFirst().ifPresent(d -> {
            md.append("\n### 工作日历\n\n按工作日计算的期限使用以下各年的放假日和调休上班日（随库附带的数据，或参数文件 `calendar` 中的数据）。\n\n")
                    .append("| 年份 | 通知 | 来源 | 工作日数 |\n|---|---|---|---|\n");
            d.calendar().years().values().forEach(y -> md.append("| ").append(y.year()).append(" | ").append(y.notice()).append(" | ")
                    .append(y.source() == null ? "（未给出）" : y.source()).append(" | ").append(d.calendar().workingDaysIn(y.year())).append(" |\n"));
        });
    }

    /** The unit attributes, conditions and rates of a pack that declares any (docs/parameters.md). */
    private static void unitParameters(StringBuilder md, PackFile params) {
        UnitParameters u = params.units();
        if (!u.attributes().isEmpty()) {
            md.append("\n### 单位属性\n\n台账中每个单位填报（JSON 的 `attributes`，表格“单位”表的同名列）。\n\n")
                    .append("| id | 名称 | 类型 | 计量单位 | 必填 | 说明 |\n|---|---|---|---|---|---|\n");
            for (UnitAttribute a : u.attributes().values()) {
                md.append("| `").append(a.id()).append("` | ").append(a.name()).append(" | ").append(a.type().chineseName())
                        .append(" | ").append(a.measure() == null ? "—" : a.measure()).append(" | ").append(a.required() ? "社区必填" : "可不填")
                        .append(" | ").append(a.description()).append(" |\n");
            }
        }
        if (!u.conditions().isEmpty()) {
            md.append("\n### 适用条件\n\n规则以 `@appliesTo(\"id\")` 只约束满足条件的单位。\n\n| id | 条件 | 说明 |\n|---|---|---|\n");
            for (UnitCondition c : u.conditions().values()) {
                md.append("| `").append(c.id()).append("` | ").append(c.words()).append(" | ").append(c.description()).append(" |\n");
            }
        }
        if (!u.rates().isEmpty()) {
            md.append("\n### 比率\n\n| id | 不低于 | 说明 |\n|---|---|---|\n");
            for (Rate r : u.rates().values()) {
                md.append("| `").append(r.getId()).append("` | ").append(r.getMin().toPlainString()).append("% | ")
                        .append(r.getDescription()).append(" |\n");
            }
        }
    }

    /** How {@code findings.shareAtLeast} states its rate: {@code …内有记录的社区不少于 80%}. */
    private static final String SHARE = "内有记录的社区不少于 ";

    /** How the sum verbs' expected text states the sum: {@code …内累计至少 200 人次}. */
    private static final String SUM = "内累计至少 ";

    /**
     * The days of a period, and when it ends after the year, that day in words and whose duty it is:
     * {@code 2023-12-31 至 2024-01-05，次年 01-05 前，2023 年度职责}.
     */
    private static String days(List<DateRange> ranges, int year) {
        String days = ranges.stream().map(Object::toString).collect(Collectors.joining("、"));
        LocalDate last = ranges.get(ranges.size() - 1).to();
        return last.getYear() > year ? days + "，" + Series.dayInWords(last, year) + " 前，" + year + " 年度职责" : days;
    }

    private static String requirement(PartResult p, LoadedPack contents, RulePack pack) {
        PackFile params = contents.parameters();
        if (p.periodId() == null) {
            return p.expected().replaceAll("（募集 .*）$", "") + (p.quotaId() == null ? "" : "（比率参数 `" + p.quotaId() + "`）");
        }
        StringBuilder s = new StringBuilder(p.what()).append("：");
        PeriodDef def = contents.periodDef(p.periodId());
        if (def != null && def.every() != null) {
            // One period of a series declared once: its own name (1 月，次月 5 日前报送) and the series' parameter.
            s.append(p.periodName()).append("（").append(days(p.days(), pack.year())).append("；系列参数 `").append(def.id())
                    .append("`）");
        } else if (def != null) {
            s.append(def.name()).append("（").append(days(p.days(), pack.year()))
                    .append("；时段参数 `").append(def.id()).append("`）");
        } else {
            Deadline d = deadlineOf(p.periodId(), params);
            String trigger = p.periodId().substring(p.periodId().indexOf(':') + 1 + Evaluation.TRIGGER_PREFIX.length());
            if (d.isInWorkingDays()) {
                s.append("每条“").append(pack.vocabulary().nameOf(trigger)).append("”记录开始之日起，至其结束之日后第 ")
                        .append(d.getDays()).append(" 个工作日（不含结束当日；按国务院办公厅的节假日安排，放假日不计、调休上班日计入；期限参数 `")
                        .append(d.getId()).append("`）");
            } else {
                s.append("每条“").append(pack.vocabulary().nameOf(trigger)).append("”记录开始之日起，至其结束之日起 ")
                        .append(d.getDays()).append(" 日内（含当日；只有一天的即当日起 ").append(d.getDays()).append(" 日；期限参数 `")
                        .append(d.getId()).append("`）");
            }
        }
        int sum = p.expected().lastIndexOf(SUM);
        int share = p.expected().lastIndexOf(SHARE);
        if (share >= 0) {
            return s.append("有记录的社区不少于 ").append(p.expected().substring(share + SHARE.length())) // findings.shareAtLeast
                    .append("（比率参数 `").append(p.quotaId()).append("`）").toString();
        }
        if (sum >= 0) {
            s.append("累计至少 ").append(p.expected().substring(sum + SUM.length())); // findings.participantsAtLeast / amountAtLeast
        } else {
            s.append("至少 ").append(p.min()).append(" 条");
        }
        if (p.quotaId() != null) {
            s.append("（数量参数 `").append(p.quotaId()).append("`）");
        }
        return s.toString();
    }

    private static Deadline deadlineOf(String periodId, PackFile params) {
        String id = periodId.substring(0, periodId.indexOf(':'));
        Deadline d = params.deadlines().get(id);
        if (d == null || !periodId.substring(id.length() + 1).startsWith(Evaluation.TRIGGER_PREFIX)) {
            throw new IllegalStateException("period " + periodId + " is neither a pack period nor a deadline");
        }
        return d;
    }

    /** GitHub's heading anchor for a rule id heading: lower case, dots removed. */
    private static String anchor(String id) {
        return id.toLowerCase().replace(".", "");
    }
}
