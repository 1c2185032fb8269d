package dev.cpq.messaging.relay;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.postgresql.PGConnection;

/**
 * Keeps one relay running: LISTENs for the outbox trigger's notification so a commit is published within
 * milliseconds, and polls every {@code pollInterval} as a safety net (missed notifications, backoffs).
 * Run it on a managed (long-running) thread; {@link #stop()} ends it within one poll interval.
 */
public final class OutboxRelayLoop implements Runnable {

    private static final Logger LOG = Logger.getLogger(OutboxRelayLoop.class.getName());

    private final OutboxRelay relay;
    private final DataSource dataSource;
    private final String schema;
    private final RelaySettings settings;
    private final AtomicLong published = new AtomicLong();
    private volatile boolean running = true;
    private volatile Thread thread;

    public OutboxRelayLoop(OutboxRelay relay, DataSource dataSource, String schema, RelaySettings settings) {
        this.relay = relay;
        this.dataSource = dataSource;
        this.schema = schema;
        this.settings = settings;
    }

    @Override
    public void run() {
        thread = Thread.currentThread();
        while (running) {
            try (Connection listener = dataSource.getConnection()) {
                try (Statement s = listener.createStatement()) {
                    s.execute("LISTEN \"cpq_outbox_" + schema + "\"");
                }
                PGConnection pg = listener.unwrap(PGConnection.class);
                int outages = 0;
                while (running) {
                    // the listening connection also does the work: one connection per relay loop
                    published.addAndGet(relay.relayPass(listener, ThreadLocalRandom.current().nextInt(OutboxRelay.PARTITIONS)));
                    if (relay.lastPassMetOutage()) {
                        // Kafka is unreachable: back off as a whole, however many commits notify meanwhile
                        // (the rows are not charged for it, they wait)
                        outages++;
                        pause(settings.outageBackoffAfter(outages));
                        pg.getNotifications(1); // drain what arrived meanwhile; the next pass looks anyway
                        continue;
                    }
                    outages = 0;
                    // blocks until a commit notifies us, or the poll interval passes
                    pg.getNotifications((int) settings.pollInterval().toMillis());
                }
            } catch (Throwable e) { // the relay thread outlives any failure: nothing else would restart it
                if (running) {
                    LOG.log(Level.WARNING, "outbox relay of schema " + schema + " failed; retrying after " + settings.pollInterval(), e);
                    Thread.interrupted();
                    pause(settings.pollInterval());
                }
            }
        }
        relay.close(); // the relay's producer lives as long as this loop
    }

    /** Rows this loop has published since it started. */
    public long published() {
        return published.get();
    }

    public void stop() {
        running = false;
        Thread t = thread;
        if (t != null) {
            t.interrupt();
        }
    }

    private void pause(java.time.Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
