package dev.cpq.messaging.benchmark;

import static dev.cpq.messaging.MessagingFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.cpq.cache.CacheFixture;
import dev.cpq.cache.SampleKeys;
import dev.cpq.messaging.MessagingFixture;
import dev.cpq.messaging.event.DomainEvent;
import dev.cpq.messaging.inbox.ConsumeOutcome;
import dev.cpq.messaging.inbox.InboxConsumer;
import dev.cpq.cache.key.CacheDomain;
import dev.cpq.messaging.invalidation.VersionPointerInvalidator;
import dev.cpq.messaging.relay.OutboxRelay;
import dev.cpq.messaging.relay.OutboxRelayLoop;
import dev.cpq.messaging.relay.RelaySettings;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * Figures for the outbox path, side by side in one run on this machine: relay throughput over 100k rows
 * with one and two relays against a naive one-row-at-a-time polling publisher, and the invalidation lag
 * from commit to cache pointer moved, idle and under a steady 1,000 publications per second.
 * Run with `deploy/cpq bench`; prints and writes $CPQ_REPORTS_DIR/messaging-benchmark.txt.
 */
class MessagingBenchmark {

    private static final int ROWS = 100_000;
    private static final int NAIVE_ROWS = 3_000;
    private final StringBuilder report = new StringBuilder();

    @Test
    void relayThroughputAndInvalidationLag() throws Exception {
        line("cpq-messaging benchmark, %s, %d cores", Instant.now(), Runtime.getRuntime().availableProcessors());
        double naive = naiveRowsPerSecond();
        double one = relayRowsPerSecond(1);
        double two = relayRowsPerSecond(2);
        line("  relay throughput (rows/s, %d rows, batch 500):  1 relay %,.0f   2 relays %,.0f", ROWS, one, two);
        line("  naive publisher (one row per transaction, %d rows):  %,.0f rows/s", NAIVE_ROWS, naive);
        line("  relay / naive: %.1fx with 1 relay, %.1fx with 2 (target >= 10x)", one / naive, two / naive);
        lag("idle (one publication at a time, 300 in all)", 300, 0);
        lag("steady load of 1,000 publications/s for 10 s", 10_000, 1_000);
        write();
    }

    private double relayRowsPerSecond(int relays) throws Exception {
        try (MessagingFixture f = new MessagingFixture()) {
            fill(f, ROWS);
            ExecutorService pool = Executors.newFixedThreadPool(relays);
            try {
                List<OutboxRelay> all = new ArrayList<>();
                for (int i = 0; i < relays; i++) {
                    all.add(f.relay(RelaySettings.defaults()));
                }
                long t0 = System.nanoTime();
                List<Future<Integer>> runs = new ArrayList<>();
                for (int i = 0; i < relays; i++) {
                    OutboxRelay relay = all.get(i);
                    int start = i * (OutboxRelay.PARTITIONS / relays);
                    runs.add(pool.submit(() -> {
                        int sent = 0;
                        while (f.scalar("SELECT count(*) FROM outbox_event WHERE status = 'PENDING'") > 0) {
                            sent += relay.relayPass(start);
                        }
                        return sent;
                    }));
                }
                int sent = 0;
                for (Future<Integer> r : runs) {
                    sent += r.get(10, TimeUnit.MINUTES);
                }
                double seconds = (System.nanoTime() - t0) / 1e9;
                assertThat(sent).isEqualTo(ROWS);
                return sent / seconds;
            } finally {
                pool.shutdownNow();
            }
        }
    }

    /** The baseline: poll the oldest pending row, publish it, wait for the ack, mark it, commit; repeat. */
    private double naiveRowsPerSecond() throws Exception {
        try (MessagingFixture f = new MessagingFixture()) {
            fill(f, NAIVE_ROWS);
            KafkaProducer<String, byte[]> producer = f.producer();
            long t0 = System.nanoTime();
            int sent = 0;
            try (Connection c = f.dataSource.getConnection()) {
                c.setAutoCommit(false);
                while (true) {
                    long id;
                    try (Statement s = c.createStatement();
                            ResultSet rs = s.executeQuery("SELECT id, topic, aggregate_id, envelope FROM outbox_event WHERE status = 'PENDING'"
                                    + " ORDER BY id LIMIT 1 FOR UPDATE")) {
                        if (!rs.next()) {
                            c.commit();
                            break;
                        }
                        id = rs.getLong(1);
                        producer.send(new ProducerRecord<>(rs.getString(2), rs.getString(3), rs.getString(4).getBytes(StandardCharsets.UTF_8))).get();
                    }
                    try (PreparedStatement up = c.prepareStatement("UPDATE outbox_event SET status = 'SENT', sent_at = now() WHERE id = ?")) {
                        up.setLong(1, id);
                        up.executeUpdate();
                    }
                    c.commit();
                    sent++;
                }
            }
            assertThat(sent).isEqualTo(NAIVE_ROWS);
            return sent / ((System.nanoTime() - t0) / 1e9);
        }
    }

