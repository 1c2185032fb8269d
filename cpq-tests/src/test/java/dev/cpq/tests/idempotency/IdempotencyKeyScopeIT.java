package dev.cpq.tests.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cpq.tests.support.DeployedSuite;
import dev.cpq.tests.support.DeployedSuite.Reply;
import dev.cpq.tests.support.QuoteDesk;
import dev.cpq.tests.support.QuotingTenant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An Idempotency-Key names one request of a tenant within a service (API.md): method, path, If-Match and
 * body. The same key for anything else is 422 IDEMPOTENCY_KEY_REUSED, never a second execution or an old
 * answer to a new question. Preconditions are strong ETags only.
 */
class IdempotencyKeyScopeIT {

    private static QuotingTenant tenant;

    @BeforeAll
    static void tenant() {
        tenant = new QuotingTenant();
    }

    private static final String NEW_QUOTE =
            "{\"customerId\":\"cust-1\",\"currency\":\"EUR\",\"market\":\"eu\",\"channel\":\"direct\",\"priceListId\":\"standard\"}";

    @Test
    void aKeyThatCreatedAQuoteIsRefusedForPricingItAndPricesNothing() {
        String key = "scope-" + UUID.randomUUID();
        Reply created = DeployedSuite.call("POST", "/quote/api/quotes", tenant.agent(), NEW_QUOTE, "Idempotency-Key", key);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String quoteId = created.json().get("quoteId").asText();
        QuoteDesk other = tenant.newQuote();
        assertThat(other.replaceLines(QuoteDesk.fiberLine(1, "5")).status()).isEqualTo(200);

        Reply price = DeployedSuite.call("POST", "/quote/api/quotes/" + other.id() + "/price", tenant.agent(), "{}",
                "If-Match", other.etag(), "Idempotency-Key", key);

        assertThat(price.status()).as(price.body()).isEqualTo(422);
        assertThat(price.json().get("code").asText()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(other.read().get("status").asText()).as("nothing was priced").isEqualTo("DRAFT");
        // and the first request is still replayed as it was
        Reply again = DeployedSuite.call("POST", "/quote/api/quotes", tenant.agent(), NEW_QUOTE, "Idempotency-Key", key);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.json().get("quoteId").asText()).isEqualTo(quoteId);
        assertThat(again.header("Idempotent-Replayed")).hasValue("true");
    }

    @Test
    void theSameKeyWithANewIfMatchIsAnotherRequestNotAReplayOfTheOld412() {
        QuoteDesk quote = tenant.newQuote();
        assertThat(quote.replaceLines(QuoteDesk.fiberLine(1, "5")).status()).isEqualTo(200);
        String key = "ifmatch-" + UUID.randomUUID();
        Reply stale = DeployedSuite.call("POST", "/quote/api/quotes/" + quote.id() + "/price", tenant.agent(), "{}",
                "If-Match", "\"999\"", "Idempotency-Key", key);
        assertThat(stale.status()).as(stale.body()).isEqualTo(412);

        Reply retried = DeployedSuite.call("POST", "/quote/api/quotes/" + quote.id() + "/price", tenant.agent(), "{}",
                "If-Match", quote.etag(), "Idempotency-Key", key);

        assertThat(retried.status()).as(retried.body()).isEqualTo(422);
        assertThat(retried.json().get("code").asText()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        Reply sameAsFirst = DeployedSuite.call("POST", "/quote/api/quotes/" + quote.id() + "/price", tenant.agent(), "{}",
                "If-Match", "\"999\"", "Idempotency-Key", key);
        assertThat(sameAsFirst.status()).as("the first request itself is replayed").isEqualTo(412);
        assertThat(sameAsFirst.header("Idempotent-Replayed")).hasValue("true");
    }

    @Test
    void aWeakEtagIsNotAPrecondition() {
        QuoteDesk quote = tenant.newQuote();
        Reply weak = DeployedSuite.call("PUT", "/quote/api/quotes/" + quote.id() + "/lines", tenant.agent(), QuoteDesk.fiberLine(1, "5"),
                "If-Match", "W/" + quote.etag());
        assertThat(weak.status()).as(weak.body()).isEqualTo(400);
        assertThat(weak.json().get("code").asText()).isEqualTo("VALIDATION_FAILED");
        assertThat(weak.json().get("violations").get(0).get("field").asText()).isEqualTo("If-Match");
        assertThat(quote.read().get("lines")).as("nothing changed").isEmpty();
    }
}
