package dev.plancheck.service;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The checks that run at once: a fixed number of threads of their own (the rule engine never runs on the server's
 * threads), and a queue in which a request waits at most {@code wait} for one of them, holding no thread, before it is
 * answered 503. How many wait is bounded by the memory their bodies take ({@link BodyBudget}), not by a count.
 */
final class CheckQueue implements AutoCloseable {
    private final ThreadPoolExecutor workers;
    private final ScheduledExecutorService timer;
    private final Duration wait;

    CheckQueue(int slots, Duration wait) {
        this.wait = wait;
        AtomicInteger n = new AtomicInteger();
        this.workers = new ThreadPoolExecutor(slots, slots, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "plancheck-check-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "plancheck-queue-timer");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Runs {@code work} on a check thread as soon as one is free; when none is free within the wait, runs {@code busy}
     * instead (on the timer's thread). Exactly one of the two runs.
     */
    void submit(Runnable work, Runnable busy) {
        AtomicBoolean claimed = new AtomicBoolean();
        ScheduledFuture<?>[] timeout = new ScheduledFuture<?>[1];
        Runnable task = new Runnable() {
            @Override
            public void run() {
                if (claimed.compareAndSet(false, true)) {
                    synchronized (timeout) {
                        if (timeout[0] != null) {
                            timeout[0].cancel(false);
                        }
                    }
                    work.run();
                }
            }
        };
        synchronized (timeout) {
            timeout[0] = timer.schedule(() -> {
                if (claimed.compareAndSet(false, true)) {
                    workers.remove(task);
                    busy.run();
                }
            }, wait.toNanos(), TimeUnit.NANOSECONDS);
        }
        workers.execute(task);
    }

    /** Checks running now. */
    int running() {
        return workers.getActiveCount();
    }

    @Override
    public void close() {
        workers.shutdownNow();
        timer.shutdownNow();
        try {
            workers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
