package dev.cpq.cache.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cpq.cache.key.CacheDomain;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CachePolicyTest {

    @Test
    void jitteredTtlStaysWithinBaseAndBasePlusJitter() {
        CachePolicy p = new CachePolicy(Duration.ofSeconds(10), Duration.ofSeconds(2), false, true, RedisDownMode.FALL_BACK);
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (int i = 0; i < 20_000; i++) {
            long ttl = p.nextTtl().toMillis();
            min = Math.min(min, ttl);
            max = Math.max(max, ttl);
        }
        assertThat(min).isGreaterThanOrEqualTo(10_000);
        assertThat(max).isLessThanOrEqualTo(12_000);
        assertThat(max - min).as("jitter actually spreads expiries").isGreaterThan(1_000);
    }

    @Test
    void noJitterMeansTheBaseTtl() {
        CachePolicy p = new CachePolicy(Duration.ofSeconds(60), Duration.ZERO, false, false, RedisDownMode.FAIL_FAST);
        assertThat(p.nextTtl()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void nonsensicalPoliciesAreRefused() {
        assertThatThrownBy(() -> new CachePolicy(Duration.ZERO, Duration.ZERO, false, false, RedisDownMode.FALL_BACK))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CachePolicy(Duration.ofSeconds(1), Duration.ofSeconds(-1), false, false, RedisDownMode.FALL_BACK))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theDomainMatrixCoversEveryDomain() {
        CachePolicies defaults = CachePolicies.defaults();
        for (CacheDomain d : CacheDomain.values()) {
            assertThat(defaults.of(d)).as(d.name()).isNotNull();
        }
        // versioned projections demand the version guard; mutable ones are kept right by invalidation
        assertThat(defaults.of(CacheDomain.CATALOG).versionGuardRequired()).isTrue();
        assertThat(defaults.of(CacheDomain.PRICE_LIST).versionGuardRequired()).isTrue();
        assertThat(defaults.of(CacheDomain.QUOTE_SUMMARY).versionGuardRequired()).isFalse();
        // a counter has no source to fall back to
        assertThat(defaults.of(CacheDomain.RATE_LIMIT).redisDownMode()).isEqualTo(RedisDownMode.FAIL_FAST);
        assertThat(defaults.of(CacheDomain.IDEMPOTENCY).redisDownMode()).isEqualTo(RedisDownMode.FALL_BACK);
        assertThat(defaults.of(CacheDomain.IDEMPOTENCY).ttl()).isGreaterThanOrEqualTo(Duration.ofHours(24));
    }

    @Test
    void aDeploymentMayOverrideOneDomain() {
        CachePolicies strict = CachePolicies.defaults().with(CacheDomain.CATALOG,
                CachePolicies.defaults().of(CacheDomain.CATALOG).withRedisDownMode(RedisDownMode.FAIL_FAST));
        assertThat(strict.of(CacheDomain.CATALOG).redisDownMode()).isEqualTo(RedisDownMode.FAIL_FAST);
        assertThat(CachePolicies.defaults().of(CacheDomain.CATALOG).redisDownMode()).isEqualTo(RedisDownMode.FALL_BACK);
    }
}
