package dev.cpq.messaging.invalidation;

import dev.cpq.cache.key.CacheDomain;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Moves a cache version pointer when a new version is published, and records the invalidation lag
 * (pointer moved minus the event's commit time) as {@code cpq_cache_invalidation_lag_seconds}. The move
 * is monotonic, so a late or replayed publication never sends the pointer back. Generic: which event moves
 * which pointer to which version is the event contract's knowledge, handed in as {@code target}.
 */
public final class VersionPointerInvalidator implements EventHandler {

    /** The pointer an event moves, and the version it moves it to. */
    public record PointerTarget(VersionLine line, long version) {}

    private final String eventType;
    private final Function<EventEnvelope, PointerTarget> target;
    private final ActiveVersionPointer pointer;
    private final Clock clock;
    private final Timer lag;

    /**
     * @param domain the domain of the pointers it moves: the lag metric's {@code domain} tag
     * @param target reads the pointer and version from an event of {@code eventType}; throws on an invalid one (parked)
     */
    public VersionPointerInvalidator(String eventType, CacheDomain domain, Function<EventEnvelope, PointerTarget> target,
            ActiveVersionPointer pointer, Clock clock, MeterRegistry registry) {
        this.eventType = Objects.requireNonNull(eventType, "eventType");
        this.target = Objects.requireNonNull(target, "target");
        this.pointer = Objects.requireNonNull(pointer, "pointer");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.lag = Timer.builder("cpq.cache.invalidation.lag")
                .description("from the publication's commit to the cache pointer naming the new version")
                .tag("domain", domain.segment())
                .publishPercentiles(0.5, 0.99)
                .publishPercentileHistogram()
                .register(registry);
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of(eventType);
    }

    @Override
    public void apply(EventEnvelope event, Connection transaction) {
        PointerTarget to = target.apply(event);
        PointerMove move = pointer.moveTo(to.line(), to.version());
        if (move.moved()) {
            lag.record(Duration.between(event.occurredAt(), clock.instant()));
        }
    }

    /** One pointer move per version line, to the newest version among the events. */
    @Override
    public void applyAll(List<EventEnvelope> events, Connection transaction) {
        Map<VersionLine, List<EventEnvelope>> byLine = new LinkedHashMap<>();
        Map<VersionLine, Long> newest = new LinkedHashMap<>();
        for (EventEnvelope event : events) {
            PointerTarget to = target.apply(event);
            byLine.computeIfAbsent(to.line(), l -> new ArrayList<>()).add(event);
            newest.merge(to.line(), to.version(), Math::max);
        }
        byLine.forEach((line, group) -> {
            if (pointer.moveTo(line, newest.get(line)).moved()) {
                var now = clock.instant();
                group.forEach(e -> lag.record(Duration.between(e.occurredAt(), now)));
            }
        });
    }
}
