package dev.cpq.tests.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cpq.tests.support.DeployedSuite;
import dev.cpq.tests.support.DeployedSuite.Reply;
import dev.cpq.tests.support.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * A SERVICE token (what a schedule or consumer calls with: role SERVICE, the tenant of its work) reaches only
 * the reads services make of each other for such work; it never acts as a user (403 everywhere else, whatever
 * the roles an endpoint allows) and sees only its own tenant's data (another tenant's is unknown: 404).
 */
class ServiceIdentityIT {

    private static final String DEMO = System.getenv().getOrDefault("CPQ_DEMO_TENANT", "demo");

    @Test
    void aServiceTokenIsRefusedOnUserEndpoints() {
        String service = TestTokens.serviceToken(DEMO);
        for (String path : new String[] {"/catalog/api/offerings?family=internet", "/quote/api/quotes", "/pricing/api/price-lists",
                "/quote/api/ops/superseded-decisions", "/catalog/api/ops/outbox"}) {
            Reply reply = DeployedSuite.get(path, service);
            assertThat(reply.status()).as(path + ": " + reply.body()).isEqualTo(403);
            assertThat(reply.json().get("code").asText()).as(path).isEqualTo("FORBIDDEN");
        }
        Reply create = DeployedSuite.call("POST", "/quote/api/quotes", service,
                "{\"customerId\":\"c1\",\"currency\":\"EUR\",\"market\":\"eu\",\"channel\":\"direct\",\"priceListId\":\"standard\"}",
                "Idempotency-Key", "svc-" + System.nanoTime());
        assertThat(create.status()).as(create.body()).isEqualTo(403);
    }

    @Test
    void aServiceTokenReadsWhatServicesAskEachOtherForItsOwnTenantOnly() {
        Reply own = DeployedSuite.get("/pricing/api/price-lists/standard/active-version", TestTokens.serviceToken(DEMO));
        assertThat(own.status()).as(own.body()).isEqualTo(200);
        assertThat(DeployedSuite.get("/catalog/api/catalog-versions", TestTokens.serviceToken(DEMO)).status()).isEqualTo(200);
        assertThat(DeployedSuite.get("/pricing/api/approval-policy", TestTokens.serviceToken(DEMO)).status()).isEqualTo(200);

        String stranger = TestTokens.serviceToken(TestTokens.uniqueTenant("svc"));
        Reply foreign = DeployedSuite.get("/pricing/api/price-lists/standard/active-version", stranger);
        assertThat(foreign.status()).as("the demo tenant's price list, asked as another tenant's service: " + foreign.body()).isEqualTo(404);
        Reply versions = DeployedSuite.get("/catalog/api/catalog-versions", stranger);
        assertThat(versions.status()).isEqualTo(200);
        assertThat(versions.json()).as("none of the demo tenant's catalog versions").isEmpty();
    }
}
