package dev.cpq.tests.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cpq.tests.support.DeployedSuite.Reply;
import java.util.UUID;

/**
 * One named user of a tenant (its own {@code sub}) driving quotes through the API, keeping the ETag of
 * the last answer per quote as a client would: partners and agents whose ownership matters.
 */
public final class Seller {

    private final String token;

    public Seller(String tenant, String subject, String... roles) {
        this.token = TestTokens.tokenOf(tenant, subject, roles);
    }

    public String token() {
        return token;
    }

    /** A new DRAFT quote (EUR, eu, direct, price list standard) owned by this user. */
    public String openQuote() {
        Reply created = DeployedSuite.call("POST", "/quote/api/quotes", token,
                "{\"customerId\":\"cust-1\",\"currency\":\"EUR\",\"market\":\"eu\",\"channel\":\"direct\",\"priceListId\":\"standard\"}",
                "Idempotency-Key", "q-" + UUID.randomUUID());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("quoteId").asText();
    }

    public Reply read(String quoteId) {
        return DeployedSuite.get("/quote/api/quotes/" + quoteId, token);
    }

    public String etag(String quoteId) {
        Reply r = read(quoteId);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.header("ETag").orElseThrow();
    }

    public Reply replaceLines(String quoteId, String linesJson) {
        return DeployedSuite.call("PUT", "/quote/api/quotes/" + quoteId + "/lines", token, linesJson, "If-Match", etag(quoteId));
    }

    public Reply price(String quoteId) {
        return command(quoteId, "price", "{}");
    }

    public Reply submit(String quoteId) {
        return command(quoteId, "submit", "{}");
    }

    public Reply decide(String quoteId, String decision) {
        JsonNode q = read(quoteId).json();
        return command(quoteId, "approvals", "{\"quoteRevisionId\":\"" + q.get("revisionId").asText() + "\",\"priceResultId\":\""
                + q.get("priceResultId").asText() + "\",\"decision\":\"" + decision + "\",\"reason\":\"e2e\"}");
    }

    public Reply accept(String quoteId) {
        JsonNode q = read(quoteId).json();
        return command(quoteId, "accept", "{\"quoteRevisionId\":\"" + q.get("revisionId").asText() + "\",\"priceResultId\":\""
                + q.get("priceResultId").asText() + "\"}");
    }

    /** A command with the ETag read just before (If-Match) and a fresh Idempotency-Key. */
    public Reply command(String quoteId, String action, String body) {
        return DeployedSuite.call("POST", "/quote/api/quotes/" + quoteId + "/" + action, token, body, "If-Match", etag(quoteId),
                "Idempotency-Key", action + "-" + UUID.randomUUID());
    }
}
