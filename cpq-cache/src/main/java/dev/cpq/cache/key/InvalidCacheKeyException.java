package dev.cpq.cache.key;

/** A cache key would be ambiguous or broken; a programming error, raised before Redis is touched. */
public class InvalidCacheKeyException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public InvalidCacheKeyException(String message) {
        super(message);
    }
}
