package dev.cpq.pricing.calculation.control;

import dev.cpq.events.cache.CatalogCacheKeys;
import dev.cpq.cache.key.VersionLine;
import dev.cpq.cache.pointer.ActiveVersionPointer;
import dev.cpq.platform.cache.control.CachedReads;
import dev.cpq.platform.observability.control.CurrentRequest;
import dev.cpq.platform.remote.entity.OutgoingCredentials;
import dev.cpq.platform.security.control.TenantContext;
import dev.cpq.pricing.calculation.entity.CatalogVersionRule;
import dev.cpq.pricing.calculation.entity.KnownCatalogVersions;
import dev.cpq.pricing.calculation.entity.CatalogVersionStaleException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.function.LongSupplier;

/** Accepts a calculation's catalog version only if it is the active one ({@link CatalogVersionRule}). */
@ApplicationScoped
public class CatalogVersionCheck {

    private CachedReads cachedReads;
    private KnownCatalogVersions known;
    private CatalogServiceClient catalog;
    private TenantContext tenant;
    private CurrentRequest request;

    protected CatalogVersionCheck() {}

    @Inject
    public CatalogVersionCheck(CachedReads cachedReads, KnownCatalogVersions known, CatalogServiceClient catalog, TenantContext tenant,
            CurrentRequest request) {
        this.cachedReads = cachedReads;
        this.known = known;
        this.catalog = catalog;
        this.tenant = tenant;
        this.request = request;
    }

    /** The tenant's catalog pointer, for reading it together with other pointers. */
    public VersionLine line() {
        return CatalogCacheKeys.line(tenant.tenant().value());
    }

    /**
     * What answers when the catalog pointer is absent: the version learned from catalog's events, else
     * (pricing has not seen the tenant's catalog yet) catalog-service itself. Never written to catalog's
     * pointer: only catalog's database rebuilds it (a replica that trails catalog would stick it at an old
     * version).
     */
    public LongSupplier learnedVersion(long requested, String authorization) {
        LongSupplier catalogItself = askCatalog(requested, authorization);
        return ActiveVersionPointer.notTheOwner(() -> {
            java.util.OptionalLong v = known.activeVersion();
            return v.isPresent() ? v.getAsLong() : catalogItself.getAsLong();
        });
    }

    /**
     * @param pointer the active version as the pointer (or its fallback) names it
     * @throws CatalogVersionStaleException when it is not the active version (409)
     * @throws dev.cpq.platform.remote.entity.RemoteServiceUnavailableException (503 CATALOG_UNAVAILABLE) when catalog-service cannot say
     */
    public long requireActive(long requested, long pointer, String authorization) {
        // catalog-service itself is asked only when the request is ahead of the pointer (a fresh publication)
        return CatalogVersionRule.accept(requested, pointer, askCatalog(requested, authorization));
    }

    private LongSupplier askCatalog(long requested, String authorization) {
        // the caller's own token and request id, taken here, on the request thread
        OutgoingCredentials from = catalog.credentialsNow();
        return () -> catalog.activeVersion(from).orElseThrow(() -> CatalogVersionStaleException.nothingPublished(requested));
    }
}
