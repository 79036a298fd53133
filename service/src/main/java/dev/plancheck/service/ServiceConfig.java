package dev.plancheck.service;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;

/**
 * How a {@link CheckService} listens and what it bounds. Every limit is a flag of {@code ./checker serve}.
 *
 * <pre>{@code
 * ServiceConfig local = ServiceConfig.defaults();                          // 127.0.0.1:8080, no token
 * ServiceConfig office = ServiceConfig.defaults().withHost("0.0.0.0").withToken(System.getenv("PLANCHECK_TOKEN"));
 * }</pre>
 *
 * @param host          the address to listen on; anything but loopback requires a token
 * @param port          the port, or 0 for any free one
 * @param token         the access token, or {@code null} for none (allowed on loopback only)
 * @param maxBodyBytes  the largest request body accepted; a larger one gets 413
 * @param maxFiles      the most ledgers in one request; more gets 413
 * @param maxChecks     the most checks run at once; others wait {@code queueWait}, then get 503
 * @param queueWait     how long a request waits for a free check before 503
 */
public record ServiceConfig(String host, int port, String token, long maxBodyBytes, int maxFiles, int maxChecks,
                            Duration queueWait) {
    /** The default body limit: 20 MB. */
    public static final long DEFAULT_MAX_BODY = 20L * 1024 * 1024;

    /**
     * Checks the values.
     *
     * @throws IllegalArgumentException in Chinese, e.g. when a non-loopback host is given without a token
     */
    public ServiceConfig {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("端口应在 0 到 65535 之间，实际是 " + port);
        }
        if (maxBodyBytes < 1 || maxFiles < 1 || maxChecks < 1 || queueWait.isNegative()) {
            throw new IllegalArgumentException("请求大小、文件数和同时检查数的上限都应为正数");
        }
        if (token != null && token.isBlank()) {
            token = null;
        }
        if (token == null && !loopback(host)) {
            throw new IllegalArgumentException("在 " + host + " 上监听会让本机以外的计算机访问检查服务，必须设置访问令牌："
                    + "用 --token 给出，或设置环境变量 PLANCHECK_TOKEN；只在本机使用时请用 --host 127.0.0.1");
        }
    }

    /** 127.0.0.1:8080, no token, 20 MB, 50 files, 4 checks at once, 5 seconds' wait. */
    public static ServiceConfig defaults() {
        return new ServiceConfig("127.0.0.1", 8080, null, DEFAULT_MAX_BODY, 50, 4, Duration.ofSeconds(5));
    }

    public ServiceConfig withHost(String host) {
        return new ServiceConfig(host, port, token, maxBodyBytes, maxFiles, maxChecks, queueWait);
    }

    public ServiceConfig withPort(int port) {
        return new ServiceConfig(host, port, token, maxBodyBytes, maxFiles, maxChecks, queueWait);
    }

    public ServiceConfig withToken(String token) {
        return new ServiceConfig(host, port, token, maxBodyBytes, maxFiles, maxChecks, queueWait);
    }

    public ServiceConfig withLimits(long maxBodyBytes, int maxFiles, int maxChecks, Duration queueWait) {
        return new ServiceConfig(host, port, token, maxBodyBytes, maxFiles, maxChecks, queueWait);
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
}
