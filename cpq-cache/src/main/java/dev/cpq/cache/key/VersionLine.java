package dev.cpq.cache.key;

import java.util.Objects;
import java.util.Optional;

/**
 * A sequence of published versions that one active-version pointer follows: a tenant's catalog, or one
 * price list of a tenant (scope = the price list id). Versions of different lines never compare.
 */
public record VersionLine(String tenant, CacheDomain domain, Optional<String> scope) {

    public VersionLine {
        KeyComponents.require("tenant", tenant);
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(scope, "scope");
        scope.ifPresent(s -> KeyComponents.require("scope", s));
        scope.ifPresent(s -> {
            if (s.contains(".")) {
                throw new InvalidCacheKeyException("a version line scope may not contain '.': " + s);
            }
        });
    }

    public static VersionLine of(String tenant, CacheDomain domain) {
        return new VersionLine(tenant, domain, Optional.empty());
    }

    public static VersionLine scoped(String tenant, CacheDomain domain, String scope) {
        return new VersionLine(tenant, domain, Optional.of(scope));
    }

    /** The version part of payload keys on this line: {@code v42}, or {@code pl-1.v42} when scoped. */
    public String versionPart(long sequence) {
        if (sequence < 1) {
            throw new InvalidCacheKeyException("versions start at 1: " + sequence);
        }
        return scope.map(s -> s + ".v" + sequence).orElse("v" + sequence);
    }

    /** The inverse of {@link #versionPart}; empty when the part does not belong to this line. */
    public Optional<Long> sequenceOf(String versionPart) {
        String prefix = scope.map(s -> s + ".v").orElse("v");
        if (!versionPart.startsWith(prefix)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(versionPart.substring(prefix.length())));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** {@code cpq:{tnt}:catalog:active-version} or {@code cpq:{tnt}:price-list:active-version:pl-1}. */
    public String pointerKey() {
        return CacheKey.SYSTEM + ":" + CacheKey.hashTag(tenant) + ":" + domain.segment() + ":active-version"
                + scope.map(s -> ":" + s).orElse("");
    }

    /**
     * The set that lists every pointer key of a domain, across tenants, for background sweeps. A set
     * rather than a SCAN for pointers: in a cluster a SCAN sees one node only.
     */
    public static String pointerRegistryKey(CacheDomain domain) {
        return CacheKey.SYSTEM + ":{_pointers}:" + domain.segment();
    }

    /** The line a pointer key belongs to; empty for keys that are not pointers of this domain. */
    public static Optional<VersionLine> fromPointerKey(String key, CacheDomain domain) {
        String[] parts = key.split(":");
        if ((parts.length != 4 && parts.length != 5) || !CacheKey.SYSTEM.equals(parts[0]) || !parts[1].startsWith("{")
                || !parts[1].endsWith("}") || !domain.segment().equals(parts[2]) || !"active-version".equals(parts[3])) {
            return Optional.empty();
        }
        try {
            String tenant = parts[1].substring(1, parts[1].length() - 1);
            return Optional.of(parts.length == 5 ? scoped(tenant, domain, parts[4]) : of(tenant, domain));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** A SCAN pattern matching every payload key of this line (any version). */
    public String payloadPattern() {
        return CacheKey.SYSTEM + ":" + CacheKey.hashTag(tenant) + ":" + domain.segment() + ":"
                + scope.map(s -> s + ".v").orElse("v") + "*";
    }
}
