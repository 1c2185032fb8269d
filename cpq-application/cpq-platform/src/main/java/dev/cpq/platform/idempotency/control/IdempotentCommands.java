package dev.cpq.platform.idempotency.control;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cpq.platform.command.entity.TransientDependencyFailure;
import dev.cpq.platform.idempotency.entity.CommandResponse;
import dev.cpq.platform.idempotency.entity.IdempotencyRequestInProgressException;
import dev.cpq.platform.idempotency.entity.IdempotentRequest;
import dev.cpq.platform.json.control.JsonDialect;
import dev.cpq.platform.problem.entity.ProblemException;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Runs a command at most once per (tenant, command, Idempotency-Key): claim the key (PostgreSQL,
 * insert-first), run the command and store its response in the command's own transaction, replay that
 * response for the same request, refuse the key for a different one (422) or while the first still runs
 * (409). A deterministic rejection is stored and replayed too; an unexpected failure, or a dependency's
 * transient failure ({@link TransientDependencyFailure}), gives the key back.
 * Redis only speeds up replays: a response PostgreSQL replayed once is kept there for the key's next
 * retries, so a first execution never waits for Redis; the copy expires with the record (never later),
 * so Redis never answers for a key PostgreSQL no longer holds.
 */
@ApplicationScoped
public class IdempotentCommands {

    static final Duration LEASE = Duration.ofSeconds(30);
    static final Duration RETENTION = Duration.ofHours(25);

    private IdempotencyRecords records;
    private CommandTransaction transaction;
    private IdempotencyFastPath fastPath;
    private MeterRegistry registry;
    private UnreleasedClaims unreleased;
    private final ObjectMapper json = JsonDialect.strictMapper();

    protected IdempotentCommands() {}

    @Inject
    public IdempotentCommands(IdempotencyRecords records, CommandTransaction transaction, IdempotencyFastPath fastPath, MeterRegistry registry,
            UnreleasedClaims unreleased) {
        this.records = records;
        this.transaction = transaction;
        this.fastPath = fastPath;
        this.registry = registry;
        this.unreleased = unreleased;
    }

    /** The response to send, and whether it is a replay of an earlier execution. */
    public record Outcome(CommandResponse response, boolean replayed) {}

    public Outcome execute(IdempotentRequest request, Supplier<CommandResponse> command) {
        IdempotencyRecords.Claim claim;
        try {
            // a new key (nearly every command) costs one INSERT; a taken one is first looked up in Redis
            Optional<IdempotencyRecords.Owned> owned = records.claimNew(request, LEASE, RETENTION);
            if (owned.isEmpty() && releasedNow(request)) {
                // our own claim of this key, left behind by a database outage, was given back just now
                owned = records.claimNew(request, LEASE, RETENTION);
            }
            if (owned.isPresent()) {
                claim = owned.get();
            } else {
                var remembered = fastPath.lookup(request);
                if (remembered.isPresent()) {
                    return replayed(request, remembered.get());
                }
                claim = records.claimExisting(request, LEASE);
            }
        } catch (ProblemException e) {
            // a reused key is counted whether Redis or PostgreSQL noticed it
            registry.counter("cpq.idempotency.rejected", "command", request.command(), "code", e.problem().getCode()).increment();
            throw e;
        }
        if (claim instanceof IdempotencyRecords.Replay replay) {
            // retries of one key tend to come in bursts: the next ones are answered from Redis
            fastPath.remember(request, replay.response(), replay.recordExpiresAt());
            return replayed(request, replay.response());
        }
        UUID token = ((IdempotencyRecords.Owned) claim).token();
        CommandResponse response;
        try {
            response = transaction.run(() -> {
                CommandResponse r = command.get();
                records.complete(request, token, r);
                return r;
            });
        } catch (IdempotencyRequestInProgressException e) {
            throw e; // we lost the key to a takeover: that request answers
        } catch (TransientDependencyFailure e) {
            // a 503 is no answer of the key: the client's retry with it runs the command again
            release(request, token, e);
            throw e;
        } catch (ProblemException e) {
            storeRejection(request, token, e);
            throw e;
        } catch (RuntimeException | Error e) {
            release(request, token, e);
            throw e;
        }
        return new Outcome(response, false);
    }

    /**
     * The refusal becomes the key's answer; when it cannot be stored (the database went away meanwhile) the key
     * is given back as after any failure, and that failure is the answer (a retry decides again).
     */
    private void storeRejection(IdempotentRequest request, UUID token, ProblemException refusal) {
        try {
            records.completeRejected(request, token, rejection(refusal));
        } catch (RuntimeException notStored) {
            release(request, token, notStored);
            throw notStored;
        }
    }

    /** Gives the key back; when the database cannot take it now, the claim is remembered and the failure stays the command's own. */
    private void release(IdempotentRequest request, UUID token, Throwable failure) {
        try {
            records.release(request, token);
        } catch (RuntimeException notNow) {
            unreleased.remember(request, token);
            failure.addSuppressed(notNow);
        }
    }

    private boolean releasedNow(IdempotentRequest request) {
        Optional<UUID> token = unreleased.take(request);
        if (token.isEmpty()) {
            return false;
        }
        try {
            records.release(request, token.get());
            return true;
        } catch (RuntimeException stillUnreachable) {
            unreleased.remember(request, token.get());
            throw stillUnreachable;
        }
    }

    private Outcome replayed(IdempotentRequest request, CommandResponse response) {
        registry.counter("cpq.idempotency.replayed", "command", request.command()).increment();
        return new Outcome(response, true);
    }

    private CommandResponse rejection(ProblemException e) {
        try {
            return new CommandResponse(e.problem().getStatus(), json.writeValueAsString(e.problem()), null, null);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("a problem is always writable", ex);
        }
    }
}
