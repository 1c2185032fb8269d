package dev.cpq.tests.platform;

import static dev.cpq.tests.support.DeployedSuite.get;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cpq.tests.support.DeployedSuite;
import dev.cpq.tests.support.DeployedSuite.Reply;
import dev.cpq.testing.ServiceControl;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Redis is stopped for real (through deploy/cpq) and the deployed service's health must say so. */
class RedisOutageHealthIT {

    @AfterEach
    void restartRedis() {
        ServiceControl.start("redis");
    }

    @Test
    void healthTurnsUnavailableWhileRedisIsDownAndRecoversWhenItReturns() {
        DeployedSuite.awaitHealthy();

        ServiceControl.stop("redis");
        long t0 = System.nanoTime();
        Reply down = get("/catalog/api/health", null);
        Duration took = Duration.ofNanos(System.nanoTime() - t0);

        assertThat(down.status()).as(down.body()).isEqualTo(503);
        assertThat(down.json().get("status").asText()).isEqualTo("DOWN");
        assertThat(down.json().at("/checks/redis/status").asText()).isEqualTo("DOWN");
        assertThat(down.json().at("/checks/postgres/status").asText()).isEqualTo("UP");
        assertThat(down.json().at("/checks/kafka/status").asText()).isEqualTo("UP");
        // a dead cache must cost a bounded failure, not a hanging request
        assertThat(took).isLessThan(Duration.ofSeconds(5));

        ServiceControl.start("redis");
        Reply up = DeployedSuite.awaitHealthy();
        assertThat(up.json().at("/checks/redis/status").asText()).isEqualTo("UP");
    }
}
