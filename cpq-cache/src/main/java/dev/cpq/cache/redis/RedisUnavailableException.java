package dev.cpq.cache.redis;

/** Redis could not be reached or did not answer in time. Never a business failure by itself. */
public class RedisUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public RedisUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
