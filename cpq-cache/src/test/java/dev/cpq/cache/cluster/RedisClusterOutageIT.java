package dev.cpq.cache.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cpq.cache.key.CacheDomain;
import dev.cpq.cache.SampleKeys;
import dev.cpq.cache.metrics.CacheMetrics;
import dev.cpq.cache.metrics.CacheMetrics.Event;
import dev.cpq.cache.policy.CachePolicies;
import dev.cpq.cache.projection.ProjectionCache;
import dev.cpq.cache.redis.RedisEndpoint;
import dev.cpq.cache.redis.RedisGateway;
import dev.cpq.cache.redis.RedisUnavailableException;
import dev.cpq.testing.RealServices;
import dev.cpq.testing.ServiceControl;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A Redis Cluster that goes away: Jedis reports it as a cluster that ran out of attempts (or of time),
 * not as a connection failure. The breaker must open on it as it does for a single Redis, so each
 * call then fails at once instead of spending its retries on every request of the outage.
 */
class RedisClusterOutageIT {

    record Item(String id) {}

    @BeforeAll
    static void startCluster() {
        ServiceControl.start("redis-cluster");
    }

    @AfterAll
    static void stopCluster() {
        ServiceControl.stop("redis-cluster");
    }

    private static List<RedisEndpoint> seeds() {
        List<RedisEndpoint> seeds = new ArrayList<>();
        for (String node : RealServices.redisClusterNodes()) {
            seeds.add(RedisEndpoint.parse("redis://" + node, Duration.ofMillis(250), Duration.ofMillis(250)));
        }
        return seeds;
    }

    @Test
    void aClusterThatCannotBeReachedOpensTheBreakerAndReadsAnswerFromTheSource() {
        String tenant = "clo-" + UUID.randomUUID().toString().substring(0, 8);
        var key = SampleKeys.offeringDetail(tenant, 1, "po-cluster-down");
        var metrics = CacheMetrics.inMemory();
        try (var redis = RedisGateway.connectCluster(seeds(), 4, new RedisGateway.BreakerSettings(10, 50f, Duration.ofSeconds(30)))) {
            var cache = new ProjectionCache(redis, CachePolicies.defaults(), metrics, new ObjectMapper());
            redis.execute(j -> j.exists(key.value())); // the topology is known and the key's node was reached
            try (var down = ServiceControl.stopped("redis-cluster")) {
                for (int i = 0; i < 10; i++) {
                    assertThatThrownBy(() -> redis.execute(j -> j.get(key.value()))).isInstanceOf(RedisUnavailableException.class);
                }
                assertThat(redis.breakerState()).as("a cluster out of attempts is an outage: the breaker opens")
                        .isEqualTo(CircuitBreaker.State.OPEN);
                assertThat(cache.get(key, Item.class, () -> new Item("from-postgres"))).isEqualTo(new Item("from-postgres"));
                assertThat(metrics.countOf(Event.SOURCE_FALLBACK, CacheDomain.CATALOG, tenant)).isPositive();
            }
        }
    }
}
