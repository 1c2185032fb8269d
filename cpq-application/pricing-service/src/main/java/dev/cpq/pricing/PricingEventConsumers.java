package dev.cpq.pricing;

import dev.cpq.cache.pointer.ActiveVersionPointer;
import dev.cpq.messaging.event.EnvelopeCodec;
import dev.cpq.pricing.calculation.control.CatalogPublicationReplica;
import dev.cpq.messaging.invalidation.ApprovalPolicyPublishedCacheInvalidator;
import dev.cpq.messaging.invalidation.PriceListPublishedCacheInvalidator;
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

    static final String PRICE_LIST_TOPIC = EnvelopeCodec.topicOf("PriceList");
    static final String APPROVAL_POLICY_TOPIC = EnvelopeCodec.topicOf("ApprovalPolicy");
    static final String CATALOG_TOPIC = EnvelopeCodec.topicOf("Catalog");

    @Produces
    EventConsumers consumers(ActiveVersionPointer pointer, MeterRegistry registry) {
        return new EventConsumers(List.of(
                new ConsumerDefinition("price-list-pointer", List.of(PRICE_LIST_TOPIC),
                        new PriceListPublishedCacheInvalidator(pointer, Clock.systemUTC(), registry)),
                new ConsumerDefinition("approval-policy-pointer", List.of(APPROVAL_POLICY_TOPIC),
                        new ApprovalPolicyPublishedCacheInvalidator(pointer, Clock.systemUTC(), registry)),
                new ConsumerDefinition("catalog-version-replica", List.of(CATALOG_TOPIC), new CatalogPublicationReplica())));
    }
}
