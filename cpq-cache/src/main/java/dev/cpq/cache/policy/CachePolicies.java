package dev.cpq.cache.policy;

import static dev.cpq.cache.policy.RedisDownMode.FAIL_FAST;
import static dev.cpq.cache.policy.RedisDownMode.FALL_BACK;
import static java.time.Duration.ofHours;
import static java.time.Duration.ofMinutes;
import static java.time.Duration.ofSeconds;

import dev.cpq.cache.key.CacheDomain;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The cache domain matrix as code (docs/cache-domains.md explains each row). Final decisions never
 * read any of these domains: they re-check versions against the owning service's database.
 */
public final class CachePolicies {

    private final Map<CacheDomain, CachePolicy> policies;

    private CachePolicies(Map<CacheDomain, CachePolicy> policies) {
        for (CacheDomain d : CacheDomain.values()) {
            Objects.requireNonNull(policies.get(d), () -> "no cache policy for " + d);
        }
        this.policies = Map.copyOf(policies);
    }

    public static CachePolicies defaults() {
        Map<CacheDomain, CachePolicy> m = new EnumMap<>(CacheDomain.class);
        // versioned projections of published data: long-lived, the version in the key keeps them right
        m.put(CacheDomain.CATALOG, new CachePolicy(ofMinutes(30), ofMinutes(5), true, true, FALL_BACK));
        m.put(CacheDomain.CONFIGURATION_RULES, new CachePolicy(ofMinutes(30), ofMinutes(5), true, true, FALL_BACK));
        m.put(CacheDomain.PRICE_LIST, new CachePolicy(ofMinutes(10), ofMinutes(2), true, true, FALL_BACK));
        m.put(CacheDomain.APPROVAL_POLICY, new CachePolicy(ofMinutes(10), ofMinutes(2), true, true, FALL_BACK));
        // derived results: ultra-short, keyed by the hash of an input that names every version used
        m.put(CacheDomain.PRICE_CALCULATION, new CachePolicy(ofSeconds(90), ofSeconds(30), false, true, FALL_BACK));
        // mutable projections kept right by invalidate-on-write
        m.put(CacheDomain.ELIGIBILITY, new CachePolicy(ofMinutes(5), ofMinutes(1), false, false, FALL_BACK));
        m.put(CacheDomain.QUOTE_SUMMARY, new CachePolicy(ofSeconds(60), ofSeconds(15), true, false, FALL_BACK));
        // accelerator of the PostgreSQL idempotency table; keys live at least as long as the contract's 24 h
        m.put(CacheDomain.IDEMPOTENCY, new CachePolicy(ofHours(24), ofMinutes(30), false, false, FALL_BACK));
        // a counter has no source to fall back to: fail fast and let the limiter decide (it fails open)
        m.put(CacheDomain.RATE_LIMIT, new CachePolicy(ofMinutes(1), ofSeconds(0), false, false, FAIL_FAST));
        return new CachePolicies(m);
    }

    public CachePolicy of(CacheDomain domain) {
        return policies.get(domain);
    }

    /** A copy with one domain's policy replaced (deployment configuration, tests). */
    public CachePolicies with(CacheDomain domain, CachePolicy policy) {
        Map<CacheDomain, CachePolicy> m = new EnumMap<>(policies);
        m.put(domain, Objects.requireNonNull(policy, "policy"));
        return new CachePolicies(m);
    }
}
