package dev.plancheck.service;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The bytes of request bodies held in memory by all requests together. Each request reserves what it has read as it
 * arrives and gives it back when its response is done, so that however many uploads are in flight (stalled, queued or
 * being checked), their bodies never take more than the budget: the heap is sized with it (docs/service.md#memory).
 */
final class BodyBudget {
    private final long limit;
    private final AtomicLong used = new AtomicLong();

    BodyBudget(long limit) {
        this.limit = limit;
    }

    /** Takes {@code bytes} from the budget, or nothing and false when that would pass it. */
    boolean reserve(long bytes) {
        while (true) {
            long now = used.get();
            if (now + bytes > limit) {
                return false;
            }
            if (used.compareAndSet(now, now + bytes)) {
                return true;
            }
        }
    }

    void release(long bytes) {
        used.addAndGet(-bytes);
    }

    /** Bytes held now. */
    long used() {
        return used.get();
    }
}
