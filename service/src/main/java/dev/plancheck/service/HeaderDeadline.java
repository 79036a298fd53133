package dev.plancheck.service;

import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * A request's headers must arrive whole within a deadline. Jetty's idle timeout closes a connection that sends
 * nothing, but one that sends a header byte now and then (slowloris) is never idle and would hold one of the
 * {@link CheckService#MAX_CONNECTIONS} connections for hours; enough of them and no one else can connect. Each
 * connection is looked at every {@link #TICK_SECONDS} seconds: once it has sent bytes of a new request and that request
 * has not come whole within the deadline, the connection is closed. A request whose headers have arrived (an upload
 * being read, a check being run) is not this class's business: the upload rate and the idle timeout bound those.
 */
final class HeaderDeadline implements Connection.Listener {
    static final long TICK_SECONDS = 2;
    private final Scheduler scheduler;
    private final long deadlineNanos;

    HeaderDeadline(Scheduler scheduler, long deadlineSeconds) {
        this.scheduler = scheduler;
        this.deadlineNanos = TimeUnit.SECONDS.toNanos(deadlineSeconds);
    }

    @Override
    public void onOpened(Connection connection) {
        new Watch(connection).run();
    }

    /** One connection's state between looks: the requests it had sent, and the bytes that followed them. */
    private final class Watch implements Runnable {
        private final Connection connection;
        private long requests = -1;
        private long baseline = -1;
        private long since;

        Watch(Connection connection) {
            this.connection = connection;
        }

        @Override
        public void run() {
            if (!connection.getEndPoint().isOpen()) {
                return;
            }
            long in = connection.getMessagesIn();
            long bytes = connection.getBytesIn();
            long now = System.nanoTime();
            if (in != connection.getMessagesOut()) {
                // a request is being read or answered
                requests = in;
                baseline = -1;
                since = 0;
            } else if (in != requests || baseline < 0) {
                // just answered (or just opened): what arrives from now on is the next request
                requests = in;
                baseline = bytes;
                since = 0;
            } else if (bytes > baseline) {
                if (since == 0) {
                    since = now;
                } else if (now - since >= deadlineNanos) {
                    connection.getEndPoint().close();
                    return;
                }
            }
            scheduler.schedule(this, TICK_SECONDS, TimeUnit.SECONDS);
        }
    }
}
