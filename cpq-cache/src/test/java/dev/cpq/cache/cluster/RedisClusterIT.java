package dev.cpq.cache.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cpq.cache.invalidation.CacheInvalidation;
import dev.cpq.cache.invalidation.SupersededVersionCleanup;
import dev.cpq.cache.key.CacheDomain;
import dev.cpq.cache.SampleKeys;
import dev.cpq.cache.key.LiveCacheKeys;
import dev.cpq.cache.metrics.CacheMetrics;
import dev.cpq.cache.metrics.CacheMetrics.Event;
import dev.cpq.cache.pointer.ActiveVersionPointer;
import dev.cpq.cache.policy.CachePolicies;
import dev.cpq.cache.projection.ProjectionCache;
import dev.cpq.cache.redis.RedisEndpoint;
import dev.cpq.cache.redis.RedisGateway;
import dev.cpq.testing.RealServices;
import dev.cpq.testing.ServiceControl;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.util.JedisClusterCRC16;

/**
 * The library against a real three-master Redis Cluster (started through deploy/cpq): every command it
 * sends, scripts and multi-key deletes included, stays within a tenant's slot.
 */
class RedisClusterIT {

    record Item(String id, long version) {}

    private static RedisGateway redis;

    @BeforeAll
    static void startCluster() {
        ServiceControl.start("redis-cluster");
        List<RedisEndpoint> seeds = new ArrayList<>();
        for (String node : RealServices.redisClusterNodes()) {
            seeds.add(RedisEndpoint.parse("redis://" + node, Duration.ofMillis(500), Duration.ofMillis(500)));
        }
        redis = RedisGateway.connectCluster(seeds, 16, RedisGateway.BreakerSettings.defaults());
    }

    @AfterAll
    static void stopCluster() {
        if (redis != null) {
            redis.close();
        }
        ServiceControl.stop("redis-cluster");
    }

    private static boolean exists(String key) {
        return redis.execute(j -> j.exists(key));
    }

    @Test
    void cacheAsidePointersGuardedFillsFlushAndSweepWorkAcrossSlots() {
        CacheMetrics metrics = CacheMetrics.inMemory();
        CachePolicies policies = CachePolicies.defaults();
        var cache = new ProjectionCache(redis, policies, metrics, new ObjectMapper());
        var pointer = new ActiveVersionPointer(redis, policies, metrics, Clock.systemUTC());
        var invalidation = new CacheInvalidation(redis, metrics);
        var cleanup = new SupersededVersionCleanup(pointer, invalidation);

        // enough tenants that their hash tags land on more than one master
        List<String> tenants = new ArrayList<>();
        Set<Integer> slots = new HashSet<>();
        for (int i = 0; i < 12; i++) {
            String tenant = "cl-" + UUID.randomUUID().toString().substring(0, 8);
            tenants.add(tenant);
            slots.add(JedisClusterCRC16.getSlot(SampleKeys.catalogLine(tenant).pointerKey()) / 5462);
        }
        assertThat(slots).as("tenants spread over the masters' slot ranges").hasSizeGreaterThan(1);

        AtomicInteger loads = new AtomicInteger();
        for (String tenant : tenants) {
            for (long v = 1; v <= 3; v++) {
                long version = v;
                var key = SampleKeys.offeringDetail(tenant, version, "po-1");
                cache.get(key, Item.class, () -> new Item("po-1", loads.incrementAndGet()));
                cache.get(key, Item.class, () -> new Item("po-1", loads.incrementAndGet()));
                assertThat(pointer.moveTo(SampleKeys.catalogLine(tenant), version).moved()).isTrue();
            }
            assertThat(pointer.moveTo(SampleKeys.catalogLine(tenant), 2).moved()).isFalse();
            var summary = LiveCacheKeys.of(tenant, CacheDomain.QUOTE_SUMMARY, "quote", "q-1", "summary");
            cache.get(summary, Item.class, () -> new Item("q-1", 1));
            invalidation.invalidate(summary);
            assertThat(exists(summary.value())).isFalse();
        }
        assertThat(loads).as("one load per key, then hits").hasValue(tenants.size() * 3);
        assertThat(metrics.countOf(Event.FILL_REFUSED, CacheDomain.CATALOG, tenants.get(0))).isZero();

        cleanup.sweepDomain(CacheDomain.CATALOG, 100, 1_000);
        for (String tenant : tenants) {
            assertThat(exists(SampleKeys.offeringDetail(tenant, 1, "po-1").value())).as(tenant).isFalse();
            assertThat(exists(SampleKeys.offeringDetail(tenant, 3, "po-1").value())).as(tenant).isTrue();
            // versions 2 and 3 and the pointer (reads set it again from the authority)
            assertThat(invalidation.flush(tenant, CacheDomain.CATALOG, 50)).isEqualTo(3);
        }
    }
}
