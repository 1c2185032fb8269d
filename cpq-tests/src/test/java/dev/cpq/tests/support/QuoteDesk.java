package dev.cpq.tests.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cpq.tests.support.DeployedSuite.Reply;
import java.util.UUID;

/** One quote as the sales UI drives it: it keeps the ETag of the last answer, as a client would. */
public final class QuoteDesk {

    private final QuotingTenant tenant;
    private final String quoteId;
    private String etag;

    private QuoteDesk(QuotingTenant tenant, String quoteId, String etag) {
        this.tenant = tenant;
        this.quoteId = quoteId;
        this.etag = etag;
    }

    static QuoteDesk open(QuotingTenant tenant, String validUntil) {
        String body = "{\"customerId\":\"cust-1\",\"currency\":\"EUR\",\"market\":\"eu\",\"channel\":\"direct\",\"priceListId\":\"standard\""
                + (validUntil == null ? "" : ",\"validUntil\":\"" + validUntil + "\"") + "}";
        Reply created = DeployedSuite.call("POST", "/quote/api/quotes", tenant.agent(), body, "Idempotency-Key", "q-" + UUID.randomUUID());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return new QuoteDesk(tenant, created.json().get("quoteId").asText(), created.header("ETag").orElseThrow());
    }

    public String id() {
        return quoteId;
    }

    public String etag() {
        return etag;
    }

    /** One line of fiber-1g: speed 1G, router pro, 24 months, the given quantity and discount. */
    public static String fiberLine(int quantity, String discountPercent) {
        return "{\"lines\":[{\"offeringId\":\"fiber-1g\",\"options\":{\"speed\":\"1G\",\"router\":\"pro\"},\"quantity\":" + quantity
                + ",\"termMonths\":24,\"discountPercent\":" + discountPercent + "}]}";
    }

    public Reply replaceLines(String linesJson) {
        return remember(DeployedSuite.call("PUT", "/quote/api/quotes/" + quoteId + "/lines", tenant.agent(), linesJson, "If-Match", etag));
    }

    public Reply replaceLinesWith(String ifMatch, String linesJson) {
        return remember(DeployedSuite.call("PUT", "/quote/api/quotes/" + quoteId + "/lines", tenant.agent(), linesJson, "If-Match", ifMatch));
    }

    public Reply price() {
        return command("price", tenant.agent(), null, "price-" + UUID.randomUUID());
    }

    public Reply submit() {
        return command("submit", tenant.agent(), null, "submit-" + UUID.randomUUID());
    }

    public Reply decide(String revisionId, String priceResultId, String decision) {
        return command("approvals", tenant.manager(), "{\"quoteRevisionId\":\"" + revisionId + "\",\"priceResultId\":\"" + priceResultId
                + "\",\"decision\":\"" + decision + "\",\"reason\":\"e2e\"}", "decide-" + UUID.randomUUID());
    }

    public Reply accept(String revisionId, String priceResultId, String idempotencyKey) {
        return command("accept", tenant.agent(), "{\"quoteRevisionId\":\"" + revisionId + "\",\"priceResultId\":\"" + priceResultId + "\"}",
                idempotencyKey);
    }

    /**
     * An accept sent with the given If-Match, as a client retrying one request sends it: the same key
     * with another If-Match would be another request (422).
     */
    public Reply acceptAt(String ifMatch, String revisionId, String priceResultId, String idempotencyKey) {
        return remember(DeployedSuite.call("POST", "/quote/api/quotes/" + quoteId + "/accept", tenant.agent(),
                "{\"quoteRevisionId\":\"" + revisionId + "\",\"priceResultId\":\"" + priceResultId + "\"}", "If-Match", ifMatch,
                "Idempotency-Key", idempotencyKey));
    }

    public JsonNode read() {
        Reply r = DeployedSuite.get("/quote/api/quotes/" + quoteId, tenant.agent());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        etag = r.header("ETag").orElseThrow();
        return r.json();
    }

    private Reply command(String action, String token, String body, String key) {
        return remember(DeployedSuite.call("POST", "/quote/api/quotes/" + quoteId + "/" + action, token, body == null ? "{}" : body,
                "If-Match", etag, "Idempotency-Key", key));
    }

    private Reply remember(Reply reply) {
        if (reply.status() < 300) {
            reply.header("ETag").ifPresent(e -> etag = e);
        }
        return reply;
    }

    /** Lines, price and submit with no discount above the agent's limit: the quote ends APPROVED. */
    public JsonNode approvedWithoutApprover() {
        Reply lines = replaceLines(fiberLine(2, "5"));
        assertThat(lines.status()).as(lines.body()).isEqualTo(200);
        Reply priced = price();
        assertThat(priced.status()).as(priced.body()).isEqualTo(200);
        Reply submitted = submit();
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
        JsonNode quote = read();
        assertThat(quote.get("status").asText()).isEqualTo("APPROVED");
        return quote;
    }
}
