package dev.cpq.cache.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cpq.cache.CacheFixture;
import dev.cpq.cache.key.CacheDomain;
import dev.cpq.cache.SampleKeys;
import dev.cpq.cache.metrics.CacheMetrics.Event;
import dev.cpq.cache.policy.CachePolicies;
import dev.cpq.cache.ratelimit.WindowCounter;
import dev.cpq.testing.RealServices;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/**
 * The real Redis answering error replies instead of values: out of memory ({@code maxmemory 1} with
 * {@code noeviction}) and read-only (made a replica of a master that does not exist). For the suite
 * both mean "Redis unavailable": never an IllegalStateException (a 500), always the domain's outage
 * policy, and the breaker counts them. Each test restores the server's configuration in a finally block.
 */
class RedisErrorRepliesIT {

    record Item(String id) {}

    private final CacheFixture f = new CacheFixture(CachePolicies.defaults(), Duration.ofSeconds(2));

    @AfterEach
    void close() {
        f.close();
    }

    /** A connection of the test's own, outside the gateway and its breaker, to break and mend the server. */
    private static Jedis admin() {
        var redis = RealServices.redis();
        return new Jedis(redis.host(), redis.port());
    }

    @Test
    void anOutOfMemoryRedisIsUnavailableTheCacheAnswersFromTheSourceAndTheRateLimiterCanFailOpen() {
        var key = SampleKeys.offeringDetail(f.tenant, 1, "po-oom");
        AtomicInteger loads = new AtomicInteger();
        var counter = new WindowCounter(f.redis, f.metrics, Duration.ofMinutes(1));
        try (Jedis admin = admin()) {
            Map<String, String> before = Map.of("maxmemory", admin.configGet("maxmemory").get("maxmemory"),
                    "maxmemory-policy", admin.configGet("maxmemory-policy").get("maxmemory-policy"));
            try {
                admin.configSet("maxmemory-policy", "noeviction");
                admin.configSet("maxmemory", "1");

                assertThatThrownBy(() -> f.redis.execute(j -> j.set("cpq-it:{" + f.tenant + "}:oom", "v")))
                        .as("an OOM reply is an unavailable Redis, not a rejected command")
                        .isInstanceOf(RedisUnavailableException.class).hasMessageContaining("OOM");
                assertThatThrownBy(() -> counter.increment(f.tenant, "partner-1", Instant.now()))
                        .as("the limiter sees an unavailable Redis, which it fails open on")
                        .isInstanceOf(RedisUnavailableException.class);
                // a cached read misses, cannot lease, and answers from the source
                assertThat(f.cache.get(key, Item.class, () -> new Item("po-" + loads.incrementAndGet()))).isEqualTo(new Item("po-1"));
                assertThat(f.metrics.countOf(Event.SOURCE_FALLBACK, CacheDomain.CATALOG, f.tenant)).isPositive();
                for (int i = 0; i < 10; i++) {
                    try {
                        f.redis.execute(j -> j.set("cpq-it:{" + f.tenant + "}:oom", "v"));
                    } catch (RedisUnavailableException expected) {
                        // counted by the breaker
                    }
                }
                assertThat(f.redis.breakerState()).as("OOM replies open the breaker like an outage").isEqualTo(CircuitBreaker.State.OPEN);
            } finally {
                admin.configSet("maxmemory", before.get("maxmemory"));
                admin.configSet("maxmemory-policy", before.get("maxmemory-policy"));
            }
        }
    }

    @Test
    void aReadOnlyRedisIsUnavailableForWrites() {
        try (Jedis admin = admin()) {
            try {
                admin.replicaof("127.0.0.1", 1); // a master that does not exist: the server refuses writes
                assertThatThrownBy(() -> f.redis.execute(j -> j.set("cpq-it:{" + f.tenant + "}:ro", "v")))
                        .isInstanceOf(RedisUnavailableException.class).hasMessageContaining("READONLY");
                assertThatThrownBy(() -> f.redis.eval(RedisScript.load("window-increment.lua"),
                        List.of("cpq-it:{" + f.tenant + "}:ro-count"), List.of("60000")))
                        .as("the same refusal from inside a script")
                        .isInstanceOf(RedisUnavailableException.class);
            } finally {
                admin.replicaofNoOne();
            }
        }
    }

    /**
     * Redis restarted (or reconfigured) with a password the suite does not have: every new connection is
     * answered {@code NOAUTH}. PostgreSQL can still answer; a 500 on every read would make a cache
     * misconfiguration an outage of the suite.
     */
    @Test
    void aRedisThatAsksForAPasswordTheSuiteDoesNotHaveIsUnavailableAndReadsAnswerFromTheSource() {
        var key = SampleKeys.offeringDetail(f.tenant, 1, "po-noauth");
        var line = SampleKeys.catalogLine(f.tenant);
        AtomicInteger loads = new AtomicInteger();
        try (Jedis admin = admin()) {
            admin.ping(); // authenticated before the password is set: it stays usable to remove it
            String before = admin.configGet("requirepass").get("requirepass");
            try {
                // the fixture's gateway has no connection yet: each one it opens now is refused
                admin.configSet("requirepass", "rotated-" + f.tenant);

                assertThatThrownBy(() -> f.redis.execute(j -> j.get(key.value())))
                        .as("NOAUTH is an unavailable Redis, not a rejected command")
                        .isInstanceOf(RedisUnavailableException.class).hasMessageContaining("NOAUTH");
                assertThat(f.cache.get(key, Item.class, () -> new Item("po-" + loads.incrementAndGet()))).isEqualTo(new Item("po-1"));
                assertThat(f.pointer.resolve(line, () -> 3)).as("the pointer falls back to its authority").isEqualTo(3);
                assertThat(f.metrics.countOf(Event.SOURCE_FALLBACK, CacheDomain.CATALOG, f.tenant)).isPositive();
            } finally {
                admin.configSet("requirepass", before);
            }
        }
    }

    @Test
    void aCommandThatIsWrongStaysAProgrammingErrorAndDoesNotOpenTheBreaker() {
        String key = "cpq-it:{" + f.tenant + "}:a-string";
        f.redis.execute(j -> j.set(key, "v"));
        for (int i = 0; i < 12; i++) {
            assertThatThrownBy(() -> f.redis.execute(j -> j.hget(key, "field"))).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("WRONGTYPE");
        }
        assertThat(f.redis.breakerState()).isEqualTo(CircuitBreaker.State.CLOSED);
        f.redis.execute(j -> j.del(key));
    }
}
