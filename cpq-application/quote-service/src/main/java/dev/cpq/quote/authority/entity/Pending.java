package dev.cpq.quote.authority.entity;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * An answer asked for and not yet read: a command asks catalog and pricing at once and reads both
 * answers afterwards, so it waits for the slower one instead of the sum. Reading it gives the answer or
 * throws what asking threw ({@link RemoteServiceUnavailableException}, {@link RemoteProblemException}).
 */
public final class Pending<T> {

    private final CompletableFuture<T> answer;

    private Pending(CompletableFuture<T> answer) {
        this.answer = Objects.requireNonNull(answer);
    }

    public static <T> Pending<T> of(CompletableFuture<T> answer) {
        return new Pending<>(answer);
    }

    /** An answer already at hand. */
    public static <T> Pending<T> answered(T value) {
        return new Pending<>(CompletableFuture.completedFuture(value));
    }

    /** A question that failed before it was sent. */
    public static <T> Pending<T> failed(RuntimeException failure) {
        return new Pending<>(CompletableFuture.failedFuture(failure));
    }

    /** Waits for the answer (every remote call is bounded by its own timeout). */
    public T get() {
        try {
            return answer.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw e;
        }
    }
}
