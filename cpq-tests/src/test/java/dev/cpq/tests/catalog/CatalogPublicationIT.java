package dev.cpq.tests.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cpq.events.cache.CatalogCacheKeys;
import dev.cpq.cache.metrics.CacheMetrics;
import dev.cpq.cache.pointer.ActiveVersionPointer;
import dev.cpq.cache.policy.CachePolicies;
import dev.cpq.cache.redis.RedisEndpoint;
import dev.cpq.cache.redis.RedisGateway;
import dev.cpq.testing.RealServices;
import dev.cpq.tests.support.DeployedSuite;
import dev.cpq.tests.support.DeployedSuite.Reply;
import dev.cpq.tests.support.TestTokens;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Publishing drafts on the deployed catalog: the database, the outbox and the Redis pointer agree. */
class CatalogPublicationIT {

    private final RedisGateway redis = RedisGateway.connect(RedisEndpoint.parse(RealServices.redis().url()), 4);
    private final ActiveVersionPointer pointer = new ActiveVersionPointer(redis, CachePolicies.defaults(), CacheMetrics.inMemory(),
            Clock.systemUTC());

    @AfterEach
    void close() {
        redis.close();
    }

    @Test
    void publishingADraftMakesItActiveAndMovesTheCachePointerThroughTheEventPath() {
        String tenant = TestTokens.uniqueTenant("pub");
        String admin = TestTokens.token(tenant, "CATALOG_ADMIN");
        long draft = openDraft(admin);
        Reply published = publish(admin, draft, "\"1\"");
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        assertThat(published.json().get("status").asText()).isEqualTo("PUBLISHED");

        Reply active = DeployedSuite.get("/catalog/api/active-version", admin);
        assertThat(active.json().get("catalogVersion").asLong()).isEqualTo(draft);
        awaitPointer(tenant, draft);

        Reply again = publish(admin, draft, published.header("ETag").orElseThrow());
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("code").asText()).isEqualTo("CATALOG_VERSION_NOT_DRAFT");
        Reply noIfMatch = publish(admin, openDraft(admin), null);
        assertThat(noIfMatch.status()).isEqualTo(428);
    }

    @Test
    void twoAdminsPublishingTwoDraftsAtOnceEndOnTheLaterVersionWithNoEventLost() throws Exception {
        for (int round = 0; round < 3; round++) {
            String tenant = TestTokens.uniqueTenant("race");
            String admin = TestTokens.token(tenant, "CATALOG_ADMIN");
            long first = openDraft(admin);
            long second = openDraft(admin);
            CyclicBarrier start = new CyclicBarrier(2);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            List<Reply> replies = new ArrayList<>();
            try {
                List<Future<Reply>> both = new ArrayList<>();
                for (long v : new long[] {first, second}) {
                    both.add(pool.submit(() -> {
                        start.await();
                        return publish(admin, v, "\"1\"");
                    }));
                }
                for (Future<Reply> f : both) {
                    replies.add(f.get(60, TimeUnit.SECONDS));
                }
            } finally {
                pool.shutdownNow();
            }
            long succeeded = replies.stream().filter(r -> r.status() == 200).count();
            assertThat(replies).allSatisfy(r -> assertThat(r.status()).as(r.body()).isIn(200, 409));
            replies.stream().filter(r -> r.status() == 409)
                    .forEach(r -> assertThat(r.json().get("code").asText()).isEqualTo("CATALOG_VERSION_OUTDATED"));
            assertThat(succeeded).isPositive();

            assertThat(DeployedSuite.get("/catalog/api/active-version", admin).json().get("catalogVersion").asLong())
                    .as("the later version is active").isEqualTo(second);
            awaitPointer(tenant, second);
            Reply trail = DeployedSuite.get("/catalog/api/ops/audit?aggregateId=" + first, TestTokens.token(tenant, "OPERATOR"));
            Reply trail2 = DeployedSuite.get("/catalog/api/ops/audit?aggregateId=" + second, TestTokens.token(tenant, "OPERATOR"));
            long publications = 0;
            for (Reply t : List.of(trail, trail2)) {
                for (var entry : t.json()) {
                    if ("catalog-version.publish".equals(entry.get("command").asText())) {
                        publications++;
                    }
                }
            }
            assertThat(publications).as("one audited publication per success").isEqualTo(succeeded);
            awaitOutboxDrained(tenant);
        }
    }

    private void awaitPointer(String tenant, long version) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (pointer.current(CatalogCacheKeys.line(tenant)).orElse(0) != version) {
            assertThat(System.nanoTime()).as("pointer of %s at v%d within 30 s", tenant, version).isLessThan(deadline);
            Thread.onSpinWait();
        }
    }

    private static void awaitOutboxDrained(String tenant) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (DeployedSuite.get("/catalog/api/ops/outbox", TestTokens.token(tenant, "OPERATOR")).json().get("pending").asLong() != 0) {
            assertThat(System.nanoTime()).as("outbox drained within 30 s").isLessThan(deadline);
            Thread.onSpinWait();
        }
    }

    private static long openDraft(String admin) {
        Reply draft = DeployedSuite.send(HttpRequest.newBuilder(URI.create(DeployedSuite.baseUrl() + "/catalog/api/catalog-versions"))
                .header("Authorization", "Bearer " + admin).header("Idempotency-Key", "draft-" + UUID.randomUUID())
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build());
        assertThat(draft.status()).isEqualTo(201);
        return draft.json().get("catalogVersion").asLong();
    }

    private static Reply publish(String admin, long version, String ifMatch) {
        var b = HttpRequest.newBuilder(URI.create(DeployedSuite.baseUrl() + "/catalog/api/catalog-versions/" + version + "/publish"))
                .header("Authorization", "Bearer " + admin).header("Idempotency-Key", "publish-" + UUID.randomUUID())
                .POST(HttpRequest.BodyPublishers.noBody());
        if (ifMatch != null) {
            b.header("If-Match", ifMatch);
        }
        return DeployedSuite.send(b.build());
    }
}
