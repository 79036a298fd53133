package dev.plancheck.service;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.plancheck.input.ProblemCode;
import dev.plancheck.input.InputLimits;
import dev.plancheck.PlanChecker;
import dev.plancheck.report.RuleInfo;
import dev.plancheck.RulePack;
import dev.plancheck.report.ReportFormats;
import dev.plancheck.text.VisibleText;
import dev.plancheck.io.ledger.LedgerTemplate;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The checking service: the page at {@code /} and the API under {@code /api/v1} (see {@code docs/service.md} and
 * {@code /api/v1/openapi.json}), on the JDK's own {@link HttpServer}. Every bundled pack is compiled once, at start,
 * and its {@link PlanChecker} shared by all requests. Uploads live in memory for one request only.
 *
 * <pre>{@code
 * try (CheckService service = CheckService.start(ServiceConfig.defaults().withPort(0))) {
 *     System.out.println(service.uri());     // http://127.0.0.1:40123/
 * }
 * }</pre>
 */
public final class CheckService implements AutoCloseable {
    /**
     * The exit code of a service that met an {@link Error} (out of memory, a stack overflow, a fault in the JVM): it
     * logs the error and ends at once, never left running half-broken, so that its supervisor (systemd, a container
     * runtime) starts it afresh. 75 is {@code EX_TEMPFAIL} of sysexits.h: try again. The command line's own crash
     * code, 70, is not used, so that the two can be told apart.
     */
    public static final int EXIT_ON_ERROR = 75;
    private static final String API = "/api/v1";
    /** How long reading one request, or sending one response, may take before the connection is closed. */
    static final int REQUEST_SECONDS = 120;
    private static final Map<String, String[]> FILE_NAMES = Map.of(
            "json", new String[] {"plancheck-report.json", "检查报告.json"},
            "html", new String[] {"plancheck-report.html", "检查报告.html"},
            "text", new String[] {"plancheck-report.txt", "检查报告.txt"},
            "csv", new String[] {"plancheck-gaps.csv", "缺项清单.csv"},
            "xlsx", new String[] {"plancheck-followup.xlsx", "整改清单.xlsx"});
    private static final String XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** The download names of a format: an ASCII one and the Chinese one; any other format is a 检查报告 of its extension. */
    private static String[] fileNames(String format) {
        String ext = ReportFormats.forName(format).extension();
        return FILE_NAMES.getOrDefault(format, new String[] {"plancheck-report." + ext, "检查报告." + ext});
    }

    private final ServiceConfig config;
    private final Map<String, PlanChecker> checkers;
    private final HttpServer server;
    private final ExecutorService executor;
    final Semaphore checks; // package-private: a test holds every slot to see the 503
    private final byte[] openapi;

