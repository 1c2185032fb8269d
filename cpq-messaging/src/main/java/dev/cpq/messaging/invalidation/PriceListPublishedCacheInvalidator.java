package dev.cpq.messaging.invalidation;

import dev.cpq.cache.key.PriceListCacheKeys;
import dev.cpq.cache.key.VersionLine;
import dev.cpq.cache.pointer.ActiveVersionPointer;
import dev.cpq.messaging.event.EventEnvelope;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;

/** {@code PriceListPublished} moves the pointer of that price list (payload {@code priceListId}). */
public final class PriceListPublishedCacheInvalidator extends PublicationCacheInvalidator {

    public static final String EVENT_TYPE = "PriceListPublished";

    public PriceListPublishedCacheInvalidator(ActiveVersionPointer pointer, Clock clock, MeterRegistry registry) {
        super(EVENT_TYPE, "price-list", pointer, clock, registry);
    }

    @Override
    VersionLine line(EventEnvelope event) {
        return PriceListCacheKeys.line(event.tenantId(), requiredText(event.payload(), "priceListId"));
    }
}
