package dev.cpq.tests.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.cpq.messaging.event.EnvelopeCodec;
import dev.cpq.messaging.event.EventEnvelope;
import dev.cpq.messaging.outbox.Outbox;
import dev.cpq.testing.RealServices;
import dev.cpq.tests.support.CatalogAdministration;
import dev.cpq.tests.support.DeployedSuite;
import dev.cpq.tests.support.DeployedSuite.Reply;
import dev.cpq.tests.support.TestTokens;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The operator endpoints of the catalog service: cache pointers against the database, flush, outbox redrive. */
class CatalogOperationsIT {

    private final CatalogAdministration catalog = new CatalogAdministration(TestTokens.uniqueTenant("ops"));
    private final String operator = TestTokens.token(catalog.tenant(), "OPERATOR");

    @Test
    void pointersAreReportedAgainstTheDatabaseAndAFlushMakesTheNextReadReloadThem() {
        long v1 = catalog.openDraft();
        catalog.putInternetOffering(v1, "fiber-1g", "Fiber 1G");
        catalog.publish(v1);
        catalog.awaitPointer(v1);

        JsonNode before = DeployedSuite.get("/catalog/api/ops/cache/pointers", operator).json();
        Reply flushed = DeployedSuite.call("POST", "/catalog/api/ops/cache/flush", operator, "{\"domain\":\"catalog\"}");
        JsonNode after = DeployedSuite.get("/catalog/api/ops/cache/pointers", operator).json();
        Reply read = DeployedSuite.get("/catalog/api/offerings/fiber-1g", TestTokens.token(catalog.tenant(), "SALES_AGENT"));
        JsonNode healed = DeployedSuite.get("/catalog/api/ops/cache/pointers", operator).json();

        assertThat(pointer(before, "catalog").get("match").asBoolean()).isTrue();
        assertThat(pointer(before, "catalog").get("database").asLong()).isEqualTo(v1);
        assertThat(flushed.status()).as(flushed.body()).isEqualTo(200);
        assertThat(flushed.json().get("keysRemoved").asLong()).isPositive();
        assertThat(pointer(after, "catalog").get("match").asBoolean()).as("no pointer after the flush").isFalse();
        assertThat(pointer(after, "config-rules").get("match").asBoolean()).as("other domains untouched").isTrue();
        assertThat(read.json().get("catalogVersion").asLong()).isEqualTo(v1);
        assertThat(pointer(healed, "catalog").get("match").asBoolean()).as("the read set the pointer again").isTrue();
        Reply trail = DeployedSuite.get("/catalog/api/ops/audit?aggregateId=catalog", operator);
        assertThat(trail.json().findValuesAsText("command")).contains("cache.flush");
    }

    @Test
    void flushingAnUnknownDomainIsABadRequestAndOperationsNeedTheOperatorRole() {
        Reply unknown = DeployedSuite.call("POST", "/catalog/api/ops/cache/flush", operator, "{\"domain\":\"everything\"}");
        Reply seller = DeployedSuite.call("POST", "/catalog/api/ops/cache/flush", TestTokens.token(catalog.tenant(), "SALES_AGENT"),
                "{\"domain\":\"catalog\"}");

        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("code").asText()).isEqualTo("VALIDATION_FAILED");
        assertThat(seller.status()).isEqualTo(403);
        assertThat(DeployedSuite.get("/catalog/api/ops/cache/pointers", TestTokens.token(catalog.tenant(), "SALES_AGENT")).status())
                .isEqualTo(403);
    }

    @Test
    void aFailedOutboxEventIsRedrivenOnceAuditedAndPublished() throws Exception {
        UUID eventId = UUID.randomUUID();
        insertFailedEvent(eventId, catalog.tenant());

        Reply otherTenant = DeployedSuite.call("POST", "/catalog/api/ops/outbox/" + eventId + "/redrive",
                TestTokens.token(TestTokens.uniqueTenant("other"), "OPERATOR"), null);
        Reply redriven = DeployedSuite.call("POST", "/catalog/api/ops/outbox/" + eventId + "/redrive", operator, null);
        Reply again = DeployedSuite.call("POST", "/catalog/api/ops/outbox/" + eventId + "/redrive", operator, null);
        Reply malformed = DeployedSuite.call("POST", "/catalog/api/ops/outbox/not-a-uuid/redrive", operator, null);

        assertThat(otherTenant.status()).as("another tenant's event is unknown").isEqualTo(404);
        assertThat(otherTenant.json().get("code").asText()).isEqualTo("OUTBOX_EVENT_NOT_FOUND");
        assertThat(redriven.status()).as(redriven.body()).isEqualTo(200);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("code").asText()).isEqualTo("OUTBOX_EVENT_NOT_FAILED");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(DeployedSuite.get("/catalog/api/ops/audit?aggregateId=" + eventId, operator).json().findValuesAsText("command"))
                .containsExactly("outbox-event.redrive");
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!"SENT".equals(status(eventId))) {
            assertThat(System.nanoTime()).as("the relay published the redriven event within 30 s").isLessThan(deadline);
            Thread.onSpinWait();
        }
    }

    private static JsonNode pointer(JsonNode pointers, String domain) {
        for (JsonNode p : pointers) {
            if (domain.equals(p.get("domain").asText())) {
                return p;
            }
        }
        throw new AssertionError("no " + domain + " pointer in " + pointers);
    }

    private static Connection catalogDatabase() throws Exception {
        String password = System.getenv("CPQ_CATALOG_DB_PASSWORD");
        assertThat(password).as("CPQ_CATALOG_DB_PASSWORD (exported by deploy/cpq test)").isNotBlank();
        return DriverManager.getConnection(RealServices.postgres().url(), "catalog", password);
    }

    /** An event the relay gave up on (as after ten broker failures), written as the catalog's own role. */
    private static void insertFailedEvent(UUID eventId, String tenant) throws Exception {
        try (Connection c = catalogDatabase()) {
            c.setAutoCommit(false);
            // an event type no consumer handles: only its delivery matters here
            new Outbox(null, new EnvelopeCodec(), Clock.systemUTC()).record(c, new EventEnvelope(eventId, tenant, "Catalog", "catalog", 1,
                    "CatalogAnnotated", Instant.now(), 1, JsonNodeFactory.instance.objectNode(), "e2e"));
            try (PreparedStatement ps = c.prepareStatement("UPDATE outbox_event SET status = 'FAILED', attempts = 10,"
                    + " last_error = 'broker unavailable' WHERE event_id = ?")) {
                ps.setObject(1, eventId);
                ps.executeUpdate();
            }
            c.commit();
        }
    }

    private static String status(UUID eventId) throws Exception {
        try (Connection c = catalogDatabase(); PreparedStatement ps = c.prepareStatement("SELECT status FROM outbox_event WHERE event_id = ?")) {
            ps.setObject(1, eventId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
