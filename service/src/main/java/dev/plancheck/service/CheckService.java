package dev.plancheck.service;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plancheck.PlanChecker;
import dev.plancheck.RulePack;
import dev.plancheck.input.ProblemCode;
import dev.plancheck.io.ledger.LedgerTemplate;
import dev.plancheck.report.ReportFormats;
import dev.plancheck.report.RuleInfo;
import dev.plancheck.text.VisibleText;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.MultiPart;
import org.eclipse.jetty.http.pathmap.PathSpec;
import org.eclipse.jetty.http.pathmap.UriTemplatePathSpec;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.server.handler.PathMappingsHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The checking service: the page at {@code /} and the API under {@code /api/v1} (see {@code docs/service.md} and
 * {@code /api/v1/openapi.json}), on Jetty 12's core handlers. Every bundled pack is compiled once, at start, and its
 * {@link PlanChecker} shared by all requests. Uploads are read without holding a thread, live in memory for one
 * request only, and are checked on threads of their own, a bounded number at once.
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
    /** Open connections at most; beyond it new ones wait in the kernel's queue until one closes. */
    static final int MAX_CONNECTIONS = 2048;
    /** The time a request's headers may take to arrive whole, from their first byte (give or take 2 seconds). */
    static final long HEADER_SECONDS = 10;
    /** The server's threads: they parse, route and answer, but never wait for a slow client or run a check. */
    static final int MAX_THREADS = 32;
    private static final String API = "/api/v1";
    private static final Map<String, String[]> FILE_NAMES = Map.of(
            "json", new String[] {"plancheck-report.json", "检查报告.json"},
            "html", new String[] {"plancheck-report.html", "检查报告.html"},
            "text", new String[] {"plancheck-report.txt", "检查报告.txt"},
            "csv", new String[] {"plancheck-gaps.csv", "缺项清单.csv"},
            "xlsx", new String[] {"plancheck-followup.xlsx", "整改清单.xlsx"});
    private static final String XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** The download names of a format: an ASCII one and the Chinese one; any other format is a 检查报告 of its extension. */
    static String[] fileNames(String format) {
        String ext = ReportFormats.forName(format).extension();
        return FILE_NAMES.getOrDefault(format, new String[] {"plancheck-report." + ext, "检查报告." + ext});
    }

    private final ServiceConfig config;
    private final Map<String, PlanChecker> checkers;
    private final Server server;
    private final ServerConnector connector;
    private final Origins origins;
    private final BodyBudget budget;
    final CheckQueue checks; // package-private: a test fills every slot to see the 503
    private final byte[] openapi;

    private CheckService(ServiceConfig config, Map<String, PlanChecker> checkers) throws IOException {
        this.config = config;
        this.checkers = checkers;
        this.origins = new Origins(config);
        this.budget = new BodyBudget(config.bodyBudget());
        this.checks = new CheckQueue(config.maxChecks(), config.queueWait());
        try (InputStream in = CheckService.class.getResourceAsStream("openapi.json")) {
            this.openapi = in.readAllBytes();
        }
        QueuedThreadPool threads = new QueuedThreadPool(MAX_THREADS, 4);
        threads.setName("plancheck-http");
        threads.setDaemon(true);
        this.server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setRequestHeaderSize(8 * 1024);
        this.connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
        connector.setHost(config.host());
        connector.setPort(config.port());
        // Headers, bodies and responses alike: a connection that moves no byte for this long is closed.
        connector.setIdleTimeout(config.idleTimeout().toMillis());
        // A client that trickles its headers is never idle: it gets HEADER_SECONDS for them, then is closed.
        connector.addBean(new HeaderDeadline(connector.getScheduler(), HEADER_SECONDS));
        server.addConnector(connector);
        server.addBean(new NetworkConnectionLimit(MAX_CONNECTIONS, server));
        server.setStopTimeout(1000);

        PathMappingsHandler routes = new PathMappingsHandler();
        routes.addMapping(exact("/"), Route.get(ex -> ex.send(200, Exchange.HTML_TYPE, Page.form(checkers.values(),
                config.token() != null, config))));
        routes.addMapping(exact("/check"), Route.post(this::pageCheck).otherwise(ex -> ex.send(405, Exchange.HTML_TYPE,
                Page.notHere())));
        routes.addMapping(exact(API + "/health"), Route.get(ex -> ex.sendJson(200, health())));
        routes.addMapping(exact(API + "/openapi.json"), Route.get(ex -> ex.send(200, Exchange.JSON_TYPE, openapi)));
        routes.addMapping(exact(API + "/packs"), Route.get(ex -> {
            authorize(ex, null);
            ex.sendJson(200, packList());
        }));
        UriTemplatePathSpec rules = new UriTemplatePathSpec(API + "/packs/{pack}/rules");
        routes.addMapping(rules, Route.get(ex -> {
            authorize(ex, null);
            ex.sendJson(200, rules(Checking.checker(checkers, pathParameter(rules, ex, "pack"))));
        }));
        UriTemplatePathSpec template = new UriTemplatePathSpec(API + "/packs/{pack}/template");
        routes.addMapping(template, Route.get(ex -> {
            authorize(ex, null);
            sendTemplate(ex, Checking.checker(checkers, pathParameter(template, ex, "pack")));
        }));
        routes.addMapping(exact(API + "/check"), Route.post(this::apiCheck));
        routes.addMapping(PathSpec.from("/*"), new Handler.Abstract.NonBlocking() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                String path = request.getHttpURI().getDecodedPath();
                Exchange ex = new Exchange(request, response, callback);
                ex.reject(Rejection.of(404, ProblemCode.REQUEST_NOT_FOUND, "", "没有这个地址：" + VisibleText.excerpt(String.valueOf(path))
                        + "；页面在 /，接口说明在 " + API + "/openapi.json"), ex.hasBody());
                return true;
            }
        });
        server.setHandler(new Front(routes));
        server.setErrorHandler(CheckService::jettyError);
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
        try {
            s.server.start();
        } catch (IOException e) {
            s.close();
            throw e;
        } catch (Exception e) {
            s.close();
            throw new IOException(e.getMessage(), e);
        }
        return s;
    }

    /** The port listened on (the actual one when 0 was asked for). */
    public int port() {
        return connector.getLocalPort();
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

    /** Stops listening, lets running exchanges finish for up to a second, and ends the check threads. */
    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            // stopping is best effort: the process is going away
        } finally {
            checks.close();
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

    /** Before any route: the security headers, then who may ask (Origin, Host); an {@link Error} ends the service. */
    private final class Front extends Handler.Wrapper {
        Front(Handler routes) {
            super(routes);
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            Exchange.securityHeaders(response);
            Rejection refused = origins.check(request);
            if (refused != null) {
                Exchange ex = new Exchange(request, response, callback);
                ex.reject(refused, ex.hasBody());
                return true;
            }
            try {
                return super.handle(request, response, callback);
            } catch (Error e) {
                abort(e);
                return true;
            }
        }
    }

    /** What Jetty answers by itself (a bad request line, a header over 8 KB, a handler that failed), in our shape. */
    private static boolean jettyError(Request request, Response response, Callback callback) {
        Throwable cause = (Throwable) request.getAttribute(ErrorHandler.ERROR_EXCEPTION);
        if (cause instanceof Error) {
            abort(cause);
        }
        int status = response.getStatus() >= 400 ? response.getStatus() : 500;
        String said = cause == null ? "" : "（" + VisibleText.excerpt(String.valueOf(cause.getMessage())) + "）";
        Rejection r = switch (status) {
            case 400 -> Rejection.of(400, ProblemCode.REQUEST_MALFORMED, "", "请求格式错误" + said
                    + "；地址中的汉字须按 UTF-8 百分号编码，如“台账.json”写作 %E5%8F%B0%E8%B4%A6.json");
            case 408 -> Rejection.of(408, ProblemCode.REQUEST_TIMEOUT, "", "请求没有及时送达" + said);
            case 413, 431 -> Rejection.of(status, ProblemCode.REQUEST_TOO_LARGE, "", status == 431
                    ? "请求头过大（上限 8 KB）" : "请求过大" + said);
            case 404 -> Rejection.of(404, ProblemCode.REQUEST_NOT_FOUND, "", "没有这个地址");
            case 405 -> Rejection.of(405, ProblemCode.REQUEST_METHOD, "", "不接受这种请求方法");
            case 503 -> Rejection.of(503, ProblemCode.REQUEST_BUSY, "", "检查服务正忙，请稍后再试");
            default -> Rejection.of(status, status < 500 ? ProblemCode.REQUEST_MALFORMED : ProblemCode.INTERNAL_ERROR, "",
                    (status < 500 ? "请求有误" : "内部错误") + said);
        };
        Exchange.securityHeaders(response);
        new Exchange(request, response, callback).reject(r, true, false);
        return true;
    }

    private static PathSpec exact(String path) {
        return new UriTemplatePathSpec(path);
    }

    private static String pathParameter(UriTemplatePathSpec spec, Exchange ex, String name) {
        Map<String, String> params = spec.getPathParams(ex.request.getHttpURI().getDecodedPath());
        return params == null ? null : params.get(name);
    }

    /** The token from {@code Authorization: Bearer …}, or from the page's form field; compared in constant time. */
    private void authorize(Exchange ex, String formToken) throws Rejection {
        if (config.token() == null) {
            return;
        }
        String header = ex.header(HttpHeader.AUTHORIZATION);
        String given = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).trim() : formToken;
        if (given == null || !MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
                config.token().getBytes(StandardCharsets.UTF_8))) {
            throw Rejection.of(401, ProblemCode.REQUEST_UNAUTHORIZED, "", given == null
                    ? "需要访问令牌：请在请求头中给出 Authorization: Bearer 令牌" : "访问令牌不正确");
        }
    }

    /** A declared body over the limit is refused before a byte of it is read (and before any 100 Continue). */
    private void declaredWithinLimit(Exchange ex) throws Rejection {
        if (ex.request.getLength() > config.maxBodyBytes()) {
            throw BodyReader.tooLarge(config.maxBodyBytes());
        }
    }

    private static String mediaType(String contentType) {
        return contentType == null ? "" : contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
    }

    /** The boundary of a multipart body; a multipart type without one is a malformed request. */
    private static String boundary(String contentType) throws Rejection {
        String b = MultiPart.extractBoundary(contentType);
        if (b == null || b.isEmpty()) {
            throw Rejection.of(400, ProblemCode.REQUEST_MALFORMED, "Content-Type",
                    "multipart/form-data 缺少 boundary 参数：Content-Type 应为 multipart/form-data; boundary=分隔符");
        }
        return b;
    }

    private void apiCheck(Exchange ex) throws Rejection {
        authorize(ex, null);
        // Parameters in the query are checked before the body is read; a form's fields once it is.
        if (ex.query("pack") != null) {
            Checking.checker(checkers, ex.query("pack"));
        }
        if (ex.query("format") != null) {
            Checking.format(ex.query("format"), "json");
        }
        String contentType = ex.header(HttpHeader.CONTENT_TYPE);
        String type = mediaType(contentType);
        if (type.equals("multipart/form-data")) {
            BodyReader.Form form = new BodyReader.Form(boundary(contentType), config.maxFiles(), fields -> { });
            declaredWithinLimit(ex);
            read(ex, form, () -> {
                Map<String, String> params = new LinkedHashMap<>();
                for (String name : List.of("pack", "asOf", "format")) {
                    if (ex.query(name) != null) {
                        params.put(name, ex.query(name));
                    }
                }
                List<Checking.Upload> uploads = new ArrayList<>();
                List<Checking.Upload> waivers = new ArrayList<>();
                for (BodyReader.Part p : form.parts()) {
                    if (p.fileName() != null && !p.fileName().isEmpty()) {
                        (p.name().equals("waivers") ? waivers : uploads).add(new Checking.Upload(Checking.baseName(p.fileName()), p.content()));
                    } else if (p.fileName() == null && List.of("pack", "asOf", "format").contains(p.name())) {
                        params.putIfAbsent(p.name(), p.text());
                    }
                }
                check(ex, params, uploads, waivers, "json", false);
            });
        } else if (type.equals("application/json")) {
            declaredWithinLimit(ex);
            BodyReader.Whole whole = new BodyReader.Whole();
            read(ex, whole, () -> {
                String name = ex.query("name") == null ? "submission.json" : ex.query("name");
                List<Checking.Upload> uploads = List.of(new Checking.Upload(Checking.baseName(
                        name.toLowerCase(Locale.ROOT).endsWith(".json") ? name : name + ".json"), whole.bytes()));
                Map<String, String> params = new LinkedHashMap<>();
                for (String p : List.of("pack", "asOf", "format")) {
                    if (ex.query(p) != null) {
                        params.put(p, ex.query(p));
                    }
                }
                check(ex, params, uploads, List.of(), "json", false);
            });
        } else {
            throw Rejection.of(415, ProblemCode.REQUEST_MEDIA_TYPE, "", "请以 application/json（一份 JSON 台账）或 multipart/form-data（上传台账文件）提交，实际是 "
                    + (contentType == null ? "没有 Content-Type" : VisibleText.excerpt(contentType)));
        }
    }

    /**
     * The page's form. Its token is a field, not a header: the form puts it first, and the files' bytes are not read
     * until it has been checked (a file before the token is refused as soon as its headers arrive).
     */
    private void pageCheck(Exchange ex) throws Rejection {
        String contentType = ex.header(HttpHeader.CONTENT_TYPE);
        if (!mediaType(contentType).equals("multipart/form-data")) {
            throw Rejection.of(415, ProblemCode.REQUEST_MEDIA_TYPE, "", "请从检查页面提交（multipart/form-data）");
        }
        String boundary = boundary(contentType);
        declaredWithinLimit(ex);
        if (ex.header(HttpHeader.AUTHORIZATION) != null) {
            authorize(ex, null);
        }
        BodyReader.Form form = new BodyReader.Form(boundary, config.maxFiles(), fields -> authorize(ex, first(fields, "token")));
        read(ex, form, () -> {
            Map<String, String> fields = new LinkedHashMap<>();
            List<Checking.Upload> uploads = new ArrayList<>();
            List<Checking.Upload> waivers = new ArrayList<>();
            for (BodyReader.Part p : form.parts()) {
                if (p.fileName() == null) {
                    fields.putIfAbsent(p.name(), p.text());
                } else if (!p.fileName().isEmpty()) { // a browser sends an empty part when no file was picked
                    (p.name().equals("waivers") ? waivers : uploads).add(new Checking.Upload(Checking.baseName(p.fileName()), p.content()));
                }
            }
            authorize(ex, fields.get("token"));
            PlanChecker checker = Checking.checker(checkers, fields.get("pack"));
            String action = fields.getOrDefault("action", "view");
            if (action.equals("template")) {
                sendTemplate(ex, checker);
                return;
            }
            Map<String, String> params = new LinkedHashMap<>();
            params.put("pack", fields.get("pack"));
            params.put("asOf", fields.get("asOf"));
            params.put("format", action.equals("view") ? "html" : action);
            check(ex, params, uploads, waivers, "html", action.equals("view"));
        });
    }

    private static String first(List<BodyReader.Part> fields, String name) {
        return fields.stream().filter(p -> p.fileName() == null && p.name().equals(name)).map(BodyReader.Part::text)
                .findFirst().orElse(null);
    }

    /** What a handler does once the body is in memory; runs on the thread that delivered its last chunk. */
    private interface Then {
        void run() throws Rejection;
    }

    private void read(Exchange ex, BodyReader.Sink sink, Then then) {
        BodyReader.read(ex.request, config, budget, sink, () -> {
            try {
                then.run();
            } catch (Rejection r) {
                ex.reject(r, false);
            } catch (RuntimeException e) {
                ex.reject(internal(e), false);
            }
        }, r -> ex.reject(r, true));
    }

    /**
     * Checks the uploads on a check thread once one is free (503 when none frees within the queue wait) and answers
     * in the format asked for; {@code page} wraps the HTML report in the page's bar of downloads.
     */
    private void check(Exchange ex, Map<String, String> params, List<Checking.Upload> uploads,
                       List<Checking.Upload> waivers, String defaultFormat, boolean page) throws Rejection {
        PlanChecker checker = Checking.checker(checkers, params.get("pack"));
        String format = Checking.format(params.get("format"), defaultFormat);
        String asOf = params.get("asOf");
        checks.submit(() -> {
            try {
                Checking.Result result = Checking.run(checker, asOf, uploads, waivers);
                if (page) {
                    ex.send(200, Exchange.HTML_TYPE, Page.report(result));
                } else {
                    if (!format.equals("json")) {
                        String[] names = fileNames(format);
                        ex.attachment(names[0], names[1]);
                    }
                    ex.send(200, ReportFormats.forName(format).mediaType(), result.write(format));
                }
            } catch (Rejection r) {
                ex.reject(r, false);
            } catch (Error e) {
                abort(e);
            } catch (RuntimeException e) {
                ex.reject(internal(e), false);
            }
        }, () -> ex.reject(Rejection.of(503, ProblemCode.REQUEST_BUSY, "", "检查服务正忙（同时最多 " + config.maxChecks()
                + " 个检查），请稍后再试"), false));
    }

    private static Rejection internal(RuntimeException e) {
        return Rejection.of(500, ProblemCode.INTERNAL_ERROR, "", "内部错误：" + VisibleText.line(VisibleText.excerpt(String.valueOf(e))));
    }

    private static void sendTemplate(Exchange ex, PlanChecker checker) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            LedgerTemplate.write(checker.pack(), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
        }
        String id = checker.pack().id();
        ex.attachment("plancheck-template-" + id + ".xlsx", "台账模板-" + id + ".xlsx");
        ex.send(200, XLSX_TYPE, out.toByteArray());
    }

    private ObjectNode health() {
        ObjectNode o = Exchange.JSON.createObjectNode();
        o.put("status", "ok");
        ArrayNode packs = o.putArray("packs");
        checkers.keySet().forEach(packs::add);
        return o;
    }

    private ObjectNode packList() {
        ObjectNode root = Exchange.JSON.createObjectNode();
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
        ObjectNode root = Exchange.JSON.createObjectNode();
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
        // Fail at class load, not at the first request, should the resource go missing from a build.
        if (CheckService.class.getResource("openapi.json") == null) {
            throw new UncheckedIOException(new IOException("openapi.json missing from the service jar"));
        }
    }
}
