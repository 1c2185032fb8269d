package dev.cpq.cache.ratelimit;

import dev.cpq.cache.key.CacheKey;
import dev.cpq.cache.key.LiveCacheKeys;
import dev.cpq.cache.metrics.CacheMetrics;
import dev.cpq.cache.metrics.CacheMetrics.Event;
import dev.cpq.cache.redis.RedisGateway;
import dev.cpq.cache.redis.RedisScript;
import dev.cpq.cache.redis.RedisUnavailableException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Fixed-window request counters in Redis (the RATE_LIMIT domain: fail fast, the caller decides what a
 * missing count means). Not a business authority: a counter lost with Redis only forgets a window.
 */
public final class WindowCounter {

    private static final RedisScript INCREMENT = RedisScript.load("window-increment.lua");

    /** The count of the caller's window after this request, and when that window ends. */
    public record Count(long requests, Instant windowEnds) {}

    private final RedisGateway redis;
    private final CacheMetrics metrics;
    private final Duration window;

    public WindowCounter(RedisGateway redis, CacheMetrics metrics, Duration window) {
        this.redis = Objects.requireNonNull(redis, "redis");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.window = Objects.requireNonNull(window, "window");
    }

    /** @throws RedisUnavailableException when Redis cannot count (fail fast) */
    public Count increment(String tenant, String client, Instant now) {
        long windowSeconds = window.toSeconds();
        long start = now.getEpochSecond() / windowSeconds * windowSeconds;
        CacheKey key = LiveCacheKeys.rateLimitWindow(tenant, client, start);
        try {
            Object n = redis.eval(INCREMENT, List.of(key.value()), List.of(Long.toString(window.toMillis())));
            return new Count((Long) n, Instant.ofEpochSecond(start + windowSeconds));
        } catch (RedisUnavailableException e) {
            metrics.count(Event.REDIS_ERROR, key.domain(), tenant);
            throw e;
        }
    }
}
