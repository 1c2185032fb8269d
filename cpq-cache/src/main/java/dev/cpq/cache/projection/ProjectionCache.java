package dev.cpq.cache.projection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cpq.cache.key.CacheKey;
import dev.cpq.cache.metrics.CacheMetrics;
import dev.cpq.cache.metrics.CacheMetrics.Event;
import dev.cpq.cache.policy.CachePolicies;
import dev.cpq.cache.policy.CachePolicy;
import dev.cpq.cache.policy.RedisDownMode;
import dev.cpq.cache.redis.RedisGateway;
import dev.cpq.cache.redis.RedisScript;
import dev.cpq.cache.redis.RedisUnavailableException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import redis.clients.jedis.params.SetParams;

/**
 * Cache-aside on {@link CacheKey}s. A hit costs one GET; a miss loads from the source once per key and
 * JVM (single-flight) and fills under a lease that an invalidation revokes, so a value loaded before an
 * invalidation is never written after it. A payload that does not match its key's format and version
 * is corruption: counted, evicted and reloaded. When Redis is unreachable the domain's policy decides:
 * load from the source (counted), or fail fast. No reader waits without end: a Redis failure inside a
 * flight loads within that flight, and a reader waits for another's load of its key only so long
 * (3 s by default) before loading itself.
 */
public final class ProjectionCache {

    private static final Logger LOG = Logger.getLogger(ProjectionCache.class.getName());
    private static final RedisScript GUARDED_FILL = RedisScript.load("guarded-fill.lua");
    static final Duration DEFAULT_LEASE = Duration.ofSeconds(30);

    private final RedisGateway redis;
    private final CachePolicies policies;
    private final CacheMetrics metrics;
    private final ObjectMapper json;
    private final Duration lease;
    private final SingleFlight singleFlight = new SingleFlight();

    public ProjectionCache(RedisGateway redis, CachePolicies policies, CacheMetrics metrics, ObjectMapper json) {
        this(redis, policies, metrics, json, DEFAULT_LEASE);
    }

    /** @param lease how long a loader may take before its fill is refused (longer loads simply do not fill) */
    public ProjectionCache(RedisGateway redis, CachePolicies policies, CacheMetrics metrics, ObjectMapper json, Duration lease) {
        this.redis = Objects.requireNonNull(redis, "redis");
        this.policies = Objects.requireNonNull(policies, "policies");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.json = Objects.requireNonNull(json, "json");
        this.lease = Objects.requireNonNull(lease, "lease");
    }

    public <T> T get(CacheKey key, Class<T> type, Supplier<T> source) {
        return get(key, json.constructType(type), source);
    }

    public <T> T get(CacheKey key, TypeReference<T> type, Supplier<T> source) {
        return get(key, json.constructType(type), source);
    }

    private <T> T get(CacheKey key, JavaType type, Supplier<T> source) {
        CachePolicy policy = policies.of(key.domain());
        String cached;
        try {
            cached = redis.execute(j -> j.get(key.value()));
        } catch (RedisUnavailableException e) {
            return whenRedisIsDown(key, policy, source, e);
        }
        if (cached != null) {
            T value = decode(key, policy, type, cached);
            if (value != null) {
                metrics.count(Event.HIT, key.domain(), key.tenant());
                return value;
            }
        }
        metrics.count(Event.MISS, key.domain(), key.tenant());
        return singleFlight.load(key.value(), () -> loadAndFill(key, policy, type, source));
    }

    /** The leader of a miss: look once more (a fill may have landed meanwhile), lease, load, fill. */
    private <T> T loadAndFill(CacheKey key, CachePolicy policy, JavaType type, Supplier<T> source) {
        String token = UUID.randomUUID().toString();
        try {
            String cached = redis.execute(j -> j.get(key.value()));
            if (cached != null) {
                T value = decode(key, policy, type, cached);
                if (value != null) {
                    return value;
                }
            }
            redis.execute(j -> j.set(key.leaseKey(), token, SetParams.setParams().px(lease.toMillis())));
        } catch (RedisUnavailableException e) {
            // Redis failed between the miss and the lease: this is the key's flight already, so load
            // here; going through the flight again would wait on itself
            countOutage(key, policy, e);
            return loadFromSource(key, source);
        }
        T value = loadFromSource(key, source);
        String encoded = encode(key, value);
        try {
            Object filled = redis.eval(GUARDED_FILL, List.of(key.value(), key.leaseKey()),
                    List.of(token, encoded, Long.toString(policy.nextTtl().toMillis())));
            if (!Long.valueOf(1).equals(filled)) {
                // an invalidation (or a newer loader) came between our lease and our fill
                metrics.count(Event.FILL_REFUSED, key.domain(), key.tenant());
            }
        } catch (RedisUnavailableException e) {
            metrics.count(Event.REDIS_ERROR, key.domain(), key.tenant());
        }
        return value;
    }

    private <T> T whenRedisIsDown(CacheKey key, CachePolicy policy, Supplier<T> source, RedisUnavailableException e) {
        countOutage(key, policy, e);
        return singleFlight.load(key.value(), () -> loadFromSource(key, source));
    }

    /** Counts an unreachable Redis; a fail-fast domain fails here, a fall-back domain goes on to its source. */
    private void countOutage(CacheKey key, CachePolicy policy, RedisUnavailableException e) {
        metrics.count(Event.REDIS_ERROR, key.domain(), key.tenant());
        if (policy.redisDownMode() == RedisDownMode.FAIL_FAST) {
            throw e;
        }
        metrics.count(Event.SOURCE_FALLBACK, key.domain(), key.tenant());
    }

    private <T> T loadFromSource(CacheKey key, Supplier<T> source) {
        long t0 = System.nanoTime();
        T value = Objects.requireNonNull(source.get(), () -> "the source of " + key + " returned null; cache absence explicitly");
        metrics.recordLoad(key.domain(), key.tenant(), System.nanoTime() - t0);
        return value;
    }

    /** The cached value, or null when it is not usable (then it has been evicted and counted). */
    private <T> T decode(CacheKey key, CachePolicy policy, JavaType type, String cached) {
        CacheEnvelope<T> envelope;
        try {
            envelope = json.readValue(cached, json.getTypeFactory().constructParametricType(CacheEnvelope.class, type));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            LOG.log(Level.WARNING, "undecodable cache entry " + key + ", evicting: " + e.getMessage());
            metrics.count(Event.UNDECODABLE, key.domain(), key.tenant());
            evict(key);
            return null;
        }
        boolean formatMatches = envelope.format() == key.formatVersion();
        boolean versionMatches = !policy.versionGuardRequired() || key.version().equals(envelope.version());
        T value = envelope.payload();
        if (!formatMatches || !versionMatches || value == null) {
            LOG.warning(() -> "cache entry " + key + " holds format " + envelope.format() + " version " + envelope.version()
                    + ": corruption, evicting");
            metrics.count(Event.VERSION_MISMATCH, key.domain(), key.tenant());
            evict(key);
            return null;
        }
        return value;
    }

    private String encode(CacheKey key, Object value) {
        try {
            return json.writeValueAsString(new CacheEnvelope<>(key.formatVersion(), key.version(), value));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new CacheSerializationException("cannot cache the value of " + key + " as JSON", e);
        }
    }

    private void evict(CacheKey key) {
        try {
            redis.execute(j -> j.del(key.value()));
        } catch (RedisUnavailableException e) {
            metrics.count(Event.REDIS_ERROR, key.domain(), key.tenant());
        }
    }
}
