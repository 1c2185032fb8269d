package dev.cpq.cache.policy;

/** What a cache domain does when Redis cannot be reached. */
public enum RedisDownMode {
    /** Load from the source of truth, and count it: slower, never wrong. */
    FALL_BACK,
    /** Fail at once with {@code dev.cpq.cache.redis.RedisUnavailableException}; the caller decides. */
    FAIL_FAST
}
