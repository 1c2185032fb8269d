package dev.cpq.cache.projection;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * At most one load per key at a time inside this JVM: the first caller loads on its own thread,
 * callers arriving meanwhile wait for and share its result (or its failure).
 *
 * <p>Never a wait without an end: a caller that re-enters the flight it leads loads directly (joining
 * would wait for itself), a joiner waits at most the join bound and then loads on its own, and a
 * flight removes itself however its load ends.
 */
final class SingleFlight {

    static final Duration DEFAULT_JOIN_BOUND = Duration.ofSeconds(3);

    /** One load in progress and the thread running it. */
    private record Flight(Thread leader, CompletableFuture<Object> result) {}

    private final ConcurrentMap<String, Flight> inFlight = new ConcurrentHashMap<>();
    private final Duration joinBound;

    SingleFlight() {
        this(DEFAULT_JOIN_BOUND);
    }

    /** @param joinBound how long a caller waits for another caller's load of the same key before loading itself */
    SingleFlight(Duration joinBound) {
        this.joinBound = Objects.requireNonNull(joinBound, "joinBound");
    }

    @SuppressWarnings("unchecked")
    <V> V load(String key, Supplier<V> loader) {
        Flight mine = new Flight(Thread.currentThread(), new CompletableFuture<>());
        Flight running = inFlight.putIfAbsent(key, mine);
        if (running != null) {
            if (running.leader() == Thread.currentThread()) {
                return loader.get(); // asked again from inside our own load: waiting would be waiting on ourselves
            }
            return (V) join(running, loader);
        }
        try {
            V value = loader.get();
            mine.result().complete(value);
            return value;
        } catch (RuntimeException | Error e) {
            mine.result().completeExceptionally(e);
            throw e;
        } finally {
            inFlight.remove(key, mine);
        }
    }

    private Object join(Flight running, Supplier<?> loader) {
        try {
            return running.result().get(joinBound.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            // the leader is stuck (a hung Redis, a slow source): answer this caller on its own
            return loader.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for another load of the same key", e);
        }
    }
}
