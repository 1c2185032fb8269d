package dev.cpq.catalog;

import dev.cpq.cache.pointer.ActiveVersionPointer;
import dev.cpq.messaging.event.EnvelopeCodec;
import dev.cpq.messaging.invalidation.CatalogPublishedCacheInvalidator;
import dev.cpq.messaging.invalidation.RuleGraphPublishedCacheInvalidator;
import dev.cpq.platform.messaging.entity.ConsumerDefinition;
import dev.cpq.platform.messaging.entity.EventConsumers;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.util.List;

/**
 * The catalog's consumers: a catalog publication moves the catalog and rule-graph cache pointers, each
 * through a consumer (and inbox) of its own.
 */
@ApplicationScoped
public class CatalogEventConsumers {

    static final String CATALOG_TOPIC = EnvelopeCodec.topicOf("Catalog");

    @Produces
    EventConsumers consumers(ActiveVersionPointer pointer, MeterRegistry registry) {
        return new EventConsumers(List.of(
                new ConsumerDefinition("catalog-pointer", List.of(CATALOG_TOPIC),
                        new CatalogPublishedCacheInvalidator(pointer, Clock.systemUTC(), registry)),
                new ConsumerDefinition("rule-graph-pointer", List.of(CATALOG_TOPIC),
                        new RuleGraphPublishedCacheInvalidator(pointer, Clock.systemUTC(), registry))));
    }
}
