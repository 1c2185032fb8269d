package dev.cpq.cache.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RedisEndpointTest {

    @Test
    void parsesHostAndPortFromRedisUrl() {
        RedisEndpoint e = RedisEndpoint.parse("redis://127.0.0.1:16379");
        assertThat(e.host()).isEqualTo("127.0.0.1");
        assertThat(e.port()).isEqualTo(16379);
        assertThat(e.readTimeout()).isEqualTo(RedisEndpoint.DEFAULT_READ_TIMEOUT);
    }

    @Test
    void defaultsToStandardPortWhenNoneGiven() {
        assertThat(RedisEndpoint.parse("redis://cache.internal").port()).isEqualTo(6379);
    }

    @Test
    void rejectsUrlsThatAreNotRedis() {
        assertThatThrownBy(() -> RedisEndpoint.parse("http://127.0.0.1:6379"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("redis://host:port");
        assertThatThrownBy(() -> RedisEndpoint.parse("not a url at all"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsNonPositiveTimeouts() {
        assertThatThrownBy(() -> new RedisEndpoint("h", 1, Duration.ZERO, Duration.ofMillis(1)))
                .hasMessageContaining("connectTimeout");
        assertThatThrownBy(() -> new RedisEndpoint("h", 70_000, Duration.ofMillis(1), Duration.ofMillis(1)))
                .hasMessageContaining("port");
    }
}
