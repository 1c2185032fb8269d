package dev.cpq.platform.cache.control;

import jakarta.enterprise.context.RequestScoped;

/**
 * Whether the current request reads around the cache: an operator's {@code Cache-Control: no-cache}
 * asks every read of the request to go to the database (benchmarks compare cached with uncached on the
 * same data; operators check what the database says). Other callers cannot bypass the cache.
 */
@RequestScoped
public class CacheBypass {

    private boolean requested;

    public void request() {
        this.requested = true;
    }

    public boolean requested() {
        return requested;
    }
}
