package dev.cpq.tests.quote;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cpq.tests.support.DeployedSuite.Reply;
import dev.cpq.tests.support.QuoteDesk;
import dev.cpq.tests.support.QuotingTenant;
import org.junit.jupiter.api.Test;

/**
 * ABA: DRAFT -> submitted -> rejected -> DRAFT again. The status looks the same as at the start, but a
 * command built on the first DRAFT carries its version and is refused.
 */
class QuoteAbaScenarioTest {

    @Test
    void aCommandCarryingTheVersionOfTheFirstDraftIsRefusedAfterTheQuoteCameBackToDraft() {
        QuotingTenant tenant = new QuotingTenant();
        QuoteDesk quote = tenant.newQuote();
        assertThat(quote.replaceLines(QuoteDesk.fiberLine(2, "15")).status()).isEqualTo(200);
        String firstDraft = quote.etag();
        assertThat(quote.price().status()).isEqualTo(200);
        assertThat(quote.submit().status()).isEqualTo(200);
        JsonNode pending = quote.read();
        Reply rejected = quote.decide(pending.get("revisionId").asText(), pending.get("priceResultId").asText(), "REJECTED");
        assertThat(rejected.status()).as(rejected.body()).isEqualTo(200);
        assertThat(quote.read().get("status").asText()).isEqualTo("REJECTED");
        Reply again = quote.replaceLines(QuoteDesk.fiberLine(2, "5"));
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(quote.read().get("status").asText()).isEqualTo("DRAFT");

        Reply old = quote.replaceLinesWith(firstDraft, QuoteDesk.fiberLine(9, "0"));

        assertThat(old.status()).as(old.body()).isEqualTo(412);
        assertThat(old.json().get("code").asText()).isEqualTo("QUOTE_VERSION_CONFLICT");
        assertThat(old.json().get("currentVersion").asLong()).isGreaterThan(old.json().get("expectedVersion").asLong());
        assertThat(quote.read().at("/lines/0/quantity").asInt()).isEqualTo(2);
    }
}
