package dev.cpq.platform.idempotency.control;

import dev.cpq.platform.idempotency.entity.IdempotentRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Claims this instance could not give back: a command failed because the database was unreachable, and
 * so did the release of its key. Without this the client's retry with the same key would answer 409
 * {@code IDEMPOTENCY_REQUEST_IN_PROGRESS} until the claim's lease ends (30 s), long after the database is
 * back. The instance remembers the claim's token and releases it when the key comes back to it; the
 * release is guarded by the token and by {@code IN_PROGRESS}, so a claim that did commit (an answer lost
 * after COMMIT) or that another request took over is left alone. Only a hint: bounded (the oldest claims,
 * whose leases end first, make room for new ones), lost on restart, and the lease still ends every claim
 * whatever this instance knows.
 */
@ApplicationScoped
public class UnreleasedClaims {

    static final int MAX_REMEMBERED = 10_000;

    private record Key(String tenant, String command, String key) {

        static Key of(IdempotentRequest request) {
            return new Key(request.tenant(), request.command(), request.key());
        }
    }

    /** In the order remembered; guarded by itself (touched only when a command failed or a taken key came back). */
    private final Map<Key, UUID> tokens = new LinkedHashMap<>(16, 0.75f, false) {

        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, UUID> eldest) {
            return size() > MAX_REMEMBERED;
        }
    };

    /** A claim whose release failed; the oldest one is forgotten when too many are remembered (its lease frees it). */
    public void remember(IdempotentRequest request, UUID token) {
        synchronized (tokens) {
            tokens.put(Key.of(request), token);
        }
    }

    /** The token of an unreleased claim of this key, taken out (the caller releases it or remembers it again). */
    public Optional<UUID> take(IdempotentRequest request) {
        synchronized (tokens) {
            return Optional.ofNullable(tokens.remove(Key.of(request)));
        }
    }
}
