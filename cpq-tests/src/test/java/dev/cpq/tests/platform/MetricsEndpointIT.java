package dev.cpq.tests.platform;

import static dev.cpq.tests.support.DeployedSuite.get;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cpq.tests.support.DeployedSuite;
import dev.cpq.tests.support.DeployedSuite.Reply;
import org.junit.jupiter.api.Test;

/** A Prometheus scraper's view of the deployed catalog service. */
class MetricsEndpointIT {

    @Test
    void metricsAreServedInPrometheusTextToTheScraper() {
        Reply metrics = get("/catalog/api/metrics", dev.cpq.tests.support.SuiteMetrics.scrapeToken());
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
        assertThat(dev.cpq.tests.support.SuiteMetrics.scrape("catalog").body())
                .containsPattern("cpq_problems_total\\{code=\"PRECONDITION_REQUIRED\",endpoint=\"OfferingsResource.put\",status=\"428\"\\} [1-9]");
    }

    @Test
    void withoutTheScrapeTokenNobodyReadsTheTenantLabelledSeries() {
        dev.cpq.tests.support.QuotingTenant quoting = new dev.cpq.tests.support.QuotingTenant();
        String tenant = quoting.tenant;
        String token = quoting.agent();
        for (int i = 0; i < 2; i++) {
            assertThat(get("/catalog/api/offerings/fiber-1g", token).status()).as("the tenant leaves a trace in the metrics").isEqualTo(200);
        }
        assertThat(dev.cpq.tests.support.SuiteMetrics.scrape("catalog").body()).as("the scraper sees it").contains(tenant);
        for (String service : new String[] {"catalog", "pricing", "quote"}) {
            for (String bearer : new String[] {null, token, "not-the-scrape-token"}) {
                Reply metrics = get("/" + service + "/api/metrics", bearer);
                assertThat(metrics.status()).as(service + " with " + bearer).isEqualTo(401);
                assertThat(metrics.contentType()).startsWith("application/problem+json");
                assertThat(metrics.json().get("code").asText()).isEqualTo("UNAUTHENTICATED");
                assertThat(metrics.body()).doesNotContain(tenant);
            }
        }
    }
}
