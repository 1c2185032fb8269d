package dev.cpq.tests.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cpq.tests.support.DeployedSuite.Reply;
import java.util.UUID;

/** What a catalog administrator of one tenant does through the API: drafts, offerings, rules, publication. */
public final class CatalogAdministration {

    private final String tenant;
    private final String admin;
    private String etag;

    public CatalogAdministration(String tenant) {
        this.tenant = tenant;
        this.admin = TestTokens.token(tenant, "CATALOG_ADMIN");
    }

    public String tenant() {
        return tenant;
    }

    /** Opens a draft (a copy of the active version) and remembers its ETag. */
    public long openDraft() {
        Reply draft = DeployedSuite.call("POST", "/catalog/api/catalog-versions", admin, "{}", "Idempotency-Key", "draft-" + UUID.randomUUID());
        assertThat(draft.status()).as(draft.body()).isEqualTo(201);
        etag = draft.header("ETag").orElseThrow();
        return draft.json().get("catalogVersion").asLong();
    }

    /** An offering with options {@code speed} (500M, 1G, 10G; required) and {@code router} (basic, pro). */
    public void putInternetOffering(long version, String offeringId, String name) {
        putOffering(version, offeringId, "{\"name\":\"" + name + "\",\"family\":\"internet\",\"options\":["
                + "{\"code\":\"speed\",\"values\":[\"500M\",\"1G\",\"10G\"],\"required\":true},"
                + "{\"code\":\"router\",\"values\":[\"basic\",\"pro\"],\"required\":false}]}");
    }

    public void putOffering(long version, String offeringId, String json) {
        Reply put = DeployedSuite.call("PUT", "/catalog/api/catalog-versions/" + version + "/offerings/" + offeringId, admin, json,
                "If-Match", etag);
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        etag = put.header("ETag").orElseThrow();
    }

    public Reply putRules(long version, String family, String json) {
        Reply put = DeployedSuite.call("PUT", "/catalog/api/catalog-versions/" + version + "/rules/" + family, admin, json, "If-Match", etag);
        put.header("ETag").ifPresent(e -> etag = e);
        return put;
    }

    public void publish(long version) {
        Reply published = DeployedSuite.call("POST", "/catalog/api/catalog-versions/" + version + "/publish", admin, null,
                "If-Match", etag, "Idempotency-Key", "publish-" + UUID.randomUUID());
        assertThat(published.status()).as(published.body()).isEqualTo(200);
    }

    /** Waits (bounded) until the catalog's cache pointer, as operators see it, names {@code version}. */
    public void awaitPointer(long version) {
        CachePointers.await("catalog", tenant, "catalog", version);
    }
}
