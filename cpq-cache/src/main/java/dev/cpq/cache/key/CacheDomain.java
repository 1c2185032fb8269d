package dev.cpq.cache.key;

/**
 * The cache domains of the suite. Each has a key segment and a policy (see
 * {@code dev.cpq.cache.policy.CachePolicies}); the matrix is documented in docs/cache-domains.md.
 */
public enum CacheDomain {
    CATALOG("catalog"),
    CONFIGURATION_RULES("config-rules"),
    PRICE_LIST("price-list"),
    PRICE_CALCULATION("price-calc"),
    APPROVAL_POLICY("approval-policy"),
    ELIGIBILITY("eligibility"),
    QUOTE_SUMMARY("quote-summary"),
    IDEMPOTENCY("idempotency"),
    RATE_LIMIT("rate-limit");

    private final String segment;

    CacheDomain(String segment) {
        this.segment = segment;
    }

    /** The domain's part of every key: stable, lower-case, never renamed (renaming orphans keys). */
    public String segment() {
        return segment;
    }
}
