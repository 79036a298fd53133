package dev.plancheck.service;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How a {@link CheckService} listens and what it bounds. Every limit is documented in {@code docs/service.md#limits};
 * most are flags of {@code ./checker serve}.
 *
 * <pre>{@code
 * ServiceConfig local = ServiceConfig.defaults();                          // 127.0.0.1:8080, no token
 * ServiceConfig office = ServiceConfig.defaults().withHost("0.0.0.0").withToken(System.getenv("PLANCHECK_TOKEN"))
 *         .withAllowedOrigins(List.of("https://jiancha.example.gov.cn"));   // behind the office's HTTPS proxy
 * }</pre>
 *
 * @param host           the address to listen on; anything but loopback requires a token
 * @param port           the port, or 0 for any free one
 * @param token          the access token, or {@code null} for none (allowed on loopback only); only the characters a
 *                       bearer token may have (RFC 6750), so that every client can send it in a header
 * @param maxBodyBytes   the largest request body accepted; a larger one gets 413
 * @param maxFiles       the most ledgers in one request; more gets 413
 * @param maxChecks      the most checks run at once; others wait {@code queueWait}, then get 503
 * @param queueWait      how long a request waits for a free check before 503
 * @param allowedOrigins origins besides the service's own whose pages may post to it (a proxy in front), each
 *                       {@code scheme://host[:port]}; their hosts are accepted as {@code Host} too
 * @param idleTimeout    how long a connection may send nothing (while sending headers or a body, or between requests)
 *                       or read nothing of a response before it is closed
 * @param minUploadRate  the slowest upload accepted, in bytes per second, averaged from the start of the body once
 *                       {@code uploadGrace} has passed; a slower one gets 408 and its connection is closed
 * @param uploadGrace    how long an upload may take before its rate is judged
 */
public record ServiceConfig(String host, int port, String token, long maxBodyBytes, int maxFiles, int maxChecks,
                            Duration queueWait, List<String> allowedOrigins, Duration idleTimeout, long minUploadRate,
                            Duration uploadGrace) {
    /** The default body limit: 20 MB. */
    public static final long DEFAULT_MAX_BODY = 20L * 1024 * 1024;

    /** What RFC 6750 lets a bearer token be: letters, digits and {@code - . _ ~ + /}, then any {@code =}. */
    private static final Pattern BEARER_TOKEN = Pattern.compile("[A-Za-z0-9._~+/-]+=*");

    /**
     * Checks the values.
     *
     * @throws IllegalArgumentException in Chinese, e.g. when a non-loopback host is given without a token, or the token
     *                                  cannot be sent in an HTTP header
     */
    public ServiceConfig {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("端口应在 0 到 65535 之间，实际是 " + port);
        }
        if (maxBodyBytes < 1 || maxFiles < 1 || maxChecks < 1 || queueWait.isNegative()) {
            throw new IllegalArgumentException("请求大小、文件数和同时检查数的上限都应为正数");
        }
        if (idleTimeout.isNegative() || idleTimeout.isZero() || minUploadRate < 0 || uploadGrace.isNegative()) {
            throw new IllegalArgumentException("空闲超时应为正数，最低上传速度和宽限时间不能为负数");
        }
        if (token != null && token.isBlank()) {
            token = null;
        }
        if (token != null && !BEARER_TOKEN.matcher(token).matches()) {
            throw new IllegalArgumentException("访问令牌只能由英文字母、数字和 - . _ ~ + / 组成（末尾可有 =）："
                    + "令牌要放在 HTTP 请求头 Authorization: Bearer 令牌 中发送，汉字、空格等字符在请求头中无法发送。"
                    + "可以这样生成一个随机令牌：openssl rand -hex 24");
        }
        if (token == null && !loopback(host)) {
            throw new IllegalArgumentException("在 " + host + " 上监听会让本机以外的计算机访问检查服务，必须设置访问令牌："
                    + "用 --token 给出，或设置环境变量 PLANCHECK_TOKEN（可用 openssl rand -hex 24 生成）；只在本机使用时请用 --host 127.0.0.1");
        }
        List<String> origins = new ArrayList<>();
        for (String o : allowedOrigins) {
            origins.add(origin(o));
        }
        allowedOrigins = List.copyOf(origins);
    }

    /**
     * 127.0.0.1:8080, no token, 20 MB, 50 files, 4 checks at once, 5 seconds' wait; no other origin; 30 seconds idle;
     * uploads of at least 8 KiB a second after the first 10 seconds.
     */
    public static ServiceConfig defaults() {
        return new ServiceConfig("127.0.0.1", 8080, null, DEFAULT_MAX_BODY, 50, 4, Duration.ofSeconds(5), List.of(),
                Duration.ofSeconds(30), 8 * 1024, Duration.ofSeconds(10));
    }

    public ServiceConfig withHost(String host) {
        return new ServiceConfig(host, port, token, maxBodyBytes, maxFiles, maxChecks, queueWait, allowedOrigins,
                idleTimeout, minUploadRate, uploadGrace);
    }

    public ServiceConfig withPort(int port) {
        return new ServiceConfig(host, port, token, maxBodyBytes, maxFiles, maxChecks, queueWait, allowedOrigins,
                idleTimeout, minUploadRate, uploadGrace);
    }

    public ServiceConfig withToken(String token) {
        return new ServiceConfig(host, port, token, maxBodyBytes, maxFiles, maxChecks, queueWait, allowedOrigins,
                idleTimeout, minUploadRate, uploadGrace);
    }

    public ServiceConfig withLimits(long maxBodyBytes, int maxFiles, int maxChecks, Duration queueWait) {
        return new ServiceConfig(host, port, token, maxBodyBytes, maxFiles, maxChecks, queueWait, allowedOrigins,
                idleTimeout, minUploadRate, uploadGrace);
    }

    public ServiceConfig withAllowedOrigins(List<String> allowedOrigins) {
        return new ServiceConfig(host, port, token, maxBodyBytes, maxFiles, maxChecks, queueWait, allowedOrigins,
                idleTimeout, minUploadRate, uploadGrace);
    }

    public ServiceConfig withTimeouts(Duration idleTimeout, long minUploadRate, Duration uploadGrace) {
        return new ServiceConfig(host, port, token, maxBodyBytes, maxFiles, maxChecks, queueWait, allowedOrigins,
                idleTimeout, minUploadRate, uploadGrace);
    }

    /**
     * The request bodies held in memory at once, by all requests together (being read, waiting for a check or being
     * checked): twelve of the largest. What arrives beyond it gets 503 (docs/service.md#memory).
     */
    public long bodyBudget() {
        return 12 * maxBodyBytes;
    }

    /** True when the host names only this machine (127.0.0.0/8, ::1, localhost). */
    static boolean loopback(String host) {
        try {
            for (InetAddress a : InetAddress.getAllByName(host)) {
                if (!a.isLoopbackAddress()) {
                    return false;
                }
            }
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /**
     * An origin in the form a browser sends it ({@code https://example.org}, {@code http://10.0.0.5:8080}): lower case,
     * the port only when it is not the scheme's default.
     *
     * @throws IllegalArgumentException when it is not {@code http(s)://host[:port]}
     */
    static String origin(String value) {
        String bad = "--allow-origin 的值应为浏览器地址栏中的来源，即 https://主机 或 http://主机:端口（不带路径），实际是 \"" + value + "\"";
        URI u;
        try {
            u = new URI(value.trim());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException(bad);
        }
        String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || u.getHost() == null || u.getRawUserInfo() != null
                || !(u.getRawPath() == null || u.getRawPath().isEmpty() || u.getRawPath().equals("/"))
                || u.getRawQuery() != null || u.getRawFragment() != null) {
            throw new IllegalArgumentException(bad);
        }
        int port = u.getPort();
        boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
        return scheme + "://" + u.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
    }
}
