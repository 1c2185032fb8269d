package dev.cpq.cache.projection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cpq.cache.CacheFixture;
import dev.cpq.cache.key.CacheDomain;
import dev.cpq.cache.key.CacheKey;
import dev.cpq.cache.key.LiveCacheKeys;
import dev.cpq.cache.metrics.CacheMetrics.Event;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The stale-fill race of reference 002, forced with latches (no sleeps): a reader misses and loads the
 * old value; a writer commits a new value and invalidates; then the reader writes what it loaded.
 * Plain cache-aside leaves the old value cached; the guarded fill refuses it.
 */
class StaleFillInterleavingIT {

    record Summary(String quoteId, String status) {}

    private final CacheFixture f = new CacheFixture();
    /** The "database" row of the quote. */
    private final AtomicReference<Summary> row = new AtomicReference<>();

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void plainCacheAsideLeavesTheOldValueCachedAfterTheWrite() throws Exception {
        CacheKey key = LiveCacheKeys.of(f.tenant, CacheDomain.QUOTE_SUMMARY, "quote", "q-naive", "summary");
        row.set(new Summary("q-naive", "DRAFT"));
        CountDownLatch loaded = new CountDownLatch(1);
        CountDownLatch writerDone = new CountDownLatch(1);

        CompletableFuture<Void> reader = CompletableFuture.runAsync(() -> {
            String cached = f.redis.execute(j -> j.get(key.value()));
            assertThat(cached).isNull();
            Summary old = row.get();                     // 1. reader loads DRAFT
            loaded.countDown();
            await(writerDone);                           // 3. ...and is slow to write it back
            f.redis.execute(j -> j.set(key.value(), old.status()));  // 4. writes DRAFT after the invalidation
        });
        await(loaded);
        row.set(new Summary("q-naive", "SUBMITTED"));    // 2. writer commits SUBMITTED and invalidates
        f.redis.execute(j -> j.del(key.value()));
        writerDone.countDown();
        reader.get(10, TimeUnit.SECONDS);

        assertThat(f.rawGet(key.value()))
                .as("the problem: a stale value survives the invalidation").isEqualTo("DRAFT");
    }

    @Test
    void guardedFillRefusesAValueLoadedBeforeTheInvalidation() throws Exception {
        CacheKey key = LiveCacheKeys.of(f.tenant, CacheDomain.QUOTE_SUMMARY, "quote", "q-guarded", "summary");
        row.set(new Summary("q-guarded", "DRAFT"));
        CountDownLatch loaded = new CountDownLatch(1);
        CountDownLatch writerDone = new CountDownLatch(1);

        CompletableFuture<Summary> reader = CompletableFuture.supplyAsync(() -> f.cache.get(key, Summary.class, () -> {
            Summary old = row.get();                     // 1. reader (lease taken) loads DRAFT
            loaded.countDown();
            await(writerDone);                           // 3. ...and fills only after the writer is done
            return old;
        }));
        await(loaded);
        row.set(new Summary("q-guarded", "SUBMITTED"));  // 2. writer commits SUBMITTED, invalidates (revokes the lease)
        f.invalidation.invalidate(key);
        writerDone.countDown();

        assertThat(reader.get(10, TimeUnit.SECONDS).status()).as("the reader's own answer predates the write").isEqualTo("DRAFT");
        assertThat(f.rawGet(key.value())).as("nothing stale was written").isNull();
        assertThat(f.metrics.countOf(Event.FILL_REFUSED, CacheDomain.QUOTE_SUMMARY, f.tenant)).isEqualTo(1);
        assertThat(f.cache.get(key, Summary.class, row::get).status()).as("the next read sees the write").isEqualTo("SUBMITTED");
        assertThat(f.cache.get(key, Summary.class, () -> {
            throw new AssertionError("now cached");
        }).status()).isEqualTo("SUBMITTED");
    }

    @Test
    void aLaterLoaderSupersedesAnEarlierOnesLease() throws Exception {
        CacheKey key = LiveCacheKeys.of(f.tenant, CacheDomain.QUOTE_SUMMARY, "quote", "q-two-loaders", "summary");
        row.set(new Summary("q-two-loaders", "DRAFT"));
        CountDownLatch firstLoaded = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Summary> slow = CompletableFuture.supplyAsync(() -> f.cache.get(key, Summary.class, () -> {
            Summary s = row.get();
            firstLoaded.countDown();
            await(release);
            return s;
        }));
        await(firstLoaded);
        row.set(new Summary("q-two-loaders", "PRICED"));
        f.invalidation.invalidate(key);
        // another JVM's reader (a second cache instance: its own single-flight) loads and fills the new value
        var otherJvm = new ProjectionCache(f.redis, f.policies, f.metrics, f.json);
        assertThat(otherJvm.get(key, Summary.class, row::get).status()).isEqualTo("PRICED");
        release.countDown();
        slow.get(10, TimeUnit.SECONDS);

        assertThat(f.rawGet(key.value())).contains("PRICED").doesNotContain("DRAFT");
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).as("interleaving step reached").isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
