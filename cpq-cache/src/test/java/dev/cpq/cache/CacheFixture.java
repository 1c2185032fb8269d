package dev.cpq.cache;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cpq.cache.invalidation.CacheInvalidation;
import dev.cpq.cache.metrics.CacheMetrics;
import dev.cpq.cache.pointer.ActiveVersionPointer;
import dev.cpq.cache.policy.CachePolicies;
import dev.cpq.cache.projection.ProjectionCache;
import dev.cpq.cache.redis.RedisEndpoint;
import dev.cpq.cache.redis.RedisGateway;
import dev.cpq.testing.RealServices;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

/** The library wired against the real Redis of deploy/cpq services, with fresh metrics per test. */
public final class CacheFixture implements AutoCloseable {

    public static final Duration TIMEOUT = Duration.ofMillis(250);

    public final RedisGateway redis;
    public final CacheMetrics metrics = CacheMetrics.inMemory();
    public final CachePolicies policies;
    public final ObjectMapper json = new ObjectMapper();
    public final ProjectionCache cache;
    public final ActiveVersionPointer pointer;
    public final CacheInvalidation invalidation;
    /** A tenant of its own per fixture: tests never see each other's keys. */
    public final String tenant = "it-" + UUID.randomUUID().toString().substring(0, 8);

    public CacheFixture() {
        this(CachePolicies.defaults(), Duration.ofSeconds(2));
    }

    public CacheFixture(CachePolicies policies, Duration breakerOpenFor) {
        this.policies = policies;
        var endpoint = RedisEndpoint.parse(RealServices.redis().url(), TIMEOUT, TIMEOUT);
        this.redis = RedisGateway.connect(endpoint, 64, new RedisGateway.BreakerSettings(10, 50f, breakerOpenFor));
        this.cache = new ProjectionCache(redis, policies, metrics, json);
        this.pointer = new ActiveVersionPointer(redis, policies, metrics, Clock.systemUTC());
        this.invalidation = new CacheInvalidation(redis, metrics);
    }

    /** What Redis holds under a key, bypassing the library. */
    public String rawGet(String key) {
        return redis.execute(j -> j.get(key));
    }

    public boolean exists(String key) {
        return redis.execute(j -> j.exists(key));
    }

    @Override
    public void close() {
        redis.close();
    }
}
