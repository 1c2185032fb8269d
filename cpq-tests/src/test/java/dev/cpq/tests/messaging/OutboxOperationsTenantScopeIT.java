package dev.cpq.tests.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.cpq.messaging.event.EnvelopeCodec;
import dev.cpq.messaging.event.EventEnvelope;
import dev.cpq.messaging.outbox.Outbox;
import dev.cpq.tests.support.DeployedSuite;
import dev.cpq.tests.support.DeployedSuite.Reply;
import dev.cpq.tests.support.TestTokens;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * {@code /ops/outbox} of two tenants: each operator sees its own tenant's failed events (with ids and
 * errors) and acts only on them; another tenant's event id is as unknown as a made-up one. A FAILED event
 * holds back its aggregate's later event until the operator redrives it.
 */
class OutboxOperationsTenantScopeIT {

    private final String tenantA = TestTokens.uniqueTenant("opsa");
    private final String tenantB = TestTokens.uniqueTenant("opsb");
    private final String operatorA = TestTokens.token(tenantA, "OPERATOR");
    private final String operatorB = TestTokens.token(tenantB, "OPERATOR");

    @Test
    void anOperatorSeesAndRedrivesOnlyItsOwnTenantsFailedEventsAndAnotherTenantsEventIsUnknown() throws Exception {
        UUID failed = UUID.randomUUID();
        UUID later = UUID.randomUUID();
        commitFailedEventAndALaterOne(failed, later);

        // the other tenant's operator first: it must not see A's failure at all
        Reply seenByB = DeployedSuite.get("/catalog/api/ops/outbox", operatorB);
        assertThat(seenByB.status()).isEqualTo(200);
        assertThat(seenByB.json().get("failed").asLong()).as("another tenant's failures: " + seenByB.body()).isZero();
        assertThat(seenByB.json().get("blocked").asLong()).isZero();
        assertThat(seenByB.json().get("failedEvents")).isEmpty();

        Reply seenByA = DeployedSuite.get("/catalog/api/ops/outbox", operatorA);
        assertThat(seenByA.status()).as(seenByA.body()).isEqualTo(200);
        assertThat(seenByA.json().get("failed").asLong()).isEqualTo(1);
        assertThat(seenByA.json().get("blocked").asLong()).as("the later event waits behind it").isEqualTo(1);
        assertThat(seenByA.json().at("/failedEvents/0/eventId").asText()).isEqualTo(failed.toString());
        assertThat(seenByA.json().at("/failedEvents/0/lastError").asText()).contains("RecordTooLargeException");
        assertThat(seenByA.json().at("/failedEvents/0/blockedEvents").asLong()).isEqualTo(1);

        Reply othersEvent = DeployedSuite.call("POST", "/catalog/api/ops/outbox/" + failed + "/redrive", operatorB, null);
        Reply unknownEvent = DeployedSuite.call("POST", "/catalog/api/ops/outbox/" + UUID.randomUUID() + "/redrive", operatorB, null);
        assertThat(othersEvent.status()).as(othersEvent.body()).isEqualTo(404);
        assertThat(othersEvent.json().get("code").asText()).isEqualTo("OUTBOX_EVENT_NOT_FOUND");
        assertThat(unknownEvent.status()).isEqualTo(404);
        assertThat(unknownEvent.json().get("code").asText()).isEqualTo(othersEvent.json().get("code").asText());
        Reply othersSkip = DeployedSuite.call("POST", "/catalog/api/ops/outbox/" + failed + "/skip", operatorB, null);
        assertThat(othersSkip.status()).as(othersSkip.body()).isEqualTo(404);
        assertThat(DeployedOutbox.catalogScalar("SELECT count(*) FROM outbox_event WHERE tenant_id = ? AND status = 'FAILED'", tenantA))
                .as("untouched by the other tenant's operator").isEqualTo(1);

        Reply pendingOne = DeployedSuite.call("POST", "/catalog/api/ops/outbox/" + later + "/redrive", operatorA, null);
        assertThat(pendingOne.status()).as("a PENDING event is not redriven: " + pendingOne.body()).isEqualTo(409);

        Reply redriven = DeployedSuite.call("POST", "/catalog/api/ops/outbox/" + failed + "/redrive", operatorA, null);
        assertThat(redriven.status()).as(redriven.body()).isEqualTo(200);
        KafkaOutageDuringPublicationsScenarioTest.await("both published, in order", Duration.ofSeconds(30),
                () -> DeployedOutbox.catalogScalar("SELECT count(*) FROM outbox_event WHERE tenant_id = ? AND status = 'SENT'", tenantA) == 2);
        Reply after = DeployedSuite.get("/catalog/api/ops/outbox", operatorA);
        assertThat(after.json().get("failed").asLong()).isZero();
        assertThat(after.json().get("pending").asLong()).isZero();
    }

    /** As the catalog's relay would leave it after Kafka refused the event its attempts: FAILED, a later one PENDING. */
    private void commitFailedEventAndALaterOne(UUID failed, UUID later) throws Exception {
        Outbox outbox = new Outbox(null, new EnvelopeCodec(), Clock.systemUTC());
        try (Connection c = DeployedOutbox.catalog()) {
            c.setAutoCommit(false);
            for (long v = 1; v <= 2; v++) {
                outbox.record(c, new EventEnvelope(v == 1 ? failed : later, tenantA, "Catalog", "ops-probe-" + tenantA, v, "OutboxScopeProbe",
                        Instant.now(), 1, JsonNodeFactory.instance.objectNode().put("probe", v), "e2e"));
            }
            // in the same transaction: the relay never sees the first one PENDING
            try (PreparedStatement ps = c.prepareStatement("UPDATE outbox_event SET status = 'FAILED', attempts = 10,"
                    + " last_error = 'RecordTooLargeException: probe' WHERE event_id = ?")) {
                ps.setObject(1, failed);
                ps.executeUpdate();
            }
            c.commit();
        }
    }
}
