package dev.cpq.messaging.invalidation;

import dev.cpq.cache.key.ConfigurationRuleCacheKeys;
import dev.cpq.cache.key.VersionLine;
import dev.cpq.cache.pointer.ActiveVersionPointer;
import dev.cpq.messaging.event.EventEnvelope;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;

/**
 * Rule graphs are published with their catalog version: {@code CatalogPublished} also moves the tenant's
 * configuration-rules pointer (a consumer of its own, so each pointer has its own inbox and lag).
 */
public final class RuleGraphPublishedCacheInvalidator extends PublicationCacheInvalidator {

    public RuleGraphPublishedCacheInvalidator(ActiveVersionPointer pointer, Clock clock, MeterRegistry registry) {
        super(CatalogPublishedCacheInvalidator.EVENT_TYPE, "config-rules", pointer, clock, registry);
    }

    @Override
    VersionLine line(EventEnvelope event) {
        return ConfigurationRuleCacheKeys.line(event.tenantId());
    }
}
