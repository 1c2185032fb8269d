package dev.cpq.cache.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cpq.cache.CacheFixture;
import dev.cpq.cache.key.CacheDomain;
import dev.cpq.cache.SampleKeys;
import dev.cpq.cache.key.LiveCacheKeys;
import dev.cpq.cache.metrics.CacheMetrics.Event;
import dev.cpq.cache.policy.CachePolicies;
import dev.cpq.cache.redis.RedisUnavailableException;
import dev.cpq.testing.ServiceControl;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Redis is stopped for real through deploy/cpq and started again. */
class RedisOutageIT {

    record Item(String id, long version) {}

    private final CacheFixture f = new CacheFixture(CachePolicies.defaults(), Duration.ofMillis(500));

    @AfterEach
    void restart() {
        ServiceControl.start("redis");
        f.close();
    }

    @Test
    void fallBackDomainsAnswerFromTheSourceFailFastDomainsFailFastAndTheBreakerRecovers() {
        var catalogKey = SampleKeys.offeringDetail(f.tenant, 1, "po-1");
        var counterKey = LiveCacheKeys.rateLimitWindow(f.tenant, "partner-1", 1_700_000_000L);
        AtomicInteger loads = new AtomicInteger();
        assertThat(f.cache.get(catalogKey, Item.class, () -> new Item("po-" + loads.incrementAndGet(), 1))).isNotNull();

        ServiceControl.stop("redis");

        for (int i = 0; i < 20; i++) {
            Item item = f.cache.get(catalogKey, Item.class, () -> new Item("po-1", loads.incrementAndGet()));
            assertThat(item.id()).isEqualTo("po-1");
        }
        assertThat(f.metrics.countOf(Event.SOURCE_FALLBACK, CacheDomain.CATALOG, f.tenant)).isEqualTo(20);
        assertThat(f.redis.breakerState()).isEqualTo(CircuitBreaker.State.OPEN);

        long t0 = System.nanoTime();
        assertThatThrownBy(() -> f.cache.get(counterKey, Item.class, () -> {
            throw new AssertionError("a fail-fast domain never falls back to a source");
        })).isInstanceOf(RedisUnavailableException.class);
        Duration failFast = Duration.ofNanos(System.nanoTime() - t0);
        assertThat(failFast).as("fail fast: within a small multiple of the %s timeout", CacheFixture.TIMEOUT)
                .isLessThan(CacheFixture.TIMEOUT.multipliedBy(4));

        ServiceControl.start("redis");
        assertThat(awaitRedisAnswering()).isEqualTo("PONG");
        assertThat(f.redis.breakerState()).isIn(CircuitBreaker.State.CLOSED, CircuitBreaker.State.HALF_OPEN);
        int before = loads.get();
        f.cache.get(catalogKey, Item.class, () -> new Item("po-1", loads.incrementAndGet()));
        f.cache.get(catalogKey, Item.class, () -> new Item("po-1", loads.incrementAndGet()));
        assertThat(loads.get() - before).as("after recovery the cache fills and hits again").isEqualTo(1);
    }

    /** The breaker lets a trial call through once its open period ends; bounded, fails with the last error. */
    private String awaitRedisAnswering() {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        RuntimeException last = null;
        while (System.nanoTime() < deadline) {
            try {
                return f.redis.ping();
            } catch (RedisUnavailableException e) {
                last = e;
                Thread.onSpinWait();
            }
        }
        throw new AssertionError("Redis did not answer within 30 s of its restart", last);
    }
}
