package dev.cpq.tests.quote;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cpq.testing.ServiceControl;
import dev.cpq.tests.support.DeployedSuite;
import dev.cpq.tests.support.DeployedSuite.Reply;
import dev.cpq.tests.support.QuoteDesk;
import dev.cpq.tests.support.QuotingTenant;
import org.junit.jupiter.api.Test;

/**
 * Issue 13 item 3: under VALID_UNTIL_QUOTE_EXPIRY an older version's result stays acceptable only if it
 * was made before a newer version was published. With the invalidating events stuck (Kafka stopped),
 * pricing still prices on the old version after the new one's publication: such a result is stale.
 */
class StuckPointerValidUntilExpiryScenarioTest {

    private final QuotingTenant tenant = new QuotingTenant();

    @Test
    void aResultPricedOnTheOldVersionAfterANewerPublicationIsStaleWhateverItsPolicy() {
        long v2 = tenant.pricing.openDraft("standard", "VALID_UNTIL_QUOTE_EXPIRY");
        tenant.pricing.putEurPrice("standard", v2, "fiber-1g", "49.00", "59.90");
        tenant.pricing.published("standard", v2);
        QuoteDesk pricedBefore = tenant.newQuote();
        assertThat(pricedBefore.replaceLines(QuoteDesk.fiberLine(1, "1")).status()).isEqualTo(200);
        assertThat(pricedBefore.price().json().get("priceListVersion").asLong()).isEqualTo(v2);
        QuoteDesk pricedAfter = tenant.newQuote();
        assertThat(pricedAfter.replaceLines(QuoteDesk.fiberLine(1, "2")).status()).isEqualTo(200);
        try {
            ServiceControl.stop("kafka");
            long v3 = tenant.publishNewPriceListVersion(false);
            Reply stuck = pricedAfter.price();
            assertThat(stuck.status()).as(stuck.body()).isEqualTo(200);
            assertThat(stuck.json().get("priceListVersion").asLong()).as("the stuck pointer still names v%d", v2).isEqualTo(v2);
            assertThat(v3).isGreaterThan(v2);

            Reply stale = pricedAfter.submit();

            assertThat(stale.status()).as(stale.body()).isEqualTo(409);
            assertThat(stale.json().get("code").asText()).isEqualTo("QUOTE_PRICING_STALE");
            Reply stillValid = pricedBefore.submit();
            assertThat(stillValid.status()).as("priced before the publication, acceptable under its policy: %s", stillValid.body())
                    .isEqualTo(200);
        } finally {
            ServiceControl.start("kafka");
            DeployedSuite.awaitHealthy();
        }
    }
}
