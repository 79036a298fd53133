package dev.plancheck.cli;

import dev.plancheck.text.VisibleText;

/**
 * A failure of the checker itself while it handled one input, carrying which input it was. It ends the run
 * with {@link ExitCode#CRASH}, never with an exit code a caller could read as a result.
 */
final class Crash extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Crash(String doing, Throwable cause) {
        super(doing, cause);
    }

    /** What went wrong, in Chinese, on one line, with nothing submitted echoed raw. */
    static String describe(Throwable t) {
        StringBuilder sb = new StringBuilder();
        if (t instanceof Crash) {
            sb.append(VisibleText.line(t.getMessage())).append("：");
            t = t.getCause();
        }
        if (t instanceof OutOfMemoryError) {
            sb.append("内存不足（Java 堆上限约 ").append(Runtime.getRuntime().maxMemory() >> 20)
                    .append(" MiB）；可用 java -Xmx 调大，或用 --max-file-mb、--max-records 限制输入");
        } else if (t instanceof StackOverflowError) {
            sb.append("调用栈溢出");
        } else {
            String m = t.getMessage() == null ? "" : t.getMessage();
            m = m.length() > 200 ? m.substring(0, 200) + "…" : m;
            sb.append(t.getClass().getSimpleName()).append(m.isEmpty() ? "" : "：" + VisibleText.line(m));
        }
        return sb.toString();
    }
}
