package dev.cpq.tests.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cpq.testing.ServiceControl;
import dev.cpq.tests.support.DeployedSuite;
import dev.cpq.tests.support.DeployedSuite.Reply;
import dev.cpq.tests.support.TestTokens;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Idempotency-Key semantics of API.md on the deployed catalog's first command, opening a draft
 * ({@code POST /catalog-versions}): a storm of identical requests has exactly one effect, every other
 * answer is a replay or "in progress", never a 5xx; the same key with another body is refused.
 */
class IdempotentCommandIT {

    private final String tenant = TestTokens.uniqueTenant("idem");
    private final String admin = TestTokens.token(tenant, "CATALOG_ADMIN");

    @Test
    void fiftyConcurrentIdenticalRequestsWithOneKeyOpenExactlyOneDraft() throws Exception {
        storm();
    }

    @Test
    void theSameStormWithRedisStoppedStillHasExactlyOneEffect() throws Exception {
        ServiceControl.stop("redis");
        try {
            storm();
        } finally {
            ServiceControl.start("redis");
            DeployedSuite.awaitHealthy();
        }
    }

    private void storm() throws Exception {
        String key = "storm-" + UUID.randomUUID();
        int clients = 50;
        CyclicBarrier start = new CyclicBarrier(clients);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Reply> replies = new ArrayList<>();
        try {
            List<Future<Reply>> futures = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return post(key, "{\"description\":\"storm\"}");
                }));
            }
            for (Future<Reply> f : futures) {
                replies.add(f.get(60, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        long fresh = replies.stream().filter(r -> r.status() == 201 && r.header("Idempotent-Replayed").isEmpty()).count();
        long replayed = replies.stream().filter(r -> r.status() == 201 && r.header("Idempotent-Replayed").isPresent()).count();
        long inProgress = replies.stream().filter(r -> r.status() == 409).count();
        assertThat(replies).allSatisfy(r -> assertThat(r.status()).as(r.body()).isIn(201, 409));
        assertThat(fresh).as("original executions").isEqualTo(1);
        assertThat(fresh + replayed + inProgress).isEqualTo(clients);
        replies.stream().filter(r -> r.status() == 409)
                .forEach(r -> assertThat(r.json().get("code").asText()).isEqualTo("IDEMPOTENCY_REQUEST_IN_PROGRESS"));
        replies.stream().filter(r -> r.status() == 201)
                .forEach(r -> assertThat(r.json().get("catalogVersion").asLong()).isEqualTo(replies.stream()
                        .filter(x -> x.status() == 201).findFirst().orElseThrow().json().get("catalogVersion").asLong()));
        assertThat(drafts()).as("drafts in the database").isEqualTo(1);
        // after the storm, a retry replays the original answer
        Reply retry = post(key, "{\"description\":\"storm\"}");
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.header("Idempotent-Replayed")).contains("true");
    }

    @Test
    void aKeyReusedForAnotherRequestIsRefusedAndChangesNothing() {
        String key = "reuse-" + UUID.randomUUID();
        assertThat(post(key, "{\"description\":\"first\"}").status()).isEqualTo(201);
        Reply other = post(key, "{\"description\":\"second\"}");
        assertThat(other.status()).isEqualTo(422);
        assertThat(other.json().get("code").asText()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(drafts()).isEqualTo(1);
    }

    @Test
    void commandsWithoutAKeyOrWithAMalformedOneAreRejected() {
        Reply none = DeployedSuite.send(request(null, "{}"));
        assertThat(none.status()).isEqualTo(400);
        assertThat(none.json().get("code").asText()).isEqualTo("IDEMPOTENCY_KEY_REQUIRED");
        Reply tooLong = post("k".repeat(201), "{}");
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.json().get("code").asText()).isEqualTo("VALIDATION_FAILED");
        assertThat(drafts()).isZero();
    }

    @Test
    void badInputIsAFourHundredProblemAndTheDatabaseIsUnchanged() {
        String[][] cases = {
            {"{\"description\": ", "malformed JSON"},
            {"{\"description\": 42}", "wrong type"},
            {"{\"colour\": \"red\"}", "unknown field"},
            {"{\"description\": \"" + "x".repeat(501) + "\"}", "too long"},
            {"{\"description\": \"a\\u0000b\u0007\"}", "control characters"},
            {"[1, 2, 3]", "not an object"},
        };
        for (String[] c : cases) {
            Reply reply = post("bad-" + UUID.randomUUID(), c[0]);
            assertThat(reply.status()).as(c[1] + ": " + reply.body()).isBetween(400, 499);
            assertThat(reply.contentType()).as(c[1]).startsWith("application/problem+json");
            assertThat(reply.body()).as(c[1]).doesNotContain("Exception").doesNotContain("at dev.cpq");
        }
        // over 1 MiB: refused from the headers (413) before the body is read; the client announces the
        // body with Expect: 100-continue, as HTTP clients do for large uploads, and gets the answer at once
        Reply huge = DeployedSuite.send(HttpRequest.newBuilder(URI.create(DeployedSuite.baseUrl() + "/catalog/api/catalog-versions"))
                .timeout(Duration.ofSeconds(30)).expectContinue(true)
                .header("Authorization", "Bearer " + admin).header("Idempotency-Key", "huge-" + UUID.randomUUID())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"description\": \"" + "y".repeat(1_100_000) + "\"}")).build());
        assertThat(huge.status()).isEqualTo(413);
        assertThat(huge.json().get("code").asText()).isEqualTo("PAYLOAD_TOO_LARGE");
        Reply unsupported = DeployedSuite.send(HttpRequest.newBuilder(URI.create(DeployedSuite.baseUrl() + "/catalog/api/catalog-versions"))
                .header("Authorization", "Bearer " + admin).header("Idempotency-Key", "ct-" + UUID.randomUUID())
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("hello")).build());
        assertThat(unsupported.status()).isEqualTo(415);
        assertThat(unsupported.json().get("code").asText()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
        assertThat(drafts()).isZero();
    }

    @Test
    void onlyCatalogAdminsOpenDrafts() {
        Reply agent = DeployedSuite.send(HttpRequest.newBuilder(URI.create(DeployedSuite.baseUrl() + "/catalog/api/catalog-versions"))
                .header("Authorization", "Bearer " + TestTokens.token(tenant, "SALES_AGENT")).header("Idempotency-Key", "r-1")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build());
        assertThat(agent.status()).isEqualTo(403);
        assertThat(drafts()).isZero();
    }

    private Reply post(String key, String body) {
        return DeployedSuite.send(request(key, body));
    }

    private HttpRequest request(String key, String body) {
        var b = HttpRequest.newBuilder(URI.create(DeployedSuite.baseUrl() + "/catalog/api/catalog-versions"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + admin)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            b.header("Idempotency-Key", key);
        }
        return b.build();
    }

    private long drafts() {
        Reply list = DeployedSuite.get("/catalog/api/catalog-versions", admin);
        assertThat(list.status()).isEqualTo(200);
        long n = 0;
        for (var v : list.json()) {
            if ("DRAFT".equals(v.get("status").asText())) {
                n++;
            }
        }
        return n;
    }
}
