package dev.cpq.messaging.relay;

import static dev.cpq.messaging.MessagingFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cpq.messaging.MessagingFixture;
import dev.cpq.messaging.QuoteProjectionHandler;
import dev.cpq.messaging.event.EventEnvelope;
import dev.cpq.messaging.inbox.ConsumeOutcome;
import dev.cpq.messaging.inbox.InboxConsumer;
import dev.cpq.messaging.relay.KafkaClients;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OutboxRelayIT {

    private final MessagingFixture f;

    OutboxRelayIT() throws Exception {
        f = new MessagingFixture();
    }

    @AfterEach
    void close() throws Exception {
        f.close();
    }

    @Test
    void aRolledBackBusinessTransactionLeavesNoOutboxRowAndPublishesNothing() throws Exception {
        try (Connection c = f.dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (var s = c.createStatement()) {
                s.execute("INSERT INTO quote_projection (tenant_id, quote_id, status, version) VALUES ('t1', 'q-rb', 'DRAFT', 1)");
            }
            f.outbox.record(c, f.event("q-rb", 1, "DRAFT"), null);
            c.rollback();
        }
        OutboxRelay relay = f.relay(RelaySettings.defaults());
        assertThat(relay.relayPass(0)).isZero();
        assertThat(f.scalar("SELECT count(*) FROM outbox_event")).isZero();
        assertThat(f.scalar("SELECT count(*) FROM quote_projection")).isZero();
        assertThat(endOffsetSum()).as("records on the topic").isZero();
    }

    @Test
    void aRelayKilledBetweenPublishAndMarkSentRepublishesAndTheInboxAbsorbsIt() throws Exception {
        for (int v = 1; v <= 20; v++) {
            f.commit(f.event("q-" + (v % 4), v, "S" + v));
        }
        // the first relay publishes everything, then dies before its commit marks the rows sent
        OutboxRelay dying = new OutboxRelay(failingCommits(f.dataSource), f.producer(), RelaySettings.defaults(), java.time.Clock.systemUTC());
        for (int p = 0; p < OutboxRelay.PARTITIONS; p++) {
            try {
                dying.relayBatch(p);
            } catch (SQLException expected) {
                // "killed": nothing was marked
            }
        }
        assertThat(f.scalar("SELECT count(*) FROM outbox_event WHERE status = 'PENDING'")).isEqualTo(20);
        assertThat(endOffsetSum()).as("published once already").isEqualTo(20);

        assertThat(f.relay(RelaySettings.defaults()).relayPass(0)).isEqualTo(20);
        assertThat(endOffsetSum()).as("published twice in all").isEqualTo(40);

        InboxConsumer consumer = f.startConsumer("projection", new QuoteProjectionHandler());
        await("every delivery processed", Duration.ofSeconds(30),
                () -> consumer.count(ConsumeOutcome.APPLIED) + consumer.count(ConsumeOutcome.DUPLICATE) == 40);
        assertThat(consumer.count(ConsumeOutcome.APPLIED)).isEqualTo(20);
        assertThat(consumer.count(ConsumeOutcome.DUPLICATE)).isEqualTo(20);
        assertThat(f.scalar("SELECT count(*) FROM inbox_event")).isEqualTo(20);
        assertThat(f.scalar("SELECT sum(applied_count) FROM quote_projection")).as("each event applied once").isEqualTo(20);
    }

    @Test
    void twoRelaysOnOneTablePublishEveryRowExactlyOnceAndKeepEachAggregatesOrder() throws Exception {
        int aggregates = 40;
        int versions = 25;
        try (Connection c = f.dataSource.getConnection()) {
            c.setAutoCommit(false);
            for (int v = 1; v <= versions; v++) {
                for (int a = 0; a < aggregates; a++) {
                    f.outbox.record(c, f.event("q-" + a, v, "S" + v), null);
                }
                c.commit();
            }
        }
        Set<String> outboxIds = new HashSet<>();
        try (Connection c = f.dataSource.getConnection(); var rs = c.createStatement().executeQuery("SELECT event_id FROM outbox_event")) {
            while (rs.next()) {
                outboxIds.add(rs.getString(1));
            }
        }
        OutboxRelay one = f.relay(RelaySettings.defaults().withBatchSize(50));
        OutboxRelay two = f.relay(RelaySettings.defaults().withBatchSize(50));
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> runs = new ArrayList<>();
            for (OutboxRelay relay : List.of(one, two)) {
                runs.add(pool.submit(() -> {
                    start.await();
                    int sent = 0;
                    while (f.scalar("SELECT count(*) FROM outbox_event WHERE status = 'PENDING'") > 0) {
                        sent += relay.relayPass(0);
                    }
                    return sent;
                }));
            }
            int total = runs.get(0).get(120, TimeUnit.SECONDS) + runs.get(1).get(120, TimeUnit.SECONDS);
            assertThat(total).isEqualTo(aggregates * versions);
        } finally {
            pool.shutdownNow();
        }

        List<EventEnvelope> published = readAll(aggregates * versions);
        Set<String> publishedIds = new HashSet<>();
        Map<String, Long> lastVersion = new HashMap<>();
        for (EventEnvelope e : published) {
            assertThat(publishedIds.add(e.eventId().toString())).as("published twice: " + e.eventId()).isTrue();
            long previous = lastVersion.getOrDefault(e.aggregateId(), 0L);
            assertThat(e.aggregateVersion()).as("order of " + e.aggregateId()).isGreaterThan(previous);
            lastVersion.put(e.aggregateId(), e.aggregateVersion());
        }
        assertThat(publishedIds).isEqualTo(outboxIds);
    }

    @Test
    void sentRowsAreCleanedUpAfterRetentionInBatchesAndFailedRowsCanBeRedriven() throws Exception {
        for (int v = 1; v <= 30; v++) {
            f.commit(f.event("q-clean", v, "S" + v));
        }
        f.relay(RelaySettings.defaults()).relayPass(0);
        try (Connection c = f.dataSource.getConnection()) {
            var future = java.sql.Timestamp.from(java.time.Instant.now().plusSeconds(60));
            assertThat(OutboxRelay.deleteSentBefore(c, future, 20)).isEqualTo(20);
            assertThat(OutboxRelay.deleteSentBefore(c, future, 20)).isEqualTo(10);
            assertThat(OutboxRelay.deleteSentBefore(c, java.sql.Timestamp.from(java.time.Instant.EPOCH), 20)).isZero();
        }
        f.commit(f.event("q-fail", 1, "X"));
        try (Connection c = f.dataSource.getConnection(); var s = c.createStatement()) {
            s.execute("UPDATE outbox_event SET status = 'FAILED', attempts = 10, last_error = 'gave up'");
            var failed = f.scalar("SELECT count(*) FROM outbox_event WHERE status = 'FAILED'");
            assertThat(failed).isEqualTo(1);
            try (var rs = s.executeQuery("SELECT event_id FROM outbox_event")) {
                rs.next();
                assertThat(OutboxRelay.redrive(c, java.util.UUID.fromString(rs.getString(1)))).isTrue();
            }
        }
        assertThat(f.relay(RelaySettings.defaults()).relayPass(0)).isEqualTo(1);
    }

    private long endOffsetSum() {
        try (KafkaConsumer<String, byte[]> c = KafkaClients.inboxConsumer(f.bootstrap, "probe-" + f.schema,
                Map.of(org.apache.kafka.clients.consumer.ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted"))) {
            var partitions = c.partitionsFor(f.topic).stream()
                    .map(p -> new org.apache.kafka.common.TopicPartition(p.topic(), p.partition())).toList();
            return c.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** Everything on the fixture's topic, in each partition's order. */
    private List<EventEnvelope> readAll(int expected) {
        List<EventEnvelope> all = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> c = KafkaClients.inboxConsumer(f.bootstrap, "reader-" + f.schema, Map.of())) {
            c.subscribe(List.of(f.topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (all.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(200))) {
                    all.add(f.codec.decode(new String(r.value(), java.nio.charset.StandardCharsets.UTF_8)));
                }
            }
            // anything beyond the expected count would be a duplicate: look once more
            for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(500))) {
                all.add(f.codec.decode(new String(r.value(), java.nio.charset.StandardCharsets.UTF_8)));
            }
        }
        return all;
    }

    /** A DataSource whose connections fail at commit: a relay process dying after publishing. */
    private static DataSource failingCommits(DataSource real) {
        return (DataSource) Proxy.newProxyInstance(OutboxRelayIT.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    Object result = method.invoke(real, args);
                    if (!"getConnection".equals(method.getName())) {
                        return result;
                    }
                    Connection connection = (Connection) result;
                    return Proxy.newProxyInstance(OutboxRelayIT.class.getClassLoader(), new Class<?>[] {Connection.class},
                            (p, m, a) -> {
                                if ("commit".equals(m.getName())) {
                                    throw new SQLException("relay process killed before commit");
                                }
                                try {
                                    return m.invoke(connection, a);
                                } catch (java.lang.reflect.InvocationTargetException e) {
                                    throw e.getCause();
                                }
                            });
                });
    }
}
