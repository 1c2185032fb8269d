package dev.cpq.platform.idempotency.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cpq.cache.metrics.CacheMetrics;
import dev.cpq.cache.policy.CachePolicies;
import dev.cpq.cache.redis.RedisEndpoint;
import dev.cpq.cache.redis.RedisGateway;
import dev.cpq.platform.idempotency.entity.CommandResponse;
import dev.cpq.platform.idempotency.entity.IdempotentRequest;
import dev.cpq.testing.RealServices;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The Redis copy of a completed command against its PostgreSQL record, on the real services: Redis
 * never answers for a key longer than PostgreSQL holds its record, however often it is replayed.
 */
class IdempotencyFastPathIT {

    private final PlatformSchema schema = PlatformSchema.migrated("idem_fp_");
    private final String tenant = "it-" + UUID.randomUUID().toString().substring(0, 8);
    private final PGSimpleDataSource dataSource = schema.dataSource();
    private final RedisGateway redis = RedisGateway.connect(RedisEndpoint.parse(RealServices.redis().url()), 4);
    private IdempotencyRecords records;
    private IdempotentCommands commands;

    @BeforeEach
    void migrate() {
        records = new IdempotencyRecords(dataSource);
        var fastPath = new IdempotencyFastPath(redis, CachePolicies.defaults(), CacheMetrics.inMemory());
        commands = new IdempotentCommands(records, new CommandTransaction(), fastPath, new SimpleMeterRegistry(),
                new UnreleasedClaims());
    }

    @AfterEach
    void drop() throws SQLException {
        redis.close();
        schema.close();
    }

    private IdempotentRequest request(String fingerprint) {
        return new IdempotentRequest(tenant, "quote.create", "key-1", fingerprint);
    }

    private String redisKey() {
        return IdempotencyFastPath.key(request("any")).value();
    }

    @Test
    void aReplayedAnswerLeavesRedisNoLaterThanItsPostgresRecordAndAPurgedKeyIsNeverAnsweredFromRedis() throws Exception {
        // a record close to the end of its retention (3 s left), completed long ago
        var owned = records.claimNew(request("first"), Duration.ofSeconds(30), Duration.ofSeconds(3)).orElseThrow();
        CommandResponse first = new CommandResponse(201, "{\"quoteId\":\"q-1\"}", "/quote/api/quotes/q-1", "\"1\"");
        records.completeRejected(request("first"), owned.token(), first);

        AtomicInteger runs = new AtomicInteger();
        var replay = commands.execute(request("first"), () -> {
            runs.incrementAndGet();
            return first;
        });
        assertThat(replay.replayed()).isTrue();
        assertThat(replay.response()).isEqualTo(first);

        long recordLeftMillis = millisLeftOfTheRecord();
        Long redisLeftMillis = redis.execute(j -> j.pttl(redisKey()));
        assertThat(redisLeftMillis).as("the Redis copy exists (the replay remembered it)").isPositive();
        assertThat(redisLeftMillis).as("Redis keeps the answer no longer than PostgreSQL keeps the record (%d ms)", recordLeftMillis)
                .isLessThanOrEqualTo(recordLeftMillis);

        // the record expires and is purged; the key is then used for another request, which runs
        awaitRecordExpired();
        assertThat(records.purgeExpired(100)).isEqualTo(1);
        CommandResponse second = new CommandResponse(201, "{\"quoteId\":\"q-2\"}", "/quote/api/quotes/q-2", "\"1\"");
        var fresh = commands.execute(request("second"), () -> {
            runs.incrementAndGet();
            return second;
        });
        assertThat(fresh.replayed()).isFalse();
        // its retry is answered from what PostgreSQL holds now, never from the old copy (a false 422)
        var retry = commands.execute(request("second"), () -> {
            throw new AssertionError("a completed command never runs twice");
        });
        assertThat(retry.replayed()).isTrue();
        assertThat(retry.response()).isEqualTo(second);
        assertThat(runs).hasValue(1);
    }

    private long millisLeftOfTheRecord() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT (extract(epoch FROM expires_at - now()) * 1000)::bigint FROM idempotency_record"
                        + " WHERE tenant_id = '" + tenant + "'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void awaitRecordExpired() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (millisLeftOfTheRecord() >= 0) {
            assertThat(System.nanoTime()).as("the record expires within 10 s").isLessThan(deadline);
            Thread.sleep(50); // waiting for wall-clock time to pass, not for another thread
        }
    }
}
