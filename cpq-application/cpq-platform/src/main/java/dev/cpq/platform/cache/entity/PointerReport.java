package dev.cpq.platform.cache.entity;

import java.util.Objects;

/**
 * One pointer as an operator sees it: Redis against the database. {@code match} is false when Redis
 * names another version (an invalidation is lagging or was lost) or has no pointer while the database
 * has a version (the next read sets it). {@code state} tells these apart: a pointer nobody has read
 * since Redis lost it (a restart, a flush) is {@link PointerState#NOT_LOADED}, not an incident.
 */
public record PointerReport(String domain, String scope, Long pointer, Long previous, String movedAt, Long database, boolean match,
        String redisError, PointerState state) {

    /** What an operator should make of a pointer. */
    public enum PointerState {
        /** Redis names the database's version (or neither has one). */
        MATCH,
        /** Redis has no pointer yet while the database has a version: the next read sets it from the database. */
        NOT_LOADED,
        /** Redis names another version than the database: an invalidation is lagging or was lost. */
        MISMATCH,
        /** Redis could not be asked. */
        REDIS_UNAVAILABLE;

        public static PointerState of(Long pointer, Long database) {
            if (Objects.equals(pointer, database)) {
                return MATCH;
            }
            return pointer == null ? NOT_LOADED : MISMATCH;
        }
    }

    public static PointerReport of(String domain, String scope, Long pointer, Long previous, String movedAt, Long database) {
        return new PointerReport(domain, scope, pointer, previous, movedAt, database, Objects.equals(pointer, database), null,
                PointerState.of(pointer, database));
    }

    public static PointerReport redisUnavailable(String domain, String scope, Long database, String error) {
        return new PointerReport(domain, scope, null, null, null, database, false, error, PointerState.REDIS_UNAVAILABLE);
    }
}
