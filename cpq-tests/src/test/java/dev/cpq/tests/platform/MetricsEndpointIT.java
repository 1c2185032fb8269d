package dev.cpq.tests.platform;

import static dev.cpq.tests.support.DeployedSuite.get;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cpq.tests.support.DeployedSuite;
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

    @Test
    void deliberateRejectionsAreCountedByTheirCode() {
        String token = dev.cpq.tests.support.TestTokens.token(dev.cpq.tests.support.TestTokens.uniqueTenant("metrics"), "CATALOG_ADMIN");
        Reply rejected = DeployedSuite.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(DeployedSuite.baseUrl() + "/catalog/api/catalog-versions/1/offerings/po-1"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"name\":\"n\",\"family\":\"F\",\"options\":[]}")).build());
        assertThat(rejected.status()).isEqualTo(428);
        assertThat(get("/catalog/api/metrics", null).body())
                .containsPattern("cpq_problems_total\\{code=\"PRECONDITION_REQUIRED\",endpoint=\"OfferingsResource.put\",status=\"428\"\\} [1-9]");
    }
}
