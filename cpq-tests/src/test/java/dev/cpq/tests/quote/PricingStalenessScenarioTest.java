package dev.cpq.tests.quote;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cpq.testing.ServiceControl;
import dev.cpq.tests.support.DeployedSuite;
import dev.cpq.tests.support.DeployedSuite.Reply;
import dev.cpq.tests.support.QuoteDesk;
import dev.cpq.tests.support.QuotingTenant;
import dev.cpq.tests.support.SuiteMetrics;
import org.junit.jupiter.api.Test;

/**
 * A quote priced on price list version 1 cannot be submitted once version 2 is published (the default
 * policy REPRICE_REQUIRED_ON_PUBLISH); repricing heals it. The final check asks pricing's database, so
 * it holds even while the cache pointer still says version 1 because the invalidating events are stuck.
 */
class PricingStalenessScenarioTest {

    private final QuotingTenant tenant = new QuotingTenant();

    @Test
    void pricedOnVersionOneThenVersionTwoPublishedSubmitIsRefusedAndRepricingHealsIt() {
        QuoteDesk quote = tenant.newQuote();
        assertThat(quote.replaceLines(QuoteDesk.fiberLine(1, "0")).status()).isEqualTo(200);
        assertThat(quote.price().json().get("priceListVersion").asLong()).isEqualTo(1);
        long v2 = tenant.publishNewPriceListVersion(true);
        double before = staleRejections();

        Reply stale = quote.submit();

        assertThat(stale.status()).as(stale.body()).isEqualTo(409);
        assertThat(stale.json().get("code").asText()).isEqualTo("QUOTE_PRICING_STALE");
        assertThat(stale.json().get("remediation").asText()).isNotBlank();
        assertThat(staleRejections()).as("counted by code").isEqualTo(before + 1);
        quote.read();
        Reply repriced = quote.price();
        assertThat(repriced.status()).as(repriced.body()).isEqualTo(200);
        assertThat(repriced.json().get("priceListVersion").asLong()).isEqualTo(v2);
        Reply submitted = quote.submit();
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
        assertThat(quote.read().get("status").asText()).isEqualTo("APPROVED");
    }

    @Test
    void withTheInvalidatingEventsStuckThePointerSaysVersionOneAndSubmitIsStillRefused() {
        QuoteDesk quote = tenant.newQuote();
        assertThat(quote.replaceLines(QuoteDesk.fiberLine(1, "0")).status()).isEqualTo(200);
        assertThat(quote.price().status()).isEqualTo(200);
        try {
            ServiceControl.stop("kafka");
            tenant.publishNewPriceListVersion(false);
            var pointers = DeployedSuite.get("/pricing/api/ops/cache/pointers", dev.cpq.tests.support.TestTokens.token(tenant.tenant, "OPERATOR"));
            boolean pointerOnOne = false;
            for (var p : pointers.json()) {
                if ("price-list".equals(p.get("domain").asText())) {
                    pointerOnOne = p.get("pointer").asLong() == 1 && p.get("database").asLong() == 2;
                }
            }
            assertThat(pointerOnOne).as("the pointer still names version 1 while the database has 2: %s", pointers.body()).isTrue();

            Reply stale = quote.submit();

            assertThat(stale.status()).as(stale.body()).isEqualTo(409);
            assertThat(stale.json().get("code").asText()).isEqualTo("QUOTE_PRICING_STALE");
        } finally {
            ServiceControl.start("kafka");
            DeployedSuite.awaitHealthy();
        }
    }

    private double staleRejections() {
        return SuiteMetrics.sum("quote", "cpq_quote_stale_rejections_total", SuiteMetrics.label("code", "QUOTE_PRICING_STALE"));
    }
}
