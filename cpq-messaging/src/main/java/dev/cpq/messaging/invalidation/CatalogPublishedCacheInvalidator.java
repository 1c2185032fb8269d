package dev.cpq.messaging.invalidation;

import dev.cpq.cache.key.CatalogCacheKeys;
import dev.cpq.cache.key.VersionLine;
import dev.cpq.cache.pointer.ActiveVersionPointer;
import dev.cpq.messaging.event.EventEnvelope;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;

/** {@code CatalogPublished} moves the tenant's catalog pointer to the new catalog version. */
public final class CatalogPublishedCacheInvalidator extends PublicationCacheInvalidator {

    public static final String EVENT_TYPE = "CatalogPublished";

    public CatalogPublishedCacheInvalidator(ActiveVersionPointer pointer, Clock clock, MeterRegistry registry) {
        super(EVENT_TYPE, "catalog", pointer, clock, registry);
    }

    @Override
    VersionLine line(EventEnvelope event) {
        return CatalogCacheKeys.line(event.tenantId());
    }
}