    private static void fill(MessagingFixture f, int rows) throws Exception {
        try (Connection c = f.dataSource.getConnection(); Statement s = c.createStatement()) {
            // realistic envelopes (~400 bytes), 5,000 aggregates
            s.execute("INSERT INTO outbox_event (event_id, tenant_id, aggregate_type, aggregate_id, aggregate_version, event_type,"
                    + " schema_version, occurred_at, topic, envelope) SELECT gen_random_uuid(), 't1', '" + f.aggregateType + "',"
                    + " 'q-' || (g % 5000), g / 5000 + 1, 'QuoteChanged', 1, now(), '" + f.topic + "',"
                    + " json_build_object('eventId', gen_random_uuid(), 'tenantId', 't1', 'aggregateType', '" + f.aggregateType + "',"
                    + " 'aggregateId', 'q-' || (g % 5000), 'aggregateVersion', g / 5000 + 1, 'eventType', 'QuoteChanged',"
                    + " 'occurredAt', now(), 'schemaVersion', 1, 'payload', json_build_object('status', 'PRICED', 'pad', repeat('x', 120)))::text"
                    + " FROM generate_series(1, " + rows + ") g");
            s.execute("ANALYZE outbox_event");
        }
    }

    record Published(String tenantId, String aggregateType, String aggregateId, long aggregateVersion, String eventType,
            com.fasterxml.jackson.databind.JsonNode payload) implements DomainEvent {

        @Override
        public int schemaVersion() {
            return 1;
        }
    }

    /** Publications of 50 tenants' catalogs at {@code perSecond} (0 = one at a time, each awaited). */
    private void lag(String label, int publications, int perSecond) throws Exception {
        try (MessagingFixture f = new MessagingFixture(); CacheFixture cache = new CacheFixture()) {
            ExecutorService relayThread = Executors.newSingleThreadExecutor();
            var loop = new OutboxRelayLoop(f.relay(RelaySettings.defaults()), f.dataSource, f.schema, RelaySettings.defaults());
            relayThread.submit(loop);
            InboxConsumer consumer = f.startConsumer("catalog-pointer",
                    new VersionPointerInvalidator("CatalogPublished", CacheDomain.CATALOG,
                            e -> new VersionPointerInvalidator.PointerTarget(SampleKeys.catalogLine(e.tenantId()), e.payload().get("newVersion").asLong()),
                            cache.pointer, Clock.systemUTC(), f.registry));
            try {
                int tenants = 50;
                AtomicLong published = new AtomicLong();
                ExecutorService writers = Executors.newFixedThreadPool(2);
                long t0 = System.nanoTime();
                List<Future<?>> done = new ArrayList<>();
                for (int w = 0; w < 2; w++) {
                    int writer = w;
                    done.add(writers.submit(() -> {
                        try (Connection c = f.dataSource.getConnection()) {
                            c.setAutoCommit(false);
                            for (int i = writer; i < publications; i += 2) {
                                if (perSecond > 0) {
                                    long due = t0 + (long) (i * 1e9 / perSecond);
                                    while (System.nanoTime() < due) {
                                        Thread.onSpinWait();
                                    }
                                }
                                String tenant = cache.tenant + "-" + (i % tenants);
                                long version = i / tenants + 1;
                                f.outbox.record(c, new Published(tenant, f.aggregateType, "catalog-" + tenant, version, "CatalogPublished",
                                        JsonNodeFactory.instance.objectNode().put("newVersion", version)), null);
                                c.commit();
                                published.incrementAndGet();
                                if (perSecond == 0) {
                                    int n = i;
                                    await("publication " + n + " applied", Duration.ofSeconds(30),
                                            () -> consumer.count(ConsumeOutcome.APPLIED) >= n / 2 + 1 && cache.pointer.current(
                                                    SampleKeys.catalogLine(tenant)).orElse(0) >= version);
                                }
                            }
                        }
                        return null;
                    }));
                }
                for (Future<?> d : done) {
                    d.get(5, TimeUnit.MINUTES);
                }
                double rate = published.get() / ((System.nanoTime() - t0) / 1e9);
                await("all publications applied", Duration.ofMinutes(2), () -> consumer.count(ConsumeOutcome.APPLIED) == publications);
                writers.shutdown();
                Timer lag = f.registry.get("cpq.cache.invalidation.lag").tag("domain", "catalog").timer();
                double p50 = 0;
                double p99 = 0;
                for (ValueAtPercentile v : lag.takeSnapshot().percentileValues()) {
                    if (v.percentile() == 0.5) {
                        p50 = v.value(TimeUnit.MILLISECONDS);
                    } else if (v.percentile() == 0.99) {
                        p99 = v.value(TimeUnit.MILLISECONDS);
                    }
                }
                line("  invalidation lag, %s: n=%d at %.0f/s  p50=%.1f ms  p99=%.1f ms  max=%.1f ms", label, lag.count(), rate, p50, p99,
                        lag.max(TimeUnit.MILLISECONDS));
            } finally {
                loop.stop();
                relayThread.shutdown();
                relayThread.awaitTermination(10, TimeUnit.SECONDS);
            }
        }
    }

    private void line(String format, Object... args) {
        String l = String.format(Locale.ROOT, format, args);
        System.out.println(l);
        report.append(l).append('\n');
    }

    private void write() throws IOException {
        String dir = System.getenv("CPQ_REPORTS_DIR");
        if (dir != null && !dir.isBlank()) {
            Path file = Path.of(dir, "messaging-benchmark.txt");
            Files.createDirectories(file.getParent());
            Files.writeString(file, report.toString());
            System.out.println("  report: " + file);
        }
    }
}
