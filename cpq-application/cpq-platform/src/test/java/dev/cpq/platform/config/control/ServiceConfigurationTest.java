package dev.cpq.platform.config.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServiceConfigurationTest {

    @Test
    void readsTheCpqPropertiesAndAppliesDefaults() {
        var config = new ServiceConfiguration(Map.of(
                "cpq.redis.url", "redis://127.0.0.1:16379",
                "cpq.redis.cluster-nodes", "10.0.0.1:7000, 10.0.0.2:7000")::get);
        assertThat(config.redisUrl()).isEqualTo("redis://127.0.0.1:16379");
        assertThat(config.redisClusterNodes()).containsExactly("10.0.0.1:7000", "10.0.0.2:7000");
        assertThat(config.redisTimeout()).isEqualTo(Duration.ofMillis(250));
    }

    @Test
    void aMissingRequiredSettingNamesItselfAndWhoSetsIt() {
        var config = new ServiceConfiguration(Map.<String, String>of()::get);
        assertThatThrownBy(config::kafkaBootstrapServers)
                .hasMessageContaining("cpq.kafka.bootstrap-servers")
                .hasMessageContaining("deploy/cpq");
        assertThat(config.redisClusterNodes()).isEmpty();
    }
}
