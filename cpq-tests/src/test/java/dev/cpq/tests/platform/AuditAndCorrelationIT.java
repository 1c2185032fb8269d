package dev.cpq.tests.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cpq.tests.support.DeployedSuite;
import dev.cpq.tests.support.DeployedSuite.Reply;
import dev.cpq.tests.support.TestTokens;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A command leaves one audit entry in its own transaction, found by operators of its tenant only. */
class AuditAndCorrelationIT {

    private final String tenant = TestTokens.uniqueTenant("audit");

    @Test
    void openingADraftIsAuditedOnceWithItsActorKeyAndRequestId() {
        String key = "audit-" + UUID.randomUUID();
        String requestId = "req-" + UUID.randomUUID();
        Reply first = openDraft(key, requestId);
        assertThat(first.status()).isEqualTo(201);
        assertThat(first.header("X-Request-Id")).contains(requestId);
        Reply replay = openDraft(key, "req-" + UUID.randomUUID());
        assertThat(replay.header("Idempotent-Replayed")).contains("true");

        String version = first.json().get("catalogVersion").asText();
        Reply trail = DeployedSuite.get("/catalog/api/ops/audit?aggregateId=" + version, TestTokens.token(tenant, "OPERATOR"));
        assertThat(trail.status()).isEqualTo(200);
        assertThat(trail.json()).as("one entry: the replay changed nothing").hasSize(1);
        var entry = trail.json().get(0);
        assertThat(entry.get("command").asText()).isEqualTo("catalog-version.open-draft");
        assertThat(entry.get("aggregateType").asText()).isEqualTo("Catalog");
        assertThat(entry.get("toState").asText()).isEqualTo("DRAFT");
        assertThat(entry.get("actor").asText()).isEqualTo("test-" + tenant);
        assertThat(entry.get("idempotencyKey").asText()).isEqualTo(key);
        assertThat(entry.get("requestId").asText()).isEqualTo(requestId);
        assertThat(entry.get("outcome").asText()).isEqualTo("SUCCEEDED");

        Reply foreign = DeployedSuite.get("/catalog/api/ops/audit?aggregateId=" + version,
                TestTokens.token(TestTokens.uniqueTenant("other"), "OPERATOR"));
        assertThat(foreign.status()).isEqualTo(200);
        assertThat(foreign.json()).as("another tenant's operator sees nothing of it").isEmpty();
    }

    @Test
    void everyAnswerCarriesARequestIdAndTheAuditQueryNeedsItsParameter() {
        Reply health = DeployedSuite.get("/catalog/api/health", null);
        assertThat(health.header("X-Request-Id")).hasValueSatisfying(id -> assertThat(id).isNotBlank());
        Reply missing = DeployedSuite.get("/catalog/api/ops/audit", TestTokens.token(tenant, "OPERATOR"));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("code").asText()).isEqualTo("VALIDATION_FAILED");
    }

    private Reply openDraft(String key, String requestId) {
        return DeployedSuite.send(HttpRequest.newBuilder(URI.create(DeployedSuite.baseUrl() + "/catalog/api/catalog-versions"))
                .header("Authorization", "Bearer " + TestTokens.token(tenant, "CATALOG_ADMIN"))
                .header("Idempotency-Key", key)
                .header("X-Request-Id", requestId)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"description\":\"audited\"}"))
                .build());
    }
}
