package dev.cpq.messaging.invalidation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cpq.cache.key.VersionLine;
import dev.cpq.cache.pointer.ActiveVersionPointer;
import dev.cpq.cache.pointer.PointerMove;
import dev.cpq.messaging.event.EventEnvelope;
import dev.cpq.messaging.inbox.EventHandler;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * Moves a cache version pointer when a new version is published, and records the invalidation lag
 * (pointer moved minus the event's commit time) as {@code cpq_cache_invalidation_lag_seconds}. The move
 * is monotonic, so a late or replayed publication never sends the pointer back.
 */
abstract class PublicationCacheInvalidator implements EventHandler {

    private final ActiveVersionPointer pointer;
    private final Clock clock;
    private final Timer lag;
    private final String eventType;

    PublicationCacheInvalidator(String eventType, String domain, ActiveVersionPointer pointer, Clock clock, MeterRegistry registry) {
        this.eventType = eventType;
        this.pointer = Objects.requireNonNull(pointer, "pointer");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.lag = Timer.builder("cpq.cache.invalidation.lag")
                .description("from the publication's commit to the cache pointer naming the new version")
                .tag("domain", domain)
                .publishPercentiles(0.5, 0.99)
                .publishPercentileHistogram()
                .register(registry);
    }

    /** The pointer the event moves. */
    abstract VersionLine line(EventEnvelope event);

    @Override
    public Set<String> eventTypes() {
        return Set.of(eventType);
    }

    @Override
    public void apply(EventEnvelope event, Connection transaction) {
        long version = requiredVersion(event.payload());
        PointerMove move = pointer.moveTo(line(event), version);
        if (move.moved()) {
            lag.record(Duration.between(event.occurredAt(), clock.instant()));
        }
    }

    /** One pointer move per version line, to the newest version among the events. */
    @Override
    public void applyAll(java.util.List<EventEnvelope> events, Connection transaction) {
        java.util.Map<VersionLine, java.util.List<EventEnvelope>> byLine = new java.util.LinkedHashMap<>();
        for (EventEnvelope event : events) {
            byLine.computeIfAbsent(line(event), l -> new java.util.ArrayList<>()).add(event);
        }
        byLine.forEach((line, group) -> {
            long newest = group.stream().mapToLong(e -> requiredVersion(e.payload())).max().orElseThrow();
            if (pointer.moveTo(line, newest).moved()) {
                var now = clock.instant();
                group.forEach(e -> lag.record(Duration.between(e.occurredAt(), now)));
            }
        });
    }

    static long requiredVersion(JsonNode payload) {
        JsonNode v = payload.get("newVersion");
        if (v == null || !v.canConvertToLong() || v.asLong() < 1) {
            throw new IllegalArgumentException("publication event without a valid newVersion: " + payload);
        }
        return v.asLong();
    }

    static String requiredText(JsonNode payload, String field) {
        JsonNode v = payload.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw new IllegalArgumentException("publication event without " + field + ": " + payload);
        }
        return v.asText();
    }
}
