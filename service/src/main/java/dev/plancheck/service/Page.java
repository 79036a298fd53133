package dev.plancheck.service;

import dev.plancheck.PlanChecker;
import dev.plancheck.input.Problem;
import dev.plancheck.io.report.HtmlReportWriter;
import dev.plancheck.text.Markup;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collection;
import java.util.List;

/**
 * The pages a person sees: the form, a page of problems, and the report with its downloads. No script, no external
 * resource; every text that came from a request or a file is escaped.
 */
final class Page {
    private static final String STYLE = """
            :root { color-scheme: light; --ink: #1f2328; --line: #d0d7de; --accent: #0b5cad; }
            * { box-sizing: border-box; }
            body { margin: 0; font: 16px/1.6 "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif; color: var(--ink); background: #f6f8fa; }
            main { max-width: 46rem; margin: 0 auto; padding: 1.5rem 1rem 3rem; }
            h1 { font-size: 1.5rem; margin: 0 0 .25rem; }
            .lead { margin: 0 0 1.5rem; color: #57606a; }
            form { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 1.25rem; }
            .field { margin-bottom: 1.1rem; }
            label { display: block; font-weight: 600; margin-bottom: .3rem; }
            .hint { font-size: .875rem; color: #57606a; margin: .25rem 0 0; }
            select, input[type=date], input[type=password] { width: 100%; max-width: 28rem; font: inherit; padding: .45rem .6rem; border: 1px solid var(--line); border-radius: 6px; background: #fff; }
            input[type=file] { display: block; width: 100%; padding: 1.5rem 1rem; border: 2px dashed #8c959f; border-radius: 8px; background: #f6f8fa; font: inherit; }
            .actions { display: flex; flex-wrap: wrap; gap: .6rem; margin-top: 1.25rem; }
            button { font: inherit; padding: .55rem 1rem; border-radius: 6px; border: 1px solid var(--line); background: #fff; color: var(--ink); cursor: pointer; }
            button.primary { background: var(--accent); border-color: var(--accent); color: #fff; font-weight: 600; }
            button:focus-visible, a:focus-visible, input:focus-visible, select:focus-visible { outline: 3px solid #f2a60c; outline-offset: 2px; }
            fieldset { border: 0; padding: 0; margin: 1.25rem 0 0; }
            legend { font-weight: 600; margin-bottom: .4rem; }
            .problems { background: #fff; border: 1px solid #cf222e; border-radius: 8px; padding: 1rem 1.25rem; }
            .problems li { margin: .35rem 0; word-break: break-all; }
            .where { font-family: monospace; color: #57606a; }
            footer { margin-top: 2rem; font-size: .875rem; color: #57606a; }
            a { color: var(--accent); }
            @media (max-width: 32rem) { main { padding: 1rem .75rem 2rem; } .actions button { flex: 1 1 100%; } }
            """;

    private Page() {
    }

