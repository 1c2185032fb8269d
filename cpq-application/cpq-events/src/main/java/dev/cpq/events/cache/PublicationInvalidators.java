package dev.cpq.events.cache;

import dev.cpq.cache.key.CacheDomain;
import dev.cpq.cache.pointer.ActiveVersionPointer;
import dev.cpq.events.catalog.CatalogPublished;
import dev.cpq.events.pricing.ApprovalPolicyPublished;
import dev.cpq.events.pricing.PriceListPublished;
import dev.cpq.messaging.inbox.EventHandler;
import dev.cpq.messaging.invalidation.VersionPointerInvalidator;
import dev.cpq.messaging.invalidation.VersionPointerInvalidator.PointerTarget;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;

/**
 * The four cache invalidators: which publication moves which version pointer, read from the typed event.
 * Each runs as a consumer (and inbox) of its own, so each pointer has its own lag and parking lot.
 */
public final class PublicationInvalidators {

    private PublicationInvalidators() {}

    /** {@code CatalogPublished} moves the tenant's catalog pointer to the new catalog version. */
    public static EventHandler catalog(ActiveVersionPointer pointer, Clock clock, MeterRegistry registry) {
        return new VersionPointerInvalidator(CatalogPublished.TYPE, CacheDomain.CATALOG, envelope -> {
            CatalogPublished e = CatalogPublished.from(envelope);
            return new PointerTarget(CatalogCacheKeys.line(e.tenantId()), e.newVersion());
        }, pointer, clock, registry);
    }

    /** Rule graphs are published with their catalog version: {@code CatalogPublished} also moves the rule-graph pointer. */
    public static EventHandler ruleGraphs(ActiveVersionPointer pointer, Clock clock, MeterRegistry registry) {
        return new VersionPointerInvalidator(CatalogPublished.TYPE, CacheDomain.CONFIGURATION_RULES, envelope -> {
            CatalogPublished e = CatalogPublished.from(envelope);
            return new PointerTarget(ConfigurationRuleCacheKeys.line(e.tenantId()), e.newVersion());
        }, pointer, clock, registry);
    }

    /** {@code PriceListPublished} moves the pointer of that price list. */
    public static EventHandler priceList(ActiveVersionPointer pointer, Clock clock, MeterRegistry registry) {
        return new VersionPointerInvalidator(PriceListPublished.TYPE, CacheDomain.PRICE_LIST, envelope -> {
            PriceListPublished e = PriceListPublished.from(envelope);
            return new PointerTarget(PriceListCacheKeys.line(e.tenantId(), e.priceListId()), e.newVersion());
        }, pointer, clock, registry);
    }

    /** {@code ApprovalPolicyPublished} moves the tenant's approval policy pointer to the new policy version. */
    public static EventHandler approvalPolicy(ActiveVersionPointer pointer, Clock clock, MeterRegistry registry) {
        return new VersionPointerInvalidator(ApprovalPolicyPublished.TYPE, CacheDomain.APPROVAL_POLICY, envelope -> {
            ApprovalPolicyPublished e = ApprovalPolicyPublished.from(envelope);
            return new PointerTarget(ApprovalPolicyCacheKeys.line(e.tenantId()), e.newVersion());
        }, pointer, clock, registry);
    }
}
