package dev.cpq.tests.quote;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cpq.tests.support.DeployedSuite;
import dev.cpq.tests.support.DeployedSuite.Reply;
import dev.cpq.tests.support.QuoteDesk;
import dev.cpq.tests.support.QuotingTenant;
import dev.cpq.tests.support.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * Issue 13 item 9: re-pricing an APPROVED or PENDING_APPROVAL quote answers the same content-addressed
 * price result; the quote is PRICED again with its approval cleared, and the next submit (and the
 * manager's decision) decides again with new decision rows instead of a 500.
 */
class RepricingAfterSubmitScenarioTest {

    private final QuotingTenant tenant = new QuotingTenant();

    @Test
    void repricingAnApprovedQuoteReturnsItToPricedAndTheNextSubmitDecidesAgain() {
        QuoteDesk quote = tenant.newQuote();
        JsonNode approved = quote.approvedWithoutApprover();

        Reply repriced = quote.price();

        assertThat(repriced.status()).as(repriced.body()).isEqualTo(200);
        assertThat(repriced.json().get("priceResultId").asText()).as("content-addressed").isEqualTo(approved.get("priceResultId").asText());
        assertThat(repriced.json().get("status").asText()).isEqualTo("PRICED");
        Reply submitted = quote.submit();
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
        assertThat(submitted.json().get("status").asText()).isEqualTo("APPROVED");
        assertThat(decisions(quote)).as("one automatic decision per submit").hasSize(2);
        JsonNode now = quote.read();
        Reply accepted = quote.accept(now.get("revisionId").asText(), now.get("priceResultId").asText(), "accept-" + quote.id());
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
    }

    @Test
    void repricingAQuotePendingApprovalLetsTheManagerDecideTheNextSubmission() {
        QuoteDesk quote = tenant.newQuote();
        assertThat(quote.replaceLines(QuoteDesk.fiberLine(1, "12")).status()).isEqualTo(200);
        assertThat(quote.price().status()).isEqualTo(200);
        assertThat(quote.submit().json().get("status").asText()).isEqualTo("PENDING_APPROVAL");
        JsonNode pending = quote.read();

        Reply repriced = quote.price();

        assertThat(repriced.status()).as(repriced.body()).isEqualTo(200);
        assertThat(repriced.json().get("status").asText()).isEqualTo("PRICED");
        assertThat(repriced.json().get("priceResultId").asText()).isEqualTo(pending.get("priceResultId").asText());
        Reply early = quote.accept(pending.get("revisionId").asText(), pending.get("priceResultId").asText(), "accept-early-" + quote.id());
        assertThat(early.status()).as("the earlier approval no longer counts: %s", early.body()).isEqualTo(409);
        Reply submitted = quote.submit();
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
        assertThat(submitted.json().get("status").asText()).isEqualTo("PENDING_APPROVAL");
        Reply decided = quote.decide(pending.get("revisionId").asText(), pending.get("priceResultId").asText(), "APPROVED");
        assertThat(decided.status()).as(decided.body()).isEqualTo(200);
        Reply accepted = quote.accept(pending.get("revisionId").asText(), pending.get("priceResultId").asText(), "accept-" + quote.id());
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
    }

    private JsonNode decisions(QuoteDesk quote) {
        Reply r = DeployedSuite.get("/quote/api/quotes/" + quote.id() + "/approvals", TestTokens.token(tenant.tenant, "SALES_MANAGER"));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode body = r.json();
        return body.isArray() ? body : body.path("decisions");
    }
}