    /**
     * The form: (token), pack, as-of date, ledgers, waivers, and what to do with them. It posts into a new tab, so that
     * this page, with the files chosen, stays as it was: a problem is fixed and checked again without choosing the
     * files anew, and Back or Forward never asks to send the form again. The token comes first, so that the server
     * can check it before it reads any file.
     */
    static byte[] form(Collection<PlanChecker> checkers, boolean tokenRequired, ServiceConfig config) {
        StringBuilder b = head("台账检查");
        b.append("<main>\n<h1>台账检查</h1>\n<p class=\"lead\">选择规则包，上传一个或多个社区的活动台账（.xlsx、.csv 或 .json），"
                + "对照年度工作要点逐条检查，查看报告并下载整改清单。上传的文件只在本次检查中使用，不保存。</p>\n");
        b.append("<form method=\"post\" action=\"/check\" enctype=\"multipart/form-data\" target=\"_blank\">\n");
        if (tokenRequired) {
            b.append("<div class=\"field\"><label for=\"token\">访问令牌</label>"
                    + "<input type=\"password\" id=\"token\" name=\"token\" autocomplete=\"current-password\" required>"
                    + "<p class=\"hint\">由管理员提供。</p></div>\n");
        }
        b.append("<div class=\"field\"><label for=\"pack\">规则包</label><select id=\"pack\" name=\"pack\">\n");
        boolean first = true;
        for (PlanChecker c : checkers) {
            b.append("<option value=\"").append(Markup.text(c.pack().id())).append('"').append(first ? " selected" : "")
                    .append('>').append(Markup.text(c.pack().title())).append("</option>\n");
            first = false;
        }
        b.append("</select></div>\n");
        b.append("<div class=\"field\"><label for=\"asOf\">检查日期（可不填）</label>"
                + "<input type=\"date\" id=\"asOf\" name=\"asOf\" aria-describedby=\"asOf-hint\">"
                + "<p class=\"hint\" id=\"asOf-hint\">按这一天结束时的情况检查；不填则为考核年度的 12 月 31 日。</p></div>\n");
        b.append("<div class=\"field\"><label for=\"ledgers\">台账文件</label>"
                + "<input type=\"file\" id=\"ledgers\" name=\"ledgers\" multiple accept=\".xlsx,.csv,.json\" aria-describedby=\"ledgers-hint\">"
                + "<p class=\"hint\" id=\"ledgers-hint\">点击选择，或把文件拖到框内；可一次选多个社区的台账，报告末尾附各单位对比。"
                + "一次最多 ").append(config.maxFiles()).append(" 个文件，合计不超过 ").append(Exchange.megabytes(config.maxBodyBytes()))
                .append("。</p></div>\n");
        b.append("<div class=\"field\"><label for=\"waivers\">情况说明（可不填）</label>"
                + "<input type=\"file\" id=\"waivers\" name=\"waivers\" multiple accept=\".xlsx,.json\" aria-describedby=\"waivers-hint\">"
                + "<p class=\"hint\" id=\"waivers-hint\">含“情况说明”工作表的 .xlsx 或 .json 文件，可选多个（合并使用；同一规则和单位只能说明一次）："
                + "被认可的缺项标为“已说明”。</p></div>\n");
        b.append("<div class=\"actions\"><button class=\"primary\" type=\"submit\" name=\"action\" value=\"view\">检查并查看报告</button></div>\n");
        b.append("<p class=\"hint\">报告在新的标签页中打开；本页保留已选的文件，台账有误时改正后可直接重新检查。</p>\n");
        b.append("<fieldset><legend>或直接下载</legend><div class=\"actions\">"
                + "<button type=\"submit\" name=\"action\" value=\"html\">报告（HTML）</button>"
                + "<button type=\"submit\" name=\"action\" value=\"xlsx\">整改清单（xlsx）</button>"
                + "<button type=\"submit\" name=\"action\" value=\"json\">报告（JSON）</button>"
                + "<button type=\"submit\" name=\"action\" value=\"template\">空白台账模板（xlsx）</button>"
                + "</div><p class=\"hint\">下载空白模板只需选择规则包，不必上传文件。</p></fieldset>\n");
        b.append("</form>\n<footer>其他系统可调用 HTTP 接口：<a href=\"/api/v1/openapi.json\">/api/v1/openapi.json</a></footer>\n</main>\n");
        return tail(b);
    }

    /** What a person sees who opens {@code /check} itself (a bookmark, a reload of an old tab): where to go instead. */
    static byte[] notHere() {
        StringBuilder b = head("请从检查页面提交");
        b.append("<main>\n<h1>请从检查页面提交台账</h1>\n<p>这个地址只接收检查页面提交的台账，直接打开它不会显示内容。"
                + "检查结果不保存在服务器上，因此也不能靠刷新或收藏再次打开。</p>\n"
                + "<p><a href=\"/\">打开检查页面</a>，选择台账文件后按“检查并查看报告”。</p>\n</main>\n");
        return tail(b);
    }

