package dev.cpq.events.cache;

import dev.cpq.cache.key.CacheDomain;
import dev.cpq.cache.key.CacheKey;

/**
 * Keys of price calculation results by the hash of their canonical input. The input hash covers the
 * catalog, price list and policy versions, so a new version always means a new key.
 */
public final class PriceCalculationCacheKeys {

    public static final int FORMAT = 1;

    private PriceCalculationCacheKeys() {}

    public static CacheKey result(String tenant, String priceListId, long priceListVersion, String inputHash) {
        return CacheKey.of(tenant, CacheDomain.PRICE_CALCULATION,
                PriceListCacheKeys.line(tenant, priceListId).versionPart(priceListVersion), "calculation", inputHash, "result", FORMAT);
    }
}
