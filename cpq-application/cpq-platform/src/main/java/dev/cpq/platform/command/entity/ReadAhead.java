package dev.cpq.platform.command.entity;

import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What a command read before its Idempotency-Key was claimed (its aggregate, remote answers on their way),
 * or what reading threw. A failure is raised only when the command reads it, after the claim, where the
 * key's outcome is decided (a refusal stored, a transient failure given back). Reads only: a replayed or
 * refused command drops it.
 */
public final class ReadAhead<T> {

    private final T value;
    private final RuntimeException failure;

    private ReadAhead(T value, RuntimeException failure) {
        this.value = value;
        this.failure = failure;
    }

    /** Reads now; what the read throws is kept for {@link #get}. */
    public static <T> ReadAhead<T> of(Supplier<T> read) {
        try {
            return new ReadAhead<>(read.get(), null);
        } catch (RuntimeException e) {
            return new ReadAhead<>(null, e);
        }
    }

    /** A command that reads nothing ahead. */
    public static ReadAhead<Void> nothing() {
        return new ReadAhead<>(null, null);
    }

    /** What the read gave, or what it threw, thrown now. */
    public T get() {
        if (failure != null) {
            throw failure;
        }
        return value;
    }

    /** Whether the read failed (e.g. to refuse before the claim what must never be replayed). */
    public boolean failedWith(Class<? extends RuntimeException> type) {
        return type.isInstance(failure);
    }

    /** A further read on what was read (asking other services about it); a failure of either is kept. */
    public <U> ReadAhead<U> then(Function<T, U> read) {
        return failure != null ? new ReadAhead<>(null, failure) : of(() -> read.apply(value));
    }
}
