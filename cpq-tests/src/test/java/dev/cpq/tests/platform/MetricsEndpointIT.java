package dev.cpq.tests.platform;

import static dev.cpq.tests.support.DeployedSuite.get;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cpq.tests.support.DeployedSuite.Reply;
import org.junit.jupiter.api.Test;

/** A Prometheus scraper's view of the deployed catalog service. */
class MetricsEndpointIT {

    @Test
    void metricsAreServedInPrometheusTextWithoutAuthentication() {
        Reply metrics = get("/catalog/api/metrics", null);
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.contentType()).startsWith("text/plain");
        assertThat(metrics.body())
                .contains("# TYPE jvm_memory_used_bytes gauge")
                .contains("cpq_cache_redis_breaker_state");
    }
}
