package dev.cpq.tests.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cpq.testing.ServiceControl;
import dev.cpq.tests.support.DeployedSuite;
import dev.cpq.tests.support.DeployedSuite.Reply;
import dev.cpq.tests.support.QuotingTenant;
import dev.cpq.tests.support.TestTokens;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * Kafka stops while administrators publish: their publications commit (they see no error), the relays
 * wait without charging the events any attempt, and once Kafka is back every pointer reaches the latest
 * version, with nothing FAILED and nothing left pending.
 */
class KafkaOutageDuringPublicationsScenarioTest {

    private final QuotingTenant tenant = new QuotingTenant();
    private final String operator = TestTokens.token(tenant.tenant, "OPERATOR");

    @Test
    void publicationsCommitWhileKafkaIsDownAndEveryPointerReachesTheLatestVersionOnceItReturns() {
        long catalogVersion = tenant.catalogVersion;
        long priceListVersion = 0;
        try (var outage = ServiceControl.stopped("kafka")) {
            for (int i = 0; i < 2; i++) {
                catalogVersion = tenant.catalog.openDraft();
                tenant.catalog.putInternetOffering(catalogVersion, "fiber-1g", "Fiber 1G (" + i + ")");
                tenant.catalog.publish(catalogVersion); // 200: asserted inside
                priceListVersion = tenant.publishNewPriceListVersion(false); // 200: asserted inside
            }
            // the catalog's relay has met the outage on this tenant's rows ...
            await("the relay tried the pending rows", Duration.ofSeconds(30), () -> DeployedOutbox.catalogScalar(
                    "SELECT count(*) FROM outbox_event WHERE tenant_id = ? AND status = 'PENDING' AND last_error IS NOT NULL", tenant.tenant) > 0);
            // ... and charged them nothing: an outage is not the events' fault
            assertThat(DeployedOutbox.catalogScalar("SELECT coalesce(max(attempts), 0) FROM outbox_event WHERE tenant_id = ?", tenant.tenant))
                    .as("attempts charged by the outage").isZero();
            for (String service : new String[] {"catalog", "pricing"}) {
                Reply status = DeployedSuite.get("/" + service + "/api/ops/outbox", operator);
                assertThat(status.status()).as(status.body()).isEqualTo(200);
                assertThat(status.json().get("failed").asLong()).as(service + " FAILED during the outage").isZero();
                assertThat(status.json().get("pending").asLong()).as(service + " waiting").isPositive();
            }
        } finally {
            ServiceControl.start("kafka");
        }

        tenant.catalog.awaitPointer(catalogVersion);
        tenant.pricing.awaitPointer("price-list", priceListVersion);
        for (String service : new String[] {"catalog", "pricing"}) {
            await(service + " outbox drained", Duration.ofSeconds(30),
                    () -> DeployedSuite.get("/" + service + "/api/ops/outbox", operator).json().get("pending").asLong() == 0);
            Reply status = DeployedSuite.get("/" + service + "/api/ops/outbox", operator);
            assertThat(status.json().get("failed").asLong()).as(service + " FAILED").isZero();
            assertThat(status.json().get("failedEvents")).as(service).isEmpty();
        }
        DeployedSuite.awaitHealthy();
    }

    static void await(String what, Duration limit, BooleanSupplier condition) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("not reached within %s: %s", limit, what).isLessThan(deadline);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
