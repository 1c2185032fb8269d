package dev.cpq.pricing.calculation.control;

import dev.cpq.events.cache.PriceListCacheKeys;
import dev.cpq.platform.cache.control.CachedReads;
import dev.cpq.platform.security.control.TenantContext;
import dev.cpq.pricing.calculation.entity.PriceSlice;
import dev.cpq.pricing.pricelist.entity.PriceEntries;
import dev.cpq.pricing.pricelist.entity.PriceListId;
import dev.cpq.pricing.pricelist.entity.PriceListVersion;
import dev.cpq.pricing.pricelist.entity.PricePoint;
import dev.cpq.pricing.pricelist.entity.PriceScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/** An offering's price in one scope of a published price list version, through the PRICE_LIST cache. */
@ApplicationScoped
public class PriceSlices {

    private CachedReads cachedReads;
    private PriceEntries entries;
    private TenantContext tenant;

    protected PriceSlices() {}

    @Inject
    public PriceSlices(CachedReads cachedReads, PriceEntries entries, TenantContext tenant) {
        this.cachedReads = cachedReads;
        this.entries = entries;
        this.tenant = tenant;
    }

    public Optional<PricePoint> price(PriceListId id, PriceListVersion version, String offeringId, PriceScope scope) {
        var key = PriceListCacheKeys.slice(tenant.tenant().value(), id.value(), version.sequence(), offeringId, scope.currencyCode(),
                scope.market(), scope.channel());
        return cachedReads.projection(key, PriceSlice.class,
                () -> PriceSlice.of(id.value(), version.sequence(), offeringId, scope, entries.find(id, version, offeringId, scope)))
                .price();
    }
}
