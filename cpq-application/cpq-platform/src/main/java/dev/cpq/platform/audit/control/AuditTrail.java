package dev.cpq.platform.audit.control;

import dev.cpq.platform.audit.entity.AuditEntry;
import dev.cpq.platform.audit.entity.AuditedChange;
import dev.cpq.platform.observability.control.CurrentRequest;
import dev.cpq.platform.security.control.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The service's append-only audit table. Entries are written in the command's own transaction (on
 * the connection the container shares with JPA), so a change and its audit entry commit together.
 */
@ApplicationScoped
public class AuditTrail {

    private DataSource dataSource;
    private TenantContext tenant;
    private CurrentRequest request;

    protected AuditTrail() {}

    @Inject
    public AuditTrail(DataSource dataSource, TenantContext tenant, CurrentRequest request) {
        this.dataSource = dataSource;
        this.tenant = tenant;
        this.request = request;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void succeeded(AuditedChange change) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("INSERT INTO audit_entry (tenant_id, actor, aggregate_type, aggregate_id,"
                        + " command, from_state, to_state, from_version, to_version, idempotency_key, request_id, outcome)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'SUCCEEDED')")) {
            ps.setString(1, tenant.tenant().value());
            ps.setString(2, tenant.caller().subject());
            ps.setString(3, change.aggregateType());
            ps.setString(4, change.aggregateId());
            ps.setString(5, change.command());
            ps.setString(6, change.fromState());
            ps.setString(7, change.toState());
            setLong(ps, 8, change.fromVersion());
            setLong(ps, 9, change.toVersion());
            ps.setString(10, request.idempotencyKey());
            ps.setString(11, request.requestId());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not write the audit entry of " + change.command(), e);
        }
    }

    /** The trail of one aggregate of the caller's tenant, oldest first. */
    public List<AuditEntry> of(String aggregateId) {
        List<AuditEntry> entries = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT id, tenant_id, occurred_at, actor, aggregate_type, aggregate_id, command,"
                        + " from_state, to_state, from_version, to_version, idempotency_key, request_id, outcome FROM audit_entry"
                        + " WHERE tenant_id = ? AND aggregate_id = ? ORDER BY id LIMIT 1000")) {
            ps.setString(1, tenant.tenant().value());
            ps.setString(2, aggregateId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    entries.add(new AuditEntry(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                            (Long) rs.getObject(10), (Long) rs.getObject(11), rs.getString(12), rs.getString(13), rs.getString(14)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the audit trail", e);
        }
        return entries;
    }

    private static void setLong(PreparedStatement ps, int index, Long value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, value);
        }
    }
}
