package dev.cpq.cache.metrics;

import dev.cpq.cache.key.CacheDomain;
import dev.cpq.cache.redis.RedisGateway;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The cache's meters, tagged by domain and tenant (Prometheus names {@code cpq_cache_*}). Meters are
 * looked up once per (event, domain, tenant) and then reused: the hit path pays one map read.
 */
public final class CacheMetrics {

    /** Things the cache counts. */
    public enum Event {
        HIT("cpq.cache.hit"),
        MISS("cpq.cache.miss"),
        STALE_REJECTION("cpq.cache.stale.rejection"),
        VERSION_MISMATCH("cpq.cache.version.mismatch"),
        UNDECODABLE("cpq.cache.undecodable"),
        FILL_REFUSED("cpq.cache.fill.refused"),
        POINTER_MOVED("cpq.cache.pointer.moved"),
        POINTER_MOVE_REFUSED("cpq.cache.pointer.move.refused"),
        REDIS_ERROR("cpq.cache.redis.error"),
        SOURCE_FALLBACK("cpq.cache.source.fallback"),
        INVALIDATED("cpq.cache.invalidated");

        private final String meterName;

        Event(String meterName) {
            this.meterName = meterName;
        }

        public String meterName() {
            return meterName;
        }
    }

    private record MeterKey(Event event, CacheDomain domain, String tenant) {}

    private final MeterRegistry registry;
    private final Map<MeterKey, Counter> counters = new ConcurrentHashMap<>();
    private final Map<MeterKey, Timer> loadTimers = new ConcurrentHashMap<>();

    public CacheMetrics(MeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    /** Metrics that are kept but not exported (tests, tools). */
    public static CacheMetrics inMemory() {
        return new CacheMetrics(new SimpleMeterRegistry());
    }

    public void count(Event event, CacheDomain domain, String tenant) {
        counters.computeIfAbsent(new MeterKey(event, domain, tenant), k -> Counter.builder(k.event().meterName())
                .tag("domain", k.domain().segment())
                .tag("tenant", k.tenant())
                .register(registry)).increment();
    }

    public void recordLoad(CacheDomain domain, String tenant, long nanos) {
        loadTimers.computeIfAbsent(new MeterKey(Event.MISS, domain, tenant), k -> Timer.builder("cpq.cache.load")
                .description("time to load a value from its source of truth on a miss")
                .tag("domain", k.domain().segment())
                .tag("tenant", k.tenant())
                .publishPercentileHistogram()
                .register(registry)).record(nanos, TimeUnit.NANOSECONDS);
    }

    /** How often an event happened so far (tests and operations endpoints). */
    public double countOf(Event event, CacheDomain domain, String tenant) {
        Counter c = counters.get(new MeterKey(event, domain, tenant));
        return c == null ? 0 : c.count();
    }

    /** Exposes the gateway's breaker: 0 closed, 1 half-open, 2 open (other states 3). */
    /** Times every Redis command ({@code cpq_redis_commands_seconds}): how much of a request is spent in Redis. */
    public void timeCommands(RedisGateway gateway) {
        Timer timer = Timer.builder("cpq.redis.commands").description("Redis round trips of this service").register(registry);
        gateway.observeCommandTime(nanos -> timer.record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS));
    }

    public void watchBreaker(RedisGateway gateway) {
        Gauge.builder("cpq.cache.redis.breaker.state", gateway, g -> switch (g.breakerState()) {
                    case CLOSED -> 0;
                    case HALF_OPEN -> 1;
                    case OPEN -> 2;
                    default -> 3;
                })
                .description("Redis circuit breaker: 0 closed, 1 half-open, 2 open")
                .register(registry);
    }

    public MeterRegistry registry() {
        return registry;
    }
}
