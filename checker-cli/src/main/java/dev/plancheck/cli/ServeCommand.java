package dev.plancheck.cli;

import dev.plancheck.input.RulePackException;
import dev.plancheck.service.CheckService;
import dev.plancheck.service.ServiceConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code checker serve}: the checking service, a web page and an HTTP API, until the process is stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"启动检查服务：浏览器打开 http://主机:端口/ 上传台账查看报告、下载整改清单；其他系统调用 /api/v1 接口（说明见 docs/service.md）。",
                "上传的文件只在内存中使用，不写入磁盘，检查后即丢弃。按 Ctrl+C 停止。"},
        exitCodeListHeading = "%n退出码：%n",
        exitCodeList = {"0:已停止", "2:用法有误（如在非本机地址上监听却没有令牌，或端口已被占用）",
                "75:服务内部出错（如内存不足）后已退出，应由守护进程重新启动（见 docs/service.md）"})
final class ServeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--host", paramLabel = "HOST", defaultValue = "127.0.0.1",
            description = "监听的地址（默认 ${DEFAULT-VALUE}，只有本机可访问）；其他地址（如 0.0.0.0）必须设置令牌")
    String host;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080", description = "端口（默认 ${DEFAULT-VALUE}）")
    int port;

    @Option(names = "--token", paramLabel = "TOKEN",
            description = "访问令牌：接口请求须带 Authorization: Bearer 令牌，页面须填写令牌；也可用环境变量 PLANCHECK_TOKEN 给出")
    String token;

    @Option(names = "--max-request-mb", paramLabel = "MB", defaultValue = "20",
            description = "一次请求的大小上限，单位 MB（默认 ${DEFAULT-VALUE}）；超过返回 413")
    int maxRequestMb;

    @Option(names = "--max-files", paramLabel = "N", defaultValue = "50",
            description = "一次请求最多的台账文件数（默认 ${DEFAULT-VALUE}）；超过返回 413")
    int maxFiles;

    @Option(names = "--max-checks", paramLabel = "N", defaultValue = "4",
            description = "同时进行的检查数上限（默认 ${DEFAULT-VALUE}）；其余请求最多等待 --queue-wait 秒，仍无空位则返回 503")
    int maxChecks;

    @Option(names = "--queue-wait", paramLabel = "SECONDS", defaultValue = "5",
            description = "请求等待检查空位的最长秒数（默认 ${DEFAULT-VALUE}）")
    int queueWait;

    @Option(names = "--allow-origin", paramLabel = "ORIGIN", split = ",",
            description = "另外接受的来源（可多次给出，或用逗号分隔），如反向代理的 https://jiancha.example.gov.cn："
                    + "来自其他来源（Origin）的浏览器请求一律拒绝（403），本机使用时无须设置")
    List<String> allowOrigins = new ArrayList<>();

    @Override
    public Integer call() throws InterruptedException {
        // An Error in any thread ends the service with its own exit code, for a supervisor to restart it; the command
        // line's handler (exit 70) is for a check that crashed, not for a server that must not run on half-broken.
        Thread.setDefaultUncaughtExceptionHandler((thread, t) -> {
            if (t instanceof Error) {
                CheckService.abort(t);
            }
        });
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String effectiveToken = token != null ? token : System.getenv("PLANCHECK_TOKEN");
        ServiceConfig config;
        try {
            config = ServiceConfig.defaults().withToken(effectiveToken).withHost(host).withPort(port)
                    .withLimits(maxRequestMb * 1024L * 1024L, maxFiles, maxChecks, Duration.ofSeconds(queueWait))
                    .withAllowedOrigins(allowOrigins);
        } catch (IllegalArgumentException e) {
            err.println("无法启动检查服务：" + e.getMessage());
            return ExitCode.BAD_INPUT.code;
        }
        CheckService service;
        try {
            service = CheckService.start(config);
        } catch (Error e) {
            CheckService.abort(e);
            return CheckService.EXIT_ON_ERROR;
        } catch (IOException e) {
            err.println("无法在 " + host + ":" + port + " 上监听（" + e.getMessage() + "）；端口可能已被占用，请用 --port 换一个");
            return ExitCode.BAD_INPUT.code;
        } catch (RulePackException e) {
            err.println("内置规则包有误，无法启动：");
            e.problems().forEach(p -> err.println("  " + p));
            return ExitCode.BROKEN_PACK.code;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            service.close();
            stopped.countDown();
        }, "plancheck-serve-stop"));
        out.println("检查服务已启动：" + service.uri() + "（规则包：" + String.join("、", service.packs()) + "）");
        out.println(config.token() == null ? "未设置令牌：仅限本机访问。按 Ctrl+C 停止。"
                : "已设置访问令牌：接口请求须带 Authorization: Bearer 令牌。按 Ctrl+C 停止。");
        out.flush();
        stopped.await();
        return ExitCode.OK.code;
    }
}
