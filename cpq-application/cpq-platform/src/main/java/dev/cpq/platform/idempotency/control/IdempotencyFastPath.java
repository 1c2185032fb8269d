package dev.cpq.platform.idempotency.control;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cpq.cache.key.CacheDomain;
import dev.cpq.cache.key.CacheKey;
import dev.cpq.cache.key.KeyComponents;
import dev.cpq.cache.key.LiveCacheKeys;
import dev.cpq.cache.metrics.CacheMetrics;
import dev.cpq.cache.metrics.CacheMetrics.Event;
import dev.cpq.cache.policy.CachePolicies;
import dev.cpq.cache.redis.RedisGateway;
import dev.cpq.cache.redis.RedisUnavailableException;
import dev.cpq.platform.idempotency.entity.CommandResponse;
import dev.cpq.platform.idempotency.entity.IdempotencyKeyReusedException;
import dev.cpq.platform.idempotency.entity.IdempotentRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import redis.clients.jedis.params.SetParams;

/**
 * A Redis copy of completed idempotent commands, so a replay skips the database. PostgreSQL stays the
 * authority: a miss, an unreadable entry or Redis being down simply means asking PostgreSQL, and a copy
 * never outlives its record.
 */
@ApplicationScoped
public class IdempotencyFastPath {

    record Entry(String fingerprint, CommandResponse response) {}

    private RedisGateway redis;
    private CachePolicies policies;
    private CacheMetrics metrics;
    private final ObjectMapper json = new ObjectMapper();
    private final Clock clock = Clock.systemUTC();

    protected IdempotencyFastPath() {}

    @Inject
    public IdempotencyFastPath(RedisGateway redis, CachePolicies policies, CacheMetrics metrics) {
        this.redis = redis;
        this.policies = policies;
        this.metrics = metrics;
    }

    public Optional<CommandResponse> lookup(IdempotentRequest request) {
        CacheKey key = key(request);
        try {
            String cached = redis.execute(j -> j.get(key.value()));
            if (cached == null) {
                metrics.count(Event.MISS, CacheDomain.IDEMPOTENCY, request.tenant());
                return Optional.empty();
            }
            Entry entry = json.readValue(cached, Entry.class);
            metrics.count(Event.HIT, CacheDomain.IDEMPOTENCY, request.tenant());
            if (!entry.fingerprint().equals(request.fingerprint())) {
                throw new IdempotencyKeyReusedException();
            }
            return Optional.of(entry.response());
        } catch (RedisUnavailableException e) {
            metrics.count(Event.REDIS_ERROR, CacheDomain.IDEMPOTENCY, request.tenant());
            return Optional.empty();
        } catch (JsonProcessingException e) {
            metrics.count(Event.UNDECODABLE, CacheDomain.IDEMPOTENCY, request.tenant());
            return Optional.empty();
        }
    }

    /**
     * Keeps a copy of a replayed response until the PostgreSQL record's expiry at the latest (an absolute
     * instant, PXAT: a later replay sets the same end, never a new TTL). Redis and PostgreSQL are assumed
     * to share a synchronized clock, as they do on one host or under NTP.
     */
    public void remember(IdempotentRequest request, CommandResponse response, Instant recordExpiresAt) {
        CacheKey key = key(request);
        Instant policyEnd = clock.instant().plus(policies.of(CacheDomain.IDEMPOTENCY).nextTtl());
        Instant until = recordExpiresAt.isBefore(policyEnd) ? recordExpiresAt : policyEnd;
        if (!until.isAfter(clock.instant())) {
            return; // the record's retention is over: nothing to copy
        }
        try {
            String value = json.writeValueAsString(new Entry(request.fingerprint(), response));
            redis.execute(j -> j.set(key.value(), value, SetParams.setParams().pxAt(until.toEpochMilli())));
        } catch (RedisUnavailableException e) {
            metrics.count(Event.REDIS_ERROR, CacheDomain.IDEMPOTENCY, request.tenant());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a command response is always writable", e);
        }
    }

    /** Per tenant and key, whatever the command (as in PostgreSQL): another command's request is a reuse. */
    static CacheKey key(IdempotentRequest request) {
        return LiveCacheKeys.idempotency(request.tenant(), "key", KeyComponents.digest(request.key()));
    }
}
