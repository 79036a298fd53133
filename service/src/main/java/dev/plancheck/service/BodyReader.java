package dev.plancheck.service;

import dev.plancheck.input.ProblemCode;
import dev.plancheck.text.VisibleText;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.MultiPart;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;

/**
 * Reads one request's body into memory without holding a thread: each chunk is taken as it arrives, and when none is
 * there the reader asks to be called back ({@link Request#demand}) and returns, so a stalled upload costs its buffers
 * and no thread. While reading it enforces the limits: the body size, the {@link BodyBudget} of all bodies together,
 * and the slowest upload rate (the connection's idle timeout covers a client that sends nothing at all). The bytes go
 * to a {@link Sink}: Jetty's multipart parser ({@link Form}) or one JSON document ({@link Whole}).
 */
final class BodyReader implements Runnable {
    /** What the body becomes. Called on whichever thread delivered the chunk; never two at once. */
    interface Sink {
        /** Takes one chunk; must copy what it keeps (the chunk is released afterwards). */
        void accept(Content.Chunk chunk) throws Rejection;

        /** True once nothing more is needed (a form's closing boundary was seen). */
        boolean complete();

        /** The body ended. */
        void end() throws Rejection;
    }

    private final Request request;
    private final ServiceConfig config;
    private final BodyBudget budget;
    private final Sink sink;
    private final Runnable done;
    private final Consumer<Rejection> rejected;
    private final long started = System.nanoTime();
    private long read;
    private long reserved;

    private BodyReader(Request request, ServiceConfig config, BodyBudget budget, Sink sink, Runnable done,
                       Consumer<Rejection> rejected) {
        this.request = request;
        this.config = config;
        this.budget = budget;
        this.sink = sink;
        this.done = done;
        this.rejected = rejected;
    }

    /**
     * Starts reading; exactly one of {@code done} and {@code rejected} is called, once, on some thread. What the body
     * holds of the budget is given back when the response is complete.
     */
    static void read(Request request, ServiceConfig config, BodyBudget budget, Sink sink, Runnable done,
                     Consumer<Rejection> rejected) {
        BodyReader reader = new BodyReader(request, config, budget, sink, done, rejected);
        Request.addCompletionListener(request, failure -> budget.release(reader.reserved));
        reader.run();
    }

    @Override
    public void run() {
        try {
            while (true) {
                Content.Chunk chunk = request.read();
                if (chunk == null) {
                    if (tooSlow()) {
                        throw tooSlowRejection();
                    }
                    request.demand(this);
                    return;
                }
                if (Content.Chunk.isFailure(chunk)) {
                    Throwable f = chunk.getFailure();
                    throw f instanceof TimeoutException ? timedOut() : Rejection.of(400, ProblemCode.REQUEST_MALFORMED, "",
                            "请求体没有完整送达（" + VisibleText.excerpt(String.valueOf(f.getMessage())) + "）");
                }
                boolean last = chunk.isLast();
                try {
                    int n = chunk.remaining();
                    read += n;
                    if (read > config.maxBodyBytes()) {
                        throw tooLarge(config.maxBodyBytes());
                    }
                    if (!budget.reserve(n)) {
                        throw Rejection.of(503, ProblemCode.REQUEST_BUSY, "", "检查服务正忙（正在接收和检查的上传已达内存上限），请稍后再试");
                    }
                    reserved += n;
                    sink.accept(chunk);
                } finally {
                    chunk.release();
                }
                if (sink.complete() || last) {
                    sink.end();
                    done.run();
                    return;
                }
                if (tooSlow()) {
                    throw tooSlowRejection();
                }
            }
        } catch (Rejection r) {
            rejected.accept(r);
        } catch (Error e) {
            CheckService.abort(e);
        }
    }

    private boolean tooSlow() {
        long elapsedMs = (System.nanoTime() - started) / 1_000_000;
        return config.minUploadRate() > 0 && elapsedMs > config.uploadGrace().toMillis()
                && read * 1000 / Math.max(1, elapsedMs) < config.minUploadRate();
    }

    private Rejection tooSlowRejection() {
        return Rejection.of(408, ProblemCode.REQUEST_TIMEOUT, "", "上传太慢（" + config.uploadGrace().toSeconds() + " 秒后平均每秒不到 "
                + config.minUploadRate() / 1024 + " KB），连接已关闭；请检查网络后重新提交");
    }

    private Rejection timedOut() {
        return Rejection.of(408, ProblemCode.REQUEST_TIMEOUT, "", "上传中断：" + config.idleTimeout().toSeconds()
                + " 秒内没有收到数据，连接已关闭；请检查网络后重新提交");
    }

    static Rejection tooLarge(long max) {
        return Rejection.of(413, ProblemCode.REQUEST_TOO_LARGE, "", "请求体超过上限 " + Exchange.megabytes(max)
                + "；请分批提交，或让管理员调高 --max-request-mb");
    }

    /** The whole body as one document (a JSON ledger). */
    static final class Whole implements Sink {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        @Override
        public void accept(Content.Chunk chunk) {
            copy(chunk.getByteBuffer(), out);
        }

