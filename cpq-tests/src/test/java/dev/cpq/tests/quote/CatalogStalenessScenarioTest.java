package dev.cpq.tests.quote;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cpq.tests.support.DeployedSuite.Reply;
import dev.cpq.tests.support.QuoteDesk;
import dev.cpq.tests.support.QuotingTenant;
import org.junit.jupiter.api.Test;

/** A catalog publication after the quote was configured makes its configuration stale at submit. */
class CatalogStalenessScenarioTest {

    @Test
    void aCatalogPublishedAfterConfigurationMakesSubmitRefuseTheQuote() {
        QuotingTenant tenant = new QuotingTenant();
        QuoteDesk quote = tenant.newQuote();
        assertThat(quote.replaceLines(QuoteDesk.fiberLine(1, "0")).json().get("catalogVersion").asLong()).isEqualTo(tenant.catalogVersion);
        assertThat(quote.price().status()).isEqualTo(200);
        long next = tenant.catalog.openDraft();
        tenant.catalog.publish(next);
        tenant.catalog.awaitPointer(next);

        Reply stale = quote.submit();

        assertThat(stale.status()).as(stale.body()).isEqualTo(409);
        assertThat(stale.json().get("code").asText()).isIn("CONFIGURATION_STALE", "CATALOG_VERSION_STALE");
        assertThat(stale.json().get("remediation").asText()).isNotBlank();
        assertThat(quote.read().get("status").asText()).as("nothing moved").isEqualTo("PRICED");
    }
}
