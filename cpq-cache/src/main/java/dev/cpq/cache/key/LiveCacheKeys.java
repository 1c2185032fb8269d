package dev.cpq.cache.key;

/**
 * Keys of mutable, non-versioned projections. Their version part is the constant {@value #LIVE}: they
 * are kept right by invalidate-on-write (delete after commit + lease revocation), not by versions.
 */
public final class LiveCacheKeys {

    public static final String LIVE = "live";
    public static final int FORMAT = 1;

    private LiveCacheKeys() {}

    /** A sales worklist card of one quote. */
    public static CacheKey quoteSummary(String tenant, String quoteId) {
        return CacheKey.of(tenant, CacheDomain.QUOTE_SUMMARY, LIVE, "quote", quoteId, "summary", FORMAT);
    }

    /** Whether a customer may buy an offering; the scope hash covers the actor's authorization scope. */
    public static CacheKey eligibility(String tenant, String customerId, String offeringId, String actorScopeHash) {
        return CacheKey.of(tenant, CacheDomain.ELIGIBILITY, LIVE, "customer", customerId,
                "offering." + KeyComponents.require("offeringId", offeringId) + ".scope." + KeyComponents.require("actorScope", actorScopeHash),
                FORMAT);
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
