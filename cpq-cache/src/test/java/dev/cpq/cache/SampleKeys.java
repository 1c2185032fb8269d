package dev.cpq.cache;

import dev.cpq.cache.key.CacheDomain;
import dev.cpq.cache.key.CacheKey;
import dev.cpq.cache.key.VersionLine;

/**
 * Keys for the cache's own tests: a versioned line per tenant and one scoped by a list id. The services'
 * real key layouts belong to the event contract (cpq-events); this module knows no service.
 */
public final class SampleKeys {

    private SampleKeys() {}

    public static VersionLine catalogLine(String tenant) {
        return VersionLine.of(tenant, CacheDomain.CATALOG);
    }

    public static CacheKey offeringDetail(String tenant, long version, String id) {
        return CacheKey.of(tenant, CacheDomain.CATALOG, catalogLine(tenant).versionPart(version), "offering", id, "detail", 1);
    }

    public static VersionLine priceListLine(String tenant, String list) {
        return VersionLine.scoped(tenant, CacheDomain.PRICE_LIST, list);
    }

    /** An entry of a scoped line; the market and channel make up the projection name. */
    public static CacheKey slice(String tenant, String list, long version, String id, String currency, String market, String channel) {
        return CacheKey.of(tenant, CacheDomain.PRICE_LIST, priceListLine(tenant, list).versionPart(version), "offering", id,
                "entries." + currency + "." + market + "." + channel, 1);
    }
}