    /** The problems that stopped a check, located as on the command line. */
    static byte[] problems(int status, List<Problem> problems) {
        StringBuilder b = head("无法检查");
        b.append("<main>\n<h1>").append(status == 400 ? "台账有误，未检查" : "无法检查").append("</h1>\n<div class=\"problems\" role=\"alert\">\n<p>共 ")
                .append(problems.size()).append(" 处问题：</p>\n<ul>\n");
        for (Problem p : problems) {
            String where = p.file() + (p.line() > 0 ? ":" + p.line() + (p.column() > 0 ? ":" + p.column() : "") : "")
                    + (p.path().isEmpty() ? "" : " " + p.path());
            b.append("<li>");
            if (!where.isBlank()) {
                b.append("<span class=\"where\">").append(Markup.text(where.trim())).append("</span>：");
            }
            b.append(Markup.text(p.message())).append("</li>\n");
        }
        b.append("</ul>\n</div>\n<p>检查页面仍在原来的标签页中，已选的文件都还在：改正台账后，回到那里重新检查即可。"
                + "也可以<a href=\"/\" target=\"_blank\">打开新的检查页面</a>。</p>\n</main>\n");
        return tail(b);
    }

    /**
     * The report as a person reads it in the browser: the HTML report with the met duties counted, not listed (a
     * folder of 50 ledgers stays a page of a few MB), and a bar at the top with the downloads carried in the page
     * itself ({@code data:} links), since nothing is kept on the server after the response: the full HTML report, which
     * lists the met duties too, and the 整改清单. On a phone the wide tables and the chart scroll inside their box.
     */
    static byte[] report(Checking.Result result) {
        String html = new String(result.write(new HtmlReportWriter(false, false)), StandardCharsets.UTF_8);
        StringBuilder bar = new StringBuilder("<nav class=\"service-bar\" aria-label=\"下载\">");
        bar.append(download(result.write("html"), "text/html", "检查报告.html", "下载完整报告（HTML，含已落实事项清单）"));
        bar.append(download(result.write("xlsx"), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                "整改清单.xlsx", "下载整改清单（xlsx）"));
        bar.append("<span class=\"hint\">JSON 请在检查页面用“报告（JSON）”按钮下载。</span>");
        bar.append("<a href=\"/\" target=\"_blank\">新的检查</a></nav>\n");
        String style = "<style>\n.service-bar { display: flex; flex-wrap: wrap; align-items: baseline; gap: .5rem 1.25rem; "
                + "padding: .6rem 1rem; margin: 0 0 1rem; background: #eef4fb; border-bottom: 1px solid #c8d9ee; font-size: .95rem; }\n"
                + ".service-bar .hint { color: #57606a; font-size: .875rem; }\n"
                + "@media print { .service-bar { display: none; } }\n"
                + "@media screen and (max-width: 48rem) {\n"
                + "  body { padding: .75rem; }\n"
                + "  table.compare, table.list, .scorecard table { display: block; overflow-x: auto; max-width: 100%; }\n"
                + "  section.chart { overflow-x: auto; }\n"
                + "  svg.bars { width: 720px; max-width: none; }\n"
                + "}\n</style>\n";
        int head = html.indexOf("</head>");
        int body = html.indexOf("<body>");
        if (head < 0 || body < 0) {
            throw new IllegalStateException("HTML report without <head> or <body>");
        }
        return (html.substring(0, head) + style + html.substring(head, body + "<body>".length()) + "\n" + bar
                + html.substring(body + "<body>".length())).getBytes(StandardCharsets.UTF_8);
    }

    private static String download(byte[] content, String type, String fileName, String label) {
        return "<a download=\"" + fileName + "\" href=\"data:" + type + ";base64,"
                + Base64.getEncoder().encodeToString(content) + "\">" + label + "</a>";
    }

    private static StringBuilder head(String title) {
        return new StringBuilder("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>").append(title)
                .append(" · plancheck</title>\n<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n");
    }

    private static byte[] tail(StringBuilder b) {
        return b.append("</body>\n</html>\n").toString().getBytes(StandardCharsets.UTF_8);
    }
}
