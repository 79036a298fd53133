package dev.plancheck.service;

import dev.plancheck.input.ProblemCode;
import dev.plancheck.text.VisibleText;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;

/**
 * Who may use the service from a browser. A request that carries an {@code Origin} must come from the service's own
 * origin (the scheme, host and port it was reached at) or from one listed with {@code --allow-origin}: so a page of
 * another site that the office opens cannot post to the service. Requests without {@code Origin} (curl, scripts,
 * generated clients) pass. On loopback the {@code Host} must also name this machine, so that a name of another site
 * that resolves to 127.0.0.1 (DNS rebinding) does not make that site "the same origin".
 */
final class Origins {
    private final boolean loopbackOnly;
    private final Set<String> allowed;
    private final Set<String> allowedHosts = new LinkedHashSet<>();

    Origins(ServiceConfig config) {
        this.loopbackOnly = ServiceConfig.loopback(config.host());
        this.allowed = Set.copyOf(config.allowedOrigins());
        for (String o : config.allowedOrigins()) {
            allowedHosts.add(hostOf(o));
        }
    }

    /** Null when the request may go on; otherwise the 403 that says why. */
    Rejection check(Request request) {
        String host = Request.getServerName(request).toLowerCase(Locale.ROOT);
        if (loopbackOnly && !loopbackName(host) && !allowedHosts.contains(host)) {
            return Rejection.of(403, ProblemCode.REQUEST_FORBIDDEN, "Host", "不接受发往主机名“" + VisibleText.excerpt(host)
                    + "”的请求：检查服务只在本机使用，请用 http://127.0.0.1 或 http://localhost 访问；"
                    + "经反向代理访问时，请管理员用 --allow-origin 列出代理的地址");
        }
        String origin = request.getHeaders().get(HttpHeader.ORIGIN);
        if (origin == null) {
            return null;
        }
        String given;
        try {
            given = ServiceConfig.origin(origin);
        } catch (IllegalArgumentException e) {
            given = null; // "null" (a sandboxed frame, a file:// page, a no-referrer post) or garbage
        }
        if (given != null && (given.equals(self(request)) || allowed.contains(given))) {
            return null;
        }
        return Rejection.of(403, ProblemCode.REQUEST_FORBIDDEN, "Origin", "不接受来自其他网站（" + VisibleText.excerpt(origin)
                + "）的请求：请直接打开检查页面 " + self(request) + "/ 提交；经反向代理访问时，请管理员用 --allow-origin 列出代理的地址");
    }

    /** {@code http://127.0.0.1:8080}: the origin this request reached us at (its Host header, else our address). */
    static String self(Request request) {
        String scheme = request.getHttpURI().getScheme() == null ? "http" : request.getHttpURI().getScheme();
        String host = Request.getServerName(request).toLowerCase(Locale.ROOT);
        if (host.contains(":") && !host.startsWith("[")) {
            host = "[" + host + "]";
        }
        int port = Request.getServerPort(request);
        boolean defaultPort = (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
        return scheme + "://" + host + (defaultPort ? "" : ":" + port);
    }

    private static boolean loopbackName(String host) {
        String h = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        return h.equals("localhost") || h.equals("::1") || h.equals("0:0:0:0:0:0:0:1") || h.matches("127(\\.\\d{1,3}){3}");
    }

    private static String hostOf(String origin) {
        String rest = origin.substring(origin.indexOf("://") + 3);
        if (rest.startsWith("[")) {
            return rest.substring(0, rest.indexOf(']') + 1);
        }
        int colon = rest.indexOf(':');
        return colon < 0 ? rest : rest.substring(0, colon);
    }
}
