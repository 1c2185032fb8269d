package dev.cpq.tests.quote;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cpq.tests.support.DeployedSuite.Reply;
import dev.cpq.tests.support.QuoteDesk;
import dev.cpq.tests.support.QuotingTenant;
import org.junit.jupiter.api.Test;

/**
 * An approval is evidence for one revision and one price result: once a line changes, neither accepting
 * with the old approval nor deciding on the old revision is possible.
 */
class StaleApprovalScenarioTest {

    private final QuotingTenant tenant = new QuotingTenant();

    @Test
    void anApprovalOfAnEarlierRevisionCannotBeUsedToAcceptTheChangedQuote() {
        QuoteDesk quote = tenant.newQuote();
        JsonNode approved = approvedByManager(quote);
        String approvedRevision = approved.get("revisionId").asText();
        String approvedPrice = approved.get("priceResultId").asText();

        Reply changed = quote.replaceLines(QuoteDesk.fiberLine(4, "15"));
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.json().get("revisionId").asText()).as("a commercial change is a new revision").isNotEqualTo(approvedRevision);
        Reply accept = quote.accept(approvedRevision, approvedPrice, "accept-old");

        assertThat(accept.status()).as(accept.body()).isEqualTo(409);
        assertThat(accept.json().get("code").asText()).isEqualTo("STALE_APPROVAL");
        assertThat(quote.read().get("status").asText()).isEqualTo("DRAFT");
    }

    @Test
    void decidingOnARevisionThatIsNoLongerCurrentIsRefused() {
        QuoteDesk quote = tenant.newQuote();
        quote.replaceLines(QuoteDesk.fiberLine(2, "15"));
        JsonNode priced = quote.price().json();
        assertThat(quote.submit().status()).isEqualTo(200);
        JsonNode pending = quote.read();
        assertThat(pending.get("status").asText()).isEqualTo("PENDING_APPROVAL");
        String oldRevision = pending.get("revisionId").asText();

        quote.replaceLines(QuoteDesk.fiberLine(3, "15"));
        Reply late = quote.decide(oldRevision, priced.get("priceResultId").asText(), "APPROVED");

        assertThat(late.status()).as(late.body()).isEqualTo(409);
        assertThat(late.json().get("code").asText()).isEqualTo("STALE_APPROVAL");
    }

    /** 15 % is above the agent's 10 %: submit asks for a manager, who approves the current revision and price. */
    static JsonNode approvedByManager(QuoteDesk quote) {
        assertThat(quote.replaceLines(QuoteDesk.fiberLine(2, "15")).status()).isEqualTo(200);
        assertThat(quote.price().status()).isEqualTo(200);
        Reply submitted = quote.submit();
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
        JsonNode pending = quote.read();
        assertThat(pending.get("status").asText()).isEqualTo("PENDING_APPROVAL");
        Reply decided = quote.decide(pending.get("revisionId").asText(), pending.get("priceResultId").asText(), "APPROVED");
        assertThat(decided.status()).as(decided.body()).isEqualTo(200);
        JsonNode approved = quote.read();
        assertThat(approved.get("status").asText()).isEqualTo("APPROVED");
        return approved;
    }
}
