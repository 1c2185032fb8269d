package dev.cpq.platform.cache.control;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.cpq.cache.key.CacheKey;
import dev.cpq.cache.key.VersionLine;
import dev.cpq.cache.pointer.ActiveVersionPointer;
import dev.cpq.cache.projection.ProjectionCache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * How services read published data: active versions through the pointer and projections through the
 * versioned projection cache, both falling back to the database; an operator's bypassing request goes
 * to the database directly.
 */
@ApplicationScoped
public class CachedReads {

    private ProjectionCache cache;
    private ActiveVersionPointer pointer;
    private CacheBypass bypass;

    protected CachedReads() {}

    @Inject
    public CachedReads(ProjectionCache cache, ActiveVersionPointer pointer, CacheBypass bypass) {
        this.cache = cache;
        this.pointer = pointer;
        this.bypass = bypass;
    }

    /** The active version of a line: the pointer, else the database (which then sets the pointer). */
    public long activeVersion(VersionLine line, LongSupplier database) {
        return bypassed() ? database.getAsLong() : pointer.resolve(line, database);
    }

    /** The active versions of several lines of the caller's tenant: the pointers in one round trip. */
    public long[] activeVersions(List<VersionLine> lines, List<LongSupplier> database) {
        if (bypassed()) {
            return database.stream().mapToLong(LongSupplier::getAsLong).toArray();
        }
        return pointer.resolve(lines, database);
    }

    public <T> T projection(CacheKey key, Class<T> type, Supplier<T> database) {
        return bypassed() ? database.get() : cache.get(key, type, database);
    }

    public <T> T projection(CacheKey key, TypeReference<T> type, Supplier<T> database) {
        return bypassed() ? database.get() : cache.get(key, type, database);
    }

    private boolean bypassed() {
        try {
            return bypass.requested();
        } catch (jakarta.enterprise.context.ContextNotActiveException e) {
            return false; // outside a request (consumers, schedulers): always through the cache
        }
    }
}
