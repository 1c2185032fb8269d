package dev.cpq.tests.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cpq.testing.RealServices;
import dev.cpq.testing.ServiceControl;
import dev.cpq.tests.support.DeployedSuite;
import dev.cpq.tests.support.DeployedSuite.Reply;
import dev.cpq.tests.support.QuotingTenant;
import dev.cpq.tests.support.TestTokens;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Only the owner's database rebuilds an owner's pointer. Catalog has moved on to v2 while pricing's
 * replica of it ({@code known_catalog_version}) still says v1 (the publication event is held back by
 * a Kafka outage); Redis lost catalog's pointer (a flush). Pricing reads catalog's pointer first: it may
 * use its replica for its own answer, but must not write catalog's pointer from it, or catalog's own
 * reads would stick at v1 (the monotonic pointer refuses nothing older, and the v2 event may already be
 * consumed in production).
 */
class CatalogPointerOwnershipScenarioTest {

    private final QuotingTenant tenant = new QuotingTenant();
    private final String operator = TestTokens.token(tenant.tenant, "OPERATOR");

    @Test
    void afterAFlushPricingNeverSetsCatalogsPointerFromItsOlderReplica() {
        awaitPricingKnowsCatalogVersion(tenant.catalogVersion);
        try (var kafkaDown = ServiceControl.stopped("kafka")) {
            long v2 = tenant.catalog.openDraft();
            tenant.catalog.publish(v2);
            Reply flushed = DeployedSuite.call("POST", "/catalog/api/ops/cache/flush", operator, "{\"domain\":\"catalog\"}");
            assertThat(flushed.status()).as(flushed.body()).isEqualTo(200);

            // pricing meets the missing pointer first, with its replica one version behind
            Reply priced = DeployedSuite.call("POST", "/pricing/api/price-calculations", tenant.agent(),
                    "{\"priceListId\":\"standard\",\"catalogVersion\":" + tenant.catalogVersion + ",\"currency\":\"EUR\","
                            + "\"market\":\"eu\",\"channel\":\"direct\",\"lines\":[{\"offeringId\":\"fiber-1g\","
                            + "\"options\":{\"speed\":\"1G\"},\"quantity\":1,\"termMonths\":24,\"discountPercent\":0}]}");
            assertThat(priced.status()).as(priced.body()).isNotEqualTo(500);

            JsonNode pointer = catalogPointer();
            assertThat(!pointer.hasNonNull("pointer") || pointer.get("pointer").asLong() == v2)
                    .as("catalog's pointer is absent or set from catalog's database, never v1 from pricing's replica: %s", pointer)
                    .isTrue();
            Reply offerings = DeployedSuite.get("/catalog/api/offerings", tenant.agent());
            assertThat(offerings.status()).as(offerings.body()).isEqualTo(200);
            assertThat(offerings.json().get("catalogVersion").asLong()).as("catalog reads its active version, not a stuck pointer")
                    .isEqualTo(v2);
            assertThat(catalogPointer().get("pointer").asLong()).as("set by catalog from its database").isEqualTo(v2);
        }
        DeployedSuite.awaitHealthy();
    }

    private JsonNode catalogPointer() {
        Reply pointers = DeployedSuite.get("/catalog/api/ops/cache/pointers", operator);
        assertThat(pointers.status()).as(pointers.body()).isEqualTo(200);
        for (JsonNode p : pointers.json()) {
            if ("catalog".equals(p.get("domain").asText())) {
                return p;
            }
        }
        throw new AssertionError("no catalog pointer in " + pointers.body());
    }

    /** Pricing's replica of catalog's active version, as its consumer keeps it (read as pricing's own role). */
    private void awaitPricingKnowsCatalogVersion(long version) {
        String password = System.getenv("CPQ_PRICING_DB_PASSWORD");
        assertThat(password).as("CPQ_PRICING_DB_PASSWORD (exported by deploy/cpq test)").isNotBlank();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        try (Connection c = DriverManager.getConnection(RealServices.postgres().url(), "pricing", password);
                PreparedStatement ps = c.prepareStatement("SELECT active_version FROM pricing.known_catalog_version WHERE tenant_id = ?")) {
            ps.setString(1, tenant.tenant);
            while (true) {
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next() && rs.getLong(1) >= version) {
                        return;
                    }
                }
                assertThat(System.nanoTime()).as("pricing learned catalog v%d within 30 s", version).isLessThan(deadline);
                Thread.onSpinWait();
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
