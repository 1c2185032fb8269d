package dev.cpq.tests.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cpq.tests.support.CatalogAdministration;
import dev.cpq.tests.support.DeployedSuite;
import dev.cpq.tests.support.DeployedSuite.Reply;
import dev.cpq.tests.support.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /ops/cache/pointers} tells an operator apart "nobody has read this domain since Redis lost
 * its pointer" (the next read sets it from the database) from a pointer that names another version.
 */
class CachePointerStateIT {

    private final CatalogAdministration catalog = new CatalogAdministration(TestTokens.uniqueTenant("ptr"));
    private final String operator = TestTokens.token(catalog.tenant(), "OPERATOR");

    @Test
    void aDomainNotReadSinceAFlushIsReportedNotLoadedYetRatherThanAsAMismatch() {
        long v1 = catalog.openDraft();
        catalog.putInternetOffering(v1, "fiber-1g", "Fiber 1G");
        catalog.publish(v1);
        catalog.awaitPointer(v1);
        assertThat(pointer("catalog").get("state").asText()).isEqualTo("MATCH");

        Reply flushed = DeployedSuite.call("POST", "/catalog/api/ops/cache/flush", operator, "{\"domain\":\"catalog\"}");
        assertThat(flushed.status()).as(flushed.body()).isEqualTo(200);

        JsonNode notLoaded = pointer("catalog");
        assertThat(notLoaded.get("state").asText()).as("not read since the flush: %s", notLoaded).isEqualTo("NOT_LOADED");
        assertThat(notLoaded.hasNonNull("pointer")).as("no pointer").isFalse();
        assertThat(notLoaded.get("database").asLong()).isEqualTo(v1);
        assertThat(notLoaded.get("match").asBoolean()).as("the existing field keeps its meaning").isFalse();
        assertThat(pointer("config-rules").get("state").asText()).as("other domains untouched").isEqualTo("MATCH");

        Reply read = DeployedSuite.get("/catalog/api/offerings/fiber-1g", TestTokens.token(catalog.tenant(), "SALES_AGENT"));
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        JsonNode loaded = pointer("catalog");
        assertThat(loaded.get("state").asText()).as("the read set it from the database: %s", loaded).isEqualTo("MATCH");
        assertThat(loaded.get("match").asBoolean()).isTrue();
    }

    private JsonNode pointer(String domain) {
        Reply pointers = DeployedSuite.get("/catalog/api/ops/cache/pointers", operator);
        assertThat(pointers.status()).as(pointers.body()).isEqualTo(200);
        for (JsonNode p : pointers.json()) {
            if (domain.equals(p.get("domain").asText())) {
                return p;
            }
        }
        throw new AssertionError("no " + domain + " pointer in " + pointers.body());
    }
}
