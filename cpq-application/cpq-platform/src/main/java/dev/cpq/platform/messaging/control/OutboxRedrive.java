package dev.cpq.platform.messaging.control;

import dev.cpq.messaging.relay.OutboxRelay;
import dev.cpq.platform.audit.control.AuditTrail;
import dev.cpq.platform.audit.entity.AuditedChange;
import dev.cpq.platform.messaging.entity.OutboxEventNotFailedException;
import dev.cpq.platform.messaging.entity.OutboxEventNotFoundException;
import dev.cpq.platform.security.control.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * An operator sends a FAILED outbox event back to PENDING: the relay publishes it again (consumers
 * dedupe by event id, so a redrive never applies an event twice). Only the caller's tenant's events;
 * the redrive and its audit entry commit together.
 */
@ApplicationScoped
public class OutboxRedrive {

    public static final String REDRIVE = "outbox-event.redrive";

    private DataSource dataSource;
    private TenantContext tenant;
    private AuditTrail audit;

    protected OutboxRedrive() {}

    @Inject
    public OutboxRedrive(DataSource dataSource, TenantContext tenant, AuditTrail audit) {
        this.dataSource = dataSource;
        this.tenant = tenant;
        this.audit = audit;
    }

    @Transactional
    public void redrive(UUID eventId) {
        try (Connection c = dataSource.getConnection()) {
            String status = statusForUpdate(c, eventId);
            if (status == null) {
                throw new OutboxEventNotFoundException(eventId);
            }
            if (!"FAILED".equals(status) || !OutboxRelay.redrive(c, eventId)) {
                throw new OutboxEventNotFailedException(eventId, status);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not redrive outbox event " + eventId, e);
        }
        audit.succeeded(new AuditedChange("OutboxEvent", eventId.toString(), REDRIVE, "FAILED", "PENDING", null, null));
    }

    private String statusForUpdate(Connection c, UUID eventId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT status FROM outbox_event WHERE event_id = ? AND tenant_id = ? FOR UPDATE")) {
            ps.setObject(1, eventId);
            ps.setString(2, tenant.tenant().value());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
