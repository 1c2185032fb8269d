package dev.cpq.tests.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cpq.tests.support.DeployedSuite;
import dev.cpq.tests.support.DeployedSuite.Reply;
import dev.cpq.tests.support.TestTokens;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Editing a draft's offerings against the version the editor saw: If-Match, 428, 412, never a merge. */
class OfferingPreconditionsIT {

    private final String tenant = TestTokens.uniqueTenant("edit");
    private final String admin = TestTokens.token(tenant, "CATALOG_ADMIN");

    @Test
    void anEditAgainstAnOldVersionIsRefusedWithBothVersionsAndAnEditWithoutIfMatchIsRequiredToHaveOne() {
        long draft = openDraft();
        Reply first = put(draft, "po-1", "\"1\"", offering("Fiber 1G"));
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.header("ETag")).contains("\"2\"");
        assertThat(first.json().get("catalogVersion").asLong()).isEqualTo(draft);

        Reply stale = put(draft, "po-1", "\"1\"", offering("Fiber 2G"));
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.json().get("code").asText()).isEqualTo("CATALOG_VERSION_CONFLICT");
        assertThat(stale.json().get("expectedVersion").asLong()).isEqualTo(1);
        assertThat(stale.json().get("currentVersion").asLong()).isEqualTo(2);

        Reply none = put(draft, "po-1", null, offering("Fiber 2G"));
        assertThat(none.status()).isEqualTo(428);
        assertThat(none.json().get("code").asText()).isEqualTo("PRECONDITION_REQUIRED");
        Reply garbage = put(draft, "po-1", "yesterday", offering("Fiber 2G"));
        assertThat(garbage.status()).isEqualTo(400);
    }

    @Test
    void twoEditorsWithTheSameIfMatchGetOneSuccessAndOneConflictAndNothingIsLost() throws Exception {
        for (int round = 0; round < 5; round++) {
            long draft = openDraft();
            CyclicBarrier start = new CyclicBarrier(2);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            List<Reply> replies = new ArrayList<>();
            try {
                List<Future<Reply>> both = new ArrayList<>();
                for (String name : new String[] {"Alice's change", "Bob's change"}) {
                    both.add(pool.submit(() -> {
                        start.await();
                        return put(draft, "po-race", "\"1\"", offering(name));
                    }));
                }
                for (Future<Reply> f : both) {
                    replies.add(f.get(60, TimeUnit.SECONDS));
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(replies).extracting(Reply::status).as(replies.toString()).containsExactlyInAnyOrder(200, 412);
            Reply loser = replies.stream().filter(r -> r.status() == 412).findFirst().orElseThrow();
            assertThat(loser.json().get("code").asText()).isEqualTo("CATALOG_VERSION_CONFLICT");
            // the version moved exactly once: the winner's ETag is "2" and an edit against it succeeds
            Reply winner = replies.stream().filter(r -> r.status() == 200).findFirst().orElseThrow();
            assertThat(winner.header("ETag")).contains("\"2\"");
            assertThat(put(draft, "po-race", "\"2\"", offering("follow-up")).status()).isEqualTo(200);
            Reply trail = DeployedSuite.get("/catalog/api/ops/audit?aggregateId=" + draft, TestTokens.token(tenant, "OPERATOR"));
            assertThat(trail.json()).as("open + the winner's edit + the follow-up").hasSize(3);
        }
    }

    @Test
    void onlyDraftsAreEditedAndOtherTenantsVersionsDoNotExist() {
        Reply published = DeployedSuite.send(request(1, "po-x", "\"1\"", offering("x"),
                TestTokens.token(System.getenv().getOrDefault("CPQ_DEMO_TENANT", "demo"), "CATALOG_ADMIN")));
        assertThat(published.status()).isEqualTo(409);
        assertThat(published.json().get("code").asText()).isEqualTo("CATALOG_VERSION_NOT_DRAFT");

        long mine = openDraft();
        Reply foreign = DeployedSuite.send(request(mine, "po-1", "\"1\"", offering("x"),
                TestTokens.token(TestTokens.uniqueTenant("intruder"), "CATALOG_ADMIN")));
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.json().get("code").asText()).isEqualTo("CATALOG_VERSION_NOT_FOUND");
        assertThat(put(mine, "po-1", "\"1\"", offering("still mine")).status()).as("untouched by the intruder").isEqualTo(200);
    }

    @Test
    void malformedOfferingsAreFourHundredsNamingTheField() {
        long draft = openDraft();
        String[][] cases = {
            {"{\"name\":\"\",\"family\":\"F\",\"options\":[]}", "name"},
            {"{\"name\":\"n\",\"family\":\"bad family\",\"options\":[]}", "family"},
            {"{\"name\":\"n\",\"family\":\"F\",\"options\":[{\"code\":\"a\",\"values\":[],\"required\":true}]}", "options[0].values"},
            {"{\"name\":\"n\",\"family\":\"F\"}", "options"},
            {"{\"name\":\"n\",\"family\":\"F\",\"options\":[],\"price\":1}", "price"},
        };
        for (String[] c : cases) {
            Reply reply = put(draft, "po-1", "\"1\"", c[0]);
            assertThat(reply.status()).as(c[0] + " -> " + reply.body()).isEqualTo(400);
            assertThat(reply.json().get("code").asText()).isEqualTo("VALIDATION_FAILED");
            assertThat(reply.body()).as(c[0]).contains("\"field\":\"" + c[1] + "\"");
        }
        // SQL and path metacharacters in ids are refused as input, never reach a query
        for (String id : new String[] {"po-1%27%3BDROP%20TABLE%20catalog%3B--", "po-1%20OR%201%3D1", "..%2F..%2Fetc", "%2A"}) {
            Reply reply = put(draft, id, "\"1\"", offering("x"));
            assertThat(reply.status()).as(id + " -> " + reply.body()).isBetween(400, 404);
            assertThat(reply.contentType()).as(id).startsWith("application/problem+json");
        }
        Reply notANumber = DeployedSuite.send(HttpRequest.newBuilder(
                        URI.create(DeployedSuite.baseUrl() + "/catalog/api/catalog-versions/1%20OR%201=1/offerings/po-1"))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json").header("If-Match", "\"1\"")
                .PUT(HttpRequest.BodyPublishers.ofString(offering("x"))).build());
        assertThat(notANumber.status()).isBetween(400, 404);
        assertThat(put(draft, "po-1", "\"1\"", offering("valid at last")).status()).as("nothing was changed before").isEqualTo(200);
    }

    private long openDraft() {
        Reply draft = DeployedSuite.send(HttpRequest.newBuilder(URI.create(DeployedSuite.baseUrl() + "/catalog/api/catalog-versions"))
                .header("Authorization", "Bearer " + admin).header("Idempotency-Key", "draft-" + UUID.randomUUID())
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build());
        assertThat(draft.status()).isEqualTo(201);
        assertThat(draft.header("ETag")).contains("\"1\"");
        return draft.json().get("catalogVersion").asLong();
    }

    private static String offering(String name) {
        return "{\"name\":\"" + name + "\",\"family\":\"FIBER\",\"options\":[{\"code\":\"speed\",\"values\":[\"500M\",\"1G\"],\"required\":true}]}";
    }

    private Reply put(long version, String offeringId, String ifMatch, String body) {
        return DeployedSuite.send(request(version, offeringId, ifMatch, body, admin));
    }

    private static HttpRequest request(long version, String offeringId, String ifMatch, String body, String token) {
        var b = HttpRequest.newBuilder(URI.create(DeployedSuite.baseUrl() + "/catalog/api/catalog-versions/" + version + "/offerings/" + offeringId))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body));
        if (ifMatch != null) {
            b.header("If-Match", ifMatch);
        }
        return b.build();
    }
}
