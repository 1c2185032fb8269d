package dev.cpq.platform.config.entity;

import dev.cpq.cache.key.CacheDomain;
import java.util.Set;

/**
 * The versioned cache domains whose data this service owns. Only the owner sweeps superseded versions
 * of a domain, so four services do not all scan for the same keys.
 */
public record OwnedCacheDomains(Set<CacheDomain> domains) {

    public OwnedCacheDomains {
        domains = Set.copyOf(domains);
    }

    public static OwnedCacheDomains none() {
        return new OwnedCacheDomains(Set.of());
    }
}
