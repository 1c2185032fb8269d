package dev.cpq.messaging;

import dev.cpq.messaging.event.EventEnvelope;
import dev.cpq.messaging.inbox.EventHandler;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A deliberately non-idempotent projection (it counts applications), so a double application would
 * show; it fails on a status of "POISON" while {@link #rejectPoison} is set.
 */
public final class QuoteProjectionHandler implements EventHandler {

    public final AtomicBoolean rejectPoison = new AtomicBoolean(true);

    @Override
    public Set<String> eventTypes() {
        return Set.of("QuoteChanged");
    }

    @Override
    public void apply(EventEnvelope event, Connection c) throws Exception {
        String status = event.payload().get("status").asText();
        if (rejectPoison.get() && "POISON".equals(status)) {
            throw new IllegalStateException("cannot apply a poisoned status");
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO quote_projection (tenant_id, quote_id, status, version)"
                + " VALUES (?, ?, ?, ?) ON CONFLICT (tenant_id, quote_id) DO UPDATE SET status = EXCLUDED.status,"
                + " version = EXCLUDED.version, applied_count = quote_projection.applied_count + 1")) {
            ps.setString(1, event.tenantId());
            ps.setString(2, event.aggregateId());
            ps.setString(3, status);
            ps.setLong(4, event.aggregateVersion());
            ps.executeUpdate();
        }
    }
}
