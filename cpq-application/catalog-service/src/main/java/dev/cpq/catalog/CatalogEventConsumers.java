package dev.cpq.catalog;

import dev.cpq.cache.pointer.ActiveVersionPointer;
import dev.cpq.events.PublishedEvent;
import dev.cpq.events.cache.PublicationInvalidators;
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

    static final String CATALOG_TOPIC = PublishedEvent.CATALOG_PUBLISHED.topic();

    @Produces
    EventConsumers consumers(ActiveVersionPointer pointer, MeterRegistry registry) {
        return new EventConsumers(List.of(
                new ConsumerDefinition("catalog-pointer", List.of(CATALOG_TOPIC),
                        PublicationInvalidators.catalog(pointer, Clock.systemUTC(), registry)),
                new ConsumerDefinition("rule-graph-pointer", List.of(CATALOG_TOPIC),
                        PublicationInvalidators.ruleGraphs(pointer, Clock.systemUTC(), registry))));
    }
}