        @Override
        public boolean complete() {
            return false;
        }

        @Override
        public void end() {
        }

        byte[] bytes() {
            return out.toByteArray();
        }
    }

    /** One part of a form: a field ({@code fileName == null}) or a file. */
    record Part(String name, String fileName, byte[] content) {
        String text() {
            return new String(content, StandardCharsets.UTF_8);
        }
    }

    /** Decides, before the first file's bytes are read, whether the request may send files at all (the page's token). */
    interface Gate {
        /** Called with the form fields read so far; throws the rejection that stops the upload. */
        void beforeFiles(List<Part> fieldsSoFar) throws Rejection;
    }

    /**
     * A {@code multipart/form-data} body, parsed by Jetty's {@link MultiPart.Parser} as it arrives. Files are counted as
     * their headers arrive (more than {@code maxFiles} is refused before their bytes are read); a form field may hold at
     * most 64 KB; part headers at most 8 KB; at most {@code maxFiles} + 16 parts.
     */
    static final class Form extends MultiPart.AbstractPartsListener implements Sink {
        static final int MAX_FIELD_BYTES = 64 * 1024;
        static final int MAX_HEADER_BYTES = 8 * 1024;
        private final MultiPart.Parser parser;
        private final int maxFiles;
        private final Gate gate;
        private final List<Part> parts = new ArrayList<>();
        private ByteArrayOutputStream current = new ByteArrayOutputStream();
        private boolean gateChecked;
        private boolean isFile;
        private int files;
        private boolean complete;
        private Rejection rejection;

        Form(String boundary, int maxFiles, Gate gate) {
            this.parser = new MultiPart.Parser(boundary, this);
            parser.setMaxParts(maxFiles + 16L);
            parser.setPartHeadersMaxLength(MAX_HEADER_BYTES);
            this.maxFiles = maxFiles;
            this.gate = gate;
        }

        List<Part> parts() {
            return parts;
        }

        @Override
        public void accept(Content.Chunk chunk) throws Rejection {
            try {
                parser.parse(chunk);
            } catch (RuntimeException e) {
                fail(e);
            }
            if (rejection != null) {
                throw rejection;
            }
        }

        @Override
        public boolean complete() {
            return complete;
        }

        @Override
        public void end() throws Rejection {
            if (rejection != null) {
                throw rejection;
            }
            if (!complete) {
                throw malformed("请求体不完整：缺少结束分隔符");
            }
        }

        @Override
        public void onPartHeaders() {
            String fileName = getFileName();
            isFile = fileName != null;
            if (rejection != null || fileName == null || fileName.isEmpty()) {
                return; // a browser sends an empty file part when no file was picked
            }
            try {
                if (!gateChecked) {
                    gateChecked = true;
                    gate.beforeFiles(List.copyOf(parts));
                }
                if (++files > maxFiles) {
                    rejection = tooManyFiles(maxFiles);
                }
            } catch (Rejection r) {
                rejection = r;
            }
        }

        @Override
        public void onPartContent(Content.Chunk chunk) {
            if (rejection == null) {
                copy(chunk.getByteBuffer(), current);
                if (!isFile && current.size() > MAX_FIELD_BYTES) {
                    rejection = Rejection.of(413, ProblemCode.REQUEST_TOO_LARGE, VisibleText.excerpt(String.valueOf(getName())),
                            "表单字段过长（超过 " + MAX_FIELD_BYTES / 1024 + " KB）；台账请作为文件上传");
                }
            }
            // not released here: the chunk is a slice of the one the reader releases after parse()
        }

        @Override
        public void onPart(String name, String fileName, HttpFields headers) {
            if (rejection == null) {
                parts.add(new Part(name == null ? "" : name, fileName, current.toByteArray()));
            }
            current = new ByteArrayOutputStream();
        }

        @Override
        public void onComplete() {
            complete = true;
        }

        @Override
        public void onFailure(Throwable failure) {
            fail(failure);
        }

        private void fail(Throwable failure) {
            if (rejection != null) {
                return;
            }
            String m = String.valueOf(failure.getMessage());
            rejection = m.contains("too many") ? tooManyFiles(maxFiles)
                    : malformed(VisibleText.excerpt(m));
        }

        static Rejection malformed(String why) {
            return Rejection.of(400, ProblemCode.REQUEST_MALFORMED, "", "请求体不是有效的 multipart/form-data：" + why);
        }
    }

    static Rejection tooManyFiles(int maxFiles) {
        return Rejection.of(413, ProblemCode.REQUEST_TOO_LARGE, "ledgers", "一次最多检查 " + maxFiles + " 个台账文件；请分批提交");
    }

    private static void copy(ByteBuffer buffer, ByteArrayOutputStream out) {
        ByteBuffer b = buffer.slice();
        if (b.hasArray()) {
            out.write(b.array(), b.arrayOffset() + b.position(), b.remaining());
        } else {
            byte[] bytes = new byte[b.remaining()];
            b.get(bytes);
            out.write(bytes, 0, bytes.length);
        }
    }
}
