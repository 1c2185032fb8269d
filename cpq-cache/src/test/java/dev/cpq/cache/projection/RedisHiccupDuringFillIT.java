package dev.cpq.cache.projection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cpq.cache.CacheFixture;
import dev.cpq.cache.key.CacheDomain;
import dev.cpq.cache.key.CacheKey;
import dev.cpq.cache.SampleKeys;
import dev.cpq.cache.metrics.CacheMetrics.Event;
import dev.cpq.cache.policy.CachePolicies;
import dev.cpq.cache.redis.RedisUnavailableException;
import dev.cpq.testing.ServiceControl;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Redis hangs for real (SIGSTOP) right after answering a miss, so the leader of that miss meets the
 * outage between the miss and its lease: the moment a fall-back once joined its own flight and hung every
 * later reader of the key. Every reader must answer from the source within a bound, and the cache must
 * serve normally once Redis is back.
 */
class RedisHiccupDuringFillIT {

    record Offering(String offeringId, long catalogVersion) {}

    /** Far above a 250 ms Redis timeout plus a source load; far below "hung". */
    private static final Duration READER_BOUND = Duration.ofSeconds(5);

    private final CacheFixture f = new CacheFixture(CachePolicies.defaults(), Duration.ofMillis(500));
    private final AtomicInteger loads = new AtomicInteger();
    private final ExecutorService readers = Executors.newFixedThreadPool(9, r -> {
        Thread t = new Thread(r, "reader");
        t.setDaemon(true); // a reader hung by the defect must not keep the test JVM alive
        return t;
    });

    @AfterEach
    void close() {
        readers.shutdownNow();
        f.close();
    }

    private Offering fromPostgres(String id) {
        loads.incrementAndGet();
        return new Offering(id, 1);
    }

    @Test
    void everyReaderAnswersFromTheSourceWhenRedisHangsBetweenTheMissAndTheLeaseAndTheCacheServesAgainAfterwards() throws Exception {
        CacheKey key = SampleKeys.offeringDetail(f.tenant, 1, "po-hiccup");
        AtomicBoolean armed = new AtomicBoolean(true);
        AtomicReference<ServiceControl.Fault> hang = new AtomicReference<>();
        // the first command to complete is the leader's miss: Redis hangs right after answering it
        f.redis.observeCommandTime(nanos -> {
            if (armed.compareAndSet(true, false)) {
                hang.set(ServiceControl.paused("redis"));
            }
        });
        try {
            Future<Offering> leader = readers.submit(() -> f.cache.get(key, Offering.class, () -> fromPostgres("po-hiccup")));
            // the leader is inside its flight (or already answered): now the others miss behind it
            awaitTrue(() -> hang.get() != null, "the leader's miss reached Redis");
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Offering>> others = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                others.add(readers.submit(() -> {
                    start.await();
                    return f.cache.get(key, Offering.class, () -> fromPostgres("po-hiccup"));
                }));
            }
            start.countDown();

            long deadline = System.nanoTime() + READER_BOUND.toNanos();
            assertThat(answerWithin(leader, deadline)).isEqualTo(new Offering("po-hiccup", 1));
            for (Future<Offering> reader : others) {
                assertThat(answerWithin(reader, deadline)).as("a reader behind the hung leader").isEqualTo(new Offering("po-hiccup", 1));
            }
            assertThat(f.metrics.countOf(Event.SOURCE_FALLBACK, CacheDomain.CATALOG, f.tenant)).isPositive();
        } finally {
            armed.set(false);
            if (hang.get() != null) {
                hang.get().close();
            }
        }

        // Redis is back: the key fills once and is then served from Redis
        awaitRedisAnswering();
        Offering filled = f.cache.get(key, Offering.class, () -> fromPostgres("po-hiccup"));
        int loadsAfterFill = loads.get();
        Future<Offering> again = readers.submit(() -> f.cache.get(key, Offering.class, () -> fromPostgres("po-hiccup")));
        assertThat(again.get(READER_BOUND.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo(filled);
        assertThat(loads.get()).as("the second read after recovery is a hit").isEqualTo(loadsAfterFill);
        assertThat(f.rawGet(key.value())).as("the value is in Redis again").isNotNull();
    }

    private static <T> T answerWithin(Future<T> reader, long deadlineNanos) throws Exception {
        long left = Math.max(1, deadlineNanos - System.nanoTime());
        try {
            return reader.get(left, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("a reader did not answer within " + READER_BOUND + " while Redis hung: it waits on a flight", e);
        }
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what).isLessThan(deadline);
            Thread.onSpinWait();
        }
    }

    private void awaitRedisAnswering() {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            try {
                f.redis.ping();
                return;
            } catch (RedisUnavailableException e) {
                assertThat(System.nanoTime()).as("Redis answers within 30 s of its resume").isLessThan(deadline);
                Thread.onSpinWait();
            }
        }
    }
}
