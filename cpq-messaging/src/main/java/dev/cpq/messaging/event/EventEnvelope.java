package dev.cpq.messaging.event;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * What travels through the outbox and Kafka: the facts about one event, and its payload.
 *
 * @param aggregateVersion the aggregate's version after the change: consumers use it to ignore older events
 * @param traceId          the request that caused the event (propagated from {@code X-Request-Id}); may be null
 */
public record EventEnvelope(UUID eventId, String tenantId, String aggregateType, String aggregateId, long aggregateVersion,
        String eventType, Instant occurredAt, int schemaVersion, JsonNode payload, String traceId) {

    public EventEnvelope {
        Objects.requireNonNull(eventId, "eventId");
        requireText(tenantId, "tenantId");
        requireText(aggregateType, "aggregateType");
        requireText(aggregateId, "aggregateId");
        requireText(eventType, "eventType");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(payload, "payload");
        if (aggregateVersion < 1) {
            throw new IllegalArgumentException("aggregate versions start at 1: " + aggregateVersion);
        }
        if (schemaVersion < 1) {
            throw new IllegalArgumentException("schema versions start at 1: " + schemaVersion);
        }
    }

    private static void requireText(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
