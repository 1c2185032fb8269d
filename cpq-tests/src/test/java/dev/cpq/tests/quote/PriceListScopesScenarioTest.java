package dev.cpq.tests.quote;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cpq.tests.support.DeployedSuite;
import dev.cpq.tests.support.DeployedSuite.Reply;
import dev.cpq.tests.support.QuotingTenant;
import dev.cpq.tests.support.TestTokens;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /pricing/api/price-lists/{id}/scopes} and the quote opening that asks it, tried as a
 * partner and an attacker would: another tenant's list, a list with a draft only, odd and traversing ids.
 * It answers the caller's tenant's active version only, as the other price-list reads do, and never a 500.
 */
class PriceListScopesScenarioTest {

    private final QuotingTenant owner = new QuotingTenant();
    private final QuotingTenant other = new QuotingTenant();

    @Test
    void anotherTenantsPriceListIsUnknownToTheScopesAndToQuoteOpening() {
        String listId = "only-" + UUID.randomUUID().toString().substring(0, 8);
        long v = owner.pricing.openDraft(listId, null);
        owner.pricing.putEurPrice(listId, v, "fiber-1g", "10.00", "20.00");
        owner.pricing.published(listId, v);

        Reply own = DeployedSuite.get("/pricing/api/price-lists/" + listId + "/scopes", owner.agent());
        assertThat(own.status()).as(own.body()).isEqualTo(200);
        assertThat(own.json().path("scopes").size()).isEqualTo(1);

        String otherPartner = TestTokens.token(other.tenant, "PARTNER");
        Reply foreign = DeployedSuite.get("/pricing/api/price-lists/" + listId + "/scopes", otherPartner);
        assertThat(foreign.status()).as(foreign.body()).isEqualTo(404);
        assertThat(foreign.json().path("code").asText()).isEqualTo("PRICE_LIST_NOT_FOUND");

        Reply opened = DeployedSuite.call("POST", "/quote/api/quotes", otherPartner, "{\"customerId\":\"c1\",\"currency\":\"EUR\",\"market\":\"eu\","
                + "\"channel\":\"direct\",\"priceListId\":\"" + listId + "\"}", "Idempotency-Key", "q-" + UUID.randomUUID());
        assertThat(opened.status()).as(opened.body()).isEqualTo(422);
        assertThat(opened.json().path("code").asText()).isEqualTo("PRICE_LIST_NOT_FOUND");
        assertThat(opened.body()).doesNotContain("offeredScopes");
    }

    @Test
    void aListWithADraftOnlyOffersNothingAndItsDraftEntriesAreNotShown() {
        String listId = "draft-" + UUID.randomUUID().toString().substring(0, 8);
        long v = owner.pricing.openDraft(listId, null);
        owner.pricing.putEurPrice(listId, v, "fiber-1g", "10.00", "20.00");

        Reply draftOnly = DeployedSuite.get("/pricing/api/price-lists/" + listId + "/scopes", TestTokens.token(owner.tenant, "PARTNER"));
        assertThat(draftOnly.status()).as(draftOnly.body()).isEqualTo(409);
        assertThat(draftOnly.body()).doesNotContain("EUR");
    }

    @Test
    void oddAndTraversingIdsAreProblemsNeverA500() {
        for (String id : new String[] {"..", "..%2F..%2Fapproval-policy", "%00", "a%20b", "x".repeat(65), "-lead", "%C3%9F"}) {
            Reply reply = DeployedSuite.get("/pricing/api/price-lists/" + id + "/scopes", owner.agent());
            assertThat(reply.status()).as(id + ": " + reply.body()).isBetween(400, 499);
            assertThat(reply.body()).as(id).doesNotContain("\"maxDiscountPercent\"");
        }
    }
}
