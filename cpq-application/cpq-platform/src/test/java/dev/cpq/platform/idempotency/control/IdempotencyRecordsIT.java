package dev.cpq.platform.idempotency.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cpq.platform.idempotency.entity.CommandResponse;
import dev.cpq.platform.idempotency.entity.IdempotencyKeyReusedException;
import dev.cpq.platform.idempotency.entity.IdempotencyRequestInProgressException;
import dev.cpq.platform.idempotency.entity.IdempotentRequest;
import java.sql.SQLException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The claim protocol on the real PostgreSQL (outside a container each statement commits on its own:
 * what the container gives a new key's claim; a taken key's look and takeover are one guarded UPDATE
 * after the look, so they hold without the container's transaction too).
 */
class IdempotencyRecordsIT {

    private final PlatformSchema schema = PlatformSchema.migrated("idem_it_");
    private final PGSimpleDataSource dataSource = schema.dataSource();
    private IdempotencyRecords records;

    @BeforeEach
    void migrate() throws SQLException {
        records = new IdempotencyRecords(dataSource);
    }

    @AfterEach
    void drop() throws SQLException {
        schema.close();
    }

    /** Both steps, as IdempotentCommands takes them (without its Redis look in between). */
    private IdempotencyRecords.Claim claim(IdempotentRequest request, Duration lease, Duration retention) {
        return records.claimNew(request, lease, retention).<IdempotencyRecords.Claim>map(owned -> owned)
                .orElseGet(() -> records.claimExisting(request, lease));
    }

    private static IdempotentRequest request(String key, String fingerprint) {
        return new IdempotentRequest("t1", "quote.accept", key, fingerprint);
    }

    @Test
    void aKeyIsOwnedOnceRunningRequestsAreInProgressAndAnotherRequestIsRefusedFirst() {
        var claim = claim(request("k", "f1"), Duration.ofMinutes(1), Duration.ofHours(25));
        assertThat(claim).isInstanceOf(IdempotencyRecords.Owned.class);
        assertThatThrownBy(() -> claim(request("k", "f1"), Duration.ofMinutes(1), Duration.ofHours(25)))
                .isInstanceOf(IdempotencyRequestInProgressException.class);
        assertThatThrownBy(() -> claim(request("k", "f2"), Duration.ofMinutes(1), Duration.ofHours(25)))
                .as("a different request is reported before the first one's progress")
                .isInstanceOf(IdempotencyKeyReusedException.class);
    }

    @Test
    void aKeyUsedForOneCommandIsRefusedForAnotherCommandOfTheSameTenant() {
        var owned = (IdempotencyRecords.Owned) claim(request("k", "POST /quotes {}"), Duration.ofMinutes(1), Duration.ofHours(25));
        records.completeRejected(request("k", "POST /quotes {}"), owned.token(), new CommandResponse(201, "{}", null, "\"1\""));
        IdempotentRequest price = new IdempotentRequest("t1", "quote.price", "k", "POST /quotes/q-1/price {}");
        assertThatThrownBy(() -> claim(price, Duration.ofMinutes(1), Duration.ofHours(25)))
                .as("keys are scoped by tenant, not by command").isInstanceOf(IdempotencyKeyReusedException.class);
        assertThat(claim(new IdempotentRequest("t2", "quote.price", "k", "POST /quotes/q-1/price {}"), Duration.ofMinutes(1),
                Duration.ofHours(25))).as("another tenant's key of the same text is its own").isInstanceOf(IdempotencyRecords.Owned.class);
    }

    @Test
    void aCompletedCommandIsReplayedWithItsResponse() {
        var owned = (IdempotencyRecords.Owned) claim(request("k", "f1"), Duration.ofMinutes(1), Duration.ofHours(25));
        CommandResponse response = new CommandResponse(201, "{\"quoteId\":\"q-1\"}", "/quote/api/quotes/q-1", "\"1\"");
        records.completeRejected(request("k", "f1"), owned.token(), response);
        var replay = claim(request("k", "f1"), Duration.ofMinutes(1), Duration.ofHours(25));
        assertThat(replay).isInstanceOf(IdempotencyRecords.Replay.class);
        assertThat(((IdempotencyRecords.Replay) replay).response()).isEqualTo(response);
        assertThat(((IdempotencyRecords.Replay) replay).recordExpiresAt()).as("the record's retention, for the Redis copy")
                .isBetween(java.time.Instant.now().plus(Duration.ofHours(24)), java.time.Instant.now().plus(Duration.ofHours(26)));
    }

    @Test
    void aCrashedClaimIsTakenOverAfterItsLeaseAndTheOldOwnerCanNoLongerComplete() {
        var crashed = (IdempotencyRecords.Owned) claim(request("k", "f1"), Duration.ZERO, Duration.ofHours(25));
        var takeover = claim(request("k", "f1"), Duration.ofMinutes(1), Duration.ofHours(25));
        assertThat(takeover).isInstanceOf(IdempotencyRecords.Owned.class);
        assertThat(((IdempotencyRecords.Owned) takeover).token()).isNotEqualTo(crashed.token());
        assertThatThrownBy(() -> records.completeRejected(request("k", "f1"), crashed.token(), new CommandResponse(200, "{}", null, null)))
                .as("the first owner lost the key").isInstanceOf(IdempotencyRequestInProgressException.class);
    }

    @Test
    void aReleasedKeyCanBeClaimedAgainAndExpiredRecordsArePurged() {
        var owned = (IdempotencyRecords.Owned) claim(request("k", "f1"), Duration.ofMinutes(1), Duration.ofHours(25));
        records.release(request("k", "f1"), owned.token());
        assertThat(claim(request("k", "f1"), Duration.ofMinutes(1), Duration.ZERO)).isInstanceOf(IdempotencyRecords.Owned.class);
        claim(request("other", "f1"), Duration.ofMinutes(1), Duration.ofHours(25));
        assertThat(records.purgeExpired(100)).as("only the record whose retention ended").isEqualTo(1);
    }
}
