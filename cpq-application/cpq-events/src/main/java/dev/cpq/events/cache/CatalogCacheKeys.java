package dev.cpq.events.cache;

import dev.cpq.cache.key.CacheDomain;
import dev.cpq.cache.key.CacheKey;
import dev.cpq.cache.key.VersionLine;

/** Keys of published catalog projections: offering detail and offering lists, per catalog version. */
public final class CatalogCacheKeys {

    /** Bump when the cached offering JSON changes shape: old entries simply stop being read. */
    public static final int FORMAT = 1;

    private CatalogCacheKeys() {}

    public static VersionLine line(String tenant) {
        return VersionLine.of(tenant, CacheDomain.CATALOG);
    }

    public static CacheKey offeringDetail(String tenant, long catalogVersion, String offeringId) {
        return CacheKey.of(tenant, CacheDomain.CATALOG, line(tenant).versionPart(catalogVersion), "offering", offeringId, "detail", FORMAT);
    }

    /** {@code family} "all" lists every offering of the version. */
    public static CacheKey offeringList(String tenant, long catalogVersion, String family) {
        return CacheKey.of(tenant, CacheDomain.CATALOG, line(tenant).versionPart(catalogVersion), "offering-list", family, "summary", FORMAT);
    }
}
