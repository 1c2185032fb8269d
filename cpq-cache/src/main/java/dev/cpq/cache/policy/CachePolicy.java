package dev.cpq.cache.policy;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How one cache domain behaves.
 *
 * @param ttl                  base lifetime of an entry
 * @param jitter               up to this much is added to each entry's lifetime, so entries filled together
 *                             do not expire together
 * @param staleReadAllowed     whether reads may resolve the version through the Redis active-version pointer,
 *                             which lags the database by the invalidation delay; when false the version must
 *                             come from the authority (the owning service's database)
 * @param versionGuardRequired whether a cached payload must carry exactly the version its key names; a
 *                             payload that does not is treated as corruption
 * @param redisDownMode        what happens when Redis is unreachable
 */
public record CachePolicy(Duration ttl, Duration jitter, boolean staleReadAllowed, boolean versionGuardRequired,
        RedisDownMode redisDownMode) {

    public CachePolicy {
        Objects.requireNonNull(ttl, "ttl");
        Objects.requireNonNull(jitter, "jitter");
        Objects.requireNonNull(redisDownMode, "redisDownMode");
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("a cache entry needs a positive lifetime: " + ttl);
        }
        if (jitter.isNegative()) {
            throw new IllegalArgumentException("jitter cannot be negative: " + jitter);
        }
    }

    /** A lifetime in [ttl, ttl + jitter], uniformly drawn; never below the base, never above base + jitter. */
    public Duration nextTtl() {
        long jitterMillis = jitter.toMillis();
        if (jitterMillis == 0) {
            return ttl;
        }
        return ttl.plusMillis(ThreadLocalRandom.current().nextLong(jitterMillis + 1));
    }

    /** The same policy with another Redis-down behaviour (e.g. for a deployment that prefers failing fast). */
    public CachePolicy withRedisDownMode(RedisDownMode mode) {
        return new CachePolicy(ttl, jitter, staleReadAllowed, versionGuardRequired, mode);
    }
}
