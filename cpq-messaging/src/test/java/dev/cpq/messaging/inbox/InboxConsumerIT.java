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
        assertThat(f.scalar("SELECT count(*) FROM outbox_event WHERE status = 'PENDING' AND attempts > 0"))
                .as("the failed attempt is recorded, the rows wait").isPositive();

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

    private void send(KafkaProducer<String, byte[]> producer, EventEnvelope e) throws Exception {
        producer.send(new ProducerRecord<>(f.topic, e.aggregateId(), f.codec.encode(e).getBytes(StandardCharsets.UTF_8))).get();
    }

}
