package dev.cpq.platform.idempotency.control;

import dev.cpq.platform.idempotency.entity.IdempotentRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Claims this instance could not give back: a command failed because the database was unreachable, and
 * so did the release of its key. Without this the client's retry with the same key would answer 409
 * {@code IDEMPOTENCY_REQUEST_IN_PROGRESS} until the claim's lease ends (30 s), long after the database is
 * back. The instance remembers the claim's token and releases it when the key comes back to it; the
 * release is guarded by the token and by {@code IN_PROGRESS}, so a claim that did commit (an answer lost
 * after COMMIT) or that another request took over is left alone. Only a hint: bounded, lost on restart,
 * and the lease still ends every claim whatever this instance knows.
 */
@ApplicationScoped
public class UnreleasedClaims {

    static final int MAX_REMEMBERED = 10_000;

    private record Key(String tenant, String command, String key) {

        static Key of(IdempotentRequest request) {
            return new Key(request.tenant(), request.command(), request.key());
        }
    }

    private final ConcurrentHashMap<Key, UUID> tokens = new ConcurrentHashMap<>();

    /** A claim whose release failed; forgotten when too many are remembered (the lease then frees it). */
    public void remember(IdempotentRequest request, UUID token) {
        if (tokens.size() < MAX_REMEMBERED) {
            tokens.put(Key.of(request), token);
        }
    }

    /** The token of an unreleased claim of this key, taken out (the caller releases it or remembers it again). */
    public Optional<UUID> take(IdempotentRequest request) {
        return Optional.ofNullable(tokens.remove(Key.of(request)));
    }
}
