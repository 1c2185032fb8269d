package dev.cpq.platform.cache.entity;

/**
 * One pointer as an operator sees it: Redis against the database. {@code match} is false when Redis
 * names another version (an invalidation is lagging or was lost) or has no pointer while the database
 * has a version (the next read sets it).
 */
public record PointerReport(String domain, String scope, Long pointer, Long previous, String movedAt, Long database, boolean match,
        String redisError) {}
