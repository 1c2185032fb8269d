package dev.cpq.tests.publication;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cpq.tests.support.AtOnce;
import dev.cpq.tests.support.CatalogAdministration;
import dev.cpq.tests.support.DeployedSuite;
import dev.cpq.tests.support.DeployedSuite.Reply;
import dev.cpq.tests.support.PricingAdministration;
import dev.cpq.tests.support.TestTokens;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * The publication mechanism shared by catalog versions, price list versions and the approval policy,
 * on the deployed services and the real database: a draft is published once whoever races for it, a
 * draft older than the active version is refused with the active version named, and the audit trail
 * records exactly what happened.
 */
class PublicationRacesIT {

    private static final int RACERS = 2;

    @Test
    void twoPublicationsOfOnePriceListDraftRacingPublishItOnceAndTheOtherIsToldItIsNoDraftAnyMore() throws Exception {
        String tenant = TestTokens.uniqueTenant("pubrace");
        PricingAdministration pricing = new PricingAdministration(tenant);
        String admin = TestTokens.token(tenant, "PRICING_ADMIN");
        long v1 = pricing.openDraft("standard", null);
        pricing.published("standard", v1);
        long draft = pricing.openDraft("standard", null);
        String etag = DeployedSuite.get("/pricing/api/price-lists/standard/versions/" + draft, admin).header("ETag").orElseThrow();

        List<Reply> replies = race("/pricing/api/price-lists/standard/versions/" + draft + "/publish", admin, etag);

        assertThat(replies).extracting(Reply::status).containsExactlyInAnyOrder(200, 409);
        Reply refused = replies.stream().filter(r -> r.status() == 409).findFirst().orElseThrow();
        assertThat(refused.json().get("code").asText()).isEqualTo("PRICE_LIST_VERSION_NOT_DRAFT");
        assertThat(refused.json().get("versionStatus").asText()).isEqualTo("PUBLISHED");
        assertThat(publishEntries("/pricing/api/ops/audit?aggregateId=standard.v" + draft, tenant))
                .as("one publication, one audit entry").isEqualTo(1);
        pricing.awaitPointer("price-list", draft);
    }

    @Test
    void aPriceListDraftOlderThanTheActiveVersionIsRefusedWithTheActiveVersion() {
        String tenant = TestTokens.uniqueTenant("puboutdated");
        PricingAdministration pricing = new PricingAdministration(tenant);
        String admin = TestTokens.token(tenant, "PRICING_ADMIN");
        long older = pricing.openDraft("standard", null);
        String olderEtag = DeployedSuite.get("/pricing/api/price-lists/standard/versions/" + older, admin).header("ETag").orElseThrow();
        long newer = pricing.openDraft("standard", null);
        pricing.published("standard", newer);

        Reply refused = DeployedSuite.call("POST", "/pricing/api/price-lists/standard/versions/" + older + "/publish", admin, null,
                "If-Match", olderEtag, "Idempotency-Key", "outdated-" + UUID.randomUUID());

        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.json().get("code").asText()).isEqualTo("PRICE_LIST_VERSION_OUTDATED");
        assertThat(refused.json().get("currentVersion").asLong()).isEqualTo(newer);
        Reply active = DeployedSuite.get("/pricing/api/price-lists/standard/active-version", admin);
        assertThat(active.json().get("priceListVersion").asLong()).isEqualTo(newer);
        Reply stillDraft = DeployedSuite.get("/pricing/api/price-lists/standard/versions/" + older, admin);
        assertThat(stillDraft.json().get("status").asText()).isEqualTo("DRAFT");
    }

    @Test
    void twoPublicationsOfOneCatalogDraftRacingPublishItOnce() throws Exception {
        CatalogAdministration catalog = new CatalogAdministration(TestTokens.uniqueTenant("catrace"));
        String admin = TestTokens.token(catalog.tenant(), "CATALOG_ADMIN");
        Reply opened = openCatalogDraft(admin);
        long draft = opened.json().get("catalogVersion").asLong();
        String etag = opened.header("ETag").orElseThrow();

        List<Reply> replies = race("/catalog/api/catalog-versions/" + draft + "/publish", admin, etag);

        assertThat(replies).extracting(Reply::status).containsExactlyInAnyOrder(200, 409);
        Reply refused = replies.stream().filter(r -> r.status() == 409).findFirst().orElseThrow();
        assertThat(refused.json().get("code").asText()).isEqualTo("CATALOG_VERSION_NOT_DRAFT");
        assertThat(publishEntries("/catalog/api/ops/audit?aggregateId=" + draft, catalog.tenant()))
                .as("one publication, one audit entry").isEqualTo(1);
        catalog.awaitPointer(draft);
    }

    @Test
    void aCatalogDraftOlderThanTheActiveVersionIsRefused() {
        CatalogAdministration catalog = new CatalogAdministration(TestTokens.uniqueTenant("catoutdated"));
        String admin = TestTokens.token(catalog.tenant(), "CATALOG_ADMIN");
        Reply opened = openCatalogDraft(admin);
        long older = opened.json().get("catalogVersion").asLong();
        String olderEtag = opened.header("ETag").orElseThrow();
        long newer = catalog.openDraft();
        catalog.publish(newer);

        Reply refused = DeployedSuite.call("POST", "/catalog/api/catalog-versions/" + older + "/publish", admin, null,
                "If-Match", olderEtag, "Idempotency-Key", "outdated-" + UUID.randomUUID());

        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.json().get("code").asText()).isEqualTo("CATALOG_VERSION_OUTDATED");
        assertThat(DeployedSuite.get("/catalog/api/active-version", admin).json().get("catalogVersion").asLong()).isEqualTo(newer);
    }

    private static Reply openCatalogDraft(String admin) {
        Reply draft = DeployedSuite.call("POST", "/catalog/api/catalog-versions", admin, "{}", "Idempotency-Key", "draft-" + UUID.randomUUID());
        assertThat(draft.status()).as(draft.body()).isEqualTo(201);
        return draft;
    }

    /** {@link #RACERS} admins publish the same draft with the same If-Match at once (each with its own idempotency key). */
    private static List<Reply> race(String publishPath, String admin, String etag) throws Exception {
        return AtOnce.call(RACERS, i -> DeployedSuite.call("POST", publishPath, admin, null, "If-Match", etag, "Idempotency-Key",
                "race-" + UUID.randomUUID()));
    }

    private static long publishEntries(String auditPath, String tenant) {
        Reply trail = DeployedSuite.get(auditPath, TestTokens.token(tenant, "OPERATOR"));
        assertThat(trail.status()).as(trail.body()).isEqualTo(200);
        return StreamSupport.stream(trail.json().spliterator(), false).filter(e -> e.get("command").asText().endsWith(".publish")).count();
    }
}
