package dev.cpq.events.cache;

import dev.cpq.cache.key.CacheDomain;
import dev.cpq.cache.key.CacheKey;
import dev.cpq.cache.key.VersionLine;

/** Keys of configuration rule graphs, per catalog version and offering family. */
public final class ConfigurationRuleCacheKeys {

    public static final int FORMAT = 1;

    private ConfigurationRuleCacheKeys() {}

    /** Rule graphs follow the catalog's versions but have a pointer of their own. */
    public static VersionLine line(String tenant) {
        return VersionLine.of(tenant, CacheDomain.CONFIGURATION_RULES);
    }

    public static CacheKey ruleGraph(String tenant, long catalogVersion, String family) {
        return CacheKey.of(tenant, CacheDomain.CONFIGURATION_RULES, line(tenant).versionPart(catalogVersion), "family", family, "graph", FORMAT);
    }
}
