package dev.cpq.platform.idempotency.control;

import dev.cpq.platform.idempotency.entity.CommandResponse;
import dev.cpq.platform.idempotency.entity.IdempotencyKeyReusedException;
import dev.cpq.platform.idempotency.entity.IdempotencyRequestInProgressException;
import dev.cpq.platform.idempotency.entity.IdempotentRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The PostgreSQL idempotency table: the authority on whether a command with a key ran, is running, or
 * may run. Claims are insert-first ({@code ON CONFLICT DO NOTHING}), so two concurrent requests with one
 * key can never both own it; a claim whose lease ran out (its request crashed) may be taken over.
 */
@ApplicationScoped
public class IdempotencyRecords {

    private DataSource dataSource;

    protected IdempotencyRecords() {}

    @Inject
    public IdempotencyRecords(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The outcome of a claim: this request owns the key now, or the stored response is to be replayed. */
    public sealed interface Claim permits Owned, Replay {}

    public record Owned(UUID token) implements Claim {}

    /** @param recordExpiresAt when the record's retention ends: no copy of the response may outlive it */
    public record Replay(CommandResponse response, Instant recordExpiresAt) implements Claim {}

    /**
     * A new key, the common case: one autocommitted INSERT. Never inside the caller's transaction: the
     * claim must be visible to concurrent requests before the command runs. Empty when the key is taken.
     */
    @Transactional(TxType.NOT_SUPPORTED)
    public Optional<Owned> claimNew(IdempotentRequest request, Duration lease, Duration retention) {
        UUID token = UUID.randomUUID();
        try (Connection c = dataSource.getConnection()) {
            return insertClaim(c, request, token, lease, retention) ? Optional.of(new Owned(token)) : Optional.empty();
        } catch (SQLException e) {
            throw new IllegalStateException("idempotency claim failed", e);
        }
    }

    /** A taken key, judged (and perhaps taken over) in a transaction of its own. */
    @Transactional(TxType.REQUIRES_NEW)
    public Claim claimExisting(IdempotentRequest request, Duration lease) {
        try (Connection c = dataSource.getConnection()) {
            return existing(c, request, UUID.randomUUID(), lease);
        } catch (SQLException e) {
            throw new IllegalStateException("idempotency claim failed", e);
        }
    }

    private static boolean insertClaim(Connection c, IdempotentRequest request, UUID token, Duration lease, Duration retention)
            throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO idempotency_record (tenant_id, command, idempotency_key,"
                + " request_fingerprint, status, claim_token, lease_until, expires_at) VALUES (?, ?, ?, ?, 'IN_PROGRESS', ?,"
                + " now() + ? * interval '1 millisecond', now() + ? * interval '1 millisecond') ON CONFLICT DO NOTHING")) {
            insert.setString(1, request.tenant());
            insert.setString(2, request.command());
            insert.setString(3, request.key());
            insert.setString(4, request.fingerprint());
            insert.setObject(5, token);
            insert.setLong(6, lease.toMillis());
            insert.setLong(7, retention.toMillis());
            return insert.executeUpdate() == 1;
        }
    }

    /** The key is taken: replay its response, refuse it, or take over a claim whose lease ran out. */
    private static Claim existing(Connection c, IdempotentRequest request, UUID token, Duration lease) throws SQLException {
        try (PreparedStatement existing = c.prepareStatement("SELECT request_fingerprint, status, lease_until > now(), response_status,"
                + " response_body, response_location, response_etag, expires_at FROM idempotency_record"
                + " WHERE tenant_id = ? AND idempotency_key = ? FOR UPDATE")) {
            existing.setString(1, request.tenant());
            existing.setString(2, request.key());
            try (ResultSet rs = existing.executeQuery()) {
                if (!rs.next()) {
                    // purged between our insert and our look: the caller may simply retry
                    throw new IdempotencyRequestInProgressException();
                }
                // a different request is reported before anything about the first one's progress
                if (!request.fingerprint().equals(rs.getString(1))) {
                    throw new IdempotencyKeyReusedException();
                }
                if ("COMPLETED".equals(rs.getString(2))) {
                    return new Replay(new CommandResponse(rs.getInt(4), rs.getString(5), rs.getString(6), rs.getString(7)),
                            rs.getTimestamp(8).toInstant());
                }
                if (rs.getBoolean(3)) {
                    throw new IdempotencyRequestInProgressException();
                }
            }
        }
        // the first request's lease ran out (it crashed or hung): take the key over
        try (PreparedStatement takeOver = c.prepareStatement("UPDATE idempotency_record SET claim_token = ?,"
                + " lease_until = now() + ? * interval '1 millisecond' WHERE tenant_id = ? AND idempotency_key = ?"
                + " AND request_fingerprint = ? AND status = 'IN_PROGRESS' AND lease_until <= now()")) {
            takeOver.setObject(1, token);
            takeOver.setLong(2, lease.toMillis());
            takeOver.setString(3, request.tenant());
            takeOver.setString(4, request.key());
            takeOver.setString(5, request.fingerprint());
            if (takeOver.executeUpdate() == 1) {
                return new Owned(token);
            }
            throw new IdempotencyRequestInProgressException();
        }
    }

    /** Records the response in the command's own transaction: both commit, or neither does. */
    @Transactional(TxType.MANDATORY)
    public void complete(IdempotentRequest request, UUID token, CommandResponse response) {
        store(request, token, response);
    }

    /** Records a deterministic rejection (a problem the command raised), so a retry gets the same answer. */
    @Transactional(TxType.REQUIRES_NEW)
    public void completeRejected(IdempotentRequest request, UUID token, CommandResponse response) {
        store(request, token, response);
    }

    /** Gives the key back after an unexpected failure: the client's retry may run the command. */
    @Transactional(TxType.REQUIRES_NEW)
    public void release(IdempotentRequest request, UUID token) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("DELETE FROM idempotency_record WHERE tenant_id = ?"
                        + " AND idempotency_key = ? AND claim_token = ? AND status = 'IN_PROGRESS'")) {
            ps.setString(1, request.tenant());
            ps.setString(2, request.key());
            ps.setObject(3, token);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("idempotency release failed", e);
        }
    }

    /** Expired records go, a bounded batch per call. @return rows deleted */
    @Transactional(TxType.REQUIRES_NEW)
    public int purgeExpired(int batch) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("DELETE FROM idempotency_record WHERE ctid IN (SELECT ctid FROM"
                        + " idempotency_record WHERE expires_at < now() LIMIT ?)")) {
            ps.setInt(1, batch);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("idempotency purge failed", e);
        }
    }

    private void store(IdempotentRequest request, UUID token, CommandResponse response) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("UPDATE idempotency_record SET status = 'COMPLETED', response_status = ?,"
                        + " response_body = ?, response_location = ?, response_etag = ?, completed_at = now()"
                        + " WHERE tenant_id = ? AND idempotency_key = ? AND claim_token = ? AND status = 'IN_PROGRESS'")) {
            ps.setInt(1, response.status());
            ps.setString(2, response.body());
            ps.setString(3, response.location());
            ps.setString(4, response.etag());
            ps.setString(5, request.tenant());
            ps.setString(6, request.key());
            ps.setObject(7, token);
            if (ps.executeUpdate() != 1) {
                // our lease ran out and another request took the key over: it decides, we roll back
                throw new IdempotencyRequestInProgressException();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("idempotency completion failed", e);
        }
    }
}
