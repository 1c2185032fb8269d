package dev.cpq.events.cache;

import dev.cpq.cache.key.CacheDomain;
import dev.cpq.cache.key.VersionLine;
import dev.cpq.cache.pointer.ActiveVersionPointer;
import dev.cpq.events.catalog.CatalogPublished;
import dev.cpq.events.pricing.ApprovalPolicyPublished;
import dev.cpq.events.pricing.PriceListPublished;
import dev.cpq.messaging.event.EventEnvelope;
import dev.cpq.messaging.inbox.EventHandler;
import dev.cpq.messaging.invalidation.VersionPointerInvalidator;
import dev.cpq.messaging.invalidation.VersionPointerInvalidator.PointerTarget;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * The four cache invalidators: which publication moves which version pointer, read from the typed event.
 * Each runs as a consumer (and inbox) of its own, so each pointer has its own lag and parking lot.
 */
public final class PublicationInvalidators {

    private PublicationInvalidators() {}

    /** {@code CatalogPublished} moves the tenant's catalog pointer to the new catalog version. */
    public static EventHandler catalog(ActiveVersionPointer pointer, Clock clock, MeterRegistry registry) {
        return moving(CatalogPublished.TYPE, CacheDomain.CATALOG, CatalogPublished::from, e -> CatalogCacheKeys.line(e.tenantId()),
                CatalogPublished::newVersion, pointer, clock, registry);
    }

    /** Rule graphs are published with their catalog version: {@code CatalogPublished} also moves the rule-graph pointer. */
    public static EventHandler ruleGraphs(ActiveVersionPointer pointer, Clock clock, MeterRegistry registry) {
        return moving(CatalogPublished.TYPE, CacheDomain.CONFIGURATION_RULES, CatalogPublished::from,
                e -> ConfigurationRuleCacheKeys.line(e.tenantId()), CatalogPublished::newVersion, pointer, clock, registry);
    }

    /** {@code PriceListPublished} moves the pointer of that price list. */
    public static EventHandler priceList(ActiveVersionPointer pointer, Clock clock, MeterRegistry registry) {
        return moving(PriceListPublished.TYPE, CacheDomain.PRICE_LIST, PriceListPublished::from,
                e -> PriceListCacheKeys.line(e.tenantId(), e.priceListId()), PriceListPublished::newVersion, pointer, clock, registry);
    }

    /** {@code ApprovalPolicyPublished} moves the tenant's approval policy pointer to the new policy version. */
    public static EventHandler approvalPolicy(ActiveVersionPointer pointer, Clock clock, MeterRegistry registry) {
        return moving(ApprovalPolicyPublished.TYPE, CacheDomain.APPROVAL_POLICY, ApprovalPolicyPublished::from,
                e -> ApprovalPolicyCacheKeys.line(e.tenantId()), ApprovalPolicyPublished::newVersion, pointer, clock, registry);
    }

    /** An event read with the contract's {@code from} moves {@code line} to {@code version}. */
    private static <E> EventHandler moving(String eventType, CacheDomain domain, Function<EventEnvelope, E> from, Function<E, VersionLine> line,
            ToLongFunction<E> version, ActiveVersionPointer pointer, Clock clock, MeterRegistry registry) {
        return new VersionPointerInvalidator(eventType, domain, envelope -> {
            E event = from.apply(envelope);
            return new PointerTarget(line.apply(event), version.applyAsLong(event));
        }, pointer, clock, registry);
    }
}
