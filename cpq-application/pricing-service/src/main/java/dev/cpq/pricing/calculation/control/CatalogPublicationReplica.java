package dev.cpq.pricing.calculation.control;

import dev.cpq.events.catalog.CatalogPublished;
import dev.cpq.messaging.event.EventEnvelope;
import dev.cpq.messaging.inbox.EventHandler;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.Set;

/**
 * Keeps {@code known_catalog_version} in step with catalog's {@code CatalogPublished} events, in the
 * consumer's inbox transaction: forward only, so a late or replayed publication changes nothing.
 */
public final class CatalogPublicationReplica implements EventHandler {

    @Override
    public Set<String> eventTypes() {
        return Set.of(CatalogPublished.TYPE);
    }

    @Override
    public void apply(EventEnvelope event, Connection transaction) throws Exception {
        CatalogPublished published = CatalogPublished.from(event);
        try (PreparedStatement ps = transaction.prepareStatement("INSERT INTO known_catalog_version (tenant_id, active_version)"
                + " VALUES (?, ?) ON CONFLICT (tenant_id) DO UPDATE SET active_version = EXCLUDED.active_version, updated_at = now()"
                + " WHERE known_catalog_version.active_version < EXCLUDED.active_version")) {
            ps.setString(1, published.tenantId());
            ps.setLong(2, published.newVersion());
            ps.executeUpdate();
        }
    }
}
