package dev.cpq.messaging.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Clock;
import java.util.Locale;
import java.util.UUID;

/** Envelopes to and from their JSON wire form; topics by aggregate type. */
public final class EnvelopeCodec {

    private final ObjectMapper json = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            // newer producers may add envelope fields; consumers must not break on them
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    public String encode(EventEnvelope envelope) {
        try {
            return json.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot encode event " + envelope.eventId(), e);
        }
    }

    /** @throws UndecodableEventException when the bytes are not an envelope */
    public EventEnvelope decode(String raw) {
        try {
            EventEnvelope envelope = json.readValue(raw, EventEnvelope.class);
            if (envelope == null) {
                throw new UndecodableEventException("empty event");
            }
            return envelope;
        } catch (JsonProcessingException | IllegalArgumentException | NullPointerException e) {
            throw new UndecodableEventException("not an event envelope: " + e.getMessage());
        }
    }

    /** A new envelope for an event that happens now. */
    public static EventEnvelope envelope(DomainEvent event, Clock clock, String traceId) {
        return new EventEnvelope(UUID.randomUUID(), event.tenantId(), event.aggregateType(), event.aggregateId(),
                event.aggregateVersion(), event.eventType(), clock.instant(), event.schemaVersion(), event.payload(), traceId);
    }

    /** One topic per aggregate type, keyed by aggregate id: {@code PriceList} -> {@code cpq.price-list}. */
    public static String topicOf(String aggregateType) {
        return "cpq." + aggregateType.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    public ObjectMapper json() {
        return json;
    }
}
