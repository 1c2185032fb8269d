package dev.cpq.messaging.inbox;

import static dev.cpq.messaging.MessagingFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cpq.messaging.MessagingFixture;
import dev.cpq.messaging.QuoteProjectionHandler;
import dev.cpq.messaging.event.EnvelopeCodec;
import dev.cpq.messaging.event.EventEnvelope;
import dev.cpq.messaging.relay.OutboxRelay;
import dev.cpq.messaging.relay.RelaySettings;
import dev.cpq.testing.ServiceControl;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import dev.cpq.cache.redis.RedisEndpoint;
import dev.cpq.cache.redis.RedisGateway;
import dev.cpq.cache.redis.RedisUnavailableException;
import dev.cpq.testing.RealServices;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class InboxConsumerIT {

    private final MessagingFixture f;

    InboxConsumerIT() throws Exception {
        f = new MessagingFixture();
    }

    @AfterEach
    void close() throws Exception {
        ServiceControl.start("kafka");
        ServiceControl.start("redis");
        f.close();
    }

    @Test
    void eventsOfOneAggregateDeliveredOutOfOrderNeverMoveTheProjectionBackwards() throws Exception {
        KafkaProducer<String, byte[]> producer = f.producer();
        for (long v : new long[] {3, 1, 2, 5, 4}) {
            send(producer, EnvelopeCodec.envelope(f.event("q-ooo", v, "S" + v), Clock.systemUTC(), null));
        }
        InboxConsumer consumer = f.startConsumer("projection", new QuoteProjectionHandler());
        await("five events processed", Duration.ofSeconds(30),
                () -> consumer.count(ConsumeOutcome.APPLIED) + consumer.count(ConsumeOutcome.IGNORED_STALE) == 5);

        assertThat(consumer.count(ConsumeOutcome.APPLIED)).as("v3 and v5").isEqualTo(2);
        assertThat(consumer.count(ConsumeOutcome.IGNORED_STALE)).as("v1, v2 and v4").isEqualTo(3);
        assertThat(f.scalar("SELECT version FROM quote_projection WHERE quote_id = 'q-ooo'")).isEqualTo(5);
        assertThat(f.scalar("SELECT count(*) FROM inbox_event WHERE outcome = 'IGNORED_STALE'")).isEqualTo(3);
    }

    @Test
    void aPoisonEventIsParkedLaterEventsOfThePartitionStillFlowAndAnOperatorCanRedriveIt() throws Exception {
        KafkaProducer<String, byte[]> producer = f.producer();
        // same key, hence same partition: the poison sits in front of good events
        producer.send(new ProducerRecord<>(f.topic, "q-p", "{this is not an envelope".getBytes(StandardCharsets.UTF_8))).get();
        send(producer, EnvelopeCodec.envelope(f.event("q-p", 1, "POISON"), Clock.systemUTC(), null));
        send(producer, EnvelopeCodec.envelope(f.event("q-p", 2, "PRICED"), Clock.systemUTC(), null));
        send(producer, EnvelopeCodec.envelope(f.event("q-other", 1, "DRAFT"), Clock.systemUTC(), null));

        QuoteProjectionHandler handler = new QuoteProjectionHandler();
        InboxConsumer consumer = f.startConsumer("projection", handler);
        await("poison parked, good events applied", Duration.ofSeconds(30),
                () -> consumer.count(ConsumeOutcome.PARKED) == 2 && consumer.count(ConsumeOutcome.APPLIED) == 2);

        assertThat(f.scalar("SELECT version FROM quote_projection WHERE quote_id = 'q-p'")).isEqualTo(2);
        assertThat(f.scalar("SELECT count(*) FROM parked_event WHERE status = 'PARKED'")).isEqualTo(2);
        assertThat(f.scalar("SELECT count(*) FROM parked_event WHERE event_id IS NULL")).as("the undecodable one").isEqualTo(1);
        assertThat(consumer.parkedCounts()).containsEntry("PARKED", 2L);

        // the operator fixes the cause and re-drives the decodable one: it is older than what was applied since
        handler.rejectPoison.set(false);
        long parkedId = f.scalar("SELECT id FROM parked_event WHERE event_id IS NOT NULL");
        assertThat(consumer.redrive(parkedId)).contains(ConsumeOutcome.IGNORED_STALE);
        assertThat(consumer.redrive(parkedId)).as("re-driven once").isEmpty();
        assertThat(f.scalar("SELECT version FROM quote_projection WHERE quote_id = 'q-p'")).isEqualTo(2);
    }

    @Test
    void withKafkaStoppedCommandsStillCommitAndAfterItsRestartEveryEventIsAppliedExactlyOnce() throws Exception {
        OutboxRelay relay = f.relay(RelaySettings.defaults().withSendTimeout(Duration.ofSeconds(4)));
        ServiceControl.stop("kafka");

        for (int v = 1; v <= 30; v++) {
            f.commit(f.event("q-" + (v % 5), v, "S" + v));
        }
        assertThat(f.scalar("SELECT count(*) FROM outbox_event WHERE status = 'PENDING'")).as("commands committed").isEqualTo(30);
        assertThat(relay.relayPass(0)).as("nothing can be published").isZero();
        assertThat(f.scalar("SELECT count(*) FROM outbox_event WHERE status = 'PENDING' AND last_error LIKE 'waiting for Kafka%'"))
                .as("the outage is recorded, the rows wait").isPositive();
        assertThat(f.scalar("SELECT coalesce(max(attempts), 0) FROM outbox_event")).as("an outage charges no attempt").isZero();

        ServiceControl.start("kafka");
        await("every row published after Kafka returned", Duration.ofSeconds(90), () -> {
            try {
                relay.relayPass(0);
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
            return f.scalarUnchecked("SELECT count(*) FROM outbox_event WHERE status = 'SENT'") == 30;
        });
        InboxConsumer consumer = f.startConsumer("projection", new QuoteProjectionHandler());
        await("all applied", Duration.ofSeconds(60), () -> consumer.count(ConsumeOutcome.APPLIED) == 30);
        assertThat(f.scalar("SELECT count(DISTINCT event_id) FROM inbox_event WHERE outcome = 'APPLIED'")).isEqualTo(30);
        assertThat(f.scalar("SELECT count(*) FROM (SELECT o.event_id FROM outbox_event o JOIN inbox_event i USING (event_id)) x"))
                .as("every outbox event reached the consumer").isEqualTo(30);
        assertThat(f.scalar("SELECT sum(applied_count) FROM quote_projection")).as("none applied twice").isEqualTo(30);
    }

    @Test
    void aConsumerEvictedDuringALongRedisOutageAndCutOffFromKafkaAtItsCommitRejoinsAndAppliesTheNextPublication() throws Exception {
        try (RedisGateway redis = RedisGateway.connect(RedisEndpoint.parse(RealServices.redis().url()), 2)) {
            RedisVersionHandler handler = new RedisVersionHandler(redis, "msg-it:" + f.schema + ":");
            // a short poll interval: the Redis outage below outlasts it, so the group evicts the consumer mid-batch;
            // short API timeouts: a commit with Kafka gone fails within seconds instead of a minute
            InboxConsumer consumer = f.startConsumer("pointer", handler, Map.of(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, 2_000,
                    ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3_000, ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_000));
            KafkaProducer<String, byte[]> producer = f.producer();
            send(producer, EnvelopeCodec.envelope(f.event("q-r", 1, "DRAFT"), Clock.systemUTC(), null));
            await("v1 applied and in Redis", Duration.ofSeconds(30), () -> "1".equals(handler.inRedis("q-r")));

            try {
                try (var redisDown = ServiceControl.stopped("redis")) {
                    send(producer, EnvelopeCodec.envelope(f.event("q-r", 2, "PRICED"), Clock.systemUTC(), null));
                    await("the batch of v2 fails on Redis", Duration.ofSeconds(30), () -> handler.redisFailures.get() > 0);
                    await("health reports the consumer stalled", Duration.ofSeconds(30), () -> consumer.health().stalled());
                    assertThat(consumer.health().healthy()).isFalse();
                    // the outage is the fault under test: it must outlast max.poll.interval.ms (2 s) by design
                    Thread.sleep(4_000);
                    ServiceControl.stop("kafka");
                }
                // Redis is back: the batch commits in PostgreSQL, its offset commit meets no Kafka
                await("v2 committed in the database", Duration.ofSeconds(60),
                        () -> f.scalarUnchecked("SELECT version FROM quote_projection WHERE quote_id = 'q-r'") == 2);
            } finally {
                ServiceControl.start("kafka");
            }
            send(producer, EnvelopeCodec.envelope(f.event("q-r", 3, "APPROVED"), Clock.systemUTC(), null));

            await("the next publication is applied and reaches Redis", Duration.ofSeconds(90), () -> "3".equals(handler.inRedis("q-r")));
            assertThat(f.scalar("SELECT applied_count FROM quote_projection WHERE quote_id = 'q-r'")).as("none applied twice").isEqualTo(3);
            assertThat(f.scalar("SELECT count(*) FROM inbox_event")).isEqualTo(3);
            assertThat(restarts("pointer")).as("the supervisor rebuilt the consumer").isPositive();
            assertThat(consumer.health().restarts()).isPositive();
            await("healthy again", Duration.ofSeconds(30), () -> consumer.health().healthy());
        }
    }

    @Test
    void aConsumerKilledMidBatchByAnErrorIsRestartedAndNoEventIsSkippedOrAppliedTwice() throws Exception {
        KafkaProducer<String, byte[]> producer = f.producer();
        for (int q = 0; q < 20; q++) {
            send(producer, EnvelopeCodec.envelope(f.event("q-k" + q, 1, "DRAFT"), Clock.systemUTC(), null));
        }
        QuoteProjectionHandler projection = new QuoteProjectionHandler();
        AtomicInteger applications = new AtomicInteger();
        EventHandler dyingOnce = new EventHandler() {
            @Override
            public Set<String> eventTypes() {
                return projection.eventTypes();
            }

            @Override
            public void apply(EventEnvelope event, java.sql.Connection transaction) throws Exception {
                if (applications.incrementAndGet() == 5) {
                    // what kills a thread: an Error, not an Exception, half-way through a batch
                    throw new KilledMidBatch();
                }
                projection.apply(event, transaction);
            }
        };
        f.startConsumer("projection", dyingOnce);

        await("all 20 applied", Duration.ofSeconds(60), () -> f.scalarUnchecked("SELECT count(*) FROM quote_projection") == 20);
        assertThat(f.scalar("SELECT sum(applied_count) FROM quote_projection")).as("none applied twice").isEqualTo(20);
        assertThat(f.scalar("SELECT count(*) FROM inbox_event")).isEqualTo(20);
        assertThat(restarts("projection")).isEqualTo(1);
    }

    @Test
    void anEventWhoseHandlerDiesWithAnErrorEveryTimeIsParkedAfterItsAttemptsAndTheConsumerMovesOn() throws Exception {
        KafkaProducer<String, byte[]> producer = f.producer();
        for (long v = 1; v <= 3; v++) {
            send(producer, EnvelopeCodec.envelope(f.event("q-poison", v, "S" + v), Clock.systemUTC(), null));
        }
        QuoteProjectionHandler projection = new QuoteProjectionHandler();
        EventHandler diesOnVersionOne = new EventHandler() {
            @Override
            public Set<String> eventTypes() {
                return projection.eventTypes();
            }

            @Override
            public void apply(EventEnvelope event, java.sql.Connection transaction) throws Exception {
                if (event.aggregateVersion() == 1) {
                    // deterministic, not an Exception: every instance of the service dies on this event the same way
                    throw new StackOverflowError("poison");
                }
                projection.apply(event, transaction);
            }
        };
        InboxConsumer consumer = f.startConsumer("projection", diesOnVersionOne);

        await("the later events applied", Duration.ofSeconds(60),
                () -> f.scalarUnchecked("SELECT coalesce(max(version), 0) FROM quote_projection WHERE quote_id = 'q-poison'") == 3);
        assertThat(f.scalar("SELECT count(*) FROM parked_event WHERE status = 'PARKED'")).as("the poison event parked").isEqualTo(1);
        await("healthy again", Duration.ofSeconds(30), () -> consumer.health().healthy());
    }

    @Test
    void aConsumerThreadInterruptedMidBatchIsRestartedAndNoEventIsSkippedOrAppliedTwice() throws Exception {
        KafkaProducer<String, byte[]> producer = f.producer();
        for (int q = 0; q < 20; q++) {
            send(producer, EnvelopeCodec.envelope(f.event("q-i" + q, 1, "DRAFT"), Clock.systemUTC(), null));
        }
        QuoteProjectionHandler projection = new QuoteProjectionHandler();
        AtomicInteger applications = new AtomicInteger();
        EventHandler interruptedOnce = new EventHandler() {
            @Override
            public Set<String> eventTypes() {
                return projection.eventTypes();
            }

            @Override
            public void apply(EventEnvelope event, java.sql.Connection transaction) throws Exception {
                if (applications.incrementAndGet() == 5) {
                    Thread.currentThread().interrupt(); // a container shutting a thread down, a cancelled task
                }
                projection.apply(event, transaction);
            }
        };
        f.startConsumer("projection", interruptedOnce);

        await("all 20 applied", Duration.ofSeconds(60), () -> f.scalarUnchecked("SELECT count(*) FROM quote_projection") == 20);
        // a later publication still flows: the consumer is alive
        send(producer, EnvelopeCodec.envelope(f.event("q-i0", 2, "PRICED"), Clock.systemUTC(), null));
        await("the later publication applied", Duration.ofSeconds(60),
                () -> f.scalarUnchecked("SELECT version FROM quote_projection WHERE quote_id = 'q-i0'") == 2);
        assertThat(f.scalar("SELECT sum(applied_count) FROM quote_projection")).as("none applied twice").isEqualTo(21);
        assertThat(f.scalar("SELECT count(*) FROM inbox_event")).isEqualTo(21);
    }

    private double restarts(String consumer) {
        var counter = f.registry.find("cpq.messaging.consumer.restarts").tag("consumer", consumer).counter();
        return counter == null ? 0 : counter.count();
    }

    /** What kills a consumer thread mid-batch. */
    private static final class KilledMidBatch extends Error {

        private static final long serialVersionUID = 1L;

        KilledMidBatch() {
            super("consumer thread killed mid-batch");
        }
    }

    /** The projection, then the version in Redis (as the cache invalidators move a pointer). */
    private static final class RedisVersionHandler implements EventHandler {

        private final QuoteProjectionHandler projection = new QuoteProjectionHandler();
        private final RedisGateway redis;
        private final String prefix;
        final AtomicInteger redisFailures = new AtomicInteger();

        RedisVersionHandler(RedisGateway redis, String prefix) {
            this.redis = redis;
            this.prefix = prefix;
        }

        @Override
        public Set<String> eventTypes() {
            return projection.eventTypes();
        }

        @Override
        public void apply(EventEnvelope event, java.sql.Connection transaction) throws Exception {
            projection.apply(event, transaction);
            try {
                redis.execute(j -> j.set(prefix + event.aggregateId(), Long.toString(event.aggregateVersion())));
            } catch (RedisUnavailableException e) {
                redisFailures.incrementAndGet();
                throw e;
            }
        }

        String inRedis(String quoteId) {
            try {
                return redis.execute(j -> j.get(prefix + quoteId));
            } catch (RedisUnavailableException e) {
                return null;
            }
        }
    }

    private void send(KafkaProducer<String, byte[]> producer, EventEnvelope e) throws Exception {
        producer.send(new ProducerRecord<>(f.topic, e.aggregateId(), f.codec.encode(e).getBytes(StandardCharsets.UTF_8))).get();
    }

}
