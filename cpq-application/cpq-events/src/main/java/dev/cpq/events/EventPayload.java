package dev.cpq.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cpq.messaging.event.EventEnvelope;

/**
 * Writing and reading the payload lines the events share (versions, ids), once: an event's {@code from}
 * checks the envelope is of its kind and refuses a payload without what the contract promises, so a
 * consumer never reads another service's JSON by hand.
 */
public final class EventPayload {

    private final JsonNode payload;
    private final String eventType;

    private EventPayload(JsonNode payload, String eventType) {
        this.payload = payload;
        this.eventType = eventType;
    }

    /** The payload of an envelope that must be of {@code kind}. */
    public static EventPayload of(EventEnvelope envelope, PublishedEvent kind) {
        if (!kind.eventType().equals(envelope.eventType())) {
            throw new IllegalArgumentException("not a " + kind.eventType() + " event: " + envelope.eventType());
        }
        return new EventPayload(envelope.payload(), kind.eventType());
    }

    public static ObjectNode newPayload() {
        return JsonNodeFactory.instance.objectNode();
    }

    /** A version that may be absent: written as JSON null then (consumers read the field either way). */
    public static ObjectNode putVersionOrNull(ObjectNode payload, String field, Long version) {
        if (version == null) {
            payload.putNull(field);
        } else {
            payload.put(field, version);
        }
        return payload;
    }

    /** A version (1 or more). */
    public long version(String field) {
        JsonNode v = payload.get(field);
        if (v == null || !v.canConvertToLong() || v.asLong() < 1) {
            throw new IllegalArgumentException(eventType + " without a valid " + field + ": " + payload);
        }
        return v.asLong();
    }

    /** An optional number (a previous version, say): null when the field is absent or null; no consumer decides on it. */
    public Long versionOrNull(String field) {
        JsonNode v = payload.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.canConvertToLong()) {
            throw new IllegalArgumentException(eventType + " with an invalid " + field + ": " + payload);
        }
        return v.asLong();
    }

    public String text(String field) {
        JsonNode v = payload.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw new IllegalArgumentException(eventType + " without " + field + ": " + payload);
        }
        return v.asText();
    }

    /** A text the contract added later, or null when an older producer did not write it. */
    public String textOrNull(String field) {
        JsonNode v = payload.get(field);
        return v == null || v.isNull() ? null : text(field);
    }

    public JsonNode node(String field) {
        JsonNode v = payload.get(field);
        if (v == null || v.isNull()) {
            throw new IllegalArgumentException(eventType + " without " + field + ": " + payload);
        }
        return v;
    }
}
