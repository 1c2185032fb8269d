package dev.cpq.cache.key;

import java.util.Objects;

/**
 * A Redis key of the suite, {@code {system}:{tenant}:{domain}:{version}:{entityType}:{entityId}:{projection}:f{format}}.
 * Every part is mandatory and validated; the tenant is a Redis Cluster hash tag ({@code {tnt-001}}) so
 * a tenant's pointers, payloads and leases share a slot and one Lua script may touch them together.
 * Built only by the per-domain key factories, never by string concatenation at call sites.
 */
public final class CacheKey {

    public static final String SYSTEM = "cpq";

    private final String tenant;
    private final CacheDomain domain;
    private final String version;
    private final String entityType;
    private final String entityId;
    private final String projection;
    private final int formatVersion;
    private final String value;

    private CacheKey(String tenant, CacheDomain domain, String version, String entityType, String entityId,
            String projection, int formatVersion) {
        this.tenant = KeyComponents.require("tenant", tenant);
        this.domain = Objects.requireNonNull(domain, "domain");
        this.version = KeyComponents.require("version", version);
        this.entityType = KeyComponents.require("entityType", entityType);
        this.entityId = KeyComponents.require("entityId", entityId);
        this.projection = KeyComponents.require("projection", projection);
        if (formatVersion < 1) {
            throw new InvalidCacheKeyException("format versions start at 1: " + formatVersion);
        }
        this.formatVersion = formatVersion;
        this.value = String.join(":", SYSTEM, hashTag(tenant), domain.segment(), version, entityType, entityId, projection,
                "f" + formatVersion);
    }

    /** For key factories: one key of a domain. */
    public static CacheKey of(String tenant, CacheDomain domain, String version, String entityType, String entityId,
            String projection, int formatVersion) {
        return new CacheKey(tenant, domain, version, entityType, entityId, projection, formatVersion);
    }

    static String hashTag(String tenant) {
        return "{" + KeyComponents.require("tenant", tenant) + "}";
    }

    /** The Redis key. */
    public String value() {
        return value;
    }

    /** The fill lease of this key: same hash slot, never a payload. */
    public String leaseKey() {
        return value + ":lease";
    }

    /** Everything of this tenant and domain: the namespace a flush may scan. */
    public static String namespacePattern(String tenant, CacheDomain domain) {
        return SYSTEM + ":" + hashTag(tenant) + ":" + domain.segment() + ":*";
    }

    public String tenant() {
        return tenant;
    }

    public CacheDomain domain() {
        return domain;
    }

    public String version() {
        return version;
    }

    public int formatVersion() {
        return formatVersion;
    }

    public String entityType() {
        return entityType;
    }

    public String entityId() {
        return entityId;
    }

    public String projection() {
        return projection;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CacheKey other && value.equals(other.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return value;
    }
}
