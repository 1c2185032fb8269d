package dev.cpq.events.cache;

import dev.cpq.cache.key.CacheDomain;
import dev.cpq.cache.key.CacheKey;
import dev.cpq.cache.key.KeyComponents;
import dev.cpq.cache.key.VersionLine;

/**
 * Keys of price list slices: the entries of one offering in one currency, market and channel, per price
 * list version. Market and channel are part of the key because prices differ by them.
 */
public final class PriceListCacheKeys {

    public static final int FORMAT = 1;

    private PriceListCacheKeys() {}

    public static VersionLine line(String tenant, String priceListId) {
        return VersionLine.scoped(tenant, CacheDomain.PRICE_LIST, priceListId);
    }

    public static CacheKey slice(String tenant, String priceListId, long version, String offeringId, String currency,
            String market, String channel) {
        String scope = KeyComponents.require("currency", currency) + "." + KeyComponents.require("market", market) + "."
                + KeyComponents.require("channel", channel);
        return CacheKey.of(tenant, CacheDomain.PRICE_LIST, line(tenant, priceListId).versionPart(version), "offering", offeringId,
                "entries." + scope, FORMAT);
    }
}
