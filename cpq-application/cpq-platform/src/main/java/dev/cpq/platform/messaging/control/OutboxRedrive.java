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
 * dedupe by event id, so a redrive never applies an event twice), then its aggregate's later events, in
 * order. Or gives it up (SKIPPED), which releases the later events without it. Only the caller's
 * tenant's events; the change and its audit entry commit together.
 */
@ApplicationScoped
public class OutboxRedrive {

    public static final String REDRIVE = "outbox-event.redrive";
    public static final String SKIP = "outbox-event.skip";

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

    /**
     * A conditional update touches only a FAILED row of the caller's tenant; nothing is locked otherwise (a
     * lock on a PENDING row would make a relay wait, never pass it, but it would still stall the aggregate).
     */
    @Transactional
    public void redrive(UUID eventId) {
        String tenantId = tenant.tenant().value();
        try (Connection c = dataSource.getConnection()) {
            if (!OutboxRelay.redrive(c, eventId, tenantId)) {
                throw notFailed(c, eventId, tenantId);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not redrive outbox event " + eventId, e);
        }
        audit.succeeded(new AuditedChange("OutboxEvent", eventId.toString(), REDRIVE, "FAILED", "PENDING", null, null));
    }

    /** A FAILED event given up for good (never published): its aggregate's later events go. Audited. */
    @Transactional
    public void skip(UUID eventId) {
        String tenantId = tenant.tenant().value();
        try (Connection c = dataSource.getConnection()) {
            if (!OutboxRelay.skip(c, eventId, tenantId)) {
                throw notFailed(c, eventId, tenantId);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not skip outbox event " + eventId, e);
        }
        audit.succeeded(new AuditedChange("OutboxEvent", eventId.toString(), SKIP, "FAILED", "SKIPPED", null, null));
    }

    /** 404 for an unknown event and for another tenant's (the same answer), 409 for one not FAILED. */
    private RuntimeException notFailed(Connection c, UUID eventId, String tenantId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT status FROM outbox_event WHERE event_id = ? AND tenant_id = ?")) {
            ps.setObject(1, eventId);
            ps.setString(2, tenantId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new OutboxEventNotFailedException(eventId, rs.getString(1)) : new OutboxEventNotFoundException(eventId);
            }
        }
    }
}
