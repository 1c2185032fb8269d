package dev.cpq.platform.idempotency.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cpq.cache.metrics.CacheMetrics;
import dev.cpq.cache.policy.CachePolicies;
import dev.cpq.cache.redis.RedisEndpoint;
import dev.cpq.cache.redis.RedisGateway;
import dev.cpq.platform.command.entity.TransientDependencyFailure;
import dev.cpq.platform.idempotency.entity.CommandResponse;
import dev.cpq.platform.idempotency.entity.IdempotencyRequestInProgressException;
import dev.cpq.platform.idempotency.entity.IdempotentRequest;
import dev.cpq.platform.problem.entity.InvalidRequestException;
import dev.cpq.testing.RealServices;
import dev.cpq.testing.ServiceControl;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The idempotent command pipeline on the real PostgreSQL and Redis, through a real PostgreSQL outage
 * (the process stopped and started by the fault toolkit): a command cut off by the outage never holds
 * its key until the lease ends once the database is back, and a remembered claim is never given back
 * when its command did commit, nor while a retry of the same key runs.
 */
class IdempotentCommandsIT {

    private final PlatformSchema schema = PlatformSchema.migrated("idem_cmd_it_");
    private final PGSimpleDataSource dataSource = schema.dataSource();
    private final UnreleasedClaims unreleased = new UnreleasedClaims();
    private RedisGateway redis;
    private IdempotentCommands commands;

    @BeforeEach
    void migrate() {
        redis = RedisGateway.connect(RedisEndpoint.parse(RealServices.redis().url()), 4);
        commands = new IdempotentCommands(new IdempotencyRecords(dataSource), new CommandTransaction(),
                new IdempotencyFastPath(redis, CachePolicies.defaults(), CacheMetrics.inMemory()), new SimpleMeterRegistry(), unreleased);
    }

    @AfterEach
    void drop() throws SQLException {
        ServiceControl.start("postgres"); // running unless a test failed inside its outage
        schema.close();
    }

    private static IdempotentRequest request(String key) {
        return new IdempotentRequest("t1", "quote.submit", key, "f1");
    }

    private static CommandResponse ok(String body) {
        return new CommandResponse(200, body, null, "\"2\"");
    }

    /**
     * The command refused (a problem, its final answer) just as PostgreSQL went away, so the refusal could
     * not be stored: the key must not stay IN_PROGRESS for the whole lease once the database is back.
     */
    @Test
    void aRefusalThatCouldNotBeStoredDuringAnOutageGivesTheKeyBackOnceTheDatabaseReturns() {
        String key = "k-" + UUID.randomUUID();
        try {
            // claimed while PostgreSQL is up; it goes away while the command decides its refusal
            assertThatThrownBy(() -> commands.execute(request(key), () -> {
                ServiceControl.stop("postgres");
                throw new InvalidRequestException("ifMatch", "refused while the database goes away");
            })).as("the refusal could not be stored").isNotInstanceOf(InvalidRequestException.class);
        } finally {
            ServiceControl.start("postgres");
        }
        AtomicInteger runs = new AtomicInteger();
        IdempotentCommands.Outcome retried = commands.execute(request(key), () -> {
            runs.incrementAndGet();
            return ok("{\"retried\":true}");
        });
        assertThat(runs).as("the retry with the same key ran the command (no 409 until the lease ends)").hasValue(1);
        assertThat(retried.replayed()).isFalse();
    }

    /** A command that did commit (its answer lost) is replayed, never run again, even when this instance remembers its claim. */
    @Test
    void aRememberedClaimWhoseCommandCommittedIsReplayedNotRunAgain() throws SQLException {
        String key = "k-" + UUID.randomUUID();
        commands.execute(request(key), () -> ok("{\"first\":true}"));
        unreleased.remember(request(key), claimToken(key));

        AtomicInteger runs = new AtomicInteger();
        IdempotentCommands.Outcome retried = commands.execute(request(key), () -> {
            runs.incrementAndGet();
            return ok("{\"second\":true}");
        });
        assertThat(runs).hasValue(0);
        assertThat(retried.replayed()).isTrue();
        assertThat(retried.response().body()).isEqualTo("{\"first\":true}");
    }

