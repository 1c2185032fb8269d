package dev.cpq.tests.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cpq.tests.support.DeployedSuite.Reply;
import java.util.UUID;

/** What a pricing administrator of one tenant does through the API: price list versions, entries, policy. */
public final class PricingAdministration {

    private final String tenant;
    private final String admin;
    private String etag;

    public PricingAdministration(String tenant) {
        this.tenant = tenant;
        this.admin = TestTokens.token(tenant, "PRICING_ADMIN");
    }

    public long openDraft(String priceListId, String stalenessPolicy) {
        Reply draft = DeployedSuite.call("POST", "/pricing/api/price-lists/" + priceListId + "/versions", admin,
                stalenessPolicy == null ? "{}" : "{\"stalenessPolicy\":\"" + stalenessPolicy + "\"}",
                "Idempotency-Key", "pl-draft-" + UUID.randomUUID());
        assertThat(draft.status()).as(draft.body()).isEqualTo(201);
        etag = draft.header("ETag").orElseThrow();
        return draft.json().get("priceListVersion").asLong();
    }

    /** EUR prices of an offering in market {@code eu}, channel {@code direct}. */
    public void putEurPrice(String priceListId, long version, String offeringId, String oneTime, String monthly) {
        Reply put = putEntries(priceListId, version, offeringId, "{\"prices\":[{\"currency\":\"EUR\",\"market\":\"eu\",\"channel\":\"direct\","
                + "\"oneTime\":" + oneTime + ",\"recurring\":" + monthly + "}]}");
        assertThat(put.status()).as(put.body()).isEqualTo(200);
    }

    public Reply putEntries(String priceListId, long version, String offeringId, String json) {
        Reply put = DeployedSuite.call("PUT", "/pricing/api/price-lists/" + priceListId + "/versions/" + version + "/entries/" + offeringId,
                admin, json, "If-Match", etag);
        put.header("ETag").ifPresent(e -> etag = e);
        return put;
    }

    public Reply publish(String priceListId, long version) {
        return DeployedSuite.call("POST", "/pricing/api/price-lists/" + priceListId + "/versions/" + version + "/publish", admin, null,
                "If-Match", etag, "Idempotency-Key", "pl-publish-" + UUID.randomUUID());
    }

    public void published(String priceListId, long version) {
        Reply published = publish(priceListId, version);
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        awaitPointer("price-list", version);
    }

    /** Replaces the approval policy (thresholds as JSON array) and waits until its pointer names it. */
    public long approvalPolicy(String thresholdsJson) {
        Reply current = DeployedSuite.get("/pricing/api/approval-policy", admin);
        Reply put = DeployedSuite.call("PUT", "/pricing/api/approval-policy", admin, "{\"thresholds\":" + thresholdsJson + "}",
                "If-Match", current.header("ETag").orElse("\"0\""));
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        long version = put.json().get("policyVersion").asLong();
        awaitPointer("approval-policy", version);
        return version;
    }

    public void awaitPointer(String domain, long version) {
        CachePointers.await("pricing", tenant, domain, version);
    }
}
