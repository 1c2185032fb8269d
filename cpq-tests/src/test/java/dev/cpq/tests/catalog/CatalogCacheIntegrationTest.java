package dev.cpq.tests.catalog;

import static dev.cpq.tests.support.SuiteMetrics.label;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cpq.events.cache.CatalogCacheKeys;
import dev.cpq.cache.redis.RedisEndpoint;
import dev.cpq.cache.redis.RedisGateway;
import dev.cpq.testing.RealServices;
import dev.cpq.testing.ServiceControl;
import dev.cpq.tests.support.CatalogAdministration;
import dev.cpq.tests.support.DeployedSuite;
import dev.cpq.tests.support.DeployedSuite.Reply;
import dev.cpq.tests.support.SuiteMetrics;
import dev.cpq.tests.support.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Offering reads of the deployed catalog go through the versioned cache: a miss loads from PostgreSQL
 * once, hits do not load; a publication moves the pointer and reads follow it; an entry of the old
 * version left in Redis never answers for the new one; without Redis, reads answer from the database.
 * Loads are counted by the service's own metric ({@code cpq_cache_load_seconds_count} per tenant).
 */
class CatalogCacheIntegrationTest {

    private final CatalogAdministration catalog = new CatalogAdministration(TestTokens.uniqueTenant("cache"));
    private final String seller = TestTokens.token(catalog.tenant(), "SALES_AGENT");
    private final RedisGateway redis = RedisGateway.connect(RedisEndpoint.parse(RealServices.redis().url()), 2);

    @AfterEach
    void close() {
        redis.close();
    }

    @Test
    void aMissLoadsFromTheDatabaseOnceAndHitsDoNotLoadAgain() {
        long v1 = publishedWith("fiber-1g", "Fiber 1G");

        Reply first = DeployedSuite.get("/catalog/api/offerings/fiber-1g", seller);
        double loadsAfterMiss = loads();
        Reply second = DeployedSuite.get("/catalog/api/offerings/fiber-1g", seller);
        Reply third = DeployedSuite.get("/catalog/api/offerings/fiber-1g", seller);

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().get("catalogVersion").asLong()).isEqualTo(v1);
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(third.body()).isEqualTo(first.body());
        assertThat(loadsAfterMiss).as("the miss loaded once").isEqualTo(1);
        assertThat(loads()).as("hits load nothing").isEqualTo(1);
        assertThat(SuiteMetrics.sum("catalog", "cpq_cache_hit_total", label("domain", "catalog"), label("tenant", catalog.tenant())))
                .isGreaterThanOrEqualTo(2);
    }

    @Test
    void aPublicationMovesThePointerAndReadsUseTheNewVersionWhileTheOldEntryStaysUnused() {
        long v1 = publishedWith("fiber-1g", "Fiber 1G");
        assertThat(DeployedSuite.get("/catalog/api/offerings/fiber-1g", seller).json().get("name").asText()).isEqualTo("Fiber 1G");
        String oldKey = CatalogCacheKeys.offeringDetail(catalog.tenant(), v1, "fiber-1g").value();
        assertThat(cached(oldKey)).as("v1 entry cached").isTrue();

        long v2 = catalog.openDraft();
        catalog.putInternetOffering(v2, "fiber-1g", "Fiber 1G (new name)");
        catalog.publish(v2);
        catalog.awaitPointer(v2);

        Reply current = DeployedSuite.get("/catalog/api/offerings/fiber-1g", seller);
        assertThat(current.json().get("catalogVersion").asLong()).isEqualTo(v2);
        assertThat(current.json().get("name").asText()).isEqualTo("Fiber 1G (new name)");
        assertThat(cached(oldKey)).as("the v1 entry is still in Redis, and was not used").isTrue();
        // the old version stays readable by name, and answers with what v1 was
        Reply old = DeployedSuite.get("/catalog/api/offerings/fiber-1g?catalogVersion=" + v1, seller);
        assertThat(old.json().get("catalogVersion").asLong()).isEqualTo(v1);
        assertThat(old.json().get("name").asText()).isEqualTo("Fiber 1G");
        Reply list = DeployedSuite.get("/catalog/api/offerings?family=internet", seller);
        assertThat(list.json().get("catalogVersion").asLong()).isEqualTo(v2);
        assertThat(list.json().at("/offerings/0/name").asText()).isEqualTo("Fiber 1G (new name)");
    }

    @Test
    void aDraftIsNeverServedByTheCachedReads() {
        long v1 = publishedWith("fiber-1g", "Fiber 1G");
        long draft = catalog.openDraft();
        catalog.putInternetOffering(draft, "fiber-1g", "Draft name");

        Reply read = DeployedSuite.get("/catalog/api/offerings/fiber-1g?catalogVersion=" + draft, seller);

        assertThat(read.status()).isEqualTo(409);
        assertThat(read.json().get("code").asText()).isEqualTo("CATALOG_VERSION_NOT_PUBLISHED");
        assertThat(DeployedSuite.get("/catalog/api/offerings/fiber-1g", seller).json().get("catalogVersion").asLong()).isEqualTo(v1);
    }

    @Test
    void withRedisStoppedReadsStillAnswerFromTheDatabase() {
        long v1 = publishedWith("fiber-1g", "Fiber 1G");
        try {
            ServiceControl.stop("redis");

            Reply read = DeployedSuite.get("/catalog/api/offerings/fiber-1g", seller);
            Reply list = DeployedSuite.get("/catalog/api/offerings", seller);

            assertThat(read.status()).as(read.body()).isEqualTo(200);
            assertThat(read.json().get("catalogVersion").asLong()).isEqualTo(v1);
            assertThat(list.status()).as(list.body()).isEqualTo(200);
            assertThat(list.json().get("offerings")).hasSize(1);
        } finally {
            ServiceControl.start("redis");
            DeployedSuite.awaitHealthy();
        }
    }

    private long publishedWith(String offeringId, String name) {
        long version = catalog.openDraft();
        catalog.putInternetOffering(version, offeringId, name);
        catalog.publish(version);
        catalog.awaitPointer(version);
        return version;
    }

    private boolean cached(String key) {
        Boolean exists = redis.execute(j -> j.exists(key));
        return exists;
    }

    private double loads() {
        return SuiteMetrics.sum("catalog", "cpq_cache_load_seconds_count", label("domain", "catalog"), label("tenant", catalog.tenant()));
    }
}
