package dev.cpq.cache.projection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cpq.cache.CacheFixture;
import dev.cpq.cache.key.CacheDomain;
import dev.cpq.cache.key.CacheKey;
import dev.cpq.cache.SampleKeys;
import dev.cpq.cache.metrics.CacheMetrics.Event;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Cache-aside on the real Redis with a counting source standing in for PostgreSQL. */
class ProjectionCacheIT {

    record Offering(String offeringId, String name, long catalogVersion) {}

    private final CacheFixture f = new CacheFixture();
    private final AtomicInteger loads = new AtomicInteger();

    @AfterEach
    void close() {
        f.close();
    }

    private Offering load(String id, long version) {
        loads.incrementAndGet();
        return new Offering(id, "Fiber " + id + " @v" + version, version);
    }

    @Test
    void aMissLoadsFromTheSourceAndAHitDoesNot() {
        CacheKey key = SampleKeys.offeringDetail(f.tenant, 1, "po-1");
        Offering first = f.cache.get(key, Offering.class, () -> load("po-1", 1));
        Offering second = f.cache.get(key, Offering.class, () -> load("po-1", 1));

        assertThat(second).isEqualTo(first);
        assertThat(loads).hasValue(1);
        assertThat(f.metrics.countOf(Event.MISS, CacheDomain.CATALOG, f.tenant)).isEqualTo(1);
        assertThat(f.metrics.countOf(Event.HIT, CacheDomain.CATALOG, f.tenant)).isEqualTo(1);
        Long ttl = f.redis.execute(j -> j.pttl(key.value()));
        var policy = f.policies.of(CacheDomain.CATALOG);
        assertThat(ttl).isBetween(policy.ttl().toMillis() - 5_000, policy.ttl().plus(policy.jitter()).toMillis());
    }

    @Test
    void movingThePointerMovesTheReadPathToTheNewVersion() {
        var line = SampleKeys.catalogLine(f.tenant);
        f.pointer.moveTo(line, 1);
        Offering v1 = readActive("po-7");
        f.pointer.moveTo(line, 2);
        Offering v2 = readActive("po-7");

        assertThat(v1.catalogVersion()).isEqualTo(1);
        assertThat(v2.catalogVersion()).isEqualTo(2);
        assertThat(loads).hasValue(2);
        // the old version stays readable under its own key (in-flight drafts), untouched
        assertThat(f.cache.get(SampleKeys.offeringDetail(f.tenant, 1, "po-7"), Offering.class, () -> load("po-7", 1)))
                .isEqualTo(v1);
        assertThat(loads).hasValue(2);
    }

    private Offering readActive(String id) {
        long version = f.pointer.resolve(SampleKeys.catalogLine(f.tenant), () -> {
            throw new AssertionError("pointer is set; the authority must not be asked");
        });
        return f.cache.get(SampleKeys.offeringDetail(f.tenant, version, id), Offering.class, () -> load(id, version));
    }

    @Test
    void anOldVersionEntryNeverAnswersANewVersionRead() {
        f.cache.get(SampleKeys.offeringDetail(f.tenant, 1, "po-2"), Offering.class, () -> load("po-2", 1));
        Offering v2 = f.cache.get(SampleKeys.offeringDetail(f.tenant, 2, "po-2"), Offering.class, () -> load("po-2", 2));
        assertThat(v2.catalogVersion()).isEqualTo(2);
        assertThat(loads).hasValue(2);
    }

    @Test
    void aPayloadOfAnotherVersionUnderAKeyIsCorruptionEvictedAndReloaded() throws Exception {
        CacheKey v2 = SampleKeys.offeringDetail(f.tenant, 2, "po-3");
        // what a buggy writer could leave behind: version 1's payload under version 2's key
        String wrong = f.json.writeValueAsString(new CacheEnvelope<>(1, "v1", load("po-3", 1)));
        f.redis.execute(j -> j.set(v2.value(), wrong));

        Offering read = f.cache.get(v2, Offering.class, () -> load("po-3", 2));

        assertThat(read.catalogVersion()).isEqualTo(2);
        assertThat(f.metrics.countOf(Event.VERSION_MISMATCH, CacheDomain.CATALOG, f.tenant)).isEqualTo(1);
        assertThat(f.cache.get(v2, Offering.class, () -> load("po-3", 2))).isEqualTo(read);
        assertThat(loads).as("one planted + one reload, then a hit").hasValue(2);
    }

    @Test
    void anUndecodablePayloadIsEvictedAndReloaded() {
        CacheKey key = SampleKeys.offeringDetail(f.tenant, 1, "po-4");
        f.redis.execute(j -> j.set(key.value(), "{not json"));

        Offering read = f.cache.get(key, Offering.class, () -> load("po-4", 1));

        assertThat(read.offeringId()).isEqualTo("po-4");
        assertThat(f.metrics.countOf(Event.UNDECODABLE, CacheDomain.CATALOG, f.tenant)).isEqualTo(1);
        assertThat(f.rawGet(key.value())).contains("\"v\":\"v1\"");
    }

    /** Jackson cannot write it: no properties, and serializing empty beans is an error by default. */
    static final class Opaque {}

    @Test
    void aValueThatCannotBeCachedFailsClearlyAndLeavesNothingBehind() {
        CacheKey key = SampleKeys.offeringDetail(f.tenant, 1, "po-opaque");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> f.cache.get(key, Opaque.class, Opaque::new))
                .isInstanceOf(CacheSerializationException.class)
                .hasMessageContaining(key.value());
        assertThat(f.rawGet(key.value())).isNull();
    }

    @Test
    void twoHundredConcurrentReadersOfAColdKeyCauseExactlyOneSourceLoad() throws Exception {
        int readers = 200;
        CacheKey key = SampleKeys.offeringDetail(f.tenant, 5, "po-hot");
        CyclicBarrier start = new CyclicBarrier(readers);
        ExecutorService pool = Executors.newFixedThreadPool(readers);
        try {
            List<Future<Offering>> results = new ArrayList<>();
            for (int i = 0; i < readers; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return f.cache.get(key, Offering.class, () -> load("po-hot", 5));
                }));
            }
            for (Future<Offering> r : results) {
                assertThat(r.get().catalogVersion()).isEqualTo(5);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(loads).as("source loads for one cold key in one JVM").hasValue(1);
        assertThat(f.metrics.countOf(Event.HIT, CacheDomain.CATALOG, f.tenant) + f.metrics.countOf(Event.MISS, CacheDomain.CATALOG, f.tenant))
                .isEqualTo(readers);
    }
}
