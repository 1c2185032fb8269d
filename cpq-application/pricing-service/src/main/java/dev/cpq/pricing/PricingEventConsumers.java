package dev.cpq.pricing;

import dev.cpq.cache.pointer.ActiveVersionPointer;
import dev.cpq.events.PublishedEvent;
import dev.cpq.events.cache.PublicationInvalidators;
import dev.cpq.pricing.calculation.control.CatalogPublicationReplica;
import dev.cpq.platform.messaging.entity.ConsumerDefinition;
import dev.cpq.platform.messaging.entity.EventConsumers;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.util.List;

/**
 * Pricing's consumers: a price list publication moves that list's cache pointer, an approval policy
 * publication the tenant's policy pointer, and a catalog publication the catalog version pricing
 * checks calculations against; each through a consumer (and inbox) of its own.
 */
@ApplicationScoped
public class PricingEventConsumers {

    static final String PRICE_LIST_TOPIC = PublishedEvent.PRICE_LIST_PUBLISHED.topic();
    static final String APPROVAL_POLICY_TOPIC = PublishedEvent.APPROVAL_POLICY_PUBLISHED.topic();
    static final String CATALOG_TOPIC = PublishedEvent.CATALOG_PUBLISHED.topic();

    @Produces
    EventConsumers consumers(ActiveVersionPointer pointer, MeterRegistry registry) {
        return new EventConsumers(List.of(
                new ConsumerDefinition("price-list-pointer", List.of(PRICE_LIST_TOPIC),
                        PublicationInvalidators.priceList(pointer, Clock.systemUTC(), registry)),
                new ConsumerDefinition("approval-policy-pointer", List.of(APPROVAL_POLICY_TOPIC),
                        PublicationInvalidators.approvalPolicy(pointer, Clock.systemUTC(), registry)),
                new ConsumerDefinition("catalog-version-replica", List.of(CATALOG_TOPIC), new CatalogPublicationReplica())));
    }
}
