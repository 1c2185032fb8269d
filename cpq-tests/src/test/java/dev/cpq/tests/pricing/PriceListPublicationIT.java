package dev.cpq.tests.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cpq.tests.support.DeployedSuite;
import dev.cpq.tests.support.DeployedSuite.Reply;
import dev.cpq.tests.support.PricingAdministration;
import dev.cpq.tests.support.TestTokens;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Price list versions: drafts copy the active entries, publication is once, ordered and guarded. */
class PriceListPublicationIT {

    private final String tenant = TestTokens.uniqueTenant("pl");
    private final PricingAdministration pricing = new PricingAdministration(tenant);
    private final String admin = TestTokens.token(tenant, "PRICING_ADMIN");

    @Test
    void aNewDraftCopiesTheActiveEntriesAndTheActiveVersionComesFromTheDatabase() {
        long v1 = pricing.openDraft("standard", null);
        pricing.putEurPrice("standard", v1, "fiber-1g", "49.00", "59.90");
        pricing.published("standard", v1);

        long v2 = pricing.openDraft("standard", null);
        Reply draft = DeployedSuite.get("/pricing/api/price-lists/standard/versions/" + v2, admin);
        Reply active = DeployedSuite.get("/pricing/api/price-lists/standard/active-version", admin);

        assertThat(draft.json().toString()).contains("fiber-1g").contains("59.9");
        assertThat(active.json().get("priceListVersion").asLong()).isEqualTo(v1);
    }

    @Test
    void publishingTwiceOrWithoutPreconditionIsRefused() {
        long v1 = pricing.openDraft("standard", null);
        pricing.putEurPrice("standard", v1, "fiber-1g", "49.00", "59.90");
        Reply noIfMatch = DeployedSuite.call("POST", "/pricing/api/price-lists/standard/versions/" + v1 + "/publish", admin, null,
                "Idempotency-Key", "k-" + UUID.randomUUID());
        pricing.published("standard", v1);
        Reply again = pricing.publish("standard", v1);
        Reply edit = pricing.putEntries("standard", v1, "fiber-1g", "{\"prices\":[]}");

        assertThat(noIfMatch.status()).isEqualTo(428);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("code").asText()).isEqualTo("PRICE_LIST_VERSION_NOT_DRAFT");
        assertThat(edit.status()).isEqualTo(409);
    }

    @Test
    void twoAdminsPublishingTwoDraftsConcurrentlyEndOnTheLaterOneWithVersionsInOrder() throws Exception {
        long v1 = pricing.openDraft("standard", null);
        pricing.published("standard", v1);
        List<Long> drafts = List.of(pricing.openDraft("standard", null), pricing.openDraft("standard", null));
        List<String> etags = new ArrayList<>();
        for (long d : drafts) {
            etags.add(DeployedSuite.get("/pricing/api/price-lists/standard/versions/" + d, admin).header("ETag").orElseThrow());
        }
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<Reply>> replies = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                long draft = drafts.get(i);
                String etag = etags.get(i);
                replies.add(pool.submit(() -> {
                    go.await();
                    return DeployedSuite.call("POST", "/pricing/api/price-lists/standard/versions/" + draft + "/publish",
                            TestTokens.token(tenant, "PRICING_ADMIN"), null, "If-Match", etag, "Idempotency-Key", "race-" + UUID.randomUUID());
                }));
            }
            go.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Reply> f : replies) {
                statuses.add(f.get().status());
            }
            // the later draft always wins; the earlier one either published first (then superseded) or is refused as outdated
            assertThat(statuses.get(1)).isEqualTo(200);
            assertThat(statuses.get(0)).isIn(200, 409);
        } finally {
            pool.shutdownNow();
        }
        pricing.awaitPointer("price-list", drafts.get(1));
        Reply active = DeployedSuite.get("/pricing/api/price-lists/standard/active-version", admin);
        assertThat(active.json().get("priceListVersion").asLong()).isEqualTo(drafts.get(1));
    }
}
