package dev.cpq.cache.key;

/**
 * Keys of mutable, non-versioned projections. Their version part is the constant {@value #LIVE}: they
 * are kept right by invalidate-on-write (delete after commit + lease revocation), not by versions.
 */
public final class LiveCacheKeys {

    public static final String LIVE = "live";
    public static final int FORMAT = 1;

    private LiveCacheKeys() {}

    /** A projection of one entity that its owner deletes after each change (a quote's worklist card, say). */
    public static CacheKey of(String tenant, CacheDomain domain, String entity, String entityId, String projection) {
        return CacheKey.of(tenant, domain, LIVE, entity, entityId, projection, FORMAT);
    }

    /** The fast-path copy of a completed idempotent command (PostgreSQL stays the authority). */
    public static CacheKey idempotency(String tenant, String command, String idempotencyKey) {
        return CacheKey.of(tenant, CacheDomain.IDEMPOTENCY, LIVE, command, idempotencyKey, "result", FORMAT);
    }

    /** A fixed-window request counter; the window start is the version part. */
    public static CacheKey rateLimitWindow(String tenant, String clientId, long windowStartEpochSecond) {
        return CacheKey.of(tenant, CacheDomain.RATE_LIMIT, "w" + windowStartEpochSecond, "client", clientId, "count", FORMAT);
    }
}
