package dev.cpq.cache.projection;

/** A value could not be turned into (or back from) its cached JSON form, even after a reload. */
public class CacheSerializationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CacheSerializationException(String message, Throwable cause) {
        super(message, cause);
    }
}