    /**
     * Two retries of a key whose claim an outage left behind: the first gives the claim back and runs the
     * command; the second, arriving while that command runs, is told the key is in progress and never runs
     * it; after the first committed, the same key replays. Exactly one execution.
     */
    @Test
    void aRetryArrivingWhileAnotherRetryRunsTheReleasedKeyNeverRunsTheCommandTwice() throws Exception {
        String key = "k-" + UUID.randomUUID();
        claimLeftBehindByAnOutage(key);

        AtomicInteger runs = new AtomicInteger();
        CountDownLatch firstRunning = new CountDownLatch(1);
        CountDownLatch secondAnswered = new CountDownLatch(1);
        CompletableFuture<IdempotentCommands.Outcome> first = CompletableFuture.supplyAsync(() -> commands.execute(request(key), () -> {
            runs.incrementAndGet();
            firstRunning.countDown();
            await(secondAnswered);
            return ok("{\"ran\":true}");
        }));
        assertThat(firstRunning.await(20, TimeUnit.SECONDS)).as("the first retry runs the command").isTrue();
        try {
            assertThatThrownBy(() -> commands.execute(request(key), () -> {
                runs.incrementAndGet();
                return ok("{\"ran twice\":true}");
            })).isInstanceOf(IdempotencyRequestInProgressException.class);
        } finally {
            secondAnswered.countDown();
        }
        assertThat(first.get(20, TimeUnit.SECONDS).replayed()).isFalse();
        IdempotentCommands.Outcome later = commands.execute(request(key), () -> {
            runs.incrementAndGet();
            return ok("{\"ran again\":true}");
        });
        assertThat(later.replayed()).isTrue();
        assertThat(runs).as("executions of the one command").hasValue(1);
    }

    /** What an outage leaves: the key claimed IN_PROGRESS (its release failed) and the claim remembered by this instance. */
    private void claimLeftBehindByAnOutage(String key) throws SQLException {
        assertThat(new IdempotencyRecords(dataSource).claimNew(request(key), IdempotentCommands.LEASE, IdempotentCommands.RETENTION)).isPresent();
        unreleased.remember(request(key), claimToken(key));
    }

    /** A dependency's 503 is no answer of the key: the key is given back, and the retry with it runs the command. */
    @Test
    void aTransientDependencyFailureGivesTheKeyBackAndTheRetryRunsTheCommand() throws SQLException {
        String key = "k-" + UUID.randomUUID();
        assertThatThrownBy(() -> commands.execute(request(key), () -> {
            throw new TransientDependencyFailure("pricing", "no answer within 2 s", null);
        })).isInstanceOfSatisfying(TransientDependencyFailure.class, e -> assertThat(e.problem().getCode()).isEqualTo("PRICING_UNAVAILABLE"));
        assertThat(records(key)).as("the key was given back").isZero();

        AtomicInteger runs = new AtomicInteger();
        IdempotentCommands.Outcome retry = commands.execute(request(key), () -> {
            runs.incrementAndGet();
            return ok("{\"retried\":true}");
        });
        assertThat(retry.replayed()).isFalse();
        assertThat(retry.response().body()).isEqualTo("{\"retried\":true}");
        assertThat(runs).hasValue(1);
        assertThat(records(key)).isEqualTo(1);
    }

    private int records(String key) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM idempotency_record WHERE idempotency_key = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private UUID claimToken(String key) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT claim_token FROM idempotency_record WHERE idempotency_key = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).as("a record of key " + key).isTrue();
                return rs.getObject(1, UUID.class);
            }
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(20, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the second retry never answered");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
