package dev.cpq.cache.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cpq.cache.redis.RedisUnavailableException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The flight's promises with real threads: never waiting on itself, bounded joins, failed flights gone. */
class SingleFlightTest {

    private static final Duration READER_BOUND = Duration.ofSeconds(5);

    private final ExecutorService readers = Executors.newFixedThreadPool(3, r -> {
        Thread t = new Thread(r, "reader");
        t.setDaemon(true);
        return t;
    });

    @AfterEach
    void close() {
        readers.shutdownNow();
    }

    @Test
    void aReaderNeverWaitsOnItsOwnFlightEvenWhenTheFallBackLoadsTheSameKey() throws Exception {
        SingleFlight flight = new SingleFlight(Duration.ofSeconds(1));
        // the leader's loader asks the same key again on the same thread (the shape of the old fall-back)
        Future<String> nested = readers.submit(() -> flight.load("k", () -> flight.load("k", () -> "from the source")));
        assertThat(nested.get(READER_BOUND.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo("from the source");
    }

    @Test
    void aJoinIsBoundedAndAFailedFlightRemovesItself() throws Exception {
        SingleFlight flight = new SingleFlight(Duration.ofMillis(300));
        CountDownLatch leaderLoading = new CountDownLatch(1);
        CountDownLatch releaseLeader = new CountDownLatch(1);
        Future<String> leader = readers.submit(() -> flight.load("k", () -> {
            leaderLoading.countDown();
            await(releaseLeader);
            throw new RedisUnavailableException("the leader's load failed", null);
        }));
        assertThat(leaderLoading.await(5, TimeUnit.SECONDS)).isTrue();
        long t0 = System.nanoTime();
        // the joiner stops waiting after its bound and loads on its own
        Future<String> joiner = readers.submit(() -> flight.load("k", () -> "the joiner's own load"));
        assertThat(joiner.get(READER_BOUND.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo("the joiner's own load");
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(3));
        releaseLeader.countDown();
        assertThatThrownBy(() -> leader.get(READER_BOUND.toMillis(), TimeUnit.MILLISECONDS)).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(RedisUnavailableException.class);
        // the failed flight is gone: the next load runs instead of replaying the failure
        assertThat(flight.load("k", () -> "next")).isEqualTo("next");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
