package dev.cpq.tests.catalog;

import static dev.cpq.tests.support.SuiteMetrics.label;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cpq.tests.support.CatalogAdministration;
import dev.cpq.tests.support.DeployedSuite;
import dev.cpq.tests.support.DeployedSuite.Reply;
import dev.cpq.tests.support.SuiteMetrics;
import dev.cpq.tests.support.TestTokens;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Right after a publication every reader misses at once. 200 concurrent reads of one offering (and 200
 * of one family list), released together by a latch, must cost the database at most one load per key
 * in the one JVM serving them: single-flight inside the JVM, then Redis.
 */
class CatalogReadStampedeIT {

    private static final int READERS = 200;

    @Test
    void twoHundredConcurrentReadsRightAfterAPublishLoadEachKeyAtMostOnce() throws Exception {
        CatalogAdministration catalog = new CatalogAdministration(TestTokens.uniqueTenant("stampede"));
        String seller = TestTokens.token(catalog.tenant(), "SALES_AGENT");
        long version = catalog.openDraft();
        catalog.putInternetOffering(version, "fiber-1g", "Fiber 1G");
        catalog.putInternetOffering(version, "fiber-10g", "Fiber 10G");
        catalog.publish(version);
        catalog.awaitPointer(version);

        CountDownLatch ready = new CountDownLatch(2 * READERS);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2 * READERS);
        List<Future<Reply>> replies = new ArrayList<>();
        try {
            for (int i = 0; i < 2 * READERS; i++) {
                String path = i % 2 == 0 ? "/catalog/api/offerings/fiber-1g" : "/catalog/api/offerings?family=internet";
                replies.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return DeployedSuite.get(path, seller);
                }));
            }
            ready.await();
            go.countDown();
            for (Future<Reply> f : replies) {
                Reply r = f.get();
                assertThat(r.status()).as(r.body()).isEqualTo(200);
                assertThat(r.json().get("catalogVersion").asLong()).isEqualTo(version);
            }
        } finally {
            pool.shutdownNow();
        }

        double loads = SuiteMetrics.sum("catalog", "cpq_cache_load_seconds_count", label("domain", "catalog"),
                label("tenant", catalog.tenant()));
        assertThat(loads).as("database loads for 2 keys (one each) under %d concurrent reads", 2 * READERS).isEqualTo(2.0);
    }
}
