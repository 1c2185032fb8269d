package dev.cpq.tests.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.cpq.events.cache.CatalogCacheKeys;
import dev.cpq.events.cache.ConfigurationRuleCacheKeys;
import dev.cpq.cache.metrics.CacheMetrics;
import dev.cpq.cache.pointer.ActiveVersionPointer;
import dev.cpq.cache.policy.CachePolicies;
import dev.cpq.cache.redis.RedisEndpoint;
import dev.cpq.cache.redis.RedisGateway;
import dev.cpq.messaging.event.EnvelopeCodec;
import dev.cpq.messaging.event.EventEnvelope;
import dev.cpq.messaging.outbox.Outbox;
import dev.cpq.testing.RealServices;
import dev.cpq.tests.support.DeployedSuite;
import dev.cpq.tests.support.TestTokens;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The deployed catalog service's event path: a publication committed to its outbox is published by the
 * relay running inside GlassFish, consumed by its cache invalidators, and moves the Redis pointers; a
 * late, older publication moves nothing back. The test plays the committing transaction itself (the
 * publish endpoint arrives with the catalog issue), writing the outbox as the catalog's own role.
 */
class CatalogPublicationInvalidationIT {

    private final String tenant = TestTokens.uniqueTenant("pub");
    private final RedisGateway redis = RedisGateway.connect(RedisEndpoint.parse(RealServices.redis().url()), 4);
    private final ActiveVersionPointer pointer = new ActiveVersionPointer(redis, CachePolicies.defaults(), CacheMetrics.inMemory(),
            Clock.systemUTC());

    @AfterEach
    void close() {
        redis.close();
    }

    @Test
    void aCommittedPublicationMovesTheCachePointersThroughTheDeployedRelayAndConsumers() throws Exception {
        commitPublication(2);
        await("catalog and rule-graph pointers at v2", () -> pointer.current(CatalogCacheKeys.line(tenant)).orElse(0) == 2
                && pointer.current(ConfigurationRuleCacheKeys.line(tenant)).orElse(0) == 2);

        commitPublication(1);
        await("outbox drained", () -> DeployedSuite.get("/catalog/api/ops/outbox", TestTokens.token(tenant, "OPERATOR"))
                .json().get("pending").asLong() == 0);
        var status = DeployedSuite.get("/catalog/api/ops/outbox", TestTokens.token(tenant, "OPERATOR"));
        assertThat(status.status()).isEqualTo(200);
        assertThat(status.json().get("failed").asLong()).isZero();
        assertThat(status.json().at("/parked/catalog-pointer").asLong()).isZero();
        // the late v1 was consumed (lag back to zero) and ignored: the pointer stays on v2
        await("consumers caught up", () -> DeployedSuite.get("/catalog/api/ops/outbox", TestTokens.token(tenant, "OPERATOR"))
                .json().at("/consumerLag/catalog-pointer").asLong() == 0);
        assertThat(pointer.current(CatalogCacheKeys.line(tenant))).hasValue(2);
    }

    @Test
    void operationsEndpointsNeedTheOperatorRole() {
        assertThat(DeployedSuite.get("/catalog/api/ops/outbox", TestTokens.token(tenant, "SALES_AGENT")).status()).isEqualTo(403);
        assertThat(DeployedSuite.get("/catalog/api/ops/outbox", null).status()).isEqualTo(401);
    }

    private void commitPublication(long version) throws Exception {
        RealServices.Postgres pg = RealServices.postgres();
        String password = System.getenv("CPQ_CATALOG_DB_PASSWORD");
        assertThat(password).as("CPQ_CATALOG_DB_PASSWORD (exported by deploy/cpq test)").isNotBlank();
        try (Connection c = DriverManager.getConnection(pg.url(), "catalog", password)) {
            c.setAutoCommit(false);
            new Outbox(null, new EnvelopeCodec(), Clock.systemUTC()).record(c, new EventEnvelope(UUID.randomUUID(), tenant, "Catalog",
                    "catalog-" + tenant, version, "CatalogPublished", Instant.now(), 1,
                    JsonNodeFactory.instance.objectNode().put("previousVersion", version - 1).put("newVersion", version), "e2e"));
            c.commit();
        }
    }

    private static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not reached within 30 s: " + what);
            }
            Thread.onSpinWait();
        }
    }
}
