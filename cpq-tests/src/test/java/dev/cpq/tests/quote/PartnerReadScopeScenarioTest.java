package dev.cpq.tests.quote;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cpq.tests.support.DeployedSuite;
import dev.cpq.tests.support.DeployedSuite.Reply;
import dev.cpq.tests.support.QuoteDesk;
import dev.cpq.tests.support.QuotingTenant;
import dev.cpq.tests.support.Seller;
import dev.cpq.tests.support.TestTokens;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue 13 item 19 (partner and operator scope): a partner reads published price data and its own quotes
 * only (another's answers 404 like an unknown id) and commands only its own; an operator's expiry sweep
 * acts on its own tenant only.
 */
class PartnerReadScopeScenarioTest {

    private final QuotingTenant tenant = new QuotingTenant();

    @Test
    void aPartnerSeesNeitherDraftPricesNorApprovalThresholds() {
        long draft = tenant.pricing.openDraft("standard", null);
        String partner = TestTokens.tokenOf(tenant.tenant, "partner-a", "PARTNER");

        Reply draftVersion = DeployedSuite.get("/pricing/api/price-lists/standard/versions/" + draft, partner);
        assertThat(draftVersion.status()).as(draftVersion.body()).isEqualTo(404);
        Reply published = DeployedSuite.get("/pricing/api/price-lists/standard/versions/1", partner);
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        Reply lists = DeployedSuite.get("/pricing/api/price-lists", partner);
        assertThat(lists.status()).isEqualTo(200);
        assertThat(lists.json().get(0).path("draftVersions")).as(lists.body()).isEmpty();
        Reply policy = DeployedSuite.get("/pricing/api/approval-policy", partner);
        assertThat(policy.status()).as(policy.body()).isEqualTo(404);
        assertThat(DeployedSuite.get("/pricing/api/approval-policy", tenant.agent()).status()).isEqualTo(200);
        assertThat(DeployedSuite.get("/pricing/api/price-lists/standard/versions/" + draft, tenant.agent()).status()).isEqualTo(200);
    }

    @Test
    void aPartnerReadsAndCommandsOnlyItsOwnQuotes() {
        Seller partnerA = new Seller(tenant.tenant, "partner-a", "PARTNER");
        Seller partnerB = new Seller(tenant.tenant, "partner-b", "PARTNER");
        String own = partnerA.openQuote();
        String others = partnerB.openQuote();
        String agents = tenant.newQuote().id();
        assertThat(partnerB.replaceLines(others, QuoteDesk.fiberLine(1, "0")).status()).isEqualTo(200);
        String etag = partnerB.etag(others);

        assertThat(partnerA.read(own).status()).isEqualTo(200);
        for (String foreign : List.of(others, agents)) {
            Reply read = partnerA.read(foreign);
            assertThat(read.status()).as(read.body()).isEqualTo(404);
            assertThat(read.json().get("code").asText()).isEqualTo(
                    DeployedSuite.get("/quote/api/quotes/" + UUID.randomUUID(), partnerA.token()).json().get("code").asText());
            assertThat(DeployedSuite.get("/quote/api/quotes/" + foreign + "/approvals", partnerA.token()).status()).isEqualTo(404);
        }
        Reply price = DeployedSuite.call("POST", "/quote/api/quotes/" + others + "/price", partnerA.token(), "{}", "If-Match", etag,
                "Idempotency-Key", "steal-" + UUID.randomUUID());
        assertThat(price.status()).as(price.body()).isEqualTo(404);
        Reply lines = DeployedSuite.call("PUT", "/quote/api/quotes/" + others + "/lines", partnerA.token(), QuoteDesk.fiberLine(1, "5"),
                "If-Match", etag);
        assertThat(lines.status()).as(lines.body()).isEqualTo(404);
        assertThat(partnerB.etag(others)).as("nothing changed").isEqualTo(etag);

        Reply worklist = DeployedSuite.get("/quote/api/quotes?limit=100", partnerA.token());
        assertThat(worklist.status()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        worklist.json().get("items").forEach(q -> ids.add(q.get("quoteId").asText()));
        assertThat(ids).containsExactly(own);
        Reply agentsView = DeployedSuite.get("/quote/api/quotes?limit=100", tenant.agent());
        assertThat(agentsView.json().get("items")).as("agents keep the whole worklist").hasSize(3);
        assertThat(DeployedSuite.get("/quote/api/quotes/" + others, tenant.agent()).status()).isEqualTo(200);
    }

    @Test
    void aPartnerReplayingAnotherSellersIdempotencyKeyOnTheirQuoteGetsNotFoundNotTheirAnswer() {
        Seller partnerA = new Seller(tenant.tenant, "partner-a", "PARTNER");
        Seller partnerB = new Seller(tenant.tenant, "partner-b", "PARTNER");
        String others = partnerB.openQuote();
        assertThat(partnerB.replaceLines(others, QuoteDesk.fiberLine(1, "0")).status()).isEqualTo(200);
        String etag = partnerB.etag(others);
        String key = "price-" + UUID.randomUUID();
        Reply priced = DeployedSuite.call("POST", "/quote/api/quotes/" + others + "/price", partnerB.token(), "{}", "If-Match", etag,
                "Idempotency-Key", key);
        assertThat(priced.status()).as(priced.body()).isEqualTo(200);

        // the same method, path, body and key: the stored answer (another's quote) must not be replayed to a partner who does not own it
        Reply replay = DeployedSuite.call("POST", "/quote/api/quotes/" + others + "/price", partnerA.token(), "{}", "If-Match", etag,
                "Idempotency-Key", key);

        assertThat(replay.status()).as(replay.body()).isEqualTo(404);
        assertThat(replay.body()).doesNotContain(priced.json().get("priceResultId").asText());
        Reply agentsReplay = DeployedSuite.call("POST", "/quote/api/quotes/" + others + "/price", tenant.agent(), "{}", "If-Match", etag,
                "Idempotency-Key", key);
        assertThat(agentsReplay.status()).as("an agent reads every quote of the tenant: the replay stays").isEqualTo(200);
    }

    @Test
    void hostileSinceParametersAreBadInputNeverAServerFailureNorNotFound() {
        for (String since : List.of("-1", "abc", "99999999999999999999999", "1e3", "%20")) {
            for (String path : List.of("/pricing/api/price-lists/standard/active-version?since=", "/pricing/api/approval-policy?since=")) {
                Reply reply = DeployedSuite.get(path + since, tenant.agent());
                assertThat(reply.status()).as(path + since + ": " + reply.body()).isEqualTo(400);
                assertThat(reply.contentType()).startsWith("application/problem+json");
            }
        }
        Reply huge = DeployedSuite.get("/pricing/api/price-lists/standard/active-version?since=" + Long.MAX_VALUE, tenant.agent());
        assertThat(huge.status()).as(huge.body()).isIn(200, 400);
        assertThat(DeployedSuite.get("/pricing/api/price-lists/standard/active-version?since=0", tenant.agent()).status()).isEqualTo(200);
    }

    @Test
    void anOperatorsExpirySweepLeavesOtherTenantsQuotesAlone() throws InterruptedException {
        String soon = Instant.now().plusSeconds(2).toString();
        QuoteDesk due = tenant.newQuoteValidUntil(soon);
        Instant past = Instant.parse(soon).plusMillis(200);
        while (Instant.now().isBefore(past)) {
            Thread.sleep(50); // waiting for the quote's validity to pass, nothing else
        }
        String otherOperator = TestTokens.token(TestTokens.uniqueTenant("ops"), "OPERATOR");

        Reply foreign = DeployedSuite.call("POST", "/quote/api/ops/expiry-sweep", otherOperator, null);

        assertThat(foreign.status()).as(foreign.body()).isEqualTo(200);
        assertThat(foreign.json().get("expired").asInt()).as("another tenant's operator expires nothing here").isZero();
        Reply own = DeployedSuite.call("POST", "/quote/api/ops/expiry-sweep", TestTokens.token(tenant.tenant, "OPERATOR"), null);
        assertThat(own.status()).as(own.body()).isEqualTo(200);
        JsonNode quote = due.read();
        assertThat(quote.get("status").asText()).isEqualTo("EXPIRED");
    }
}
