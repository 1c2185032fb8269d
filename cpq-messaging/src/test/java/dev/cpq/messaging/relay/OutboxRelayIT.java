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
import dev.cpq.testing.ServiceControl;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OutboxRelayIT {

    private final MessagingFixture f;

    OutboxRelayIT() throws Exception {
        f = new MessagingFixture();
    }

    @AfterEach
    void close() throws Exception {
        ServiceControl.start("kafka");
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
        OutboxRelay dying = new OutboxRelay(failingCommits(f.dataSource), f::producer, RelaySettings.defaults(), java.time.Clock.systemUTC());
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

    @Test
    void aKafkaOutageUnderSteadyPublicationsChargesNoAttemptAndLosesOrReordersNothing() throws Exception {
        // short backoffs and few attempts: the old relay turned rows FAILED within a second of outage
        RelaySettings settings = new RelaySettings(50, 3, Duration.ofMillis(20), Duration.ofMillis(200), Duration.ofMillis(100),
                Duration.ofSeconds(2));
        OutboxRelayLoop loop = new OutboxRelayLoop(f.relay(settings), f.dataSource, f.schema, settings);
        Thread relayThread = new Thread(loop, "relay-under-test");
        relayThread.start();
        Map<String, Long> versions = new HashMap<>();
        try {
            publishRound(versions, 8);
            await("published before the outage", Duration.ofSeconds(30),
                    () -> f.scalarUnchecked("SELECT count(*) FROM outbox_event WHERE status = 'SENT'") == 8);
            try (var outage = ServiceControl.stopped("kafka")) {
                // steady publications through the outage, one small commit at a time, as users keep working
                long until = System.nanoTime() + Duration.ofSeconds(12).toNanos();
                while (System.nanoTime() < until) {
                    publishRound(versions, 8);
                    Thread.sleep(200);
                }
                assertThat(f.scalar("SELECT count(*) FROM outbox_event WHERE status = 'FAILED'")).as("FAILED during the outage").isZero();
                assertThat(f.scalar("SELECT coalesce(max(attempts), 0) FROM outbox_event")).as("attempts charged by the outage").isZero();
                assertThat(f.scalar("SELECT count(*) FROM outbox_event WHERE status = 'PENDING'")).as("waiting").isPositive();
            }
            long total = f.scalar("SELECT count(*) FROM outbox_event");
            await("everything published after Kafka returned", Duration.ofSeconds(90),
                    () -> f.scalarUnchecked("SELECT count(*) FROM outbox_event WHERE status = 'SENT'") == total);
            assertThat(f.scalar("SELECT count(*) FROM outbox_event WHERE status = 'FAILED'")).isZero();
            List<EventEnvelope> published = readAll((int) total);
            Set<String> outboxIds = new HashSet<>();
            try (Connection c = f.dataSource.getConnection(); var rs = c.createStatement().executeQuery("SELECT event_id FROM outbox_event")) {
                while (rs.next()) {
                    outboxIds.add(rs.getString(1));
                }
            }
            assertFirstDeliveriesInOrder(published, outboxIds);
        } finally {
            loop.stop();
            relayThread.join(10_000);
        }
    }

    @Test
    void aPermanentlyFailingEventBlocksItsAggregatesLaterEventsButNotOthersAndARedriveReleasesThemInOrder() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, f.bootstrap))) {
            var topic = new ConfigResource(ConfigResource.Type.TOPIC, f.topic);
            admin.incrementalAlterConfigs(Map.of(topic, List.of(new AlterConfigOp(new ConfigEntry("max.message.bytes", "4194304"),
                    AlterConfigOp.OpType.SET)))).all().get();
        }
        String huge = "X".repeat(1_500_000); // above the producer's max.request.size (1 MiB): a per-event, permanent error
        f.commit(f.event("q-big", 1, huge), f.event("q-ok", 1, "A"), f.event("q-big", 2, "B"), f.event("q-ok", 2, "C"),
                f.event("q-big", 3, "D"), f.event("q-ok", 3, "E"));
        RelaySettings settings = new RelaySettings(50, 2, Duration.ofMillis(10), Duration.ofMillis(20), Duration.ofMillis(100),
                Duration.ofSeconds(5));
        OutboxRelay relay = f.relay(settings);
        await("the oversized event FAILED after its attempts", Duration.ofSeconds(30), () -> {
            pass(relay);
            return f.scalarUnchecked("SELECT count(*) FROM outbox_event WHERE status = 'FAILED'"
                    + " AND aggregate_id = 'q-big' AND aggregate_version = 1") == 1;
        });
        for (int i = 0; i < 5; i++) {
            pass(relay);
        }
        assertThat(f.scalar("SELECT count(*) FROM outbox_event WHERE aggregate_id = 'q-ok' AND status = 'SENT'")).as("other aggregate")
                .isEqualTo(3);
        assertThat(f.scalar("SELECT aggregate_version FROM outbox_event WHERE status = 'FAILED'")).isEqualTo(1);
        assertThat(f.scalar("SELECT count(*) FROM outbox_event WHERE aggregate_id = 'q-big' AND status = 'PENDING' AND attempts = 0"))
                .as("later events of the failed aggregate wait, uncharged").isEqualTo(2);
        try (Connection c = f.dataSource.getConnection(); var rs = c.createStatement().executeQuery(
                "SELECT last_error FROM outbox_event WHERE status = 'FAILED'")) {
            rs.next();
            assertThat(rs.getString(1)).contains("RecordTooLarge");
        }

        // the operator raises the producer's limit, then redrives the failed event
        var larger = KafkaClients.relayProducer(f.bootstrap, "relay-large-" + f.schema,
                Map.of(org.apache.kafka.clients.producer.ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 4_000_000));
        try {
            OutboxRelay fixed = new OutboxRelay(f.dataSource, () -> larger, settings, java.time.Clock.systemUTC());
            try (Connection c = f.dataSource.getConnection()) {
                long failedId = f.scalar("SELECT id FROM outbox_event WHERE status = 'FAILED'");
                String eventId;
                try (var rs = c.createStatement().executeQuery("SELECT event_id FROM outbox_event WHERE id = " + failedId)) {
                    rs.next();
                    eventId = rs.getString(1);
                }
                assertThat(OutboxRelay.redrive(c, java.util.UUID.fromString(eventId))).isTrue();
            }
            await("released", Duration.ofSeconds(30), () -> {
                pass(fixed);
                return f.scalarUnchecked("SELECT count(*) FROM outbox_event WHERE status = 'SENT'") == 6;
            });
        } finally {
            larger.close();
        }
        List<Long> bigVersions = new ArrayList<>();
        for (EventEnvelope e : readAll(6)) {
            if ("q-big".equals(e.aggregateId())) {
                bigVersions.add(e.aggregateVersion());
            }
        }
        assertThat(bigVersions).as("the blocked aggregate in order").containsExactly(1L, 2L, 3L);
    }

    @Test
    void anEventTheBrokerRefusesAfterTheSendKeepsItsAggregatesLaterEventsOfTheSameBatchUnpublished() throws Exception {
        // the topic refuses what the producer accepts: the refusal comes back in the acknowledgement, after the
        // aggregate's later events of the batch were already handed to the producer
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, f.bootstrap))) {
            var topic = new ConfigResource(ConfigResource.Type.TOPIC, f.topic);
            admin.incrementalAlterConfigs(Map.of(topic, List.of(new AlterConfigOp(new ConfigEntry("max.message.bytes", "20000"),
                    AlterConfigOp.OpType.SET)))).all().get();
        }
        StringBuilder incompressible = new StringBuilder();
        while (incompressible.length() < 200_000) {
            incompressible.append(java.util.UUID.randomUUID());
        }
        f.commit(f.event("q-refused", 1, incompressible.toString()), f.event("q-refused", 2, "B"), f.event("q-refused", 3, "C"));
        RelaySettings settings = new RelaySettings(50, 2, Duration.ofMillis(10), Duration.ofMillis(20), Duration.ofMillis(100),
                Duration.ofSeconds(5));
        OutboxRelay relay = f.relay(settings);
        await("the refused event FAILED after its attempts", Duration.ofSeconds(30), () -> {
            pass(relay);
            return f.scalarUnchecked("SELECT count(*) FROM outbox_event WHERE status = 'FAILED' AND aggregate_version = 1") == 1;
        });
        assertThat(f.scalar("SELECT count(*) FROM outbox_event WHERE aggregate_id = 'q-refused' AND status = 'SENT'"))
                .as("no later event of the refused aggregate published ahead of it").isZero();
        assertThat(endOffsetSum()).as("nothing of the aggregate reached the topic").isZero();
    }

    @Test
    void anEventForATopicKafkaDoesNotHaveHoldsBackNoOtherTopicsEventsAndIsNotCharged() throws Exception {
        // a new aggregate type whose topic was not created (the broker creates none by itself): Kafka answers,
        // only that topic is missing. Same aggregate id, so both rows share an outbox partition and a batch
        String missingType = "ItNoTopic" + java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        f.commit(new MessagingFixture.QuoteChanged("t1", missingType, "q-1", 1, "A"));
        for (int v = 1; v <= 3; v++) {
            f.commit(f.event("q-1", v, "S" + v));
        }
        OutboxRelay relay = f.relay(RelaySettings.defaults());
        await("the other topic's events published while one topic is missing", Duration.ofSeconds(40), () -> {
            pass(relay);
            return f.scalarUnchecked("SELECT count(*) FROM outbox_event WHERE aggregate_type = '" + f.aggregateType
                    + "' AND status = 'SENT'") == 3;
        });
        assertThat(f.scalar("SELECT count(*) FROM outbox_event WHERE aggregate_type = '" + missingType
                + "' AND status = 'PENDING' AND attempts = 0")).as("the missing topic's event waits, uncharged").isEqualTo(1);
        assertThat(readAll(3).stream().map(EventEnvelope::aggregateVersion).toList()).containsExactly(1L, 2L, 3L);
    }

    @Test
    void aPendingRowHeldByAnotherTransactionIsWaitedForNeverOvertaken() throws Exception {
        f.commit(f.event("q-held", 1, "A"), f.event("q-held", 2, "B"));
        OutboxRelay relay = f.relay(RelaySettings.defaults());
        ExecutorService pool = Executors.newSingleThreadExecutor();
        // what an operator's redrive of a PENDING row used to do: lock it, find it is not FAILED, roll back
        try (Connection holder = holding("SELECT status FROM outbox_event WHERE aggregate_version = 1 FOR UPDATE")) {
            Future<Integer> pass = pool.submit(() -> relay.relayPass(0));
            await("the relay waits for the row or passes it", Duration.ofSeconds(30), () -> pass.isDone()
                    || f.scalarUnchecked("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                            + " AND query LIKE '%outbox_event%'") > 0);
            holder.rollback();
            pass.get(30, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        await("both sent", Duration.ofSeconds(30), () -> {
            pass(relay);
            return f.scalarUnchecked("SELECT count(*) FROM outbox_event WHERE status = 'SENT'") == 2;
        });
        assertThat(readAll(2).stream().map(EventEnvelope::aggregateVersion).toList()).containsExactly(1L, 2L);
    }

    @Test
    void aClosedProducerIsRebuiltAndEventsStillFlow() throws Exception {
        List<Producer<String, byte[]>> built = new CopyOnWriteArrayList<>();
        OutboxRelay relay = new OutboxRelay(f.dataSource, () -> {
            Producer<String, byte[]> p = f.producer();
            built.add(p);
            return p;
        }, RelaySettings.defaults(), java.time.Clock.systemUTC());
        f.commit(f.event("q-fatal", 1, "A"));
        assertThat(relay.relayPass(0)).isEqualTo(1);

        built.get(0).close(); // every further send of it fails for good
        f.commit(f.event("q-fatal", 2, "B"), f.event("q-other", 1, "C"));
        await("events flow again", Duration.ofSeconds(30), () -> {
            pass(relay);
            return f.scalarUnchecked("SELECT count(*) FROM outbox_event WHERE status = 'SENT'") == 3;
        });
        assertThat(built).as("a new producer").hasSize(2);
        assertThat(relay.producerRebuilds()).isEqualTo(1);
        assertThat(f.scalar("SELECT sum(attempts) FROM outbox_event")).as("nothing charged").isZero();
        assertThat(readAll(3).stream().filter(e -> e.aggregateId().equals("q-fatal")).map(EventEnvelope::aggregateVersion).toList())
                .containsExactly(1L, 2L);
        relay.close();
    }

    @Test
    void aFencedProducerIsRebuiltAndItsRowsWaitUncharged() throws Exception {
        List<Producer<String, byte[]>> built = new CopyOnWriteArrayList<>();
        OutboxRelay relay = new OutboxRelay(f.dataSource, () -> {
            Producer<String, byte[]> real = f.producer();
            // the first producer is fenced at its first send (as after another instance took over its id)
            Producer<String, byte[]> p = built.isEmpty() ? fenced(real) : real;
            built.add(p);
            return p;
        }, RelaySettings.defaults(), java.time.Clock.systemUTC());
        f.commit(f.event("q-fenced", 1, "A"), f.event("q-fenced", 2, "B"));
        await("events flow after the rebuild", Duration.ofSeconds(30), () -> {
            pass(relay);
            return f.scalarUnchecked("SELECT count(*) FROM outbox_event WHERE status = 'SENT'") == 2;
        });
        assertThat(built).hasSize(2);
        assertThat(f.scalar("SELECT sum(attempts) FROM outbox_event")).as("nothing charged").isZero();
        assertThat(readAll(2).stream().map(EventEnvelope::aggregateVersion).toList()).containsExactly(1L, 2L);
        relay.close();
    }

    @Test
    void aRowHeldByAStuckTransactionStallsNeitherTheRelayNorOtherAggregatesAndIsNeverOvertaken() throws Exception {
        f.commit(f.event("q-stuck", 1, "A"), f.event("q-stuck", 2, "B"));
        int others = 30;
        for (int a = 0; a < others; a++) {
            f.commit(f.event("q-free-" + a, 1, "F"));
        }
        OutboxRelay relay = f.relay(RelaySettings.defaults());
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (Connection holder = holding("SELECT status FROM outbox_event WHERE aggregate_id = 'q-stuck' AND aggregate_version = 1 FOR UPDATE")) {
            // the transaction stays open (stuck); the relay answers within a bound and publishes the others
            Future<Integer> pass = pool.submit(() -> relay.relayPass(0));
            assertThat(pass.get(10, TimeUnit.SECONDS)).as("the other aggregates' events").isEqualTo(others);
            assertThat(f.scalar("SELECT count(*) FROM outbox_event WHERE aggregate_id = 'q-stuck' AND status = 'PENDING'"))
                    .as("the held row and the one behind it").isEqualTo(2);
            holder.rollback();
        } finally {
            pool.shutdownNow();
        }
        await("the held aggregate follows", Duration.ofSeconds(30), () -> {
            pass(relay);
            return f.scalarUnchecked("SELECT count(*) FROM outbox_event WHERE status = 'SENT'") == others + 2;
        });
        assertThat(readAll(others + 2).stream().filter(e -> e.aggregateId().equals("q-stuck")).map(EventEnvelope::aggregateVersion).toList())
                .containsExactly(1L, 2L);
    }

    /** A producer whose sends fail as a fenced producer's do. */
    private static Producer<String, byte[]> fenced(Producer<String, byte[]> real) {
        @SuppressWarnings("unchecked")
        Class<Producer<String, byte[]>> type = (Class<Producer<String, byte[]>>) (Class<?>) Producer.class;
        return replacing(type, real, "send", args -> {
            var failed = new java.util.concurrent.CompletableFuture<RecordMetadata>();
            failed.completeExceptionally(new ProducerFencedException("fenced by a newer instance"));
            return failed;
        });
    }

    /** A connection whose open transaction holds the rows {@code lockingQuery} locks. */
    private Connection holding(String lockingQuery) throws SQLException {
        Connection holder = f.dataSource.getConnection();
        holder.setAutoCommit(false);
        try (var s = holder.createStatement()) {
            s.executeQuery(lockingQuery).close();
        }
        return holder;
    }

    private static void pass(OutboxRelay relay) {
        try {
            relay.relayPass(0);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void publishRound(Map<String, Long> versions, int aggregates) throws SQLException {
        for (int a = 0; a < aggregates; a++) {
            String id = "q-steady-" + a;
            long v = versions.merge(id, 1L, Long::sum);
            f.commit(f.event(id, v, "S" + v));
        }
    }

    /** Every outbox event published, each aggregate's first deliveries in version order (redeliveries are absorbed downstream). */
    private static void assertFirstDeliveriesInOrder(List<EventEnvelope> published, Set<String> outboxIds) {
        Set<String> seen = new HashSet<>();
        Map<String, Long> last = new HashMap<>();
        for (EventEnvelope e : published) {
            if (!seen.add(e.eventId().toString())) {
                continue;
            }
            long previous = last.getOrDefault(e.aggregateId(), 0L);
            assertThat(e.aggregateVersion()).as("order of " + e.aggregateId()).isEqualTo(previous + 1);
            last.put(e.aggregateId(), e.aggregateVersion());
        }
        assertThat(seen).as("nothing lost").isEqualTo(outboxIds);
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
        return replacing(DataSource.class, real, "getConnection", args -> replacing(Connection.class, real.getConnection(), "commit", a -> {
            throw new SQLException("relay process killed before commit");
        }));
    }

    /** What a replaced method does instead. */
    private interface Replacement {
        Object apply(Object[] args) throws Throwable;
    }

    /** {@code real} with one method of its interface replaced, every other one passed through. */
    @SuppressWarnings("unchecked")
    private static <T> T replacing(Class<T> type, T real, String method, Replacement replacement) {
        return (T) Proxy.newProxyInstance(OutboxRelayIT.class.getClassLoader(), new Class<?>[] {type}, (proxy, m, args) -> {
            if (m.getName().equals(method)) {
                return replacement.apply(args);
            }
            try {
                return m.invoke(real, args);
            } catch (java.lang.reflect.InvocationTargetException e) {
                throw e.getCause();
            }
        });
    }
}
