package dev.cpq.cache.pointer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cpq.cache.CacheFixture;
import dev.cpq.cache.key.CacheDomain;
import dev.cpq.cache.SampleKeys;
import dev.cpq.cache.key.VersionLine;
import dev.cpq.cache.metrics.CacheMetrics.Event;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalLong;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ActiveVersionPointerIT {

    private final CacheFixture f = new CacheFixture();

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void aPointerMovesForwardOnlyAndCountsRefusals() {
        VersionLine line = SampleKeys.catalogLine(f.tenant);
        assertThat(f.pointer.moveTo(line, 3)).isEqualTo(new PointerMove(true, 0));
        assertThat(f.pointer.moveTo(line, 5)).isEqualTo(new PointerMove(true, 3));
        assertThat(f.pointer.moveTo(line, 4)).isEqualTo(new PointerMove(false, 5));
        assertThat(f.pointer.moveTo(line, 5)).isEqualTo(new PointerMove(false, 5));

        assertThat(f.pointer.current(line)).hasValue(5);
        assertThat(f.pointer.previous(line)).hasValue(3);
        assertThat(f.metrics.countOf(Event.POINTER_MOVE_REFUSED, CacheDomain.CATALOG, f.tenant)).isEqualTo(2);
        assertThat(f.pointer.describe(line)).containsKeys("current", "previous", "moved_at");
    }

    @Test
    void severalPointersOfATenantResolveInOneRoundTripAndOnlyAbsentOnesAskTheirAuthority() {
        VersionLine catalog = SampleKeys.catalogLine(f.tenant);
        VersionLine priceList = SampleKeys.priceListLine(f.tenant, "pl-1");
        f.pointer.moveTo(catalog, 7);
        AtomicInteger asked = new AtomicInteger();

        long[] versions = f.pointer.resolve(List.of(catalog, priceList), List.of(() -> {
            throw new AssertionError("the catalog pointer is set: its authority is not asked");
        }, () -> {
            asked.incrementAndGet();
            return 12;
        }));

        assertThat(versions).containsExactly(7, 12);
        assertThat(asked).hasValue(1);
        assertThat(f.pointer.current(List.of(priceList, catalog))).containsExactly(OptionalLong.of(12), OptionalLong.of(7));
        assertThatThrownBy(() -> f.pointer.current(List.of(catalog, SampleKeys.catalogLine(f.tenant + "x"))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anAbsentPointerIsReadThroughFromTheAuthorityAndSet() {
        VersionLine line = SampleKeys.priceListLine(f.tenant, "pl-1");
        AtomicInteger asked = new AtomicInteger();
        assertThat(f.pointer.resolve(line, () -> {
            asked.incrementAndGet();
            return 87;
        })).isEqualTo(87);
        assertThat(f.pointer.resolve(line, () -> {
            asked.incrementAndGet();
            return 87;
        })).isEqualTo(87);
        assertThat(asked).as("the authority is asked only while the pointer is absent").hasValue(1);
        assertThat(f.pointer.current(line)).hasValue(87);
        // a different price list is a different line
        assertThat(f.pointer.current(SampleKeys.priceListLine(f.tenant, "pl-2"))).isEmpty();
    }

    @Test
    void tenThousandOutOfOrderMovesFromManyThreadsEndAtTheMaximumAndNeverGoBackwards() throws Exception {
        VersionLine line = SampleKeys.catalogLine(f.tenant);
        int moves = 10_000;
        int threads = 16;
        List<Long> versions = new ArrayList<>();
        for (long v = 1; v <= moves; v++) {
            versions.add(v);
        }
        Collections.shuffle(versions, new Random(20261122L));

        AtomicBoolean backwards = new AtomicBoolean();
        AtomicBoolean done = new AtomicBoolean();
        AtomicLong observations = new AtomicLong();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads + 1);
        try {
            Future<?> observer = pool.submit(() -> {
                long last = 0;
                while (!done.get()) {
                    long seen = f.pointer.current(line).orElse(0);
                    if (seen < last) {
                        backwards.set(true);
                    }
                    last = seen;
                    observations.incrementAndGet();
                }
            });
            List<Future<Integer>> movers = new ArrayList<>();
            int slice = moves / threads;
            for (int t = 0; t < threads; t++) {
                List<Long> mine = versions.subList(t * slice, t == threads - 1 ? moves : (t + 1) * slice);
                movers.add(pool.submit(() -> {
                    start.await();
                    int moved = 0;
                    for (long v : mine) {
                        if (f.pointer.moveTo(line, v).moved()) {
                            moved++;
                        }
                    }
                    return moved;
                }));
            }
            start.countDown();
            int moved = 0;
            for (Future<Integer> m : movers) {
                moved += m.get(120, TimeUnit.SECONDS);
            }
            done.set(true);
            observer.get(30, TimeUnit.SECONDS);

            assertThat(f.pointer.current(line)).hasValue(moves);
            assertThat(backwards).as("an observer saw the pointer move backwards").isFalse();
            assertThat(observations.get()).isPositive();
            assertThat(moved + (long) f.metrics.countOf(Event.POINTER_MOVE_REFUSED, CacheDomain.CATALOG, f.tenant)).isEqualTo(moves);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anAnswerThatIsNotTheOwnersServesTheReadButNeverSetsThePointerAndTheOwnersNextReadDoes() {
        VersionLine catalog = SampleKeys.catalogLine(f.tenant);
        VersionLine list = SampleKeys.priceListLine(f.tenant, "standard");
        // pricing's replica says v1 while catalog's database already says v2
        assertThat(f.pointer.resolve(catalog, ActiveVersionPointer.notTheOwner(() -> 1))).isEqualTo(1);
        assertThat(f.pointer.current(catalog)).as("a replica never rebuilds the owner's pointer").isEmpty();
        long[] both = f.pointer.resolve(List.of(catalog, list), List.of(ActiveVersionPointer.notTheOwner(() -> 1), () -> 4));
        assertThat(both).containsExactly(1, 4);
        assertThat(f.pointer.current(catalog)).isEmpty();
        assertThat(f.pointer.current(list)).as("the caller's own line is set from its database").hasValue(4);

        assertThat(f.pointer.resolve(catalog, () -> 2)).as("the owner's read").isEqualTo(2);
        assertThat(f.pointer.current(catalog)).hasValue(2);
        assertThat(f.pointer.resolve(catalog, ActiveVersionPointer.notTheOwner(() -> 1))).as("once set, the pointer answers").isEqualTo(2);
    }
}
