package dev.plancheck.engine;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.drools.kiesession.session.StatefulKnowledgeSessionImpl;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;

/**
 * A rule base's sessions between checks. A check takes one and uses it on its own thread only; when the check is over
 * the session is reset (every fact, match, global and listener gone) and kept for the next check of any thread.
 *
 * <p>Why: Drools makes a session's memory of each network node the first time a fact reaches that node, and a reset
 * empties those memories but keeps them. On the compliant sample making them was about a tenth of a check
 * (docs/performance.md). A session whose rules failed while they ran is thrown away, never reused, and at most
 * {@link #KEPT} idle sessions are kept; any more are disposed of.
 */
final class Sessions {
    /** Idle sessions kept: enough for every core to check at once, with some to spare. */
    static final int KEPT = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());

    private final KieBase kieBase;
    private final ConcurrentLinkedQueue<KieSession> idle = new ConcurrentLinkedQueue<>();
    private final AtomicInteger idleCount = new AtomicInteger();

    Sessions(KieBase kieBase) {
        this.kieBase = kieBase;
    }

    /** A session with no facts, for the calling thread alone until it is {@linkplain #giveBack given back}. */
    KieSession take() {
        KieSession session = idle.poll();
        if (session != null) {
            idleCount.decrementAndGet();
            return session;
        }
        return kieBase.newKieSession();
    }

    /**
     * Ends a check's use of the session: kept for another check when {@code reusable} (its rules ran to the end) and
     * there is room, otherwise disposed of.
     */
    void giveBack(KieSession session, boolean reusable) {
        if (reusable && session instanceof StatefulKnowledgeSessionImpl impl) {
            if (idleCount.incrementAndGet() <= KEPT) {
                try {
                    impl.reset();
                    idle.offer(session);
                    return;
                } catch (RuntimeException e) {
                    // A session that cannot be reset is not reused; the check it served is already complete.
                }
            }
            idleCount.decrementAndGet();
        }
        session.dispose();
    }

    /** Disposes of every idle session: the next check starts a new one (for tests). */
    void discardIdle() {
        for (KieSession s = idle.poll(); s != null; s = idle.poll()) {
            idleCount.decrementAndGet();
            s.dispose();
        }
    }

    /** Idle sessions now kept (for tests). */
    int idle() {
        return idleCount.get();
    }
}
