package dev.cpq.cache.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cpq.testing.RealServices;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Against the real Redis that deploy/cpq services starts. */
class RedisGatewayIT {

    @Test
    void pingsAndRoundTripsAValueOnRealRedis() {
        try (RedisGateway redis = RedisGateway.connect(RedisEndpoint.parse(RealServices.redis().url()), 4)) {
            assertThat(redis.ping()).isEqualTo("PONG");
            String key = "cpq-it:{gateway}:" + UUID.randomUUID();
            redis.execute(j -> j.setex(key, 30, "v1"));
            String stored = redis.execute(j -> j.get(key));
            assertThat(stored).isEqualTo("v1");
            redis.execute(j -> j.del(key));
        }
    }

    @Test
    void unreachableRedisFailsFastWithRedisUnavailable() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        var endpoint = new RedisEndpoint("127.0.0.1", closedPort, Duration.ofMillis(200), Duration.ofMillis(200));
        try (RedisGateway redis = RedisGateway.connect(endpoint, 2)) {
            long t0 = System.nanoTime();
            assertThatThrownBy(redis::ping).isInstanceOf(RedisUnavailableException.class)
                    .hasMessageContaining(endpoint.toString());
            // a refused connection must not turn into a long wait
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(2));
        }
    }
}
