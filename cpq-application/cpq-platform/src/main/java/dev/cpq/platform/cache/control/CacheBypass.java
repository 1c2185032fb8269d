package dev.cpq.platform.cache.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Whether the current request reads around the cache: an operator's {@code Cache-Control: no-cache}
 * asks every read of the request to go to the database (benchmarks compare cached with uncached on the
 * same data; operators check what the database says). Other callers cannot bypass the cache. The mark
 * lives on the servlet request, so it ends with it.
 */
@ApplicationScoped
public class CacheBypass {

    /** The servlet request attribute marking a bypassing request (set by the request filter). */
    public static final String MARK = CacheBypass.class.getName();

    private HttpServletRequest request;

    protected CacheBypass() {}

    @Inject
    public CacheBypass(HttpServletRequest request) {
        this.request = request;
    }

    public boolean requested() {
        return request.getAttribute(MARK) != null;
    }
}
