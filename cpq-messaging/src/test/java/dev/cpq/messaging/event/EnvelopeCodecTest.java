package dev.cpq.messaging.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.cpq.messaging.relay.RelaySettings;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EnvelopeCodecTest {

    private final EnvelopeCodec codec = new EnvelopeCodec();

    @Test
    void anEnvelopeSurvivesTheWireUnchanged() {
        var envelope = new EventEnvelope(UUID.randomUUID(), "tnt-1", "Quote", "q-1", 7, "QuoteAccepted",
                Instant.parse("2026-11-22T10:15:30.123Z"), 2, JsonNodeFactory.instance.objectNode().put("total", "10.50"), "req-9");
        assertThat(codec.decode(codec.encode(envelope))).isEqualTo(envelope);
        assertThat(codec.encode(envelope)).contains("\"occurredAt\":\"2026-11-22T10:15:30.123Z\"");
    }

    @Test
    void newerProducersMayAddEnvelopeFields() {
        String raw = codec.encode(new EventEnvelope(UUID.randomUUID(), "t", "Quote", "q", 1, "X", Instant.EPOCH, 1,
                JsonNodeFactory.instance.objectNode(), null)).replace("{\"eventId\"", "{\"partitionHint\":3,\"eventId\"");
        assertThat(codec.decode(raw).aggregateId()).isEqualTo("q");
    }

    @Test
    void bytesThatAreNotAnEnvelopeAreUndecodable() {
        assertThatThrownBy(() -> codec.decode("{not json")).isInstanceOf(UndecodableEventException.class);
        assertThatThrownBy(() -> codec.decode("{\"eventId\":\"" + UUID.randomUUID() + "\"}")).isInstanceOf(UndecodableEventException.class);
        assertThatThrownBy(() -> codec.decode("null")).isInstanceOf(UndecodableEventException.class);
    }

    @Test
    void eachAggregateTypeHasItsTopic() {
        assertThat(EnvelopeCodec.topicOf("Catalog")).isEqualTo("cpq.catalog");
        assertThat(EnvelopeCodec.topicOf("PriceList")).isEqualTo("cpq.price-list");
        assertThat(EnvelopeCodec.topicOf("ApprovalPolicy")).isEqualTo("cpq.approval-policy");
    }

    @Test
    void relayBackoffDoublesUpToItsCeiling() {
        RelaySettings s = RelaySettings.defaults();
        assertThat(s.backoffAfter(1)).isEqualTo(Duration.ofMillis(200));
        assertThat(s.backoffAfter(2)).isEqualTo(Duration.ofMillis(400));
        assertThat(s.backoffAfter(5)).isEqualTo(Duration.ofMillis(3_200));
        assertThat(s.backoffAfter(40)).isEqualTo(Duration.ofSeconds(30));
    }
}
