package dev.cpq.cache.invalidation;

import dev.cpq.cache.key.CacheDomain;
import dev.cpq.cache.key.CacheKey;
import dev.cpq.cache.key.VersionLine;
import dev.cpq.cache.metrics.CacheMetrics;
import dev.cpq.cache.metrics.CacheMetrics.Event;
import dev.cpq.cache.redis.RedisGateway;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * Removing entries. For the few mutable keys (quote summary, eligibility): call {@link #invalidate} after
 * the database commit; it deletes the entry and revokes any fill lease in one command, so a loader that
 * started before the commit cannot write its old value back. For operators: {@link #flush} walks a
 * tenant's domain namespace with SCAN in bounded batches (never KEYS, never on a request path).
 */
public final class CacheInvalidation {

    private final RedisGateway redis;
    private final CacheMetrics metrics;

    public CacheInvalidation(RedisGateway redis, CacheMetrics metrics) {
        this.redis = Objects.requireNonNull(redis, "redis");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    public void invalidate(CacheKey key) {
        redis.execute(j -> j.del(key.value(), key.leaseKey()));
        metrics.count(Event.INVALIDATED, key.domain(), key.tenant());
    }

    /** Deletes every key of one tenant's domain; returns how many were removed. */
    public long flush(String tenant, CacheDomain domain, int batchSize) {
        return deleteMatching(CacheKey.namespacePattern(tenant, domain), batchSize, Long.MAX_VALUE, k -> true);
    }

    /** The version lines of a domain that have an active-version pointer, in every tenant. */
    public List<VersionLine> pointerLines(CacheDomain domain, int batchSize) {
        ScanParams params = new ScanParams().count(batchSize);
        String registry = VersionLine.pointerRegistryKey(domain);
        List<VersionLine> lines = new ArrayList<>();
        String cursor = ScanParams.SCAN_POINTER_START;
        do {
            String from = cursor;
            ScanResult<String> page = redis.execute(j -> j.sscan(registry, from, params));
            for (String key : page.getResult()) {
                VersionLine.fromPointerKey(key, domain).ifPresent(lines::add);
            }
            cursor = page.getCursor();
        } while (!ScanParams.SCAN_POINTER_START.equals(cursor));
        return lines;
    }

    /**
     * SCANs {@code pattern} in batches of {@code batchSize}, unlinking the keys {@code selected} accepts,
     * until the scan ends or {@code maxDeleted} keys are gone.
     */
    long deleteMatching(String pattern, int batchSize, long maxDeleted, java.util.function.Predicate<String> selected) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be positive");
        }
        ScanParams params = new ScanParams().match(pattern).count(batchSize);
        String cursor = ScanParams.SCAN_POINTER_START;
        long deleted = 0;
        do {
            String from = cursor;
            ScanResult<String> page = redis.execute(j -> j.scan(from, params));
            List<String> doomed = new ArrayList<>();
            for (String key : page.getResult()) {
                if (deleted + doomed.size() < maxDeleted && selected.test(key)) {
                    doomed.add(key);
                }
            }
            if (!doomed.isEmpty()) {
                String[] keys = doomed.toArray(String[]::new);
                deleted += redis.execute(j -> j.unlink(keys));
            }
            cursor = page.getCursor();
        } while (!ScanParams.SCAN_POINTER_START.equals(cursor) && deleted < maxDeleted);
        return deleted;
    }
}