    private CheckService(ServiceConfig config, Map<String, PlanChecker> checkers) throws IOException {
        this.config = config;
        this.checkers = checkers;
        this.checks = new Semaphore(config.maxChecks(), true);
        try (InputStream in = CheckService.class.getResourceAsStream("openapi.json")) {
            this.openapi = in.readAllBytes();
        }
        this.server = HttpServer.create(new InetSocketAddress(config.host(), config.port()), 64);
        // Platform threads, a fixed number: enough for the checks plus those waiting for one or sending a page.
        AtomicInteger n = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(Math.max(8, config.maxChecks() * 4), r -> {
            Thread t = new Thread(r, "plancheck-http-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
    }

    /**
     * Compiles every bundled pack and starts listening.
     *
     * @throws IOException when the address cannot be bound (e.g. the port is in use)
     */
    public static CheckService start(ServiceConfig config) throws IOException {
        Map<String, PlanChecker> checkers = new LinkedHashMap<>();
        for (String id : RulePack.bundledIds()) {
            checkers.put(id, PlanChecker.create(RulePack.bundled(id)));
        }
        CheckService s = new CheckService(config, checkers);
        s.server.start();
        return s;
    }

    /** The port listened on (the actual one when 0 was asked for). */
    public int port() {
        return server.getAddress().getPort();
    }

    /** The page's address, e.g. {@code http://127.0.0.1:8080/}. */
    public URI uri() {
        String host = config.host().contains(":") ? "[" + config.host() + "]" : config.host();
        return URI.create("http://" + host + ":" + port() + "/");
    }

    /** The ids of the packs served, the default first. */
    public List<String> packs() {
        return List.copyOf(checkers.keySet());
    }

    /** Stops listening, lets running exchanges finish for up to a second, and ends the worker threads. */
    @Override
    public void close() {
        server.stop(1);
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void handle(HttpExchange ex) throws IOException {
        Http.securityHeaders(ex);
        String path = ex.getRequestURI().getPath();
        boolean api = path.startsWith(API + "/") || path.equals(API);
        try {
            route(ex, path, ex.getRequestMethod());
        } catch (Rejection r) {
            if (r.status == 401) {
                ex.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"plancheck\"");
            } else if (r.status == 503) {
                ex.getResponseHeaders().set("Retry-After", "2");
            } else if (r.status == 413) {
                ex.getResponseHeaders().set("Connection", "close"); // what was not read is not read
            }
            if (api) {
                Http.sendJson(ex, r.status, Http.problems(r.problems, r.omitted));
            } else {
                Http.send(ex, r.status, Http.HTML_TYPE, Page.problems(r.status, r.problems));
            }
        } catch (Error e) {
            abort(e);
        } catch (RuntimeException e) {
            Rejection r = Rejection.of(500, ProblemCode.INTERNAL_ERROR, "", "内部错误：" + VisibleText.line(VisibleText.excerpt(String.valueOf(e))));
            if (api) {
                Http.sendJson(ex, 500, Http.problems(r.problems, 0));
            } else {
                Http.send(ex, 500, Http.HTML_TYPE, Page.problems(500, r.problems));
            }
        } finally {
            ex.close();
        }
    }

    /**
     * Logs an {@link Error} on standard error and ends the process with {@link #EXIT_ON_ERROR}, whatever thread it
     * happened in. Nothing is allocated that the message does not need: the error may be that memory ran out.
     */
    public static void abort(Throwable e) {
        try {
            System.err.println("检查服务内部出错（" + e.getClass().getSimpleName()
                    + (e instanceof OutOfMemoryError ? "：内存不足" : e instanceof StackOverflowError ? "：调用栈溢出" : "")
                    + "），服务已退出（退出码 " + EXIT_ON_ERROR + "），请由守护进程（如 systemd）重新启动");
            System.err.flush();
        } finally {
            Runtime.getRuntime().halt(EXIT_ON_ERROR);
        }
    }

    private void route(HttpExchange ex, String path, String method) throws IOException, Rejection {
        if (path.equals("/")) {
            allow(ex, method, "GET", "HEAD");
            Http.send(ex, 200, Http.HTML_TYPE, Page.form(checkers.values(), config.token() != null, config));
        } else if (path.equals("/check")) {
            allow(ex, method, "POST");
            pageCheck(ex);
        } else if (path.equals(API + "/health")) {
            allow(ex, method, "GET");
            ObjectNode o = Http.JSON.createObjectNode();
            o.put("status", "ok");
            ArrayNode packs = o.putArray("packs");
            checkers.keySet().forEach(packs::add);
            Http.sendJson(ex, 200, o);
        } else if (path.equals(API + "/openapi.json")) {
            allow(ex, method, "GET");
            Http.send(ex, 200, Http.JSON_TYPE, openapi);
        } else if (path.equals(API + "/packs")) {
            allow(ex, method, "GET");
            authorize(ex, null);
            Http.sendJson(ex, 200, packList());
        } else if (path.startsWith(API + "/packs/") && path.endsWith("/rules")) {
            allow(ex, method, "GET");
            authorize(ex, null);
            String id = path.substring((API + "/packs/").length(), path.length() - "/rules".length());
            Http.sendJson(ex, 200, rules(Checking.checker(checkers, id)));
        } else if (path.startsWith(API + "/packs/") && path.endsWith("/template")) {
            allow(ex, method, "GET");
            authorize(ex, null);
            String id = path.substring((API + "/packs/").length(), path.length() - "/template".length());
            sendTemplate(ex, Checking.checker(checkers, id));
        } else if (path.equals(API + "/check")) {
            allow(ex, method, "POST");
            authorize(ex, null);
            apiCheck(ex);
        } else {
            throw Rejection.of(404, ProblemCode.REQUEST_NOT_FOUND, "", "没有这个地址：" + VisibleText.excerpt(path) + "；页面在 /，接口说明在 " + API + "/openapi.json");
        }
    }

    private static void allow(HttpExchange ex, String method, String... allowed) throws Rejection {
        if (!List.of(allowed).contains(method)) {
            ex.getResponseHeaders().set("Allow", String.join(", ", allowed));
            throw Rejection.of(405, ProblemCode.REQUEST_METHOD, "", "此地址不接受 " + method + " 请求；可用：" + String.join("、", allowed));
        }
    }

    /** The token from {@code Authorization: Bearer …}, or from the page's form field; compared in constant time. */
    private void authorize(HttpExchange ex, String formToken) throws Rejection {
        if (config.token() == null) {
            return;
        }
        String header = ex.getRequestHeaders().getFirst("Authorization");
        String given = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).trim() : formToken;
        if (given == null || !MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
                config.token().getBytes(StandardCharsets.UTF_8))) {
            throw Rejection.of(401, ProblemCode.REQUEST_UNAUTHORIZED, "", given == null ? "需要访问令牌：请在请求头中给出 Authorization: Bearer 令牌"
                    : "访问令牌不正确");
        }
    }

    private void apiCheck(HttpExchange ex) throws IOException, Rejection {
        Map<String, String> params = Http.query(ex);
        String contentType = ex.getRequestHeaders().getFirst("Content-Type");
        String boundary = Multipart.boundary(contentType);
        List<Checking.Upload> uploads = new ArrayList<>();
        List<Checking.Upload> waivers = new ArrayList<>();
        if (boundary != null) {
            for (Multipart.Part p : parts(ex, boundary)) {
                if (p.fileName() != null && p.name().equals("waivers")) {
                    addUpload(waivers, p);
                } else if (p.fileName() != null) {
                    addUpload(uploads, p);
                } else if (List.of("pack", "asOf", "format").contains(p.name())) {
                    params.putIfAbsent(p.name(), p.text());
                }
            }
        } else if (contentType != null && contentType.split(";")[0].trim().equalsIgnoreCase("application/json")) {
            String name = params.getOrDefault("name", "submission.json");
            uploads.add(new Checking.Upload(Checking.baseName(name.toLowerCase(java.util.Locale.ROOT).endsWith(".json") ? name : name + ".json"),
                    Http.body(ex, config.maxBodyBytes())));
        } else {
            throw Rejection.of(415, ProblemCode.REQUEST_MEDIA_TYPE, "", "请以 application/json（一份 JSON 台账）或 multipart/form-data（上传台账文件）提交，实际是 "
                    + (contentType == null ? "没有 Content-Type" : contentType));
        }
        PlanChecker checker = Checking.checker(checkers, params.get("pack"));
        String asOf = params.get("asOf");
        String format = Checking.format(params.get("format"), "json");
        Checking.Result result = checked(checker, asOf, uploads, waivers);
        if (!format.equals("json")) {
            String[] names = fileNames(format);
            Http.attachment(ex, names[0], names[1]);
        }
        Http.send(ex, 200, ReportFormats.forName(format).mediaType(), result.write(format));
    }

    private void pageCheck(HttpExchange ex) throws IOException, Rejection {
        String boundary = Multipart.boundary(ex.getRequestHeaders().getFirst("Content-Type"));
        if (boundary == null) {
            throw Rejection.of(415, ProblemCode.REQUEST_MEDIA_TYPE, "", "请从检查页面提交（multipart/form-data）");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        List<Checking.Upload> uploads = new ArrayList<>();
        List<Checking.Upload> waivers = new ArrayList<>();
        for (Multipart.Part p : parts(ex, boundary)) {
            if (p.fileName() != null) {
                if (!p.fileName().isEmpty()) { // a browser sends an empty part when no file was picked
                    addUpload(p.name().equals("waivers") ? waivers : uploads, p);
                }
            } else {
                fields.putIfAbsent(p.name(), p.text());
            }
        }
        authorize(ex, fields.get("token"));
        PlanChecker checker = Checking.checker(checkers, fields.get("pack"));
        String action = fields.getOrDefault("action", "view");
        if (action.equals("template")) {
            sendTemplate(ex, checker);
            return;
        }
        String format = action.equals("view") ? "html" : Checking.format(action, "html");
        String asOf = fields.get("asOf");
        Checking.Result result = checked(checker, asOf, uploads, waivers);
        if (action.equals("view")) {
            Http.send(ex, 200, Http.HTML_TYPE, Page.report(result));
        } else {
            String[] names = fileNames(format);
            Http.attachment(ex, names[0], names[1]);
            Http.send(ex, 200, ReportFormats.forName(format).mediaType(), result.write(format));
        }
    }

    private List<Multipart.Part> parts(HttpExchange ex, String boundary) throws IOException, Rejection {
        byte[] body = Http.body(ex, config.maxBodyBytes());
        try {
            // Room for the form's few fields beside the files; the file count itself is checked by addUpload.
            return Multipart.parse(body, boundary, config.maxFiles() + 16);
        } catch (Multipart.MalformedException e) {
            if (e.tooManyParts) {
                throw tooManyFiles();
            }
            throw Rejection.of(400, ProblemCode.REQUEST_MALFORMED, "", "请求体不是有效的 multipart/form-data：" + e.getMessage());
        }
    }

    private void addUpload(List<Checking.Upload> uploads, Multipart.Part p) throws Rejection {
        if (uploads.size() == config.maxFiles()) {
            throw tooManyFiles();
        }
        uploads.add(new Checking.Upload(Checking.baseName(p.fileName()), p.content()));
    }

    private Rejection tooManyFiles() {
        return Rejection.of(413, ProblemCode.REQUEST_TOO_LARGE, "ledgers", "一次最多检查 " + config.maxFiles() + " 个台账文件；请分批提交");
    }

    /** Runs a check once one of the bounded slots is free; a request that waits too long gets 503. */
    private Checking.Result checked(PlanChecker checker, String asOf, List<Checking.Upload> uploads,
                                    List<Checking.Upload> waivers) throws Rejection {
        boolean acquired;
        try {
            acquired = checks.tryAcquire(config.queueWait().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            acquired = false;
        }
        if (!acquired) {
            throw Rejection.of(503, ProblemCode.REQUEST_BUSY, "", "检查服务正忙（同时最多 " + config.maxChecks() + " 个检查），请稍后再试");
        }
        try {
            return Checking.run(checker, asOf, uploads, waivers);
        } finally {
            checks.release();
        }
    }

    private static void sendTemplate(HttpExchange ex, PlanChecker checker) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        LedgerTemplate.write(checker.pack(), out);
        String id = checker.pack().id();
        Http.attachment(ex, "plancheck-template-" + id + ".xlsx", "台账模板-" + id + ".xlsx");
        Http.send(ex, 200, XLSX_TYPE, out.toByteArray());
    }

    private ObjectNode packList() {
        ObjectNode root = Http.JSON.createObjectNode();
        ArrayNode array = root.putArray("packs");
        boolean first = true;
        for (PlanChecker c : checkers.values()) {
            ObjectNode o = array.addObject();
            o.put("id", c.pack().id());
            o.put("title", c.pack().title());
            o.put("year", c.pack().year());
            o.put("default", first);
            o.put("rules", c.rules().size());
            o.put("retiredRules", c.pack().retiredRules().size());
            first = false;
        }
        return root;
    }

    private static ObjectNode rules(PlanChecker c) {
        ObjectNode root = Http.JSON.createObjectNode();
        ObjectNode pack = root.putObject("pack");
        pack.put("id", c.pack().id());
        pack.put("title", c.pack().title());
        pack.put("year", c.pack().year());
        ArrayNode array = root.putArray("rules");
        for (RuleInfo r : c.rules()) {
            ObjectNode o = array.addObject();
            o.put("id", r.id());
            o.put("title", r.title());
            o.put("clause", r.clause());
            o.put("section", r.section());
            o.put("sentence", r.sentence());
            o.put("scope", r.scope().code());
            o.put("severity", r.severity().code());
            o.put("evidence", r.evidence());
            if (r.trigger() == null) {
                o.putNull("trigger");
            } else {
                o.put("trigger", r.trigger());
            }
            String retired = c.pack().retiredRules().get(r.id());
            if (retired == null) {
                o.putNull("retired");
            } else {
                o.put("retired", retired);
            }
        }
        return root;
    }

    static {
        // The JDK's server gives a request no time limit by default: a client that trickles its body would hold a
        // worker thread for ever. Bound it, unless whoever runs us chose otherwise (read once, when the server loads).
        System.getProperties().putIfAbsent("sun.net.httpserver.maxReqTime", String.valueOf(REQUEST_SECONDS));
        System.getProperties().putIfAbsent("sun.net.httpserver.maxRspTime", String.valueOf(REQUEST_SECONDS));
        // Fail at class load, not at the first request, should the resource go missing from a build.
        if (CheckService.class.getResource("openapi.json") == null) {
            throw new UncheckedIOException(new IOException("openapi.json missing from the service jar"));
        }
    }
}
