package dev.cpq.tests.quote;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cpq.tests.support.DeployedSuite.Reply;
import dev.cpq.tests.support.QuoteDesk;
import dev.cpq.tests.support.QuotingTenant;
import org.junit.jupiter.api.Test;

/** The approval threshold is lowered after pricing: submit recomputes the signals and asks for approval. */
class ApprovalPolicyChangeScenarioTest {

    @Test
    void aThresholdLoweredAfterPricingMakesSubmitRequireApproval() {
        QuotingTenant tenant = new QuotingTenant();
        QuoteDesk quote = tenant.newQuote();
        assertThat(quote.replaceLines(QuoteDesk.fiberLine(2, "8")).status()).isEqualTo(200);
        Reply priced = quote.price();
        assertThat(priced.json().at("/approval/signals")).as("8 % is within the agent's 10 %").isEmpty();
        tenant.pricing.approvalPolicy("[{\"role\":\"SALES_AGENT\",\"maxDiscountPercent\":5},{\"role\":\"SALES_MANAGER\",\"maxDiscountPercent\":25}]");

        Reply submitted = quote.submit();

        assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
        JsonNode now = quote.read();
        assertThat(now.get("status").asText()).isEqualTo("PENDING_APPROVAL");
        assertThat(now.at("/approval/signals/0/requiredRole").asText()).isEqualTo("SALES_MANAGER");
    }
}
